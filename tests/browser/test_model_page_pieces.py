"""A visitor without a session reads a model page whose pieces (basic information, description, related
models, adoptions, language versions) come from the cache, sees a change as soon as it is published, and
adds the model to the comparison with a button that is still theirs."""

import pytest

from models_library.models import OperatingModelPage
from tests.browser.test_accessibility import demo_site  # noqa: F401  (fixture)
from tests.browser.test_adoption_journey import SEED_TITLE, two_models  # noqa: F401  (fixture)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def open_model(page):
    page.get_by_role("navigation", name="Murupolku").get_by_role("link", name="Toimintamallit").click()
    page.get_by_role("link", name=SEED_TITLE).first.click()


def test_a_visitor_reads_the_model_page_from_the_cache_and_sees_a_change_at_once(
    two_models,  # noqa: F811
    live_server,
    browser_page,
    screenshot,
):
    page = browser_page
    page.goto(live_server.url + "/fi/")
    page.get_by_role("link", name="Toimintamallit").first.click()
    page.get_by_role("link", name=SEED_TITLE).first.click()  # the pieces are rendered and kept
    screenshot("model-pieces-1-first-view")
    page.get_by_role("link", name="Toimintamallit").first.click()
    page.get_by_role("link", name=SEED_TITLE).first.click()  # the same pieces, from the cache
    facts = page.get_by_role("complementary", name="Perustiedot")
    assert facts.get_by_text("Etelä-Savon hyvinvointialue").first.is_visible()
    assert page.get_by_role("heading", name="Kuka käyttää mallia").is_visible()
    screenshot("model-pieces-2-from-the-cache")

    # An editor publishes a new version: the visitor's next view shows it.
    revision = OperatingModelPage.objects.get(title=SEED_TITLE).get_latest_revision_as_object()
    revision.implementation_place = "Mikkelin perheneuvola"
    revision.save_revision().publish()
    open_model(page)
    assert facts.get_by_text("Mikkelin perheneuvola").is_visible()
    screenshot("model-pieces-3-after-publish")

    page.get_by_role("button", name="Lisää vertailuun").click()  # the visitor's own button
    assert page.get_by_role("link", name="Vertailussa: vertaa nyt").is_visible()
    screenshot("model-pieces-4-in-the-comparison")
