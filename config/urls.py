"""URLs: admin, documents, API and sitemaps outside the language prefix; pages and feeds inside it."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from about import views as about_views
from opendata import urls as opendata_urls
from search import views as search_views

urlpatterns = [
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("", include(opendata_urls)),
    path("i18n/", include("django.conf.urls.i18n")),
    path("favicon.ico", about_views.favicon),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
elif settings.SERVE_MEDIA:
    # `make serve` on one machine: uploaded images from Django itself (a proxy serves them in a real
    # deployment); documents only through /documents/, which checks the page that uses them.
    from django.urls import re_path
    from django.views.static import serve

    urlpatterns += [
        re_path(r"^media/(?P<path>(?!documents/).+)$", serve, {"document_root": settings.MEDIA_ROOT}),
    ]

urlpatterns += i18n_patterns(
    path("search/", search_views.search, name="search"),
    path("search/suggest/", search_views.suggest, name="search_suggest"),
    path("tags/<str:tag_slug>/", search_views.search, name="tag"),
    path("accessibility/", about_views.accessibility_statement, name="accessibility_statement"),
    path("statistics/", about_views.statistics, name="statistics"),
    path("manifest.webmanifest", about_views.web_manifest, name="web_manifest"),
    path("adoptions/", include("adoption.urls")),
    path("", include(opendata_urls.localized_urlpatterns)),
    path("", include(wagtail_urls)),
)
