"""Imported descriptions carry their source's dates everywhere, never the day of the import: the newest-first
order of the search and the library, the feeds, the sitemap and the search card."""

import datetime
import xml.etree.ElementTree as ET
from io import StringIO
from pathlib import Path

import feedparser
import pytest
from django.core.management import call_command

from models_library.models import ModelLibraryPage, OperatingModelPage

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).resolve().parent / "fixtures"
# Imported (and published here) in this order, by file name; their own last-modified dates, 7.1.2025,
# 30.3.2023 and 14.11.2023, put them in another.
FILES = ("malli_2024.txt", "malli_puutteellinen.txt", "malli_tahdet.txt")
BY_OWN_DATE = [
    "Perhetupa – kohtaamispaikka lapsiperheille",
    "Matalan kynnyksen perheneuvonta sotekeskuksessa",
    "Vertaisryhmät eroperheille",
]
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture
def imported():
    call_command(
        "import_descriptions",
        *(str(FIXTURES / name) for name in FILES),
        publish=True,
        stdout=StringIO(),
        stderr=StringIO(),
    )
    pages = list(OperatingModelPage.objects.order_by("-first_published_at"))
    assert [page.title for page in pages] != BY_OWN_DATE, "the last published first would be another order"
    return pages


def test_the_search_newest_first_follows_the_sources_dates(client, imported):
    for query in ({"type": "operating_model"}, {"q": "perhe", "sort": "newest"}):
        results = client.get("/fi/search/", {**query, "format": "json"}).json()["results"]
        titles = [result["title"] for result in results if result["title"] in BY_OWN_DATE]
        assert titles == BY_OWN_DATE, query
    first = client.get("/fi/search/", {"type": "operating_model", "format": "json"}).json()["results"][0]
    assert (first["created"], first["modified"]) == ("2024-06-24", "2025-01-07")


def test_the_library_lists_the_models_by_their_own_dates(client, imported):
    html = client.get(ModelLibraryPage.objects.get().url).content.decode()
    positions = [html.index(title) for title in BY_OWN_DATE]
    assert positions == sorted(positions)
    assert '<time datetime="2025-01-07">7.1.2025</time>' in html


def test_feed_entries_carry_the_sources_dates_in_their_order(client, imported):
    feed = feedparser.parse(client.get("/fi/feeds/").content)
    entries = [entry for entry in feed.entries if entry.title in BY_OWN_DATE]
    assert [entry.title for entry in entries] == BY_OWN_DATE
    assert entries[0].published.startswith("2024-06-24") and entries[0].updated.startswith("2025-01-07")
    today = datetime.date.today().isoformat()
    assert not any(entry.published.startswith(today) or entry.updated.startswith(today) for entry in entries)


def test_the_sitemap_dates_each_description_by_its_source(client, imported):
    tree = ET.fromstring(client.get("/sitemap-fi.xml").content)
    lastmod = {url.find(f"{SITEMAP}loc").text: url.findtext(f"{SITEMAP}lastmod") for url in tree.iter(f"{SITEMAP}url")}
    dates = {page.title: lastmod[page.full_url] for page in imported}
    assert dates == {
        BY_OWN_DATE[0]: "2025-01-07",
        BY_OWN_DATE[1]: "2023-11-14",
        BY_OWN_DATE[2]: "2023-03-30",
    }
