"""Local development: debug on, a fixed development secret key."""

from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = os.environ.get("SECRET_KEY") or "dev-only-secret-key-not-for-production"  # noqa: F405
# Search measurement commands (bench_search, search_quality); not installed in production.
INSTALLED_APPS = [*INSTALLED_APPS, "benchmarks"]  # noqa: F405
