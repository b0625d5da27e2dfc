"""Adoptions in the admin: a snippet listing with filters, where reviewers approve or reject proposals."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Adoption


class AdoptionViewSet(SnippetViewSet):
    model = Adoption
    icon = "group"
    menu_label = _("Adoptions")
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["organisation", "operating_model", "status", "area", "moderation_state", "created_at"]
    list_filter = ["moderation_state", "status", "area"]
    search_fields = ["organisation"]
    ordering = ["moderation_state", "-created_at"]


register_snippet(AdoptionViewSet)
