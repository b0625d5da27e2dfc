"""Reviewing translated pages in their language: submitting them, approving them, requesting changes.

wagtail-localize's translation editor saves and publishes but has no "Submit for review",
so translators submit from here: the page gets a draft revision with the current
translations and enters its language's review workflow. A language reviewer approves or
requests changes from the same editor (``review_translation``).
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.admin import messages
from wagtail.models import Page, TaskState, WorkflowState

from .upstream_localize import page_translation


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


def review_actions(user, page):
    """The names of the actions ("approve", "reject") the user may take on the page's review task now."""
    if not page.workflow_in_progress:
        return set()
    task_state = page.current_workflow_task_state
    return {name for name, _label, _modal in task_state.task.specific.get_actions(page, user)}


def last_requested_changes(page):
    """The task state in which a reviewer last requested changes to the page, if its review waits for them."""
    state = page.current_workflow_state
    if state is None or state.status != WorkflowState.STATUS_NEEDS_CHANGES:
        return None
    return (
        TaskState.objects.filter(workflow_state=state, status=TaskState.STATUS_REJECTED)
        .select_related("finished_by")
        .order_by("-finished_at")
        .first()
    )


@require_POST
def review_translation(request, page_id):
    """A language reviewer approves (and so publishes) a translation in review, or requests changes."""
    page = get_object_or_404(Page, id=page_id).specific
    action = request.POST.get("action")
    if action not in review_actions(request.user, page) or action not in ("approve", "reject"):
        raise PermissionDenied
    comment = request.POST.get("comment", "").strip()
    if action == "reject" and not comment:
        messages.error(request, _("Write what should be changed before requesting changes."))
        return redirect("wagtailadmin_pages:edit", page.id)
    translation = page_translation(page)
    if action == "approve" and translation is not None:
        try:
            translation.save_target(user=request.user, publish=False)
        except ValidationError:
            messages.error(request, _("The translation has errors; fix them before approving it."))
            return redirect("wagtailadmin_pages:edit", page.id)
    task_state = page.current_workflow_task_state.specific
    task_state.task.specific.on_action(task_state, request.user, action, comment=comment)
    title = page.get_admin_display_title()
    if action == "approve":
        messages.success(request, _("'%(title)s' has been approved and published.") % {"title": title})
    else:
        messages.success(request, _("Changes to '%(title)s' have been requested.") % {"title": title})
    return redirect("wagtailadmin_home")
