"""The wagtail-localize gaps that review.upstream_localize covers are still open upstream, and the review of a
translation from its editor: approving publishes it, completes the workflow and tells the translator."""

import json
import re
from html import unescape
from pathlib import Path

import pytest
import wagtail_localize.models
from django.conf import settings
from django.contrib.messages.storage.fallback import FallbackStorage
from django.core import mail
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation as i18n
from wagtail.models import Page, WorkflowState
from wagtail_localize.models import TranslationSource
from wagtail_localize.views.edit_translation import edit_translation
from wagtail_localize.views.update_translations import UpdateTranslationsView

from review.upstream_localize import page_translation

from .conftest import edit_url, translate

pytestmark = pytest.mark.django_db


def admin_request(user, data):
    request = RequestFactory().post("/admin/", data)
    request.user = user
    request.session = {}
    request._messages = FallbackStorage(request)
    return request


def editor_props(response):
    """The settings the translation editor's page gives its script."""
    return json.loads(unescape(re.search(r'data-props="([^"]*)"', response.content.decode()).group(1)))


def in_review(site):
    translation = translate(site.description(live=True), "sv")
    translation.save_revision(user=site.user("translator_sv"))
    translation.get_workflow().start(translation, site.user("translator_sv"))
    return translation


def test_wagtail_localize_sync_still_lets_a_translator_publish(site, django_capture_on_commit_callbacks):
    """Gap 2: when this fails, upstream checks publishing rights in its sync view and the override can go."""
    page = site.description(live=True)
    translation = translate(page, "en")
    source = TranslationSource.objects.get(object_id=page.translation_key, locale=page.locale)
    request = admin_request(site.user("translator_sv"), {"publish_translations": "on"})
    with django_capture_on_commit_callbacks(execute=True):
        UpdateTranslationsView.as_view()(request, translation_source_id=source.pk)
    assert Page.objects.get(pk=translation.pk).live


def test_wagtail_localize_editor_still_publishes_over_a_review(site, django_capture_on_commit_callbacks):
    """Gap 3: when this fails, upstream's editor respects a review in progress and the hook can go."""
    translation = in_review(site)
    request = admin_request(site.user("language_reviewer_sv"), {"action": "publish"})
    with django_capture_on_commit_callbacks(execute=True):
        edit_translation(request, page_translation(translation), translation)
    assert WorkflowState.objects.for_instance(translation).get().status == WorkflowState.STATUS_CANCELLED


def test_approving_from_the_editor_publishes_records_and_tells_the_translator(client, site):
    translation = in_review(site)
    client.force_login(site.user("language_reviewer_sv"))
    editor = client.get(edit_url(translation)).content.decode()
    assert reverse("review_translation", args=[translation.pk]) in editor
    mail.outbox.clear()
    response = client.post(reverse("review_translation", args=[translation.pk]), {"action": "approve"})
    assert response.status_code == 302
    translation.refresh_from_db()
    assert translation.live
    state = WorkflowState.objects.for_instance(translation).get()
    assert state.status == WorkflowState.STATUS_APPROVED
    assert state.current_task_state.finished_by == site.user("language_reviewer_sv")
    assert "translator_sv@example.fi" in {address for message in mail.outbox for address in message.to}


def test_requesting_changes_needs_a_comment_that_the_translator_then_sees(client, site):
    translation = in_review(site)
    client.force_login(site.user("language_reviewer_sv"))
    url = reverse("review_translation", args=[translation.pk])
    client.post(url, {"action": "reject", "comment": ""})
    assert WorkflowState.objects.for_instance(translation).get().status == WorkflowState.STATUS_IN_PROGRESS
    client.post(url, {"action": "reject", "comment": "Käännä otsikko."})
    assert WorkflowState.objects.for_instance(translation).get().status == WorkflowState.STATUS_NEEDS_CHANGES
    client.force_login(site.user("translator_sv"))
    editor = client.get(edit_url(translation)).content.decode()
    assert "Käännä otsikko." in editor
    assert reverse("review_submit_translation", args=[translation.pk]) in editor


def test_the_editor_offers_a_translator_neither_delete_nor_publish(client, site):
    translation = translate(site.description(live=True), "sv")
    client.force_login(site.user("translator_sv"))
    response = client.get(edit_url(translation))
    assert "&quot;canDelete&quot;: false" in response.content.decode()
    assert "&quot;canPublish&quot;: false" in response.content.decode()
    assert reverse("review_submit_translation", args=[translation.pk]) in response.content.decode()


def test_the_editor_tells_an_evaluations_findings_from_its_measurement(client, site):
    """Gap 5: wagtail-localize labels both "Perspectives"."""
    page = site.description(live=True)
    # Reading the body gives its list items the block ids that the admin editor gives them.
    assert "evaluation" in [block.block_type for block in page.body]
    translation = translate(page, "sv")
    client.force_login(site.user("translator_sv"))
    response = client.get(edit_url(translation))
    with i18n.override(settings.LANGUAGE_CODE):
        perspectives, found, measured = (
            i18n.gettext(label) for label in ("Perspectives", "What was found", "How it was measured")
        )
    props = editor_props(response)
    labels = {segment["location"]["subField"] for segment in props["segments"] if segment["type"] == "string"}
    assert {f"{perspectives} › {found}", f"{perspectives} › {measured}"} <= labels


def test_gap_6_the_editor_still_writes_english_texts_and_dates():
    """When this fails, wagtail-localize translates its heading, its "More actions" and its dates itself, and
    review/static/review/translation-editor.js and localize_translation_dates can go."""
    script = (Path(wagtail_localize.__file__).parent / "static/wagtail_localize/js/wagtail-localize.js").read_text()
    assert "} translation`" in script and '"w-sr-only"},"More actions")' in script
    assert wagtail_localize.models.DATE_FORMAT == "%-d %B %Y"
