"""Both review workflows end to end through the admin, with the e-mails they send."""

from urllib.parse import urlencode

import pytest
from django.core import mail
from django.urls import reverse
from wagtail.models import Locale, WorkflowState
from wagtail_localize.models import StringSegment, Translation

from models_library.models import OperatingModelPage
from review.roles import admin_name
from tests.form_data import CORE_SECTIONS, operating_model_data

from .conftest import description_form, edit_url
from .test_role_matrix import refused, workflow_action

pytestmark = pytest.mark.django_db

COMMENT = "Lisää kohderyhmän kuvaus."
SV_COMMENT = "Använd ordet familjerådgivning."


def recipients():
    return sorted(address for message in mail.outbox for address in message.to)


def workflow_state(page):
    return WorkflowState.objects.for_instance(page).order_by("-pk").first()


def test_a_description_goes_through_review_with_changes_requested(client, site):
    author, reviewer = site.user("author"), site.user("reviewer")

    client.force_login(author)
    add_url = reverse("wagtailadmin_pages:add", args=["models_library", "operatingmodelpage", site.library.pk])
    data = operating_model_data(CORE_SECTIONS, organisation=str(site.organisation.pk), **{"action-draft": "1"})
    assert client.post(add_url, data).status_code == 302
    page = OperatingModelPage.objects.get(slug="perheneuvo")
    assert not page.live

    response = client.post(edit_url(page), description_form(page, **{"action-submit": "1"}))
    assert response.status_code == 302
    assert workflow_state(page).status == WorkflowState.STATUS_IN_PROGRESS
    assert "reviewer@example.fi" in recipients()
    assert "author@example.fi" not in recipients()
    assert client.get(page.url).status_code == 404

    mail.outbox.clear()
    client.force_login(reviewer)
    assert workflow_action(client, page, "reject", comment=COMMENT).status_code == 302
    assert workflow_state(page).status == WorkflowState.STATUS_NEEDS_CHANGES
    assert recipients() == ["author@example.fi"]
    assert COMMENT in mail.outbox[0].body

    mail.outbox.clear()
    client.force_login(author)
    fixed = description_form(page, title="Perheneuvo korjattuna", **{"action-submit": "1"})
    assert client.post(edit_url(page), fixed).status_code == 302
    assert workflow_state(page).status == WorkflowState.STATUS_IN_PROGRESS
    assert "reviewer@example.fi" in recipients()
    page.refresh_from_db()
    assert not page.live

    mail.outbox.clear()
    client.force_login(reviewer)
    assert workflow_action(client, page, "approve", comment="").status_code == 302
    page.refresh_from_db()
    assert page.live
    assert workflow_state(page).status == WorkflowState.STATUS_APPROVED
    assert recipients() == ["author@example.fi"]
    client.logout()
    response = client.get(page.url)
    assert response.status_code == 200
    assert "Perheneuvo korjattuna" in response.content.decode()


def translate_title(client, translation, text):
    """Enter the title's translation as the translation editor does."""
    segment = StringSegment.objects.get(source=translation.source, context__path="title")
    url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
    response = client.put(url, urlencode({"value": text}), content_type="application/x-www-form-urlencoded")
    assert response.status_code in (200, 201)


def test_a_swedish_translation_stays_hidden_until_the_swedish_reviewer_publishes_it(
    client, site, django_capture_on_commit_callbacks
):
    sv = Locale.objects.get(language_code="sv")
    source = site.description(live=True, title="Perheneuvo")
    translator, sv_reviewer = site.user("translator_sv"), site.user("language_reviewer_sv")

    client.force_login(translator)
    url = reverse("wagtail_localize:submit_page_translation", args=[source.pk])
    assert client.post(url, {"locales": [sv.pk]}).status_code == 302
    page = source.get_translation(sv).specific
    assert not page.live
    translation = Translation.objects.get(source__object_id=source.translation_key, target_locale=sv)
    translate_title(client, translation, "Familjerådgivning")

    submit_url = reverse("review_submit_translation", args=[page.pk])
    assert client.get(submit_url).status_code == 200
    mail.outbox.clear()
    assert client.post(submit_url).status_code == 302
    state = workflow_state(page)
    assert state.workflow.name == admin_name("Swedish translation review")
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert "language_reviewer_sv@example.fi" in recipients()
    assert "language_reviewer_en@example.fi" not in recipients()
    page.refresh_from_db()
    public_url = page.url
    assert public_url.startswith("/sv/")
    assert client.get(public_url).status_code == 404

    client.force_login(sv_reviewer)
    mail.outbox.clear()
    assert workflow_action(client, page, "reject", comment=SV_COMMENT).status_code == 302
    assert recipients() == ["translator_sv@example.fi"]
    assert SV_COMMENT in mail.outbox[0].body

    client.force_login(translator)
    translate_title(client, translation, "Familjerådgivning i Södra Savolax")
    assert client.post(submit_url).status_code == 302
    assert workflow_state(page).status == WorkflowState.STATUS_IN_PROGRESS
    assert client.get(public_url).status_code == 404

    client.force_login(site.user("language_reviewer_en"))
    assert refused(workflow_action(client, page, "approve", comment=""))
    page.refresh_from_db()
    assert not page.live

    client.force_login(sv_reviewer)
    with django_capture_on_commit_callbacks(execute=True):
        assert workflow_action(client, page, "approve", comment="").status_code == 302
    page.refresh_from_db()
    assert page.live
    assert page.title == "Familjerådgivning i Södra Savolax"
    client.logout()
    response = client.get(public_url)
    assert response.status_code == 200
    assert "Familjerådgivning i Södra Savolax" in response.content.decode()
    source.refresh_from_db()
    assert source.title == "Perheneuvo"
