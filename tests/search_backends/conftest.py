"""Search backends for the contract tests: the session's database (SQLite or PostgreSQL), OpenSearch
and Elasticsearch.

The servers are the real ones that ``scripts/opensearch.sh`` and ``scripts/elasticsearch.sh``
start (``.ci/run`` does); their addresses come from OPENSEARCH_URL and ELASTICSEARCH_URL. Without
one, its tests are skipped with a printed reason, except in CI (CI=true), where they fail.
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


SERVERS = {
    "opensearch": ("OPENSEARCH_URL", "scripts/opensearch.sh"),
    "elasticsearch": ("ELASTICSEARCH_URL", "scripts/elasticsearch.sh"),
}


def server_url(kind):
    """The address of the search server of this kind; skips the test without it, or fails it in CI."""
    variable, script = SERVERS[kind]
    url = os.environ.get(variable, "").strip().rstrip("/")
    if not url:
        reason = f'{variable} is not set: start the server with eval "$({script} start)"'
        if in_ci():
            pytest.fail(f"{reason} (CI=true, so the {kind} tests must run)", pytrace=False)
        print(f"Skipping: {reason}")
        pytest.skip(reason)
    return url


def opensearch_url():
    return server_url("opensearch")


def server_down(kind):
    """A backend of this kind whose server does not answer (nothing listens on port 9)."""
    return search_backend_settings(kind, "http://127.0.0.1:9", "x_")


@pytest.fixture(params=["database", "opensearch", "elasticsearch"])
def search_backend(request, db):
    """Every search in the test goes to this backend; the demo content is imported and indexed."""
    if request.param == "database":
        backend = search_backend_settings("database")
    else:
        backend = search_backend_settings(request.param, server_url(request.param), f"test_{uuid.uuid4().hex[:8]}_")
    with override_settings(WAGTAILSEARCH_BACKENDS={"default": backend}):
        # As a site is set up: everything indexed (the classifications too), then the descriptions added.
        call_command("update_index", stdout=StringIO(), stderr=StringIO())
        call_command("import_descriptions", str(SEEDS), publish=True, stdout=StringIO())
        refresh_search_server()
        yield request.param
        backend = get_search_backend()
        if hasattr(backend, "es"):
            backend.es.indices.delete(index=f"{backend.index_prefix}*")


def refresh_search_server():
    """Make what was just indexed searchable (a search server refreshes once a second by itself)."""
    backend = get_search_backend()
    if hasattr(backend, "es"):
        backend.es.indices.refresh(index=f"{backend.index_prefix}*")
