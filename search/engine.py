"""Asking the search backend for the ids and scores of the best matches, without loading the pages.

Wagtail's search results (``modelsearch``) load a model instance for every hit. The search page
needs only the ids and scores of all the best matches, to filter and count them in SQL, and then
loads the twenty pages it shows. For the database backends the results' own queryset gives ids
and scores in one query; for the Elasticsearch family the results' own query body is sent with
``size`` and only the ``pk`` field. Both use ``modelsearch`` result internals (``get_queryset``,
``_get_es_body``, ``_backend_do_search``); ``tests/search_backends`` run them against every
backend, so a change upstream fails there first.
"""

import logging

from modelsearch.backends.elasticsearchbase import ElasticsearchBaseSearchResults
from wagtail.search.backends import get_search_backend

logger = logging.getLogger(__name__)


class SearchUnavailable(Exception):
    """The search backend could not answer (for example the search server is down)."""


def ranked_matches(pages, words, limit):
    """``[(page id, score), ...]``, best first, for pages of ``pages`` sharing any of ``words``.

    Scores are larger for better matches on every backend (SQLite's bm25 is negated).
    """
    backend = get_search_backend()
    try:
        results = backend.search(words, pages, operator="or").annotate_score("_score")[:limit]
        if isinstance(results, ElasticsearchBaseSearchResults):
            return _elasticsearch_matches(results, limit)
        rows = results.get_queryset().values_list("pk", "_score")
        negate = _lower_is_better(backend)
        return [(pk, -(score or 0.0) if negate else (score or 0.0)) for pk, score in rows]
    except Exception as error:
        logger.exception("Search backend %s failed", type(backend).__name__)
        raise SearchUnavailable(str(error)) from error


def _lower_is_better(backend):
    """SQLite's FTS5 bm25() gives better matches lower (negative) scores."""
    return type(backend).__module__.startswith("modelsearch.backends.database.sqlite")


def _elasticsearch_matches(results, limit):
    params = {
        "index": results.backend.get_index_for_model(results.query_compiler.queryset.model).name,
        "_source": False,
        results.fields_param_name: "pk",
        "from_": 0,
        "size": limit,
    }
    hits = results._backend_do_search(results._get_es_body(), **params)["hits"]["hits"]
    return [(int(hit["fields"]["pk"][0]), hit["_score"]) for hit in hits]
