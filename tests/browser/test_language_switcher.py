"""The language switcher leads to the same page in each language, and each language's pages pass
axe-core with the right ``lang``."""

from io import StringIO

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.management import call_command
from wagtail.models import Locale

from articles.models import ArticleIndexPage, ArticlePage
from demo.translations import translate_demo
from home.models import HomePage
from models_library.models import DevelopmentEntityPage, ModelLibraryPage, OperatingModelPage
from tests.browser.test_accessibility import WCAG_TAGS
from tests.conftest import SEEDS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SWITCHER_NAME = {"fi": "Kieli", "sv": "Språk", "en": "Language"}
LANGUAGE_NAME = {"fi": "Suomi", "sv": "Svenska", "en": "English"}


@pytest.fixture
def translated_site(migrated_data):
    """The seed pages in Finnish with published Swedish and English versions."""
    call_command("import_descriptions", str(SEEDS), publish=True, stdout=StringIO())
    translate_demo(publish=True)


def finnish_pages():
    fi = {"locale__language_code": "fi"}
    return {
        "home": HomePage.objects.get(**fi),
        "model_library": ModelLibraryPage.objects.get(**fi),
        "operating_model": OperatingModelPage.objects.get(**fi),
        "development_entity": DevelopmentEntityPage.objects.get(**fi),
        "article_index": ArticleIndexPage.objects.get(**fi),
        "article": ArticlePage.objects.get(title="Perhekeskus ja varhainen tuki arjessa"),
    }


def switch_to(browser_page, current, target):
    switcher = browser_page.get_by_role("navigation", name=SWITCHER_NAME[current])
    switcher.get_by_role("link", name=LANGUAGE_NAME[target], exact=True).click()
    browser_page.wait_for_load_state()


def test_the_switcher_leads_to_the_same_page_in_each_language(translated_site, live_server, browser_page):
    axe = Axe()
    failures = []
    locales = {code: Locale.objects.get(language_code=code) for code in ("sv", "en")}
    for name, page in finnish_pages().items():
        browser_page.goto(live_server.url + page.url)
        assert browser_page.get_attribute("html", "lang") == "fi", name
        current = "fi"
        for target in ("sv", "en", "fi"):
            switch_to(browser_page, current, target)
            expected = page if target == "fi" else page.get_translation(locales[target])
            assert browser_page.url == live_server.url + expected.url, f"{name}: {current} → {target}"
            assert browser_page.get_attribute("html", "lang") == target, name
            # Long Finnish words carry soft hyphens, shown only where a line breaks.
            assert browser_page.locator("h1").inner_text().replace("\u00ad", "") == expected.title, name
            current_link = browser_page.get_by_role("navigation", name=SWITCHER_NAME[target]).locator(
                "a[aria-current=true]"
            )
            assert current_link.get_attribute("hreflang") == target
            if target != "fi":
                results = axe.run(browser_page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
                if results.violations_count:
                    failures.append(f"{name} ({target}):\n{results.generate_report()}")
            current = target
    assert not failures, "\n\n".join(failures)


def test_a_missing_translation_is_said_plainly_and_the_finnish_page_offered(translated_site, live_server, browser_page):
    article = ArticlePage.objects.get(title="Perhekeskus ja varhainen tuki arjessa")
    english = article.get_translation(Locale.objects.get(language_code="en"))
    english.unpublish()
    swedish = article.get_translation(Locale.objects.get(language_code="sv"))
    browser_page.goto(live_server.url + swedish.url)
    switcher = browser_page.get_by_role("navigation", name=SWITCHER_NAME["sv"])
    assert "English: not translated yet" in switcher.inner_text()
    assert switcher.get_by_role("link", name="English", exact=True).count() == 0
    switcher.get_by_role("link", name="read the Finnish page").click()
    browser_page.wait_for_load_state()
    assert browser_page.url == live_server.url + article.url
    assert browser_page.get_attribute("html", "lang") == "fi"
