from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Search")

    def ready(self):
        from . import related, suggestions, upstream_wagtail

        upstream_wagtail.connect()
        related.connect()
        suggestions.connect()
