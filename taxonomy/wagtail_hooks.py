"""Admin views for the classifications: one snippet group in the menu."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Area, Funder, Organisation, TargetGroup, Theme


class AreaViewSet(SnippetViewSet):
    model = Area
    icon = "site"
    list_display = ["name", "kind", "parent", "code"]
    list_filter = ["kind", "locale"]
    search_fields = ["name"]


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    list_filter = ["locale"]


class TargetGroupViewSet(SnippetViewSet):
    model = TargetGroup
    icon = "group"
    list_filter = ["locale"]


class FunderViewSet(SnippetViewSet):
    model = Funder
    icon = "doc-full"
    list_display = ["name", "abbreviation"]
    list_filter = ["locale"]


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "home"
    list_filter = ["locale"]


class ClassificationGroup(SnippetViewSetGroup):
    menu_label = _("Classifications")
    menu_icon = "folder-open-inverse"
    items = (AreaViewSet, ThemeViewSet, TargetGroupViewSet, FunderViewSet, OrganisationViewSet)


register_snippet(ClassificationGroup)
