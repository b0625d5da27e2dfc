"""A Swedish-speaking visitor on a phone, 390 and 320 px wide, by clicking: the home page, a search in
Swedish, a model translated into Swedish, the adoption and contact forms, and the statistics. Every
page is in Swedish and nothing scrolls sideways."""

from io import StringIO

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core import mail
from django.core.management import call_command

from adoption.models import Adoption, AdoptionStatus, ModerationState
from models_library.models import OperatingModelAuthor, OperatingModelPage
from taxonomy.models import Area
from tests.browser.test_accessibility import WCAG_TAGS
from tests.browser.test_public_face import overflow

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MODEL_SV = "Utveckling av uppfostrings- och familjerådgivningen i Södra Savolax"


@pytest.fixture
def swedish_demo(migrated_data):
    """The demo (its operating model published in Swedish), the model's author reachable by e-mail,
    and two approved adoptions."""
    call_command("load_demo", force=True, stdout=StringIO(), stderr=StringIO())
    model = OperatingModelPage.objects.get(locale__language_code="fi")
    OperatingModelAuthor.objects.filter(page=model).update(email="tekija@example.fi")
    for name, status in (("Juva", AdoptionStatus.USES), ("Pohjanmaan hyvinvointialue", AdoptionStatus.EXPLORES)):
        Adoption.objects.create(
            operating_model=model,
            organisation=name,
            area=Area.objects.get(locale__language_code="fi", name=name),
            status=status,
            moderation_state=ModerationState.APPROVED,
        )
    return model


@pytest.mark.parametrize("width", [390, 320])
def test_a_swedish_visitor_on_a_phone_searches_reads_proposes_contacts_and_sees_the_statistics(
    swedish_demo, live_server, browser, width
):
    context = browser.new_context(viewport={"width": width, "height": 844}, locale="sv-FI")
    page = context.new_page()
    wide = {}

    def look(name):
        assert page.get_attribute("html", "lang") == "sv", name
        if overflowing := overflow(page):
            wide[name] = overflowing
        page.screenshot(path=f"screenshots/sv-{width}-{name}.png", full_page=True)

    try:
        page.goto(live_server.url + "/sv/")
        look("1-home")
        page.get_by_role("combobox", name="Sök i biblioteket").fill("familjerådgivning")
        page.get_by_role("search").get_by_role("button", name="Sök").click()
        page.wait_for_url("**/sv/search/?q=familjer%C3%A5dgivning")
        look("2-search")
        follow = page.get_by_label("Bevaka den här sökningen per e-post").bounding_box()
        assert follow["width"] >= width - 60  # the follow form is styled on the search page too
        page.get_by_role("link", name=MODEL_SV).click()
        page.wait_for_url("**/sv/**")
        assert page.locator("h1").inner_text().replace("\u00ad", "") == MODEL_SV
        metadata = page.locator(".metadata").inner_text()
        assert "Organisation\nSödra Savolax välfärdsområde" in metadata  # the county's Swedish name
        assert page.locator("ul.tag-list").get_attribute("lang") == "fi"  # the Finnish keywords, marked so
        look("3-model")

        page.get_by_role("link", name="Berätta att ni använder modellen").click()
        page.get_by_role("button", name="Spara").click()
        assert "Rätta fälten som markerats nedan." in page.locator("main").inner_text()
        assert page.locator(".form__error").first.inner_text() == "Detta fält måste fyllas i."  # Django's wording
        look("4-propose-errors")
        page.get_by_label("Status").select_option(label="Pilottestar")
        page.get_by_label("Organisation").fill("Jakobstads familjecenter")
        page.get_by_label("Område", exact=True).select_option(label="Jakobstad")
        page.get_by_label("Din e-postadress").fill("anna@example.fi")
        page.get_by_role("button", name="Spara").click()
        assert "Tack!" in page.get_by_role("status").first.inner_text()

        contact = page.get_by_role("region", name="Kontakta författarna")
        contact.get_by_label("Ditt namn").fill("Anna Andersson")
        contact.get_by_label("Din e-postadress").fill("anna@example.fi")
        contact.get_by_label("Meddelande").fill("Hur kom ni i gång?")
        contact.get_by_role("button", name="Skicka").click()
        assert "Ditt meddelande skickades" in page.get_by_role("status").first.inner_text()
        assert mail.outbox[-1].to == ["anna@example.fi"]
        look("5-model-after-contact")

        page.get_by_role("contentinfo").get_by_role("link", name="Statistik").click()
        adoptions = page.get_by_role("region", name="Ibruktaganden per välfärdsområde och status")
        assert "Södra Savolax välfärdsområde" in adoptions.get_by_role("table").inner_text()
        assert adoptions.get_by_role("img", name="Ibruktaganden per välfärdsområde").is_visible()
        look("6-statistics")
        results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
        assert not results.violations_count, results.generate_report()
    finally:
        context.close()
    assert not wide, wide
