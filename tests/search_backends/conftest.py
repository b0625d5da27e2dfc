"""Search backends for the contract tests: the session's database (SQLite or PostgreSQL) and OpenSearch.

OpenSearch is the real server that ``scripts/opensearch.sh`` starts (``.ci/run`` does); its
address comes from OPENSEARCH_URL. Without it the OpenSearch tests are skipped with a printed
reason, except in CI (CI=true), where they fail.
"""

import os
import uuid
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import override_settings
from wagtail.search.backends import get_search_backend

from config.search_backends import search_backend_settings
from tests.conftest import SEEDS


def in_ci():
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


def opensearch_url():
    """OPENSEARCH_URL; skips the test without it, or fails it in CI."""
    url = os.environ.get("OPENSEARCH_URL", "").strip().rstrip("/")
    if not url:
        reason = 'OPENSEARCH_URL is not set: start the server with eval "$(scripts/opensearch.sh start)"'
        if in_ci():
            pytest.fail(f"{reason} (CI=true, so the OpenSearch tests must run)", pytrace=False)
        print(f"Skipping: {reason}")
        pytest.skip(reason)
    return url


@pytest.fixture(params=["database", "opensearch"])
def search_backend(request, db):
    """Every search in the test goes to this backend; the demo content is imported and indexed."""
    if request.param == "opensearch":
        backend = search_backend_settings("opensearch", opensearch_url(), f"test_{uuid.uuid4().hex[:8]}_")
    else:
        backend = search_backend_settings("database")
    with override_settings(WAGTAILSEARCH_BACKENDS={"default": backend}):
        # As a site is set up: everything indexed (the classifications too), then the descriptions added.
        call_command("update_index", stdout=StringIO(), stderr=StringIO())
        call_command("import_descriptions", str(SEEDS), publish=True, stdout=StringIO())
        if request.param == "opensearch":
            refresh_opensearch()
        yield request.param
        if request.param == "opensearch":
            backend = get_search_backend()
            backend.es.indices.delete(index=f"{backend.index_prefix}*")


def refresh_opensearch():
    """Make what was just indexed searchable (OpenSearch refreshes once a second by itself)."""
    backend = get_search_backend()
    backend.es.indices.refresh(index=f"{backend.index_prefix}*")
