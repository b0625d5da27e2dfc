"""Asking the search backend for the ids and scores of the best matches, without loading the pages.

Wagtail's search results (``modelsearch``) load a model instance for every hit. The search page
needs only the ids and scores of all the best matches, to filter and count them in SQL, and then
loads the twenty pages it shows.

- Elasticsearch family: the results' own query body is sent with ``size``, asking only for ``pk``
  from the doc values.
- SQLite: the backend's own query scores each candidate page with a correlated subquery that runs
  the full-text match again per page, so its time grows with the square of the library (a minute
  at 10,000 descriptions). Here the FTS5 match runs once, ordered by its bm25 rank with a limit,
  built from the backend's own match and rank expressions.
- PostgreSQL: the backend's own query matches the concatenation of each index entry's title and
  body vectors, which no index covers and no statistics estimate, so it reads every entry of the
  library and joins the pages row by row (seconds at 100,000 descriptions). Here the same match,
  written as matches of the title and the body, and the same rank run on the index entries alone;
  where the rum extension is installed, only on the candidates its index proposes
  (``rum_candidates``, search migration 0003), as the rank reads each matching entry's whole body.

All three use ``modelsearch`` internals (``get_queryset``, the SQLite query compiler's
``build_search_query``, ``get_search_vectors`` and ``_build_rank_expression``, the PostgreSQL
compiler's ``build_tsquery`` and ``_build_rank_expression``, ``_get_es_body``,
``_backend_do_search``); ``tests/search_backends`` run them against every backend, so a change
upstream fails there first. The gap in modelsearch that this needs covering is in ``upstream_modelsearch``.
"""

import functools
import logging
import operator

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import connection
from django.db.models import F, FloatField, Func, Q, TextField
from django.db.models.functions import Cast
from modelsearch.backends.elasticsearchbase import ElasticsearchBaseSearchResults
from modelsearch.utils import get_descendants_content_types_pks

from .upstream_wagtail import search_backend

logger = logging.getLogger(__name__)


class SearchUnavailable(Exception):
    """The search backend could not answer (for example the search server is down)."""


def ranked_matches(pages, query, limit):
    """``[(page id, score), ...]``, best first, for pages of ``pages`` matching ``query``: any of its
    words, or a search query object.

    Scores are larger for better matches on every backend (SQLite's bm25 is negated).
    """
    backend = search_backend()
    try:
        results = backend.search(query, pages, operator="or")
        results = results.annotate_score("_score")[:limit]
        if isinstance(results, ElasticsearchBaseSearchResults):
            return _elasticsearch_matches(results, limit)
        if _is_sqlite(backend):
            return _sqlite_matches(results, pages, limit)
        if connection.vendor == "postgresql":
            return _postgres_matches(results, pages, limit)
        return [(pk, score or 0.0) for pk, score in results.get_queryset().values_list("pk", "_score")]
    except Exception as error:
        logger.exception("Search backend %s failed", type(backend).__name__)
        raise SearchUnavailable(str(error)) from error


def _is_sqlite(backend):
    """modelsearch's SQLite backend or a subclass (its module is only imported on SQLite)."""
    return any(cls.__module__ == "modelsearch.backends.database.sqlite.sqlite" for cls in type(backend).__mro__)


def _sqlite_matches(results, pages, limit):
    """One FTS5 query: the best ``limit`` index entries of ``pages`` for the query, by bm25.

    bm25() gives better matches lower (negative) scores; they are negated.
    """
    from modelsearch.backends.database.sqlite.query import MatchExpression, normalize
    from modelsearch.backends.database.sqlite.sqlite import SQLiteFTSIndexEntry
    from modelsearch.query import MatchAll, Not

    from .upstream_modelsearch import FTS5Query, WeightedBM25

    compiler = results.query_compiler
    query = normalize(compiler.query)
    if isinstance(query, (MatchAll, Not)):  # not made by the search page; the backend's own way is right
        return [(pk, -(score or 0.0)) for pk, score in results.get_queryset().values_list("pk", "_score")]
    # bm25() ranks the whole match; the backend's own rank for an And multiplies (1 + bm25) terms,
    # which turns the sign of bm25's negative scores, so bm25 of the whole query is used for all;
    # the boosted fields' column weighs more.
    match = MatchExpression(compiler.fields or compiler.FTS_TABLE_FIELDS, FTS5Query(compiler.query))
    rows = (
        SQLiteFTSIndexEntry.objects.filter(match)
        .filter(
            index_entry__content_type__in=get_descendants_content_types_pks(pages.model),
            index_entry__object_id__in=pages.annotate(key=Cast("pk", TextField())).values("key"),
        )
        .annotate(score=WeightedBM25())
        .order_by("score")
        .values_list("index_entry__object_id", "score")[:limit]
    )
    return [(int(object_id), -score) for object_id, score in rows]


def words_query(query):
    """``query`` with a plain text of all words (``operator="and"``) written as an ``And`` of each word."""
    from modelsearch.query import And, PlainText

    if isinstance(query, PlainText) and query.operator == "and":
        return And([PlainText(term, operator="or") for term in query.query_string.split()])
    return query


def plain_texts(query):
    """The plain texts of a query of plain texts, ``And`` and ``Or``; ``None`` for anything else."""
    from modelsearch.query import And, Or, PlainText

    if isinstance(query, PlainText):
        return [query]
    if isinstance(query, (And, Or)) and query.subqueries:
        parts = [plain_texts(subquery) for subquery in query.subqueries]
        return None if None in parts else [text for part in parts for text in part]
    return None


def vector_match(compiler, query, config):
    """``title || body @@ query`` for a query of plain texts, ``And`` and ``Or``, written as matches of
    ``title`` and ``body`` alone, which their GIN indexes answer and their statistics estimate (a
    word is in the concatenation when it is in either); ``None`` for anything else."""
    from modelsearch.query import And, Or, PlainText

    query = words_query(query)
    if isinstance(query, PlainText):
        words = compiler.build_tsquery(query, config=config)
        return None if words is None else Q(title=words) | Q(body=words)
    if isinstance(query, (And, Or)) and query.subqueries:
        parts = [vector_match(compiler, subquery, config) for subquery in query.subqueries]
        if None in parts:
            return None
        return functools.reduce(operator.and_ if isinstance(query, And) else operator.or_, parts)
    return None


# search migration 0003: a RUM index on the boosted words of each index entry's body, where the
# rum extension is installed.
RUM_INDEX = "search_indexentry_boosted_rum"
# How many entries the RUM index proposes, by its own closeness to the query, for the exact ranking.
RUM_CANDIDATES = getattr(settings, "SEARCH_RUM_CANDIDATES", 1000)


class Boosted(Func):
    """The words of a body vector from boosted fields (weights A to C; a field without a boost has D),
    written as the RUM index's expression."""

    template = "ts_filter(%(expressions)s, '{a,b,c}')"
    output_field = SearchVectorField()


class Closeness(Func):
    """RUM's ``vector <=> query``: smaller for entries closer to the query; its index returns them in
    this order."""

    template = "%(expressions)s"
    arg_joiner = " <=> "
    output_field = FloatField()


def rum_index_exists():
    with connection.cursor() as cursor:
        cursor.execute("SELECT to_regclass(%s) IS NOT NULL", [RUM_INDEX])
        return cursor.fetchone()[0]


def rum_candidates(entries, compiler, config, limit):
    """The ids of the index entries to rank exactly, or ``None`` when every match must be ranked.

    The backend's weights make a word in a boosted field (a summary) count many times more than
    any number of the same word in the rest of the text, so an entry whose boosted words hold a
    word of the query ranks above every entry whose hold none. When at least ``limit`` entries
    have such a word, the best are among them or among the entries whose title has one (the
    title weighs most): the RUM index gives up to ``RUM_CANDIDATES`` of them, closest to the query
    first, without reading the rows (for a query of all words, first those whose boosted words
    hold all, and when that many do, only they). While they are no more than that, the best
    ``limit`` are the backend's own; beyond it, the best of the candidates closest to the query by
    RUM's measure, with the backend's scores.
    """
    from modelsearch.query import And, Or

    query = words_query(compiler.query)
    texts = plain_texts(query)
    if texts is None:
        return None
    any_word = compiler.build_tsquery(Or(texts), config=config)
    candidates = []
    for words in [compiler.build_tsquery(query, config=config)] * isinstance(query, And) + [any_word]:
        if len(candidates) >= RUM_CANDIDATES:  # as many with all the words as would be ranked
            break
        boosted = entries.annotate(boosted=Boosted(F("body"))).filter(boosted=words)
        candidates += boosted.order_by(Closeness(F("boosted"), words)).values_list("pk", flat=True)[:RUM_CANDIDATES]
    if len(set(candidates)) < limit:  # entries without a boosted word make up the rest; their order needs every match
        return None
    title_rank = compiler._build_rank_expression([(F("title"), F("title_norm"))], config)
    titled = entries.filter(title=any_word).annotate(score=title_rank).order_by("-score")
    return candidates + list(titled.values_list("pk", flat=True)[:limit])


def best_pages(entries, match, rank, limit, pages=None):
    """``[(page id, score), ...]``: the best ``limit`` pages of the index ``entries`` that ``match``,
    by ``rank``; each page's better entry counts (a page is indexed as a page and as its type).
    ``pages``: the pages to keep, checked on the ranked rows (for a few candidate entries)."""
    rows = entries.filter(match).annotate(score=rank).order_by("-score", "object_id")
    rows = rows.values_list("object_id", "score")
    rows = [(int(object_id), score) for object_id, score in (rows if pages is not None else rows[: limit * 2])]
    if pages is not None:
        kept = set(pages.filter(pk__in=[pk for pk, _score in rows]).values_list("pk", flat=True))
        rows = [(pk, score) for pk, score in rows if pk in kept]
    best = {}
    for pk, score in rows:
        best.setdefault(pk, score)
    return list(best.items())[:limit]


def _postgres_matches(results, pages, limit):
    """The best ``limit`` index entries of ``pages`` for the query, ranked as the backend ranks them.

    The backend's match (``title || body @@ query``) is written as matches of ``title`` and ``body``
    (``vector_match``). With the RUM index only the candidates of ``rum_candidates`` are ranked,
    unless fewer than ``limit`` of them match; without it, every match is.
    """
    from modelsearch.backends.database.postgres.postgres import IndexEntry

    compiler = results.query_compiler
    config = compiler.get_config(results.backend)
    match = vector_match(compiler, compiler.query, config) if compiler.fields is None else None
    if match is None:  # not made by the search page; the backend's own way is right
        return [(pk, score or 0.0) for pk, score in results.get_queryset().values_list("pk", "_score")]
    rank = compiler._build_rank_expression([(F("title"), F("title_norm")), (F("body"), 1.0)], config)
    entries = IndexEntry.objects.filter(content_type__in=get_descendants_content_types_pks(pages.model))
    candidates = rum_candidates(entries, compiler, config, limit) if rum_index_exists() else None
    if candidates is not None:
        ranked = best_pages(entries.filter(pk__in=candidates), match, rank, limit, pages)
        if len(ranked) >= limit:
            return ranked
    entries = entries.filter(object_id__in=pages.annotate(key=Cast("pk", TextField())).values("key"))
    return best_pages(entries, match, rank, limit)


def _elasticsearch_matches(results, limit):
    params = {
        "index": results.backend.get_index_for_model(results.query_compiler.queryset.model).name,
        # The ids from the doc values: stored fields are compressed in blocks with each document's
        # whole source, and unpacking them for 500 hits took four fifths of the time at 100,000 pages.
        "_source": False,
        results.fields_param_name: "_none_",
        "docvalue_fields": ["pk"],
        "from_": 0,
        "size": limit,
        # Without counting every hit, the engine skips the documents that cannot reach the best ``limit``.
        "track_total_hits": False,
        # Each hit's score and id alone: the index name and document id of 500 hits, written out by
        # the engine and read back here, were half of the answer.
        "filter_path": "hits.hits._score,hits.hits.fields.pk",
    }
    hits = results._backend_do_search(results._get_es_body(), **params).get("hits", {}).get("hits", [])
    return [(int(hit["fields"]["pk"][0]), hit["_score"]) for hit in hits]
