from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImporterConfig(AppConfig):
    """Imports descriptions saved as text from the national library's pages."""

    name = "importer"
    verbose_name = _("Importer")
