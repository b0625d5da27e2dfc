from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Search")

    def ready(self):
        from . import related, suggestions, upstream_wagtail

        upstream_wagtail.connect()
        related.connect()
        suggestions.connect()
        post_migrate.connect(suggestions.filled_after_migrate, sender=self, dispatch_uid="search.suggestions.migrated")
