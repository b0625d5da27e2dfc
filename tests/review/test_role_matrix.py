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
from wagtail_localize.models import TranslationSource

from models_library.models import OperatingModelPage
from taxonomy.models import Funder
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
    "sync_and_publish": {"site_editor"},
    "publish_translation_in_review": set(),
    "approve_translation": {"language_reviewer_sv", "site_editor"},
    "request_translation_changes": {"language_reviewer_sv", "site_editor"},
    "translate_snippet": {"translator_sv", "site_editor"},
    "view_draft_of_other_organisation": {"reviewer", "site_editor"},
    "view_revision_of_other_organisation": {"reviewer", "site_editor"},
    "compare_revisions_of_other_organisation": {"reviewer", "site_editor"},
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


def sync_and_publish(client, site):
    page = site.description(live=True)
    translations = [translate(page, code) for code in ("sv", "en")]
    source = TranslationSource.objects.get(object_id=page.translation_key, locale=page.locale)
    response = client.post(
        reverse("wagtail_localize:update_translations", args=[source.pk]), {"publish_translations": "on"}
    )

    def published():
        return any(Page.objects.get(pk=translation.pk).live for translation in translations)

    return response, published


def translation_in_review(site):
    translation = translate(site.description(live=True), "sv")
    translation.save_revision(user=site.user("translator_sv"))
    translation.get_workflow().start(translation, site.user("translator_sv"))
    return translation


def publish_translation_in_review(client, site):
    translation = translation_in_review(site)
    response = client.post(edit_url(translation), {"action": "publish"})

    def published():
        return Page.objects.get(pk=translation.pk).live

    return response, published


def review_translation(client, site, action, **data):
    translation = translation_in_review(site)
    url = reverse("review_translation", args=[translation.pk])
    response = client.post(url, {"action": action, **data})
    state = WorkflowState.objects.for_instance(translation).get()
    return response, translation, state


def approve_translation(client, site):
    response, translation, state = review_translation(client, site, "approve")

    def approved():
        return Page.objects.get(pk=translation.pk).live and state.status == WorkflowState.STATUS_APPROVED

    return response, approved


def request_translation_changes(client, site):
    response, translation, state = review_translation(client, site, "reject", comment="Käännä otsikko.")
    return response, state.status == WorkflowState.STATUS_NEEDS_CHANGES


def translate_snippet(client, site):
    funder = Funder.objects.filter(locale__language_code="fi").first()
    sv = Locale.objects.get(language_code="sv")
    Funder.objects.filter(translation_key=funder.translation_key, locale=sv).delete()
    url = reverse("wagtail_localize:submit_snippet_translation", args=["taxonomy", "funder", funder.pk])
    response = client.post(url, {"locales": [sv.pk]})
    return response, Funder.objects.filter(translation_key=funder.translation_key, locale=sv).exists()


def other_organisations_draft(site):
    page = site.description(organisation=site.other_organisation)
    page.title = "Toinen versio"
    page.save_revision(user=site.user("other_author"))
    return page


def view_draft_of_other_organisation(client, site):
    page = other_organisations_draft(site)
    response = client.get(reverse("wagtailadmin_pages:view_draft", args=[page.pk]))
    return response, response.status_code == 200


def view_revision_of_other_organisation(client, site):
    page = other_organisations_draft(site)
    url = reverse("wagtailadmin_pages:revisions_view", args=[page.pk, page.latest_revision_id])
    response = client.get(url)
    return response, response.status_code == 200


def compare_revisions_of_other_organisation(client, site):
    page = other_organisations_draft(site)
    first, latest = page.revisions.order_by("pk").values_list("pk", flat=True)[:2]
    response = client.get(reverse("wagtailadmin_pages:revisions_compare", args=[page.pk, first, latest]))
    return response, response.status_code == 200


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
    "sync_and_publish": sync_and_publish,
    "publish_translation_in_review": publish_translation_in_review,
    "approve_translation": approve_translation,
    "request_translation_changes": request_translation_changes,
    "translate_snippet": translate_snippet,
    "view_draft_of_other_organisation": view_draft_of_other_organisation,
    "view_revision_of_other_organisation": view_revision_of_other_organisation,
    "compare_revisions_of_other_organisation": compare_revisions_of_other_organisation,
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


@pytest.fixture
def restricted_content(library, article_index):
    """A public model and article, and a password-restricted model and article, with the same theme and tag."""
    from wagtail.models import PageViewRestriction

    from taxonomy.models import Theme
    from tests.factories import ArticlePageFactory, OperatingModelPageFactory

    theme = Theme.objects.filter(locale__language_code="fi").first()
    pages = {}
    for name, factory, parent in (
        ("public_model", OperatingModelPageFactory, library),
        ("secret_model", OperatingModelPageFactory, library),
        ("public_article", ArticlePageFactory, article_index),
        ("secret_article", ArticlePageFactory, article_index),
    ):
        page = factory(parent=parent, title=f"Perhekeskus {name.replace('_', ' ')}")
        if isinstance(page, OperatingModelPage):
            page.themes.set([theme])
        page.tags.add("perheneuvonta")
        page.save_revision().publish()
        pages[name] = page
    for name in ("secret_model", "secret_article"):
        PageViewRestriction.objects.create(
            page=pages[name], restriction_type=PageViewRestriction.PASSWORD, password="salainen"
        )
    return pages


PUBLIC_LISTINGS = {
    "home page": lambda pages, library, article_index: library.get_parent().url,
    "article list": lambda pages, library, article_index: article_index.url,
    "library": lambda pages, library, article_index: library.url,
    "search": lambda pages, library, article_index: reverse("search") + "?q=perhekeskus",
    "tag page": lambda pages, library, article_index: reverse("tag", args=["perheneuvonta"]),
    "related models": lambda pages, library, article_index: pages["public_model"].url,
}


@pytest.mark.parametrize("listing", list(PUBLIC_LISTINGS))
def test_restricted_pages_appear_in_no_public_listing(client, restricted_content, library, article_index, listing):
    url = PUBLIC_LISTINGS[listing](restricted_content, library, article_index)
    html = client.get(url, follow=True).content.decode()
    listed = {name for name, page in restricted_content.items() if page.title in html}
    assert not listed & {"secret_model", "secret_article"}
    assert listed & {"public_model", "public_article"}
