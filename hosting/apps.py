from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HostingConfig(AppConfig):
    name = "hosting"
    verbose_name = _("Hosting")

    def ready(self):
        from . import cache, images, upstream_wagtail

        cache.connect()
        images.connect()
        upstream_wagtail.cache_locale_lookups_per_request()
