"""Production: every security-relevant value comes from the environment, without defaults."""

import os

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = os.environ["SECRET_KEY"]
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")  # noqa: F405
if not ALLOWED_HOSTS:
    raise RuntimeError("ALLOWED_HOSTS must be set in production")
if not os.environ.get("DATABASE_URL"):
    raise RuntimeError("DATABASE_URL must be set in production")
# The public address (https://…): links in feeds, sitemaps, the API and e-mails are built from it.
SITE_URL = os.environ["SITE_URL"].rstrip("/")
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", SITE_URL)
WAGTAILAPI_BASE_URL = SITE_URL

# HTTPS. Behind a proxy that terminates TLS, set TRUSTED_PROXY_SSL_HEADER=true only if the
# proxy overwrites X-Forwarded-Proto on every request.
if os.environ.get("TRUSTED_PROXY_SSL_HEADER", "").lower() == "true":
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = os.environ.get("SECURE_SSL_REDIRECT", "true").lower() == "true"
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = False
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
