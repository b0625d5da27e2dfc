"""Roles × actions through the admin: each role gets exactly the outcomes its role allows.

Every action is done with the admin's own HTTP endpoints, and the outcome is read from both
the response (a redirect or 200 when done, 403 when refused) and the database.
"""

import pytest
from django.conf import settings
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale, Page, WorkflowState

from models_library.models import OperatingModelPage
from tests.form_data import CORE_SECTIONS, operating_model_data

from .conftest import description_form, edit_url, translate

pytestmark = pytest.mark.django_db

ROLES = [
    "author",
    "reviewer",
    "translator_sv",
    "translator_en",
    "language_reviewer_sv",
    "language_reviewer_en",
    "site_editor",
]
# The roles allowed to do each action; every other role is refused.
ALLOWED = {
    "create": {"author", "site_editor"},
    "edit_own": {"author", "reviewer", "site_editor"},
    "edit_other_organisation": {"reviewer", "site_editor"},
    "submit": {"author", "reviewer", "site_editor"},
    "approve": {"reviewer", "site_editor"},
    "request_changes": {"reviewer", "site_editor"},
    "publish": {"reviewer", "site_editor"},
    "translate": {"translator_sv", "site_editor"},
    "publish_translation": {"language_reviewer_sv", "site_editor"},
    "delete": {"author", "site_editor"},
}
DONE = (200, 302)
PERMISSION_DENIED = "Sorry, you do not have permission to access this area."


def refused(response):
    """The admin refuses with 403, or by sending the user to the dashboard with Wagtail's denial message."""
    if response.status_code == 403:
        return True
    if response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home"):
        with translation.override(settings.LANGUAGE_CODE):
            expected = {PERMISSION_DENIED, translation.gettext(PERMISSION_DENIED)}
        return bool(expected & {str(message).strip() for message in get_messages(response.wsgi_request)})
    return False


def create(client, site):
    url = reverse("wagtailadmin_pages:add", args=["models_library", "operatingmodelpage", site.library.pk])
    data = operating_model_data(CORE_SECTIONS, organisation=str(site.organisation.pk), **{"action-draft": "1"})
    response = client.post(url, data)
    return response, OperatingModelPage.objects.filter(slug="perheneuvo").exists()


def edit(client, page):
    response = client.post(edit_url(page), description_form(page, title="Muokattu otsikko"))
    page.refresh_from_db()
    return response, page.get_latest_revision_as_object().title == "Muokattu otsikko"


def edit_own(client, site):
    return edit(client, site.description())


def edit_other_organisation(client, site):
    return edit(client, site.description(organisation=site.other_organisation))


def submit(client, site):
    page = site.description()
    response = client.post(edit_url(page), description_form(page, **{"action-submit": "1"}))
    return response, page.workflow_in_progress


def in_review(site):
    page = site.description()
    page.get_workflow().start(page, site.user("author"))
    return page


def workflow_action(client, page, action, **data):
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, page.current_workflow_task_state.pk])
    return client.post(url, data)


def approve(client, site):
    page = in_review(site)
    response = workflow_action(client, page, "approve", comment="")
    page.refresh_from_db()
    return response, page.live


def request_changes(client, site):
    page = in_review(site)
    response = workflow_action(client, page, "reject", comment="Lisää kohderyhmän kuvaus.")
    state = WorkflowState.objects.for_instance(page).get()
    return response, state.status == WorkflowState.STATUS_NEEDS_CHANGES


def publish(client, site):
    page = site.description()
    response = client.post(edit_url(page), description_form(page, **{"action-publish": "1"}))
    page.refresh_from_db()
    return response, page.live


def translate_action(client, site):
    page = site.description(live=True)
    sv = Locale.objects.get(language_code="sv")
    url = reverse("wagtail_localize:submit_page_translation", args=[page.pk])
    response = client.post(url, {"locales": [sv.pk]})
    translation = page.get_translation_or_none(sv)
    return response, translation is not None and not translation.live


def publish_translation(client, site):
    translation = translate(site.description(live=True), "sv")
    response = client.post(edit_url(translation), {"action": "publish"})

    def published():
        translation.refresh_from_db()
        return translation.live

    return response, published


def delete(client, site):
    page = site.description()
    response = client.post(reverse("wagtailadmin_pages:delete", args=[page.pk]))
    return response, not Page.objects.filter(pk=page.pk).exists()


ACTIONS = {
    "create": create,
    "edit_own": edit_own,
    "edit_other_organisation": edit_other_organisation,
    "submit": submit,
    "approve": approve,
    "request_changes": request_changes,
    "publish": publish,
    "translate": translate_action,
    "publish_translation": publish_translation,
    "delete": delete,
}
# Where Wagtail turns a refused action into a plain save instead of refusing the request:
# an author's "publish" saves a draft.
SAVED_INSTEAD = {("author", "publish")}


@pytest.mark.parametrize("action", list(ACTIONS))
@pytest.mark.parametrize("role", ROLES)
def test_role_action(client, site, role, action, django_capture_on_commit_callbacks):
    client.force_login(site.user(role))
    # wagtail-localize publishes translations when the transaction commits.
    with django_capture_on_commit_callbacks(execute=True):
        response, done = ACTIONS[action](client, site)
    if callable(done):
        done = done()
    if role in ALLOWED[action]:
        assert response.status_code in DONE and not refused(response)
        assert done
    elif (role, action) in SAVED_INSTEAD:
        assert response.status_code == 302 and not refused(response)
        assert not done
    else:
        assert refused(response)
        assert not done


def test_an_author_cannot_open_another_organisations_description(client, site):
    page = site.description(organisation=site.other_organisation)
    client.force_login(site.user("author"))
    assert refused(client.get(edit_url(page)))
    client.force_login(site.user("other_author"))
    assert client.get(edit_url(page)).status_code == 200


def test_an_author_cannot_create_a_description_for_another_organisation(client, site):
    client.force_login(site.user("author"))
    url = reverse("wagtailadmin_pages:add", args=["models_library", "operatingmodelpage", site.library.pk])
    data = operating_model_data(CORE_SECTIONS, organisation=str(site.other_organisation.pk), **{"action-draft": "1"})
    assert refused(client.post(url, data))
    assert not OperatingModelPage.objects.filter(slug="perheneuvo").exists()


def test_an_authors_new_description_belongs_to_their_organisation(client, site):
    client.force_login(site.user("author"))
    url = reverse("wagtailadmin_pages:add", args=["models_library", "operatingmodelpage", site.library.pk])
    data = operating_model_data(CORE_SECTIONS, organisation="", **{"action-draft": "1"})
    assert client.post(url, data).status_code == 302
    assert OperatingModelPage.objects.get(slug="perheneuvo").organisation == site.organisation


def test_an_author_cannot_move_their_description_to_another_organisation(client, site):
    page = site.description()
    client.force_login(site.user("author"))
    data = description_form(page)
    data["organisation"] = str(site.other_organisation.pk)
    assert refused(client.post(edit_url(page), data))
    page.refresh_from_db()
    assert page.get_latest_revision_as_object().organisation == site.organisation


def test_an_author_cannot_edit_articles_or_the_library(client, site, article_index):
    client.force_login(site.user("author"))
    assert refused(client.get(edit_url(site.library)))
    assert refused(client.get(edit_url(article_index)))
    url = reverse("wagtailadmin_pages:add", args=["articles", "articlepage", article_index.pk])
    assert refused(client.get(url))


def test_an_author_cannot_delete_a_published_description(client, site):
    page = site.description(live=True)
    client.force_login(site.user("author"))
    assert refused(client.post(reverse("wagtailadmin_pages:delete", args=[page.pk])))
    assert Page.objects.filter(pk=page.pk).exists()


def test_translators_are_offered_only_their_own_language(client, site):
    page = site.description(live=True)
    client.force_login(site.user("translator_sv"))
    response = client.get(reverse("wagtail_localize:submit_page_translation", args=[page.pk]))
    offered = {locale.language_code for locale in response.context["form"].fields["locales"].queryset}
    assert offered == {"sv"}


def test_a_translator_cannot_publish_in_the_translation_editor(client, site):
    translation = translate(site.description(live=True), "sv")
    client.force_login(site.user("translator_sv"))
    assert client.get(edit_url(translation)).status_code == 200
    assert refused(client.post(edit_url(translation), {"action": "publish"}))
    translation.refresh_from_db()
    assert not translation.live
