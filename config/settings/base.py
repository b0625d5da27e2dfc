"""Settings shared by every environment, read from environment variables.

The Django project package is called ``config`` because ``site`` is a module of
Python's standard library and cannot be imported as a project package.
"""

import datetime
import os
from pathlib import Path

import dj_database_url

from config.machine_translation import machine_translator_from_env
from config.search_backends import search_backend_settings
from core.languages import LANGUAGE_NAMES, SOURCE_LANGUAGE

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_list(name, default=""):
    """A comma-separated environment variable as a list of non-empty strings."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "indexing",
    "home",
    "models_library",
    "taxonomy",
    "articles",
    "search",
    "review",
    "translations",
    "importer",
    "demo",
    "about",
    "adoption",
    "opendata",
    "hosting",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.redirects",
    "wagtail.contrib.sitemaps",
    "wagtail.api.v2",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "axes",
    "csp",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    # After Wagtail and Django: their catalogs translate the form messages (DRF's would win otherwise).
    "rest_framework",
    "corsheaders",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Static files with far-future caching before anything else reads the request.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "hosting.security.ContentSecurityPolicyMiddleware",
    "hosting.security.PermissionsPolicyMiddleware",
    # 304 for a conditional request whose ETag or Last-Modified still matches.
    "django.middleware.http.ConditionalGetMiddleware",
    # A stored page is answered before the session, language, CSRF and user are worked out; on
    # the way out it sees their cookies and the user, and stores nothing that is not for everyone.
    "hosting.cache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "hosting.upstream_wagtail.LocaleLookupMiddleware",
    # Django's, keeping the 404s of the API and the other unprefixed open data addresses.
    "opendata.middleware.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "review.middleware.OrganisationRuleMiddleware",
    # Last, so that it turns a locked-out login into its own response.
    "axes.middleware.AxesMiddleware",
]

if os.environ.get("SERVER_TIMING", "").lower() == "true":
    MIDDLEWARE.insert(0, "hosting.timing.ServerTimingMiddleware")

ROOT_URLCONF = "config.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "config.wsgi.application"

# SQLite is the embedded default; DATABASE_URL points the same code at PostgreSQL.
DATABASES = {"default": dj_database_url.config(default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}", conn_max_age=60)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # SQLite reads the database through memory mapping (up to 1 GiB) instead of a read call per page
    # and keeps 64 MiB of pages in its cache: at 100,000 pages, looking up the content type and stage
    # of the 500 pages a search matched went from 3.5 and 5.0 ms to 1.4 and 1.6 ms.
    SQLITE_PRAGMAS = "PRAGMA mmap_size=1073741824; PRAGMA cache_size=-65536"
    DATABASES["default"].setdefault("OPTIONS", {})["init_command"] = SQLITE_PRAGMAS
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Repeated wrong passwords lock the username out from that address for a while (django-axes);
# the lock-out page says so in the visitor's language.
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = datetime.timedelta(minutes=15)  # the lock-out page says 15 minutes
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "hosting/locked_out.html"
AXES_RESET_ON_SUCCESS = True
# Behind a proxy, the client's address is the last one the proxy added (AXES_IPWARE_PROXY_COUNT=1).
AXES_IPWARE_PROXY_COUNT = int(os.environ.get("AXES_IPWARE_PROXY_COUNT", "0"))

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Finnish is the source language; Swedish and English are translations.
LANGUAGE_CODE = SOURCE_LANGUAGE
LANGUAGES = list(LANGUAGE_NAMES.items())
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Helsinki"
USE_I18N = True
# Day-first English dates (config/formats/en); Finnish and Swedish use Django's own formats.
FORMAT_MODULE_PATH = ["config.formats"]
USE_TZ = True

STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "collected_static"))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"
# Uploaded files served by Django itself outside DEBUG: only for `make serve` on one machine.
SERVE_MEDIA = os.environ.get("SERVE_MEDIA", "false").lower() == "true"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# WhiteNoise serves the collected files; hashed names (production) are cached for a year.
WHITENOISE_MAX_AGE = 60

# Content-Security-Policy (django-csp): scripts and styles only from the site's own static files,
# no inline script, style or event attribute. The admin (Wagtail's own templates) also needs
# inline styles and scripts; hosting.security allows those under /admin/ only.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    }
}
# Browser features the site never uses, turned off for every page (and anything it embeds).
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), "
    "payment=(), usb=(), interest-cohort=()"
)


# Caches: local memory by default (one process); production uses a file cache that every worker
# process of one machine shares, or a shared server for several machines: CACHE_URL=redis://host:6379/0
# (Django's Redis backend, `pip install redis`) or CACHE_URL=memcached://host:11211 (pymemcache).
def cache_settings(url):
    if url.startswith(("redis://", "rediss://")):
        return {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url}
    if url.startswith("memcached://"):
        return {"BACKEND": "django.core.cache.backends.memcached.PyMemcacheCache", "LOCATION": url[12:]}
    if url.startswith("file://"):
        backend = {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache", "LOCATION": url[7:]}
    else:
        backend = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    return {**backend, "OPTIONS": {"MAX_ENTRIES": 5000}}


CACHES = {"default": cache_settings(os.environ.get("CACHE_URL", ""))}
# Anonymous visitors' pages (hosting.cache): which cache, and how long a page is kept at most.
PAGE_CACHE_ALIAS = "default"
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "3600"))

# Background work (search index updates, e-mail) is queued in the database and run by
# `manage.py db_worker`, which `make serve` starts; tests and `make run` run it at once.
TASKS = {"default": {"BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend")}}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = "Toimintamallikirjasto"
# The site's public address: written into Wagtail's Site record (opendata.site_url) by a migration
# and after every `migrate`, so absolute links, feeds, sitemaps and e-mails carry it.
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", SITE_URL)

# Open data (opendata): the licence of the content, shown on every description and in the API.
CONTENT_LICENSE = {
    "name": os.environ.get("CONTENT_LICENSE_NAME", "CC BY 4.0"),
    "url": os.environ.get("CONTENT_LICENSE_URL", "https://creativecommons.org/licenses/by/4.0/"),
}
# The read API is open to every origin, for reading only.
CORS_ALLOW_ALL_ORIGINS = True
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
WAGTAILAPI_BASE_URL = SITE_URL
WAGTAILAPI_LIMIT_MAX = 100
# Addresses from titles in plain ASCII (ä→a, ö→o, å→a), as the importer makes them.
WAGTAIL_ALLOW_UNICODE_SLUGS = False
# The admin asks no outside server for new Wagtail releases (and needs no such address in its CSP).
WAGTAIL_ENABLE_UPDATE_CHECK = False

# Search. Wagtail's database backend is the embedded default; SEARCH_BACKEND=opensearch or
# =elasticsearch uses a search cluster at SEARCH_URL. Text is analysed for Finnish, Swedish and
# English by the site itself (indexing.analysis) before it reaches any backend, so the engines
# only match tokens: PostgreSQL uses its "simple" configuration, without stemming of its own.
SEARCH_BACKEND = os.environ.get("SEARCH_BACKEND", "database")


WAGTAILSEARCH_BACKENDS = {
    "default": search_backend_settings(
        SEARCH_BACKEND,
        os.environ.get("SEARCH_URL", "http://127.0.0.1:9200"),
        os.environ.get("SEARCH_INDEX_PREFIX", "toimintamallit_"),
    )
}

# Images: refuse huge uploads with a clear message instead of exhausting memory. 12 megapixels
# (4000 × 3000) keeps the first rendition of an image under a second and 200 MB.
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 12_000_000
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "ods", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024

# Translations (wagtail-localize). A machine translator is optional: DEEPL_API_KEY (or
# LIBRETRANSLATE_URL) turns one on; see config/machine_translation.py.
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = machine_translator_from_env(os.environ)
# A new translation starts as a draft (its untranslated text would be Finnish) until a
# translator publishes it, even when the Finnish page is live.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "toimintamallikirjasto@localhost")
if os.environ.get("EMAIL_HOST"):
    EMAIL_HOST = os.environ["EMAIL_HOST"]
    EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = os.environ.get("EMAIL_USE_TLS", "true").lower() == "true"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    # Index and reference updates run as tasks; one line per task is noise.
    # WeasyPrint (the adoption kit) logs each layout step of every PDF.
    "loggers": {
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}
