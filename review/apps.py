from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReviewConfig(AppConfig):
    """Roles, organisation memberships and the review workflows of descriptions and translations."""

    name = "review"
    verbose_name = _("Roles and review")

    def ready(self):
        from . import signals, upstream_localize

        signals.connect()
        upstream_localize.localize_translation_dates()
