"""SITE_URL reaches Wagtail's Site record (migration and after migrate), so absolute addresses carry it."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.test import override_settings
from wagtail.models import Site

from opendata.site_url import apply_site_url, site_address
from review.roles import REVIEWERS
from tests.factories import OperatingModelPageFactory

pytestmark = pytest.mark.django_db

LOCALHOST_WITHOUT_PORT = re.compile(r"localhost/|localhost\"|//localhost[^:]")


def test_the_migrated_site_has_the_address_of_site_url():
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("127.0.0.1", 8000)
    assert site.root_url == "http://127.0.0.1:8000"


@pytest.mark.parametrize(
    "url, expected",
    [
        ("https://toimintamallit.fi", ("toimintamallit.fi", 443)),
        ("http://example.org", ("example.org", 80)),
        ("http://localhost:8105/", ("localhost", 8105)),
    ],
)
def test_site_url_gives_hostname_and_port(url, expected):
    assert site_address(url) == expected


def test_a_changed_site_url_is_applied_to_the_site_record():
    with override_settings(SITE_URL="https://toimintamallit.fi"):
        assert apply_site_url() == 1
        assert Site.objects.get(is_default_site=True).root_url == "https://toimintamallit.fi"
        assert apply_site_url() == 0  # already there


def test_no_address_without_the_port(site, client):
    """No page, feed, sitemap, API answer or e-mail points at ``localhost/`` or drops the port."""
    addresses = [
        "/fi/",
        site["mikkeli"].url,
        "/fi/feeds/",
        "/fi/search/?q=perhekeskus&format=atom",
        "/sitemap.xml",
        "/sitemap-fi.xml",
        "/sitemap-sv.xml",
        "/robots.txt",
        "/api/v2/pages/?fields=*",
        "/api/v2/openapi.json",
    ]
    for address in addresses:
        text = client.get(address).content.decode()
        assert not LOCALHOST_WITHOUT_PORT.search(text), address
        assert "http://127.0.0.1:8000/" in text, address
        assert "http://127.0.0.1/" not in text, address


def test_review_e_mails_link_to_the_site_address(library, django_capture_on_commit_callbacks):
    """The e-mail to reviewers about a submitted description links to the admin at SITE_URL."""
    reviewer = get_user_model().objects.create_user("reviewer", "reviewer@example.fi", "salasana")
    reviewer.groups.add(Group.objects.get(name=REVIEWERS))
    author = get_user_model().objects.create_user("author", "author@example.fi", "salasana")
    page = OperatingModelPageFactory(parent=library, title="Tarkistettava malli", live=False)
    page.save_revision(user=author)
    with django_capture_on_commit_callbacks(execute=True):
        page.get_workflow().start(page, author)
    bodies = [message.body for message in mail.outbox if "reviewer@example.fi" in message.to]
    assert bodies
    for body in bodies:
        assert "http://127.0.0.1:8000/admin/" in body
        assert not LOCALHOST_WITHOUT_PORT.search(body)
