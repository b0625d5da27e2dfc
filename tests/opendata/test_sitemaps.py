"""The sitemap index and one sitemap per language, parsed as XML: every published public page with
its own date and its translations as hreflang alternates; robots.txt names the index."""

import datetime
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.django_db

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}


def read_xml(client, address):
    response = client.get(address)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    return ET.fromstring(response.content)


def sitemap_entries(client, address):
    """{address: (lastmod, {hreflang: alternate address})}"""
    root = read_xml(client, address)
    entries = {}
    for url in root.findall("s:url", NS):
        alternates = {link.get("hreflang"): link.get("href") for link in url.findall("xhtml:link", NS)}
        entries[url.findtext("s:loc", namespaces=NS)] = (url.findtext("s:lastmod", namespaces=NS), alternates)
    return entries


def test_the_index_names_a_sitemap_per_language(site, client):
    root = read_xml(client, "/sitemap.xml")
    assert root.tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}sitemapindex"
    locations = [element.text for element in root.findall("s:sitemap/s:loc", NS)]
    assert locations == [f"http://127.0.0.1:8000/sitemap-{code}.xml" for code in ("fi", "sv", "en")]
    for location in locations:
        assert sitemap_entries(client, urlsplit(location).path)


def test_each_language_lists_its_pages_with_their_translations(site, client):
    finnish = sitemap_entries(client, "/sitemap-fi.xml")
    swedish = sitemap_entries(client, "/sitemap-sv.xml")
    model = site["seed_model"]
    model_address = model.get_full_url()
    assert model_address in finnish
    lastmod, alternates = finnish[model_address]
    assert lastmod == model.modified_date.isoformat()  # the description's own date
    assert set(alternates) == {"fi", "sv", "en", "x-default"}
    assert alternates["fi"] == alternates["x-default"] == model_address
    assert alternates["sv"].startswith("http://127.0.0.1:8000/sv/")
    # The Swedish sitemap lists the Swedish page with the same alternates.
    assert alternates["sv"] in swedish
    assert swedish[alternates["sv"]][1] == alternates
    assert all(address.startswith("http://127.0.0.1:8000/sv/") for address in swedish)

    mikkeli = site["mikkeli"].get_full_url()
    assert finnish[mikkeli] == (datetime.date.today().isoformat(), {})  # untranslated: no alternates
    for page in (site["draft"], site["restricted"]):
        assert not any(page.slug in address for address in finnish)


def test_an_unknown_sitemap_is_not_found(client):
    assert client.get("/sitemap-de.xml").status_code == 404


def test_robots_txt_names_the_sitemap(client):
    response = client.get("/robots.txt", HTTP_HOST="127.0.0.1:8000")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert "Sitemap: http://127.0.0.1:8000/sitemap.xml" in lines
    assert "Disallow: /admin/" in lines


def test_dates_of_a_publication_are_days_in_finland():
    """Published at 00:30 in Helsinki (22:30 UTC the day before): the page's day is the Finnish one,
    in the sitemap, the structured data and the listings alike."""
    from home.models import HomePage
    from models_library.models import OperatingModelPage
    from opendata.representation import page_dates
    from opendata.sitemaps import lastmod_of

    published = datetime.datetime(2026, 11, 29, 22, 30, tzinfo=datetime.UTC)
    finnish_day = datetime.date(2026, 11, 30)
    model = OperatingModelPage(created_date=datetime.date(2026, 1, 2), last_published_at=published)
    assert model.last_modified == finnish_day
    assert page_dates(model) == (datetime.date(2026, 1, 2), finnish_day)
    assert lastmod_of(HomePage(last_published_at=published)) == finnish_day
