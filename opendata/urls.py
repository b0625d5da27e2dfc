"""Open data addresses: outside the language prefix (API, sitemaps, robots.txt, permanent addresses)
and inside it (feeds and citation downloads, in each language)."""

from django.contrib.sitemaps import views as sitemap_views
from django.urls import path, re_path

from . import views
from .api import api_router
from .feeds import DescriptionsFeed
from .sitemaps import language_sitemaps


def sitemap_index(request):
    return sitemap_views.index(request, language_sitemaps(request), sitemap_url_name="sitemap_section")


def sitemap_section(request, section):
    return sitemap_views.sitemap(request, language_sitemaps(request), section=section)


urlpatterns = [
    path("api/v2/openapi.json", views.openapi_json, name="openapi"),
    path("api/v2/", api_router.urls),
    path("sitemap.xml", sitemap_index, name="sitemap_index"),
    path("sitemap-<str:section>.xml", sitemap_section, name="sitemap_section"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("m/<int:page_id>/", views.permanent_address, name="permanent_address"),
]

localized_urlpatterns = [
    path("feeds/", DescriptionsFeed(), name="descriptions_feed"),
    re_path(r"^feeds/(?P<kind>theme|area|tag)/(?P<slug>[-\w]+)/$", DescriptionsFeed(), name="scoped_feed"),
    re_path(r"^cite/(?P<page_id>[0-9]+)\.(?P<file_format>ris|bib)$", views.citation_download, name="citation_download"),
]
