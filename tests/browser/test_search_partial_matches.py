"""A visitor searching the library in Finnish sees how many pages have the word they typed, and the
pages that share only parts of it after them, under their own heading; when the pages with every
word fill the page, the partial matches are left out and one line links to them."""

import json
from io import StringIO

import pytest
from django.core.management import call_command

from home.models import HomePage
from importer.models import ImportedSource
from tests.conftest import SEEDS
from tests.factories import ArticlePageFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def library(migrated_data):
    call_command("import_descriptions", str(SEEDS), publish=True, stdout=StringIO())
    call_command("update_index", stdout=StringIO(), stderr=StringIO())


def test_a_visitor_sees_full_matches_counted_and_partial_matches_apart(library, live_server, browser_page, screenshot):
    home = HomePage.objects.get(locale__language_code="fi")
    browser_page.goto(live_server.url + home.url)
    box = browser_page.get_by_role("search").get_by_role("combobox")
    box.fill("väkivaltatyö")
    box.press("Enter")
    browser_page.wait_for_load_state()

    status = browser_page.get_by_role("status")
    assert status.inner_text().startswith("1 tulos, lisäksi ")
    assert "osittain vastaava" in status.inner_text()
    results = browser_page.locator(".search-results")
    heading = results.get_by_role("heading", name="Osittain vastaavat")
    assert heading.is_visible()
    lists = results.locator("ol.search-results__list")
    assert lists.count() == 2
    assert lists.nth(0).locator("li").count() == 1
    assert "väkivaltatyötä" in lists.nth(0).get_by_role("heading").inner_text()
    assert lists.nth(1).locator("li").count() >= 1
    assert lists.nth(1).locator("mark").count() >= 1, "the partial matches show which part matched"
    screenshot("search-partial-matches")


def test_a_visitor_gets_the_partial_matches_left_out_by_following_the_line_about_them(
    library, live_server, browser_page, screenshot
):
    parent = ImportedSource.objects.get(source="001_a3e0565db6a0145d.txt").page.get_parent()
    body = json.dumps([{"type": "paragraph", "value": "<p>Lauantaisin on avoimet ovet.</p>"}])
    for number in range(21):
        ArticlePageFactory(parent=parent, title=f"Kuukkelimetsän kerhotalo {number}", intro="Kerho.", body=body)
    ArticlePageFactory(parent=parent, title="Kuukkelimetsän leiri", intro="Leiri.", body=body)
    home = HomePage.objects.get(locale__language_code="fi")
    browser_page.goto(live_server.url + home.url)
    box = browser_page.get_by_role("search").get_by_role("combobox")
    box.fill("kuukkelimetsä kerhotalo")
    box.press("Enter")
    browser_page.wait_for_load_state()

    status = browser_page.get_by_role("status").inner_text()
    assert status.startswith("21 tulosta, lisäksi "), status
    partial = int(status.split("lisäksi ")[1].split()[0])
    results = browser_page.locator(".search-results")
    assert results.get_by_text(f"{partial} osittain vastaavaa sivua on jätetty pois").is_visible()
    assert results.get_by_role("heading", name="Osittain vastaavat").count() == 0
    assert results.locator("ol.search-results__list > li").count() == 20
    screenshot("search-partial-matches-left-out")

    results.get_by_role("link", name="Näytä osittain vastaavat").click()
    browser_page.wait_for_load_state()
    results = browser_page.locator(".search-results")
    assert results.get_by_role("heading", name="Osittain vastaavat").is_visible()
    lists = results.locator("ol.search-results__list")
    assert lists.count() == 2, "the last full match, then the partial ones under their heading"
    assert lists.nth(0).locator("li").count() == 1
    assert lists.nth(1).locator("li").count() == partial
    assert "Kuukkelimetsän leiri" in lists.nth(1).inner_text()
    assert "Sivu 2 / 2" in browser_page.get_by_role("navigation", name="Sivut").inner_text()
    screenshot("search-partial-matches-shown")
