"""Production: every security-relevant value comes from the environment, without defaults."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEV_SECRET_KEYS = {"dev-only-secret-key-not-for-production", "test-secret-key"}
# Django signs sessions, password reset links and CSRF tokens with it: a short or reused key can be
# guessed. `make serve` generates one into .run/secret_key.
if len(SECRET_KEY) < 50 or len(set(SECRET_KEY)) < 5 or SECRET_KEY in DEV_SECRET_KEYS:
    raise ImproperlyConfigured(
        "SECRET_KEY must be set to a random value of at least 50 characters (for example "
        "`python -c 'import secrets; print(secrets.token_urlsafe(64))'`)"
    )
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")  # noqa: F405
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must be set in production")
if not os.environ.get("DATABASE_URL"):
    raise ImproperlyConfigured("DATABASE_URL must be set in production")
# The public address (https://…): links in feeds, sitemaps, the API and e-mails are built from it.
SITE_URL = os.environ.get("SITE_URL", "").rstrip("/")
if not SITE_URL:
    raise ImproperlyConfigured("SITE_URL must be set in production (the public address, https://…)")
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", SITE_URL)
WAGTAILAPI_BASE_URL = SITE_URL

# Static files under hashed names, compressed ahead of time, served by WhiteNoise for a year.
STORAGES["staticfiles"] = {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}  # noqa: F405

# Background work queued in the database; `manage.py db_worker` runs it.
TASKS = {"default": {"BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend")}}
EMAIL_BACKEND = "hosting.mail.QueuedEmailBackend"
QUEUED_EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")

# HTTPS. Behind a proxy that terminates TLS, set TRUSTED_PROXY_SSL_HEADER=true only if the
# proxy overwrites X-Forwarded-Proto on every request. HTTPS=false only for trying the site
# over plain HTTP on one machine (`make serve`): cookies are then sent without TLS.
if os.environ.get("TRUSTED_PROXY_SSL_HEADER", "").lower() == "true":
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
HTTPS = os.environ.get("HTTPS", "true").lower() == "true"
SECURE_SSL_REDIRECT = HTTPS and os.environ.get("SECURE_SSL_REDIRECT", "true").lower() == "true"
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000")) if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = os.environ.get("SECURE_HSTS_INCLUDE_SUBDOMAINS", "false").lower() == "true"
SECURE_HSTS_PRELOAD = os.environ.get("SECURE_HSTS_PRELOAD", "false").lower() == "true"
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
# HSTS covers this host only unless the operator says otherwise: the site may live under a domain
# whose other hosts it does not control, and preloading is a commitment for the whole domain.
SILENCED_SYSTEM_CHECKS = ["security.W005", "security.W021"]

# One machine's worker processes share a file cache unless CACHE_URL names a cache server.
CACHES = {"default": cache_settings(os.environ.get("CACHE_URL") or f"file://{BASE_DIR / '.run' / 'cache'}")}  # noqa: F405
