"""The journeys' script-rendered admin pages in the language the demo user does not use by default: the Swedish
translator working in Finnish in the translation editor, the author working in Swedish in the page editor with
the block menu open and each side panel (status, preview, checks, comments) in turn. (The journeys themselves
check the demo users' own languages.)"""

import pytest
from django.contrib.auth import get_user_model
from django.utils import translation as i18n
from wagtail.users.models import UserProfile

from .admin_language import assert_in_users_language
from .test_translation_journey import finnish_page, log_in  # noqa: F401 (a fixture)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def in_language(username, language_code):
    """Switch the user's admin language; return gettext in that language."""
    profile = UserProfile.get_for_user(get_user_model().objects.get(username=username))
    profile.preferred_language = language_code
    profile.save()

    def gettext(message):
        with i18n.override(language_code):
            return i18n.gettext(message)

    return gettext


def test_the_translation_editor_in_finnish(browser_page, live_server, screenshot, finnish_page):  # noqa: F811
    page = browser_page
    fi = in_language("translator_sv", "fi")
    log_in(page, live_server, "translator_sv")
    panel = page.locator("#translation-work-section, #translation-work").first
    panel.get_by_role("link", name=fi("Translate"), exact=True).first.click()
    page.locator("input[name=locales]").check()
    page.locator("input[type=submit]").click()
    page.locator(".js-translation-editor li.incomplete").first.wait_for()
    page.get_by_text("Käännös: Suomi → Svenska").first.wait_for()
    screenshot("admin-language-1-translation-editor-fi")
    assert_in_users_language(page, "fi")


def test_the_page_editors_block_menu_in_swedish(browser_page, live_server, screenshot, finnish_page):  # noqa: F811
    page = browser_page
    sv = in_language("author", "sv")
    log_in(page, live_server, "author")
    page.get_by_role("link", name=sv("New operating model")).click()
    page.get_by_role("tab", name=sv("Description")).click()
    page.locator("[data-contentpath='body'] button.c-sf-add-button").first.click()
    page.get_by_role("option", name=sv("Tips for adopters")).wait_for()
    page.wait_for_timeout(300)  # the menu fades in
    screenshot("admin-language-2-block-menu-sv")
    assert_in_users_language(page, "sv")
    page.keyboard.press("Escape")
    for panel in ("status", "preview", "checks", "comments"):
        page.locator(f"[data-side-panel-toggle='{panel}']").click()
        page.locator(f"[data-side-panel='{panel}']").wait_for()
        page.wait_for_timeout(300)  # the panel slides in
        screenshot(f"admin-language-3-{panel}-panel-sv")
        assert_in_users_language(page, "sv")
