"""The site texts as a snippet in the admin (translated with wagtail-localize)."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import SiteTexts


class SiteTextsViewSet(SnippetViewSet):
    model = SiteTexts
    icon = "globe"
    menu_label = SiteTexts._meta.verbose_name_plural
    add_to_settings_menu = True


register_snippet(SiteTextsViewSet)
