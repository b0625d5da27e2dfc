"""Submitting a translated page for review in its language.

wagtail-localize's translation editor saves and publishes but has no "Submit for review",
so translators submit from here: the page gets a draft revision with the current
translations and enters its language's review workflow.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.admin import messages
from wagtail.models import Page, WorkflowState
from wagtail_localize.models import Translation


def page_translation(page):
    """The enabled wagtail-localize translation whose target is this page, or None."""
    return Translation.objects.filter(
        source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
    ).first()


def can_submit_translation(user, page):
    """Whether the user may submit this translated page to its language's review now."""
    perms = page.permissions_for_user(user)
    if not perms.can_edit() or page_translation(page) is None:
        return False
    state = page.current_workflow_state
    if state and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        return True
    return perms.can_submit_for_moderation()


def submit_translation_for_review(request, page_id):
    """Show what will be submitted (GET), then save the translation as a draft and submit it (POST)."""
    page = get_object_or_404(Page, id=page_id).specific
    if not can_submit_translation(request.user, page):
        raise PermissionDenied
    translation = page_translation(page)
    if request.method != "POST":
        return TemplateResponse(
            request,
            "review/submit_translation.html",
            {"page": page, "locale": page.locale, "workflow": page.get_workflow()},
        )
    try:
        translation.save_target(user=request.user, publish=False)
    except ValidationError:
        messages.error(
            request,
            _("The translation of '%(title)s' has errors; fix them in the translation editor before submitting.")
            % {"title": page.get_admin_display_title()},
        )
        return redirect("wagtailadmin_pages:edit", page.id)
    page.refresh_from_db()
    state = page.current_workflow_state
    if state and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(request.user)
    else:
        page.get_workflow().start(page, request.user)
    messages.success(
        request,
        _("The translation '%(title)s' has been submitted for review in %(language)s.")
        % {"title": page.get_admin_display_title(), "language": page.locale.get_display_name()},
    )
    return redirect(reverse("wagtailadmin_explore", args=[page.get_parent().id]))
