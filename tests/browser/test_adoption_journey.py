"""A visitor's path by clicking: search → model → compare two models → the PDF → propose an adoption → contact."""

import io

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core import mail
from django.core.cache import caches
from pypdf import PdfReader

from adoption.models import Adoption, ModerationState
from models_library.models import OperatingModelAuthor, OperatingModelPage
from tests.browser.test_accessibility import WCAG_TAGS, demo_site  # noqa: F401  (fixture)
from tests.factories import OperatingModelPageFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SEED_TITLE = "Kasvatus- ja perheneuvontatyön kehittäminen Etelä-Savossa"
OTHER_TITLE = "Perhekeskuksen vauvaperhetyö"


@pytest.fixture
def two_models(demo_site):  # noqa: F811
    seed = OperatingModelPage.objects.get(title=SEED_TITLE)
    OperatingModelAuthor.objects.filter(page=seed).update(email="tekija@example.fi")
    OperatingModelPageFactory(
        parent=seed.get_parent(),
        title=OTHER_TITLE,
        short_description="Perhekeskus tukee vauvaperheitä kotikäynnein.",
    )
    return seed


def check_axe(page, name, failures):
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    if results.violations_count:
        failures.append(f"{name} ({page.url}):\n{results.generate_report()}")


def test_a_visitor_compares_prints_proposes_and_contacts(two_models, live_server, browser_page, screenshot):
    page, failures = browser_page, []
    page.goto(live_server.url + "/fi/")
    page.get_by_role("combobox", name="Hae kirjastosta").fill("perhekeskus")
    page.get_by_role("search").get_by_role("button", name="Haku").click()
    screenshot("adoption-1-search")
    page.get_by_role("listitem").filter(has_text=OTHER_TITLE).get_by_role("button", name="Lisää vertailuun").click()
    page.get_by_role("link", name=SEED_TITLE).click()
    assert page.locator("h1").inner_text().replace("\u00ad", "") == SEED_TITLE
    page.get_by_role("button", name="Lisää vertailuun").click()
    screenshot("adoption-2-model")
    check_axe(page, "model page", failures)

    page.get_by_role("link", name="Vertailussa: vertaa nyt").click()
    assert page.locator("h1").inner_text().replace("\u00ad", "") == "Vertaa toimintamalleja"
    assert page.locator(".compare__model h2").all_inner_texts() == [OTHER_TITLE, SEED_TITLE]
    screenshot("adoption-3-compare")
    check_axe(page, "compare", failures)
    page.set_viewport_size({"width": 390, "height": 844})
    page.get_by_role("link", name="Toimintaympäristö").click()
    assert page.locator(".compare__section:visible h2").all_inner_texts() == ["Toimintaympäristö"]
    screenshot("adoption-4-compare-mobile")
    page.set_viewport_size({"width": 1280, "height": 900})

    page.get_by_role("link", name=SEED_TITLE).first.click()
    page.get_by_role("link", name="Käyttöönottopaketti (PDF)").click()
    page.wait_for_url("**/kit.pdf")
    screenshot("adoption-4b-pdf")
    # Chromium's PDF viewer shows the document; its bytes are read again through the same browser context.
    opened = page.request.get(page.url)
    assert opened.headers["content-type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(opened.body()))
    text = " ".join(" ".join((sheet.extract_text() or "").split()) for sheet in reader.pages)
    assert "Kasvatus- ja perheneuvontatyön" in text and "Vinkit toimintamallin soveltajille" in text
    page.go_back()

    page.get_by_role("link", name="Kerro, että käytätte mallia").click()
    check_axe(page, "propose", failures)
    page.get_by_label("Tilanne").select_option(label="Kokeilee")
    page.get_by_label("Organisaatio").fill("Juvan perhekeskus")
    page.get_by_label("Alue", exact=True).select_option(label="Juva")
    page.get_by_label("Mitä muutettiin").fill("Ryhmät verkossa.")
    page.get_by_label("Yhteyshenkilö", exact=True).fill("Maija Meikäläinen")
    page.get_by_label("Yhteyshenkilön saa näyttää").check()
    page.get_by_label("Sähköpostiosoitteesi").fill("maija@example.fi")
    screenshot("adoption-5-propose")
    page.get_by_role("button", name="Tallenna").click()
    assert "Kiitos!" in page.get_by_role("status").first.inner_text()
    assert Adoption.objects.get().moderation_state == ModerationState.PENDING

    contact = page.get_by_role("region", name="Ota yhteyttä tekijöihin")
    contact.get_by_label("Nimesi").fill("Ville Vierailija")
    contact.get_by_label("Sähköpostiosoitteesi").fill("ville@example.fi")
    contact.get_by_label("Viesti").fill("Miten aloititte?")
    contact.get_by_role("button", name="Lähetä").click()
    assert "Viestisi lähetettiin" in page.get_by_role("status").first.inner_text()
    assert [message.to for message in mail.outbox[-2:]] == [["tekija@example.fi"], ["ville@example.fi"]]
    assert "tekija@example.fi" not in page.content()
    screenshot("adoption-6-contacted")

    Adoption.objects.update(moderation_state=ModerationState.APPROVED)
    page.reload()
    page.get_by_role("link", name="Kaikki käyttöönotot").click()
    assert page.locator("h1").inner_text().replace("\u00ad", "") == "Käyttöönotot"
    screenshot("adoption-7-overview")
    check_axe(page, "adoption overview", failures)
    assert not failures, "\n\n".join(failures)


def test_a_visitor_follows_and_contacts_from_the_cached_model_page(
    two_models, live_server, browser, browser_page, screenshot
):
    """The model page is one cached page for every anonymous visitor, and its forms work from it."""
    caches["default"].clear()
    first = browser.new_context(locale="fi-FI").new_page()
    assert first.goto(live_server.url + two_models.url).headers["x-page-cache"] == "miss"
    first.context.close()
    page = browser_page  # another visitor
    page.goto(live_server.url + "/fi/")
    page.get_by_role("combobox", name="Hae kirjastosta").fill("perhekeskus")
    page.get_by_role("search").get_by_role("button", name="Haku").click()
    response_headers = {}
    page.on(
        "response",
        lambda response: response_headers.update(response.headers) if response.url.endswith(two_models.url) else None,
    )
    page.get_by_role("link", name=SEED_TITLE).click()
    assert response_headers.get("x-page-cache") == "hit"

    page.get_by_label("Seuraa tätä mallia sähköpostilla").fill("seuraaja@example.fi")
    page.get_by_role("button", name="Seuraa").click()
    assert "Melkein valmista" in page.get_by_role("status").first.inner_text()
    contact = page.get_by_role("region", name="Ota yhteyttä tekijöihin")
    contact.get_by_label("Nimesi").fill("Ville Vierailija")
    contact.get_by_label("Sähköpostiosoitteesi").fill("ville@example.fi")
    contact.get_by_label("Viesti").fill("Miten aloititte?")
    contact.get_by_role("button", name="Lähetä").click()
    assert "Viestisi lähetettiin" in page.get_by_role("status").first.inner_text()
    screenshot("adoption-8-from-cached-page")
    assert [message.to for message in mail.outbox] == [
        ["seuraaja@example.fi"],
        ["tekija@example.fi"],
        ["ville@example.fi"],
    ]
