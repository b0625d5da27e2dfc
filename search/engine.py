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
  library and joins the pages row by row (seconds at 100,000 descriptions), and its rank reads
  each matching entry's whole body. Here the search page's queries are ranked from each entry's
  rank for each word alone (search migration 0005), reading each word's best entries first
  (``word_score_matches``); other queries by the same match, written as matches of the title and
  the body, and the same rank run on the index entries alone.

All three use ``modelsearch`` internals (``get_queryset``, the SQLite query compiler's
``build_search_query``, ``get_search_vectors`` and ``_build_rank_expression``, the PostgreSQL
compiler's ``build_tsquery``, ``_build_rank_expression`` and ``get_sql_weights``, ``_get_es_body``,
``_backend_do_search``); ``tests/search_backends`` run them against every backend, so a change
upstream fails there first. The gap in modelsearch that this needs covering is in ``upstream_modelsearch``.
"""

import collections
import functools
import logging
import operator
import re

from django.db import connection
from django.db.models import F, Q, TextField
from django.db.models.functions import Cast
from django.db.models.sql import Query
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


# search migration 0005: each index entry's rank for each of its words alone, kept by triggers.
WORD_SCORES = "search_word_score"
# How many of each word's best entries are read, in multiples of the matches asked for
# (``word_score_matches``): deeper lists rank several words closer to the backend, and cost more.
WORD_LIST_DEPTH = 1.0
# A lexeme of a query as PostgreSQL writes it: quoted, a quote doubled, a backslash escaped.
LEXEME = re.compile(r"'((?:[^'\\]|''|\\.)*)'")


def word_groups(compiler, query, config):
    """The words of a query of alternative words, or of all of several such texts (the search page's),
    as PostgreSQL reads them: a list of groups of lexemes, one group for each text, each lexeme once;
    ``None`` for any other query (its rank is not made of its words' own ranks)."""
    from modelsearch.backends.database.postgres.postgres import IndexEntry
    from modelsearch.query import And, PlainText

    texts = [query] if isinstance(query, PlainText) else query.subqueries if isinstance(query, And) else []
    if not texts or any(not isinstance(text, PlainText) or text.operator != "or" for text in texts):
        return None
    queries = [compiler.build_tsquery(text, config=config) for text in texts]
    if None in queries:
        return None
    sql_query = Query(IndexEntry)
    parts = [sql_query.get_compiler(connection=connection).compile(q.resolve_expression(sql_query)) for q in queries]
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT ARRAY[{', '.join(f'({sql})::text' for sql, _params in parts)}]",
            [param for _sql, params in parts for param in params],
        )
        written = cursor.fetchone()[0]
    groups = []
    for text in written:
        words = [LEXEME.fullmatch(part) for part in text.split(" | ")]
        if not text or None in words:  # empty, or more than alternative words
            return None
        groups.append(sorted({word.group(1).replace("''", "'").replace("\\\\", "\\") for word in words}))
    return groups


def group_rank(groups, title_norm, ranks):
    """The backend's rank of an entry for ``groups`` (``word_groups``) from its ranks for each word alone,
    ``{lexeme: (title rank, body rank)}``; ``None`` when a group has none of its words.

    ``ts_rank`` of alternative words is the mean of each word's own rank; modelsearch multiplies the
    ranks of all the texts as ``(1 + rank) * ... - 1`` for the title and for the body, and weighs the
    title's by ``title_norm``."""
    title, body = 1.0, 1.0
    for group in groups:
        found = [ranks[word] for word in group if word in ranks]
        if not found:
            return None
        title *= 1 + sum(rank for rank, _body in found) / len(group)
        body *= 1 + sum(rank for _title, rank in found) / len(group)
    return title_norm * (title - 1) + (body - 1)


def page_entry_type():
    """The content type of Wagtail's generic page entries: every page is indexed as a ``Page`` too, with
    its title alone; migration 0005 keeps no word scores for them (``ranked_entries`` ranks them)."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Page

    return ContentType.objects.get_for_model(Page).pk


def ranked_entries(content_types, ids, groups, pages, limit):
    """``[(page id, score), ...]``, best first: the best ``limit`` pages of ``pages`` whose index entries
    among ``ids`` (of ``content_types``) match ``groups``, ranked from their words' scores.

    A page is indexed as its type and as a ``Page``, with the same title; the backend ranks it by the
    better of the two. The ``Page`` entry's rank comes from the title's ranks of the other entry and
    its own ``title_norm``; it matches when its title holds a word of every group."""
    from modelsearch.backends.database.postgres.postgres import IndexEntry

    words = sorted({word for group in groups for word in group})
    table = IndexEntry._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT entry_id, lexeme, title, body FROM {WORD_SCORES} WHERE entry_id = ANY(%s) AND lexeme = ANY(%s)",
            [list(ids), words],
        )
        ranks = collections.defaultdict(dict)
        for entry_id, word, title, body in cursor.fetchall():
            ranks[entry_id][word] = (title, body)
        cursor.execute(
            f"SELECT id, object_id, title_norm FROM {table} WHERE id = ANY(%s) AND content_type_id = ANY(%s)",
            [list(ranks), list(content_types)],
        )
        best, titled = {}, {}
        for entry_id, object_id, title_norm in cursor.fetchall():
            score = group_rank(groups, title_norm, ranks[entry_id])
            if score is not None:
                best[int(object_id)] = max(score, best.get(int(object_id), score))
            titles = {word: (title, 0.0) for word, (title, _body) in ranks[entry_id].items() if title}
            if titles and all(set(group) & titles.keys() for group in groups):
                titled[object_id] = titles
        page_type = page_entry_type()
        if titled and page_type in content_types:
            cursor.execute(
                f"SELECT object_id, title_norm FROM {table} WHERE content_type_id = %s AND object_id = ANY(%s)",
                [page_type, list(titled)],
            )
            for object_id, title_norm in cursor.fetchall():
                score = group_rank(groups, title_norm, titled[object_id])
                best[int(object_id)] = max(score, best.get(int(object_id), score))
    ranked = sorted(best.items(), key=lambda item: (-item[1], item[0]))
    kept, checked = [], 0
    while len(kept) < limit and checked < len(ranked):  # the best first, as few as suffice
        batch = ranked[checked : checked + limit + limit // 4 - len(kept)]
        checked += len(batch)
        pks = set(pages.filter(pk__in=[pk for pk, _score in batch]).values_list("pk", flat=True))
        kept += [(pk, score) for pk, score in batch if pk in pks]
    return kept[:limit]


def word_score_matches(entries, content_types, groups, match, limit, pages):
    """The best ``limit`` pages of ``pages`` for ``groups`` (``word_groups``), ranked as the backend ranks
    them, from the word scores of search migration 0005 without reading a vector.

    Each word's best ``limit`` entries (times ``WORD_LIST_DEPTH``) are read from its index, and the
    pages of the entries found are ranked from their scores for all the words. When each word's list
    holds every entry with the word, or for all of several texts one text's lists do (every full
    match has one of its words), these are every match and the result is the backend's own. Beyond,
    for one word, its list is its ranking; for several, the best found: an entry in no list has for
    each word a score no higher than the list's last, and the best of a large library hold the
    query's words in their titles and summaries, at the top of the lists. When fewer than ``limit``
    pages were found, other matches (``match``) make up the rest, ranked from their scores.
    """
    words = sorted({word for group in groups for word in group})
    depth = max(1, round(limit * WORD_LIST_DEPTH))
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT word, best.entry_id FROM unnest(%s::text[]) AS word, "
            f"LATERAL (SELECT entry_id FROM {WORD_SCORES} WHERE lexeme = word "
            f"ORDER BY score DESC, entry_id LIMIT %s) AS best",
            [words, depth],
        )
        found = cursor.fetchall()
    ids = {entry_id for _word, entry_id in found}
    ranked = ranked_entries(content_types, ids, groups, pages, limit)
    listed = collections.Counter(word for word, _entry_id in found)
    whole = {word for word in words if listed[word] < depth}
    if len(ranked) >= limit or any(set(group) <= whole for group in groups):
        return ranked
    more = entries.filter(match).exclude(pk__in=ids).exclude(content_type=page_entry_type())
    best = dict(ranked_entries(content_types, more.values_list("pk", flat=True)[:limit], groups, pages, limit))
    for pk, score in ranked:
        best[pk] = max(score, best.get(pk, score))
    return sorted(best.items(), key=lambda item: (-item[1], item[0]))[:limit]


def best_pages(entries, match, rank, limit):
    """``[(page id, score), ...]``: the best ``limit`` pages of the index ``entries`` that ``match``,
    by ``rank``; each page's better entry counts (a page is indexed as a page and as its type)."""
    rows = entries.filter(match).annotate(score=rank).order_by("-score", "object_id")
    best = {}
    for object_id, score in rows.values_list("object_id", "score")[: limit * 2]:
        best.setdefault(int(object_id), score)
    return list(best.items())[:limit]


def _postgres_matches(results, pages, limit):
    """The best ``limit`` index entries of ``pages`` for the query, ranked as the backend ranks them.

    The backend's match (``title || body @@ query``) is written as matches of ``title`` and ``body``
    (``vector_match``). The search page's queries are ranked from their words' scores
    (``word_score_matches``); any other query by ranking every match.
    """
    from modelsearch.backends.database.postgres.postgres import IndexEntry

    compiler = results.query_compiler
    config = compiler.get_config(results.backend)
    match = vector_match(compiler, compiler.query, config) if compiler.fields is None else None
    if match is None:  # not made by the search page; the backend's own way is right
        return [(pk, score or 0.0) for pk, score in results.get_queryset().values_list("pk", "_score")]
    content_types = get_descendants_content_types_pks(pages.model)
    entries = IndexEntry.objects.filter(content_type__in=content_types)
    groups = word_groups(compiler, compiler.query, config)
    if groups is not None:
        return word_score_matches(entries, content_types, groups, match, limit, pages)
    rank = compiler._build_rank_expression([(F("title"), F("title_norm")), (F("body"), 1.0)], config)
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
