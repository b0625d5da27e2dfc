from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def site_url_after_migrate(sender, **kwargs):
    from .site_url import apply_site_url

    apply_site_url()


class OpendataConfig(AppConfig):
    """Open data: the read API, feeds, sitemaps, structured data and permanent addresses."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "opendata"
    verbose_name = _("Open data")

    def ready(self):
        # After every migrate, so that a changed SITE_URL reaches the Site record.
        post_migrate.connect(site_url_after_migrate, sender=self, dispatch_uid="opendata_site_url")
