"""A visitor reads an imported operating model's development path, and sees which sections a
description published nationally lacks."""

from io import StringIO

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.management import call_command
from playwright.sync_api import expect

from tests.browser.test_accessibility import WCAG_TAGS
from tests.importer.test_national_formats import FIXTURES, PERHETUPA

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def imported(migrated_data):
    call_command("import_descriptions", str(FIXTURES), publish=True, stdout=StringIO(), stderr=StringIO())


def test_a_visitor_reads_the_development_path_and_the_missing_section_notice(
    imported, live_server, browser_page, screenshot
):
    axe = Axe()
    browser_page.goto(live_server.url + "/fi/")
    browser_page.get_by_role("link", name="Toimintamallit").first.click()
    browser_page.get_by_role("link", name=PERHETUPA).click()

    path = browser_page.get_by_role("region", name="Kehittämisen polku")
    expect(path.get_by_role("heading", level=3, name="Oivalla ja ymmärrä")).to_be_visible()
    for heading in ("Tarve", "Toimintaympäristö", "Lähtötilanne ja strategiset liittymäkohdat"):
        assert path.get_by_role("heading", level=4, name=heading).first.is_visible()
    assert path.get_by_role("listitem").filter(has_text="Lasten ja nuorten hyvinvointisuunnitelma").is_visible()
    assert browser_page.get_by_text("Ei kuvattu").count() == 0
    assert axe.run(browser_page, options={"runOnly": WCAG_TAGS}).violations_count == 0
    screenshot("imported-development-path")

    browser_page.go_back()
    browser_page.get_by_role("link", name="Vertaisryhmät eroperheille").click()
    expect(browser_page.get_by_role("heading", level=1)).to_contain_text("Vertais")
    for section in ("Toimintaympäristö", "Kohderyhmä ja asiakasymmärrys", "Toimivuuden ja käyttöönoton ehdot"):
        region = browser_page.get_by_role("region", name=section)
        assert region.get_by_text("Ei kuvattu").is_visible()
    assert browser_page.get_by_text("Ei kuvattu").count() == 3
    assert axe.run(browser_page, options={"runOnly": WCAG_TAGS}).violations_count == 0
    screenshot("imported-missing-sections")


def test_a_visitor_finds_the_newest_descriptions_by_their_own_dates(imported, live_server, browser_page, screenshot):
    """Imported in one minute, the descriptions are ordered and dated by their source: created and last modified."""
    browser_page.goto(live_server.url + "/fi/")
    box = browser_page.get_by_role("search").get_by_role("combobox")
    box.fill("perhe")
    box.press("Enter")
    browser_page.wait_for_load_state()
    browser_page.get_by_label("Järjestys").select_option(label="Uusimmat ensin")
    browser_page.get_by_role("button", name="Järjestä").click()
    browser_page.wait_for_load_state()

    cards = browser_page.locator(".search-results li").filter(has=browser_page.get_by_role("heading"))
    titles = [title.strip() for title in cards.get_by_role("heading").all_inner_texts()]
    expected = [PERHETUPA, "Matalan kynnyksen perheneuvonta sotekeskuksessa", "Vertaisryhmät eroperheille"]
    assert [title for title in titles if title in expected] == expected
    newest = cards.filter(has_text=PERHETUPA).first
    expect(newest).to_contain_text("Luotu 24.6.2024")
    expect(newest).to_contain_text("Viimeksi muokattu 7.1.2025")
    screenshot("imported-newest-first")
