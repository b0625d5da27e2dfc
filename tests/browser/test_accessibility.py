"""Every page type passes axe-core (WCAG 2.1 A and AA) in real Chromium, with the right ``lang``."""

from io import StringIO

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.management import call_command
from playwright.sync_api import expect

from articles.models import ArticleIndexPage, ArticlePage
from models_library.models import DevelopmentEntityPage, ModelLibraryPage, OperatingModelPage
from tests.conftest import SEEDS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.fixture
def demo_site(migrated_data):
    call_command("import_descriptions", str(SEEDS), publish=True, stdout=StringIO())


def page_urls():
    return {
        "home": "/fi/",
        "model_library": ModelLibraryPage.objects.get().url,
        "operating_model": OperatingModelPage.objects.get().url,
        "development_entity": DevelopmentEntityPage.objects.get().url,
        "article_index": ArticleIndexPage.objects.get().url,
        "article": ArticlePage.objects.get(title="Perhekeskus ja varhainen tuki arjessa").url,
        "search": "/fi/search/?q=perhekeskus",
        "not_found": "/fi/ei-ole-olemassa/",
    }


def test_every_page_type_has_no_axe_violations(demo_site, live_server, browser_page, screenshot):
    axe = Axe()
    failures = []
    for name, path in page_urls().items():
        response = browser_page.goto(live_server.url + path)
        assert response.status == (404 if name == "not_found" else 200), f"{name}: {response.status}"
        assert browser_page.get_attribute("html", "lang") == "fi", name
        assert browser_page.locator("h1").count() == 1, f"{name} has not exactly one h1"
        screenshot(f"fi-{name}")
        results = axe.run(browser_page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
        if results.violations_count:
            failures.append(f"{name} ({path}):\n{results.generate_report()}")
    assert not failures, "\n\n".join(failures)


def test_description_sections_are_headed_in_the_national_order(demo_site, live_server, browser_page):
    browser_page.goto(live_server.url + OperatingModelPage.objects.get().url)
    headings = browser_page.locator(".content section[aria-labelledby^='section-'] > h2").all_inner_texts()
    assert headings == [
        "Ratkaisun perusidea",
        "Toimintaympäristö",
        "Kohderyhmä ja asiakasymmärrys",
        "Toimivuuden ja käyttöönoton ehdot",
        "Arvioinnin tulokset tiivistettynä",
        "Riippuvuudet",
        "Vinkit toimintamallin soveltajille",
    ]
    metadata = browser_page.locator(".metadata").inner_text()
    for text in (
        "Etelä-Savon hyvinvointialue",
        "Sosiaali- ja terveysministeriö (STM)",
        "Valmis",
        "Taina Paananen",
        "11.12.2023",
        "5.1.2024",
    ):
        assert text in metadata


def test_breadcrumbs_lead_back_to_the_library(demo_site, live_server, browser_page):
    browser_page.goto(live_server.url + OperatingModelPage.objects.get().url)
    browser_page.get_by_role("navigation", name="Murupolku").get_by_role("link", name="Toimintamallit").click()
    assert browser_page.locator("h1").inner_text().replace("\u00ad", "") == "Toimintamallit"
    expect(
        browser_page.get_by_role("link", name="Kasvatus- ja perheneuvontatyön kehittäminen Etelä-Savossa")
    ).to_have_count(1)
