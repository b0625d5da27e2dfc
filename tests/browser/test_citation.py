"""A visitor cites an operating model: from the front page to the model by clicking, copies the
citation with the button and downloads it as RIS."""

from io import StringIO

import pytest
from django.core.management import call_command

from models_library.models import OperatingModelPage
from tests.browser.conftest import SCREENSHOTS
from tests.conftest import SEEDS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo_site(migrated_data):
    call_command("import_descriptions", str(SEEDS), publish=True, stdout=StringIO())


def test_a_visitor_copies_the_citation_and_downloads_ris(demo_site, live_server, browser):
    model = OperatingModelPage.objects.get()
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="fi-FI", accept_downloads=True)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    page = context.new_page()
    try:
        page.goto(live_server.url + "/fi/")
        page.get_by_role("link", name=model.title).first.click()
        page.wait_for_load_state()
        assert page.get_by_role("heading", level=1).inner_text().replace("\u00ad", "") == model.title

        citation = page.get_by_role("complementary", name="Viittaa tähän sivuun")
        line = citation.locator("#citation-text").inner_text()
        assert line.startswith(f"Taina Paananen. {model.title}. Toimintamallikirjasto, päivitetty ")
        assert line.endswith(f"/m/{model.pk}/")
        citation.get_by_role("button", name="Kopioi viittaus").click()
        assert citation.get_by_role("status").inner_text() == "Viittaus kopioitu."
        assert page.evaluate("navigator.clipboard.readText()") == line
        SCREENSHOTS.mkdir(exist_ok=True)
        citation.scroll_into_view_if_needed()
        page.screenshot(path=SCREENSHOTS / "citation-copied.png")

        with page.expect_download() as download_info:
            citation.get_by_role("link", name="Lataa RIS").click()
        download = download_info.value
        assert download.suggested_filename == f"toimintamallikirjasto{model.pk}.ris"
        with open(download.path(), encoding="utf-8") as ris:
            lines = ris.read().splitlines()
        assert lines[0] == "TY  - ELEC"
        assert f"TI  - {model.title}" in lines
        assert f"UR  - http://127.0.0.1:8000/m/{model.pk}/" in lines
    finally:
        context.close()
