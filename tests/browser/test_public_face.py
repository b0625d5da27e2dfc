"""The public face in real Chromium: a keyboard-only journey, reflow at 320 px and 200 % zoom,
axe-core in Finnish, Swedish and English, a Swedish search that finds a Finnish model, and the
accessibility statement's feedback form reached from the footer."""

from io import BytesIO, StringIO

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.management import call_command
from pypdf import PdfReader
from wagtail.models import Locale

from articles.models import ArticleIndexPage, ArticlePage
from demo.translations import translate_demo
from models_library.models import DevelopmentEntityPage, ModelLibraryPage, OperatingModelPage
from taxonomy.models import Theme
from tests.browser.conftest import SCREENSHOTS
from tests.browser.test_accessibility import WCAG_TAGS
from tests.conftest import SEEDS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MODEL_TITLE = "Kasvatus- ja perheneuvontatyön kehittäminen Etelä-Savossa"


@pytest.fixture
def public_site(migrated_data):
    """The seed pages in Finnish, translated into Swedish and English except the operating model,
    which has a theme and a county to filter by."""
    call_command("import_descriptions", str(SEEDS), publish=True, stdout=StringIO())
    translate_demo(publish=True)
    model = OperatingModelPage.objects.get(locale__language_code="fi")
    model.themes.add(Theme.objects.get(slug="perhekeskukset", locale__language_code="fi"))
    model.save_revision().publish()
    for translation in model.get_translations():
        translation.unpublish()
    return OperatingModelPage.objects.get(pk=model.pk)


def finnish_page_urls():
    fi = {"locale__language_code": "fi"}
    return {
        "home": "/fi/",
        "model_library": ModelLibraryPage.objects.get(**fi).url,
        "operating_model": OperatingModelPage.objects.get(**fi).url,
        "development_entity": DevelopmentEntityPage.objects.get(**fi).url,
        "article_index": ArticleIndexPage.objects.get(**fi).url,
        "article": ArticlePage.objects.get(title="Perhekeskus ja varhainen tuki arjessa").url,
        "search": "/fi/search/?q=perhekeskus",
        "tag": "/fi/tags/perhekeskus/",
        "statistics": "/fi/statistics/",
        "accessibility_statement": "/fi/accessibility/",
        "not_found": "/fi/ei-ole-olemassa/",
    }


def focused(browser_page):
    """What has the focus: its tag, text, id, link, whether the focus is visibly marked (an outline of
    2 px or more, or a box shadow), and whether it comes after the element focused before it on the page
    (the tab order follows the reading order)."""
    return browser_page.evaluate(
        """() => { const e = document.activeElement; const s = getComputedStyle(e);
        const visible = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== 'none';
        const text = (e.innerText || e.value || '').replace(/\\u00ad/g, '').trim();
        const before = window.__focusedBefore;
        const inOrder = !before || !before.isConnected || e === before
            || Boolean(before.compareDocumentPosition(e) & Node.DOCUMENT_POSITION_FOLLOWING);
        window.__focusedBefore = e;
        return {tag: e.tagName, text: text, id: e.id, href: e.getAttribute('href') || '', visible: visible,
                in_order: inOrder};
        }"""
    )


def tab_to(browser_page, wanted, limit=120):
    """Press Tab until ``wanted(focused element)`` holds; every element passed on the way shows its focus,
    and each comes after the one before it."""
    for _ in range(limit):
        browser_page.keyboard.press("Tab")
        element = focused(browser_page)
        assert element["tag"] != "BODY", "went through the whole page without reaching it"
        assert element["visible"], f"no visible focus on {element}"
        assert element["in_order"], f"the focus went back up the page to {element}"
        if wanted(element):
            return element
    raise AssertionError("never reached by Tab")


def test_keyboard_only_journey_from_home_to_a_model_and_its_swedish_library(
    public_site, live_server, browser_page, screenshot
):
    browser_page.goto(live_server.url + "/fi/")
    tab_to(browser_page, lambda e: e["id"] == "site-search")
    browser_page.keyboard.type("kirjoitusvirhe")
    browser_page.keyboard.press("Escape")  # a search box is emptied with Escape
    assert browser_page.input_value("#site-search") == ""
    browser_page.keyboard.type("perhekeskus")
    screenshot("keyboard-1-home")
    browser_page.keyboard.press("Enter")
    browser_page.wait_for_url("**/fi/search/?q=perhekeskus")

    # Space opens a closed group of filters and closes it again.
    summary = tab_to(browser_page, lambda e: e["tag"] == "SUMMARY" and e["text"] == "Kehittämisen vaihe")
    assert summary
    details = browser_page.locator("details.facet", has=browser_page.locator("summary", has_text="Kehittämisen vaihe"))
    browser_page.keyboard.press("Space")
    assert details.get_attribute("open") is not None
    browser_page.keyboard.press("Space")
    assert details.get_attribute("open") is None

    browser_page.goto(live_server.url + "/fi/search/?q=perhekeskus")
    tab_to(browser_page, lambda e: e["tag"] == "A" and e["text"].startswith("Etelä-Savon hyvinvointialue"))
    browser_page.keyboard.press("Enter")
    browser_page.wait_for_url("**area=etela-savo**")
    tab_to(browser_page, lambda e: e["tag"] == "A" and e["text"].startswith("Perhekeskukset"))
    browser_page.keyboard.press("Enter")
    browser_page.wait_for_url("**theme=perhekeskukset**")
    screenshot("keyboard-2-search-filtered")
    assert browser_page.locator(".search-results__list > li").count() == 1
    tab_to(browser_page, lambda e: e["tag"] == "A" and e["text"] == MODEL_TITLE)
    browser_page.keyboard.press("Enter")
    browser_page.wait_for_url("**" + public_site.url)
    screenshot("keyboard-3-model")

    # Space on the button adds the model to the comparison; the page comes back with the focus on top.
    tab_to(browser_page, lambda e: e["tag"] == "BUTTON" and e["text"].startswith("Lisää vertailuun"))
    browser_page.keyboard.press("Space")
    browser_page.wait_for_load_state()
    assert "on lisätty vertailuun" in browser_page.get_by_role("status").first.inner_text()
    assert browser_page.get_by_role("link", name="Vertailussa: vertaa nyt").is_visible()

    # Enter on the adoption kit opens the PDF; its text, read back by a PDF parser, is the model's.
    tab_to(browser_page, lambda e: e["tag"] == "A" and e["text"] == "Käyttöönottopaketti (PDF)")
    browser_page.screenshot(path=SCREENSHOTS / "keyboard-4-adoption-kit-focused.png")  # the focus ring shown
    browser_page.keyboard.press("Enter")
    browser_page.wait_for_url("**/kit.pdf")
    kit = browser_page.request.get(browser_page.url)
    assert kit.headers["content-type"] == "application/pdf"
    text = " ".join(" ".join((sheet.extract_text() or "").split()) for sheet in PdfReader(BytesIO(kit.body())).pages)
    assert MODEL_TITLE in text and "Ratkaisun perusidea" in text
    browser_page.go_back()
    browser_page.wait_for_url("**" + public_site.url)

    # The comparison holds the model, reached by Enter from the model page.
    tab_to(browser_page, lambda e: e["tag"] == "A" and e["text"] == "Vertailussa: vertaa nyt")
    browser_page.keyboard.press("Enter")
    browser_page.wait_for_url("**/adoptions/compare/")
    assert [h.replace("\u00ad", "") for h in browser_page.locator(".compare__model h2").all_inner_texts()] == [
        MODEL_TITLE
    ]
    screenshot("keyboard-5-comparison")
    tab_to(browser_page, lambda e: e["tag"] == "A" and e["text"] == MODEL_TITLE)
    browser_page.keyboard.press("Enter")
    browser_page.wait_for_url("**" + public_site.url)

    # Not translated into Swedish: the switcher leads to the Swedish library, which lists it in Finnish.
    tab_to(browser_page, lambda e: e["tag"] == "A" and e["text"] == "gå till närmaste svenska sida")
    browser_page.keyboard.press("Enter")
    browser_page.wait_for_load_state()
    assert browser_page.get_attribute("html", "lang") == "sv"
    card = browser_page.locator("li.card", has_text=MODEL_TITLE)
    assert card.get_attribute("lang") == "fi"
    assert "På finska" in card.inner_text()
    screenshot("keyboard-6-swedish-library")


def overflow(page):
    """What sticks out sideways of the page (tables scroll in their own box), or None."""
    wide = page.evaluate(
        """() => { const w = document.documentElement.clientWidth;
        const out = [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > w + 1
            && !e.closest('.table-wrapper, .table-wrap, .chart__scroll, .visually-hidden, .skip-link, '
                + 'wagtail-userbar'));
        return {scroll: document.documentElement.scrollWidth, width: w,
                out: out.slice(0, 3).map(e => e.tagName + '.' + e.className)}; }"""
    )
    return wide if wide["scroll"] > wide["width"] or wide["out"] else None


@pytest.mark.parametrize("width", [320, 640])
def test_every_public_page_type_reflows_at_320_px_and_200_percent_zoom(public_site, live_server, browser, width):
    """320 CSS px is WCAG's reflow width; a 1280 px window at 200 % zoom is 640 CSS px wide."""
    context = browser.new_context(viewport={"width": width, "height": 720}, locale="fi-FI")
    page = context.new_page()
    overflowing = {}
    try:
        for name, path in finnish_page_urls().items():
            page.goto(live_server.url + path)
            if wide := overflow(page):
                overflowing[name] = wide
            assert page.locator("h1").is_visible(), name
            page.screenshot(path=f"screenshots/reflow-{width}-{name}.png", full_page=True)
    finally:
        context.close()
    assert not overflowing, overflowing


def test_public_pages_pass_axe_in_finnish_swedish_and_english(public_site, live_server, browser_page):
    axe = Axe()
    failures = []
    urls = dict(finnish_page_urls())
    del urls["not_found"]
    for language in ("sv", "en"):
        locale = Locale.objects.get(language_code=language)
        library = ModelLibraryPage.objects.get(locale=locale)
        urls |= {
            f"{language}-home": f"/{language}/",
            f"{language}-library": library.url,
            f"{language}-search": f"/{language}/search/?q="
            + ("familjecenter" if language == "sv" else "family+centre"),
            f"{language}-statistics": f"/{language}/statistics/",
            f"{language}-accessibility": f"/{language}/accessibility/",
        }
    for name, path in urls.items():
        browser_page.goto(live_server.url + path)
        results = axe.run(browser_page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
        if results.violations_count:
            failures.append(f"{name} ({path}):\n{results.generate_report()}")
    assert not failures, "\n\n".join(failures)


def test_a_swedish_search_finds_the_finnish_model_marked_as_finnish(public_site, live_server, browser_page, screenshot):
    browser_page.goto(live_server.url + "/sv/")
    browser_page.get_by_label("Sök i biblioteket").fill("familjecenter")
    browser_page.get_by_role("button", name="Sök").click()
    browser_page.wait_for_url("**/sv/search/?q=familjecenter")
    card = browser_page.locator("li.card", has_text=MODEL_TITLE)
    assert card.count() == 1
    assert card.get_attribute("lang") == "fi"
    assert card.locator(".card__language").inner_text() == "På finska"
    assert card.locator(".card__language").get_attribute("lang") == "sv"
    screenshot("sv-search-finds-finnish-model")


def test_the_footer_leads_to_the_statement_whose_form_takes_feedback(
    public_site, live_server, browser_page, screenshot
):
    browser_page.goto(live_server.url + "/sv/statistics/")
    browser_page.get_by_role("contentinfo").get_by_role("link", name="Tillgänglighetsutlåtande").click()
    assert browser_page.locator("h1").inner_text() == "Tillgänglighetsutlåtande"
    browser_page.get_by_role("button", name="Skicka respons").click()
    assert "Skriv vad problemet är" in browser_page.locator("section[aria-labelledby=feedback]").inner_text()
    browser_page.get_by_label("Vad var svårt att använda?").fill("Diagrammen är små på telefonen.")
    browser_page.get_by_role("button", name="Skicka respons").click()
    assert "Tack. Din respons har tagits emot" in browser_page.get_by_role("status").inner_text()
    screenshot("sv-accessibility-feedback-sent")
