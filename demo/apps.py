from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """The demo site: the seed documents, demo users and translated demo pages."""

    name = "demo"
    verbose_name = _("Demo")
