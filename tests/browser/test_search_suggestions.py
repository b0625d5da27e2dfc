"""A visitor types the first letters of a word into the search box, sees the titles of the descriptions
that have a word starting so, picks one and gets its search; a Swedish visitor is offered the Finnish
descriptions that are not translated into Swedish."""

import pytest

from tests.browser.test_accessibility import demo_site  # noqa: F401 (fixture)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def suggestions_for(page, text):
    box = page.get_by_role("search").get_by_role("combobox")
    box.press_sequentially(text, delay=50)
    options = page.locator("#search-suggestions option")
    options.first.wait_for(state="attached")
    return box, options.evaluate_all("options => options.map((option) => option.value)")


def test_a_visitor_picks_a_suggested_title(demo_site, live_server, browser_page, screenshot):  # noqa: F811
    browser_page.goto(live_server.url + "/fi/")
    box, titles = suggestions_for(browser_page, "perhekesk")
    assert titles == ["Perhekeskus ja varhainen tuki arjessa", "Perhekeskuskehittämistä monitoimijaisella yhteistyöllä"]
    screenshot("search-suggestions-fi")
    box.press("ArrowDown")
    box.press("Enter")  # Chromium fills the box with the first suggestion
    if box.input_value() != titles[0]:  # a headless Chromium may keep its list closed: choose it as the list would
        box.fill(titles[0])
        box.press("Enter")
    browser_page.wait_for_url("**/fi/search/?q=*")
    results = browser_page.get_by_role("main").get_by_role("link", name=titles[0])
    assert results.count() >= 1
    screenshot("search-suggestion-chosen")


def test_a_swedish_visitor_is_offered_the_untranslated_finnish_titles(demo_site, live_server, browser_page, screenshot):  # noqa: F811
    browser_page.goto(live_server.url + "/sv/")
    _box, titles = suggestions_for(browser_page, "perhekesk")
    assert "Perhekeskus ja varhainen tuki arjessa" in titles
    screenshot("search-suggestions-sv")
