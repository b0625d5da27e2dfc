from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AdoptionConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "adoption"
    verbose_name = _("Adoption")

    def ready(self):
        from . import signals  # noqa: F401
