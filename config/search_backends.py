"""The ``WAGTAILSEARCH_BACKENDS`` entry for each kind of search backend.

A plain module that imports no app: the settings build the site's backend with it, and the
benchmarks and tests build backends of other kinds for their scratch indexes the same way.
"""


def search_backend_settings(kind, url="", index_prefix="toimintamallit_"):
    """WAGTAILSEARCH_BACKENDS["default"] for one kind of backend: database, opensearch or elasticsearch."""
    if kind == "database":
        return {"BACKEND": "search.backends", "SEARCH_CONFIG": "simple"}
    backend = {
        "opensearch": "wagtail.search.backends.opensearch2",
        "elasticsearch": "wagtail.search.backends.elasticsearch8",
    }
    return {
        "BACKEND": backend[kind],
        "URLS": [item.strip() for item in url.split(",") if item.strip()],
        "INDEX_PREFIX": index_prefix,
        "TIMEOUT": 5,
        "OPTIONS": {"max_retries": 1},
    }
