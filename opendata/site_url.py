"""The site's public address (``SITE_URL``) written into Wagtail's Site records.

Wagtail builds every absolute address (``get_full_url``, hreflang alternates, sitemaps, feeds,
the API's ``html_url``) from the Site's hostname and port, so they must match the address the
site is served on. ``apply_site_url`` runs in a data migration and after every ``migrate``.
"""

from urllib.parse import urlsplit

from django.conf import settings

DEFAULT_PORTS = {"http": 80, "https": 443}


def site_address(url=None):
    """(hostname, port) of ``url`` (``SITE_URL`` by default); the scheme's port when none is given."""
    parts = urlsplit(url or settings.SITE_URL)
    return parts.hostname or "localhost", parts.port or DEFAULT_PORTS.get(parts.scheme, 80)


def apply_site_url(site_model=None):
    """Point the default site (or the only one) at ``SITE_URL``; returns how many records changed."""
    if site_model is None:
        from wagtail.models import Site

        site_model = Site
    hostname, port = site_address()
    sites = site_model.objects.filter(is_default_site=True)
    if not sites.exists() and site_model.objects.count() == 1:
        sites = site_model.objects.all()
    return sites.exclude(hostname=hostname, port=port).update(hostname=hostname, port=port)
