"""The ``WAGTAILSEARCH_BACKENDS`` entry for each kind of search backend.

A plain module that imports no app: the settings build the site's backend with it, and the
benchmarks and tests build backends of other kinds for their scratch indexes the same way.
"""

# The site analyses its text itself (``indexing.analysis``), so the engines only split on spaces
# and lowercase. Wagtail's defaults name an ngram tokenizer and edge-ngram filters that live in the
# analysis-common module, which Elasticsearch's minimal distribution (and a locked-down cluster)
# may lack: both analyzers become the standard tokenizer with lowercase, and the custom tokenizer
# and filter sections are emptied (Wagtail deep-merges these settings into its own, and an empty
# dict replaces a section). Prefix suggestions do not depend on the engine (``search.query``).
PLAIN_ANALYSIS = {"type": "custom", "tokenizer": "standard", "filter": ["lowercase"]}
ELASTICSEARCH_INDEX_SETTINGS = {
    "settings": {
        "analysis": {
            "analyzer": {"ngram_analyzer": PLAIN_ANALYSIS, "edgengram_analyzer": PLAIN_ANALYSIS},
            "tokenizer": {},
            "filter": {},
        }
    }
}
# Seconds to wait for an answer: creating an index on a loaded single-node Elasticsearch can take
# longer than Wagtail's default.
TIMEOUT = {"opensearch": 5, "elasticsearch": 30}


def search_backend_settings(kind, url="", index_prefix="toimintamallit_"):
    """WAGTAILSEARCH_BACKENDS["default"] for one kind of backend: database, opensearch or elasticsearch."""
    if kind == "database":
        return {"BACKEND": "search.backends", "SEARCH_CONFIG": "simple"}
    backend = {
        "opensearch": "wagtail.search.backends.opensearch2",
        "elasticsearch": "wagtail.search.backends.elasticsearch8",
    }
    settings = {
        "BACKEND": backend[kind],
        "URLS": [item.strip() for item in url.split(",") if item.strip()],
        "INDEX_PREFIX": index_prefix,
        "TIMEOUT": TIMEOUT[kind],
        "OPTIONS": {"max_retries": 1},
    }
    if kind == "elasticsearch":
        settings["INDEX_SETTINGS"] = ELASTICSEARCH_INDEX_SETTINGS
    return settings
