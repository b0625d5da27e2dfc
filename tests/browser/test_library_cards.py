"""A visitor without a session browses the library, whose cards come from the cache, and adds a model
to the comparison from its card: the button is still theirs, and sends them back where they were."""

import re

import pytest

from tests.browser.test_accessibility import demo_site  # noqa: F401  (fixture)
from tests.browser.test_adoption_journey import OTHER_TITLE, two_models  # noqa: F401  (fixture)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_visitor_compares_from_the_library_cards_kept_in_the_cache(two_models, live_server, browser_page, screenshot):  # noqa: F811
    page = browser_page
    page.goto(live_server.url + "/fi/")
    page.get_by_role("link", name="Toimintamallit").first.click()  # the cards are rendered and kept
    # Another address, the models in development: the same cards, from the cache.
    page.locator(".facets").get_by_role("link", name=re.compile("^Kehitteillä")).click()
    page.wait_for_url("**stage=in_development**")
    card = page.get_by_role("listitem").filter(has_text=OTHER_TITLE)
    screenshot("library-cards-1-narrowed")
    card.get_by_role("button", name="Lisää vertailuun").click()
    assert "stage=in_development" in page.url  # back where the visitor was
    card = page.get_by_role("listitem").filter(has_text=OTHER_TITLE)
    screenshot("library-cards-2-added")
    card.get_by_role("link", name="Vertailussa: vertaa nyt").click()
    assert page.locator(".compare__model h2").all_inner_texts() == [OTHER_TITLE]
