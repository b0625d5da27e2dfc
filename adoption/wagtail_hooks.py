"""Adoptions in the admin: a snippet listing with filters, where reviewers approve or reject proposals;
and the adoptions on the public statistics page."""

from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.models import Locale
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import overview
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


# The statistics page (``about``) gathers sections through this hook; the name is its STATISTICS_SECTIONS_HOOK.
@hooks.register("statistics_sections")
def adoption_statistics(request):
    """The approved adoptions by county and status, drawn and tabled as on the adoption view."""
    return render_to_string("adoption/includes/statistics.html", overview.build(Locale.get_active()), request=request)
