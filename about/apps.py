from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AboutConfig(AppConfig):
    """The site's own pages: the accessibility statement with its feedback form, the statistics of the
    library, and the icons and web manifest."""

    name = "about"
    verbose_name = _("About the site")
    default_auto_field = "django.db.models.BigAutoField"
