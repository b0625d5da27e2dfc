"""Template tags of the review app: what the translation editor offers each role."""

from django import template
from wagtail.models import Page

from .. import upstream_localize, views

register = template.Library()


@register.simple_tag(takes_context=True)
def translation_editor_props(context):
    """wagtail-localize's editor settings without the buttons the user may not use on this page."""
    instance = context["instance"]
    if not isinstance(instance, Page):
        return context["props"]
    return upstream_localize.editor_props(context["props"], context["request"], instance)


@register.inclusion_tag("review/includes/translation_review_bar.html", takes_context=True)
def translation_review_bar(context):
    """Above the translation editor: submit for review, approve or request changes, the reviewer's comment."""
    instance = context["instance"]
    request = context["request"]
    if not isinstance(instance, Page):
        return {"page": None}
    return {
        "page": instance,
        "request": request,
        "can_submit": views.can_submit_translation(request.user, instance),
        "actions": views.review_actions(request.user, instance),
        "requested_changes": views.last_requested_changes(instance),
        "csrf_token": context.get("csrf_token"),
    }
