"""Accessibility feedback in the admin, for the editors who answer it."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import AccessibilityFeedback


class AccessibilityFeedbackViewSet(SnippetViewSet):
    model = AccessibilityFeedback
    icon = "mail"
    list_display = ["__str__", "page_address", "email", "language", "received_at"]
    list_filter = ["language"]
    add_to_admin_menu = True


register_snippet(AccessibilityFeedbackViewSet)
