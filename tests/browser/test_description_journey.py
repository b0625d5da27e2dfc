"""The description journey by clicking, as the demo users in Finnish: the author creates an operating model
from their dashboard, previews it and submits it; the reviewer requests changes; the author sees the
comment at the top of the editor and submits again; the reviewer publishes it."""

import pytest
from django.utils import translation as i18n
from wagtail.models import WorkflowState

from demo.users import create_demo_users
from home.sections import site_sections
from models_library.blocks import CoreIdeaBlock
from models_library.models import OperatingModelPage

from .admin_language import assert_in_users_language
from .conftest import SCREENSHOTS
from .test_translation_journey import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
TITLE = "Perhepysäkki Åland"
COMMENT = "Kerro vielä, kenelle perhepysäkki on tarkoitettu."
SECTIONS = {
    "Core idea of the solution": "Perhepysäkki kokoaa perheiden palvelut yhteen paikkaan.",
    "Operating environment": "Hyvinvointialueen perhekeskus ja järjestöt.",
    "Target group and customer insight": "Alueen lapsiperheet, erityisesti vauvaperheet.",
}


def fi(message):
    with i18n.override("fi"):
        return i18n.gettext(message)


@pytest.fixture
def library(migrated_data):
    library = site_sections()[0]
    create_demo_users()
    return library


def submit_for_review(page):
    """The footer's menu of more actions, then "Submit to <the review workflow>"."""
    page.locator("button.w-dropdown__toggle.button").click()
    page.locator("button[name=action-submit]").click()
    page.wait_for_load_state()


def confirm_in_dialog(page):
    """Press the workflow action dialog's button and wait for the dashboard to come back."""
    page.locator(".modal button[type=submit], .modal input[type=submit]").first.click()
    page.locator(".modal").wait_for(state="detached")
    page.wait_for_load_state("networkidle")


def test_create_review_and_publish_by_clicking(browser_page, live_server, screenshot, library):
    page = browser_page
    log_in(page, live_server, "author")
    screenshot("description-1-author-dashboard")
    assert_in_users_language(page, "fi")
    page.get_by_role("link", name=fi("New operating model")).click()
    page.locator("#id_title").fill(TITLE)
    page.locator("#id_short_description").fill("Perhepysäkki on matalan kynnyksen kohtaamispaikka.")
    screenshot("description-2-new-model")
    assert_in_users_language(page, "fi")
    page.get_by_role("tab", name=fi("Description")).click()
    # The required sections are already in place, each with its help text: the author writes into them.
    for label in SECTIONS:
        page.get_by_text(fi(label), exact=True).first.wait_for()
    screenshot("description-3a-required-sections")
    page.get_by_text(fi(str(CoreIdeaBlock().meta.help_text))).first.wait_for()
    for index, text in enumerate(SECTIONS.values()):
        page.locator("[data-contentpath='body'] .DraftEditor-root").nth(index).click()
        page.keyboard.type(text)
        # Draftail writes its content to the form a moment (250 ms) after the last keystroke.
        page.wait_for_timeout(300)
    page.locator("[data-contentpath='items'] textarea").first.fill("Perhekeskuksen tilat ja koulutettu henkilöstö.")
    screenshot("description-3-sections")
    # A section already in the description is not offered again; one not yet there is.
    page.locator("[data-contentpath='body'] button.c-sf-add-button").first.click()
    page.get_by_role("option", name=fi("Tips for adopters")).wait_for()
    assert page.get_by_role("option", name=fi("Core idea of the solution")).count() == 0
    page.wait_for_timeout(300)  # the menu fades in
    screenshot("description-3b-used-sections-not-offered")
    assert_in_users_language(page, "fi")
    page.keyboard.press("Escape")
    # The areas: search by name, tick, search again; the earlier choice stays ticked.
    page.get_by_role("tab", name=fi("Areas and classification")).click()
    search = page.get_by_role("searchbox", name=fi("Search areas by name"))
    search.fill("mikke")
    page.get_by_role("checkbox", name="Mikkeli", exact=True).check()
    search.fill("kuopio")
    assert page.get_by_role("checkbox", name="Mikkeli", exact=True).is_hidden()
    page.get_by_role("checkbox", name="Kuopio", exact=True).check()
    screenshot("description-3c-area-search")
    search.fill("")
    assert page.get_by_role("checkbox", name="Mikkeli", exact=True).is_checked()
    # The editor saves the draft by itself a moment after the last change (autosave). Saving by hand
    # while that first autosave is still creating the page would create it twice, so wait for it.
    page.locator("#w-autosave-indicator[data-w-autosave-state-value='saved']").wait_for(state="attached")
    page.wait_for_url("**/edit/**")
    page.get_by_role("button", name=fi("Save draft"), exact=True).click()
    page.locator(".messages .success").wait_for()
    page.wait_for_load_state("networkidle")
    model = OperatingModelPage.objects.get(title=TITLE)
    assert model.slug == "perhepysakki-aland"
    assert {area.name for area in model.get_latest_revision_as_object().areas.all()} == {"Mikkeli", "Kuopio"}

    with page.expect_popup() as preview:
        page.get_by_role("button", name=fi("Toggle preview")).click()
        page.get_by_role("link", name=fi("Preview in new tab")).click()
    preview.value.wait_for_load_state()
    assert TITLE in preview.value.content()
    preview.value.screenshot(path=SCREENSHOTS / "description-4-preview.png", full_page=True)
    preview.value.close()

    submit_for_review(page)
    screenshot("description-5-submitted")
    assert_in_users_language(page, "fi")
    state = WorkflowState.objects.for_instance(model).get()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS

    # The reviewer requests changes from the task on their dashboard.
    log_in(page, live_server, "reviewer")
    screenshot("description-6-reviewer-dashboard")
    assert_in_users_language(page, "fi")
    page.locator("#workflow-objects-to-moderate, section").filter(has_text=TITLE).first.locator(
        "button.w-dropdown__toggle"
    ).first.click()
    page.get_by_role("button", name=fi("Request changes")).first.click()
    page.locator("textarea[name=comment]").fill(COMMENT)
    page.wait_for_timeout(300)  # the dialog fades in
    screenshot("description-7-request-changes")
    assert_in_users_language(page, "fi")
    confirm_in_dialog(page)
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES

    # The author sees the comment at the top of the editor and submits again.
    log_in(page, live_server, "author")
    page.get_by_role("link", name=TITLE).first.click()
    page.get_by_text(COMMENT).first.wait_for()
    screenshot("description-8-author-sees-comment")
    assert_in_users_language(page, "fi")
    submit_for_review(page)
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS

    # The reviewer approves, which publishes the model.
    log_in(page, live_server, "reviewer")
    page.locator("section").filter(has_text=TITLE).first.locator("button.w-dropdown__toggle").first.click()
    page.get_by_role("button", name=fi("Approve"), exact=True).first.click()
    page.locator("section").filter(has_text=TITLE).wait_for(state="detached")
    page.wait_for_load_state("networkidle")
    screenshot("description-9-published")
    state.refresh_from_db()
    model.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED and model.live
