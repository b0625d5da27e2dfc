from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TranslationsConfig(AppConfig):
    """Translation state of content: lag indicators, the admin report, the language switcher."""

    name = "translations"
    verbose_name = _("Translations")
