"""Anonymous visitors' pages from Django's cache, never stale.

Every public page shows other pages (the library list, related models, navigation, classification
names), so any change to published content or to the classifications starts a new cache
generation: publish, unpublish, move, any saved or deleted page (a translation too), and saved
or deleted classifications, tags, site texts and adoption records. The generation's start is
the pages' ``Last-Modified``; each stored page has an ``ETag``, and Django's ConditionalGetMiddleware
answers 304 to a matching conditional request.

Only GET and HEAD of public pages by visitors without a session are cached: signed-in users
(and anyone with a session), the admin and its previews, search and tag results (the search index
follows publishing in the background), responses that set a cookie or carry a form's CSRF token
(the model page's forms carry none: ``adoption.anonymous``),
requests with a message waiting, and responses that say ``private``/``no-cache`` pass through.
"""

import hashlib

from django.apps import apps
from django.conf import settings
from django.db.models.signals import post_delete, post_save
from django.http import HttpResponse
from django.utils.http import http_date
from django.utils.translation import get_language
from taggit.models import Tag
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from .generation import content_cache, generation, invalidate

UNCACHED_PREFIXES = ("/admin/", "/django-admin/", "/documents/", "/i18n/", "/static/", "/media/")
UNCACHED_PAGES = ("search/", "tags/")
CACHED_PARAMETERS = {"page"}
CONTENT_MODELS = ()  # set by connect(): pages, tags and the models of CONTENT_APPS
# Apps whose records public pages show: classifications, the site texts, adoption records.
CONTENT_APPS = ("taxonomy", "home", "adoption")
MESSAGES_COOKIE = "messages"


def cacheable_request(request):
    if request.method not in ("GET", "HEAD") or settings.SESSION_COOKIE_NAME in request.COOKIES:
        return False
    if MESSAGES_COOKIE in request.COOKIES:  # a message waits to be shown on this page
        return False
    if request.path.startswith(UNCACHED_PREFIXES) or not set(request.GET) <= CACHED_PARAMETERS:
        return False
    language_prefix, _, rest = request.path.lstrip("/").partition("/")
    return not rest.startswith(UNCACHED_PAGES)


def shared_view(request):
    """Whether ``request`` sees what every visitor without a session sees: no session, not signed in
    and not a preview (what such a page shows may be kept in the cache and shown to the others)."""
    return (
        settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not getattr(getattr(request, "user", None), "is_authenticated", False)
        and not getattr(request, "is_preview", False)
    )


def shares_fragments(request):
    """Whether ``request`` is a GET or HEAD that sees what every visitor without a session sees (``shared_view``)."""
    return request is not None and request.method in ("GET", "HEAD") and shared_view(request)


def shared_fragment(request, name, compute):
    """``compute()`` (a piece of a page: its HTML or what it is rendered from), kept in the cache under the
    content generation, the host and the language when ``shares_fragments(request)``; computed afresh for
    anyone else (signed-in users, previews) and for forms."""
    if not shares_fragments(request):
        return compute()
    key = f"fragment:{generation()}:{request.get_host()}:{get_language()}:{name}"
    return content_cache().get_or_set(key, compute, settings.PAGE_CACHE_SECONDS)


def cacheable_response(request, response):
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "private" not in cache_control
        and "no-cache" not in cache_control
        and not getattr(getattr(request, "user", None), "is_authenticated", False)
        # A page with a form carries the visitor's CSRF token: it is theirs alone (its cookie is
        # in ``response.cookies`` too, as CsrfViewMiddleware runs inside this middleware).
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
    )


class PageCacheMiddleware:
    """Serves and stores anonymous visitors' pages (see the module's description)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not cacheable_request(request):
            return self.get_response(request)
        current = generation()
        key = f"pagecache:{current}:{request.get_full_path()}"
        stored = content_cache().get(key)
        if stored is not None:
            headers, content = stored
            response = HttpResponse(content, headers=headers)
            response["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if cacheable_response(request, response):
            response["ETag"] = f'"{hashlib.md5(response.content, usedforsecurity=False).hexdigest()}"'
            response["Last-Modified"] = http_date(current / 1e9)
            response["Cache-Control"] = "public, max-age=0, must-revalidate"
            content_cache().set(key, (dict(response.headers), response.content), settings.PAGE_CACHE_SECONDS)
            response["X-Page-Cache"] = "miss"
        return response


def content_changed(sender, instance, **kwargs):
    if isinstance(instance, CONTENT_MODELS):
        invalidate()


def connect():
    global CONTENT_MODELS
    CONTENT_MODELS = (Page, Tag, *(model for app in CONTENT_APPS for model in apps.get_app_config(app).get_models()))
    uid = "hosting.cache.invalidate"
    page_published.connect(invalidate, dispatch_uid=f"{uid}.published")
    page_unpublished.connect(invalidate, dispatch_uid=f"{uid}.unpublished")
    post_page_move.connect(invalidate, dispatch_uid=f"{uid}.moved")
    post_save.connect(content_changed, dispatch_uid=f"{uid}.saved")
    post_delete.connect(content_changed, dispatch_uid=f"{uid}.deleted")
