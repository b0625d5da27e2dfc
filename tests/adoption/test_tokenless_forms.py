"""The model page's forms carry no CSRF token: their views take a POST from this site's pages only,
treat every sender as anonymous, and follow requests are rate limited like contact messages."""

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import translation

from adoption.models import Follow

pytestmark = pytest.mark.django_db

CROSS_SITE = {"HTTP_SEC_FETCH_SITE": "cross-site", "HTTP_ORIGIN": "https://evil.example"}


def url(name, *args):
    with translation.override("fi"):
        return reverse(f"adoption:{name}", args=args)


def forms(page):
    contact = {"name": "Ville", "email": "ville@example.fi", "message": "Hei", "website": ""}
    return [
        (url("contact", page.pk), contact),
        (url("follow"), {"email": "seuraaja@example.fi", "model": page.pk, "website": ""}),
        (url("compare_add", page.pk), {"next": page.url}),
    ]


def test_a_browser_on_this_site_sends_the_forms_without_a_token(model_page):
    client = Client(enforce_csrf_checks=True)
    same_site = {"HTTP_SEC_FETCH_SITE": "same-origin", "HTTP_ORIGIN": "http://testserver"}
    for action, data in forms(model_page):
        assert client.post(action, data, **same_site).status_code == 302, action
    assert len(mail.outbox) == 3  # the message, its copy, the follow confirmation
    assert Follow.objects.count() == 1 and client.session["compare"] == [str(model_page.translation_key)]


@pytest.mark.parametrize("headers", [CROSS_SITE, {"HTTP_ORIGIN": "https://evil.example"}])
def test_another_site_cannot_send_them(model_page, headers):
    client = Client(enforce_csrf_checks=True)
    for action, data in forms(model_page):
        response = client.post(action, data, **headers)
        assert response.status_code == 403, action
        assert "Lomakkeen voi lähettää vain kirjaston omilta sivuilta." in response.content.decode()
    assert not mail.outbox and not Follow.objects.exists() and "compare" not in client.session


def test_a_signed_in_editor_contacts_as_anyone_else(client, model_page, admin_user):
    client.force_login(admin_user)
    contact = {"name": "Ville", "email": "ville@example.fi", "message": "Hei", "website": ""}
    client.post(url("contact", model_page.pk), contact)
    assert mail.outbox[0].reply_to == ["ville@example.fi"] and admin_user.email not in mail.outbox[0].body


def test_follow_requests_are_rate_limited(client, model_page):
    for _ in range(6):
        response = client.post(url("follow"), {"email": "seuraaja@example.fi", "model": model_page.pk}, follow=True)
    assert "Juuri nyt on lähetetty liian monta viestiä" in response.content.decode()
    assert Follow.objects.count() == 5 and len(mail.outbox) == 5
