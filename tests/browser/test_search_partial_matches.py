"""A visitor searching the library in Finnish sees how many pages have the word they typed, and the
pages that share only parts of it after them, under their own heading."""

from io import StringIO

import pytest
from django.core.management import call_command

from home.models import HomePage
from tests.conftest import SEEDS

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
