"""The translation journey by clicking, as the demo users, each in their admin language: the Swedish translator
finds a Finnish page on their dashboard, translates it into Swedish and submits it; the Swedish language
reviewer approves it from the task and the review ends approved; the Finnish page changes and the translator
updates the translation from their dashboard."""

import pytest
from django.utils import translation as i18n
from wagtail.models import Locale, Page, WorkflowState
from wagtail_localize.operations import TranslationCreator

from demo.users import DEMO_PASSWORD, create_demo_users
from home.sections import site_sections
from models_library.models import OperatingModelPage
from tests.factories import OperatingModelPageFactory

from .admin_language import assert_in_users_language

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
TITLE = "Perhekeskuksen kohtaamispaikka"
SWEDISH_TITLE = "Familjecentrets mötesplats"


def sv(message):
    with i18n.override("sv"):
        return i18n.gettext(message)


@pytest.fixture
def finnish_page(migrated_data):
    """A published Finnish operating model, the Swedish home page and library, and the demo users."""
    library = site_sections()[0]
    swedish = Locale.objects.get(language_code="sv")
    for page in (library.get_parent().specific, library):
        TranslationCreator(None, [swedish]).create_translations(page)
        page.get_translation(swedish).save_revision().publish()
    page = OperatingModelPageFactory(parent=library, title=TITLE)
    page.save_revision().publish()
    create_demo_users()
    return page


def log_in(browser_page, live_server, username):
    browser_page.context.clear_cookies()
    browser_page.goto(f"{live_server.url}/admin/")
    browser_page.fill("input[name=username]", username)
    browser_page.fill("input[name=password]", DEMO_PASSWORD)
    browser_page.locator("form button[type=submit]").click()
    browser_page.wait_for_load_state()


def test_translate_review_and_update_by_clicking(browser_page, live_server, screenshot, finnish_page):
    page = browser_page
    log_in(page, live_server, "translator_sv")
    panel = page.locator("#translation-work-section, #translation-work").first
    panel.get_by_text(TITLE).wait_for()
    screenshot("translation-1-translator-dashboard")
    assert_in_users_language(page, "sv")
    panel.get_by_role("link", name=sv("Translate"), exact=True).first.click()
    page.wait_for_load_state()
    screenshot("translation-2-choose-language")
    page.locator("input[name=locales]").check()  # only Swedish is offered
    page.locator("input[type=submit]").click()

    # The translation editor: translate the title, then submit for review.
    page.locator(".js-translation-editor").wait_for()
    title_segment = page.locator("li.incomplete").filter(has_text=TITLE).first
    title_segment.get_by_role("button", name=sv("Translate")).click()
    title_segment.locator("textarea").fill(SWEDISH_TITLE)
    title_segment.get_by_role("button", name=sv("Save")).click()
    page.get_by_text(SWEDISH_TITLE).first.wait_for()
    page.get_by_text(sv("Translated manually on {date}").split("{date}")[0].strip()).first.wait_for()
    screenshot("translation-3-translator-editor")
    assert_in_users_language(page, "sv")
    page.get_by_role("button", name=sv("Submit translation for review")).click()
    page.wait_for_load_state()
    screenshot("translation-4-submitted")

    translated = Page.objects.get(translation_key=finnish_page.translation_key, locale__language_code="sv")
    assert WorkflowState.objects.for_instance(translated).get().status == WorkflowState.STATUS_IN_PROGRESS
    assert not translated.live

    # The Swedish language reviewer opens the task from the dashboard and approves it there.
    log_in(page, live_server, "language_reviewer_sv")
    page.get_by_role("link", name=SWEDISH_TITLE).first.click()
    page.get_by_role("button", name=sv("Approve and publish")).wait_for()
    screenshot("translation-5-reviewer-editor")
    assert_in_users_language(page, "sv")
    page.get_by_role("button", name=sv("Approve and publish")).click()
    page.get_by_text(sv("'%(title)s' has been approved and published.") % {"title": SWEDISH_TITLE}).wait_for()
    screenshot("translation-6-approved")
    translated.refresh_from_db()
    assert translated.live and translated.title == SWEDISH_TITLE
    assert WorkflowState.objects.for_instance(translated).get().status == WorkflowState.STATUS_APPROVED

    # The Finnish page changes; the translator updates the translation from the dashboard.
    source = OperatingModelPage.objects.get(pk=finnish_page.pk)
    source.short_description = "Kohtaamispaikka kokoaa perheiden palvelut yhteen."
    source.save_revision().publish()
    log_in(page, live_server, "translator_sv")
    panel.get_by_role("link", name=sv("Update translation"), exact=True).first.click()
    page.locator("input[type=submit]").wait_for()
    screenshot("translation-7-update")
    assert_in_users_language(page, "sv")
    page.locator("input[type=submit]").click()
    page.locator(".js-translation-editor").wait_for()
    assert sv("This translation is behind the Finnish page.") not in page.content()
    screenshot("translation-8-updated-editor")
    assert_in_users_language(page, "sv")
    page.get_by_role("button", name=sv("Submit translation for review")).click()
    page.wait_for_load_state()
    translated.refresh_from_db()
    assert WorkflowState.objects.for_instance(translated).order_by("-pk").first().status == (
        WorkflowState.STATUS_IN_PROGRESS
    )
