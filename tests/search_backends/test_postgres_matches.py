"""On PostgreSQL the search page asks the index entries itself (``search.engine._postgres_matches``):
the same pages in the same order with the same scores as modelsearch's own query, written as matches
of the title and the body vectors that their GIN indexes answer (the backend's match of their
concatenation reads every entry of the library). On SQLite these tests skip with their reason.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.search.backends import get_search_backend
from wagtail.search.query import And, PlainText

from core.languages import source_locale
from search.engine import ranked_matches
from search.query import pages_in


@pytest.fixture
def postgres(db):
    """Skips the test on another database, before its content is set up."""
    if connection.vendor != "postgresql":
        reason = "the PostgreSQL search path runs only on PostgreSQL (DATABASE_URL=postgres://...)"
        print(f"Skipping: {reason}")
        pytest.skip(reason)


QUERIES = [
    PlainText("perhekeskus", operator="or"),
    PlainText("perhe keskus väkivalta", operator="or"),
    PlainText("perhe lapsi", operator="and"),
    And([PlainText("perhe lapsiperhe", operator="or"), PlainText("tuki tukea", operator="or")]),
]


@pytest.mark.parametrize("search_backend", ["database"], indirect=True)
@pytest.mark.parametrize("query", QUERIES, ids=repr)
def test_matches_are_the_backends_own_ranking(postgres, search_backend, query):
    pages = pages_in(source_locale())
    with CaptureQueriesContext(connection) as queries:
        ranked = ranked_matches(pages, query, 500)
    # The backend's own query, one row per index entry (a page as a page and as its type): each page's best.
    own = {}
    results = get_search_backend().search(query, pages, operator="or").annotate_score("_score")
    for pk, score in results.get_queryset().values_list("pk", "_score"):
        own[pk] = max(score, own.get(pk, score))
    assert ranked, query
    assert dict(ranked) == pytest.approx(own)
    scores = [score for _pk, score in ranked]
    assert scores == sorted(scores, reverse=True)
    sql = queries.captured_queries[-1]["sql"]
    assert " || " not in sql and '"title" @@' in sql and '"body" @@' in sql, sql


def rum_index(postgres):
    """Skips the test where the rum extension is not installed (search migration 0003 made no index)."""
    from search.engine import rum_index_exists

    if not rum_index_exists():
        reason = "the rum extension is not installed (scripts/postgres.sh installs postgresql-<version>-rum)"
        print(f"Skipping: {reason}")
        pytest.skip(reason)


def backends_own(pages, query):
    """The backend's own ranking, each page's better entry: ``{page id: score}``."""
    own = {}
    results = get_search_backend().search(query, pages, operator="or").annotate_score("_score")
    for pk, score in results.get_queryset().values_list("pk", "_score"):
        own[pk] = max(score, own.get(pk, score))
    return own


def best_of_rum_candidates(pages, query, limit):
    """``ranked_matches`` and whether it asked the RUM index."""
    with CaptureQueriesContext(connection) as queries:
        ranked = ranked_matches(pages, query, limit)
    return ranked, any(" <=> " in captured["sql"] for captured in queries.captured_queries)


@pytest.mark.parametrize("search_backend", ["database"], indirect=True)
@pytest.mark.parametrize("query", QUERIES, ids=repr)
def test_rum_candidates_give_the_backends_own_best_matches(postgres, search_backend, query):
    """With the RUM index, the best matches are ranked among the candidates it proposes: while they are
    all the entries whose boosted words match, the same pages with the same scores as the backend's
    best. Two matches of a library of a handful stand in for the 500 of tens of thousands at scale."""
    rum_index(postgres)
    pages = pages_in(source_locale())
    own = sorted(backends_own(pages, query).items(), key=lambda item: (-item[1], item[0]))
    ranked, asked = best_of_rum_candidates(pages, query, 2)
    assert asked, "the RUM index was not asked"
    assert ranked == [(pk, pytest.approx(score)) for pk, score in own[:2]]


@pytest.mark.parametrize("search_backend", ["database"], indirect=True)
@pytest.mark.parametrize("query", QUERIES, ids=repr)
def test_fewer_rum_candidates_than_matches_keep_the_best_and_the_backends_scores(
    postgres, search_backend, query, monkeypatch
):
    """Beyond ``RUM_CANDIDATES`` boosted matches (a thousand at scale, two here) the candidates are the
    closest by RUM's own measure: the best page and every score are still the backend's own, the
    others may be pages that rank a little lower (the tolerance of the fast path)."""
    rum_index(postgres)
    monkeypatch.setattr("search.engine.RUM_CANDIDATES", 2)
    pages = pages_in(source_locale())
    own = backends_own(pages, query)
    ranked, asked = best_of_rum_candidates(pages, query, 2)
    assert asked, "the RUM index was not asked"
    assert ranked[0][1] == pytest.approx(max(own.values()))
    assert dict(ranked) == pytest.approx({pk: own[pk] for pk, _score in ranked})


@pytest.mark.parametrize("search_backend", ["database"], indirect=True)
def test_the_candidates_are_read_from_the_rum_index_in_its_order(postgres, search_backend, monkeypatch):
    rum_index(postgres)
    monkeypatch.setattr("search.engine.RUM_CANDIDATES", 3)
    with CaptureQueriesContext(connection) as queries:
        ranked_matches(pages_in(source_locale()), PlainText("perhe lapsi", operator="or"), 2)
    sql = next(captured["sql"] for captured in queries.captured_queries if " <=> " in captured["sql"])
    with connection.cursor() as cursor:
        # A test database is small enough to read whole: the planner is told to avoid that and sorting.
        cursor.execute("SET LOCAL enable_seqscan = off; SET LOCAL enable_sort = off")
        cursor.execute(f"EXPLAIN {sql}")
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "Index Scan using search_indexentry_boosted_rum" in plan and "Order By" in plan, plan


@pytest.mark.parametrize("search_backend", ["database"], indirect=True)
@pytest.mark.parametrize("query", QUERIES[:2], ids=repr)
def test_without_the_rum_index_every_match_is_ranked(postgres, search_backend, query, monkeypatch):
    """Where the extension is missing (migration 0003 then creates no index), every match is ranked as
    before: the index is dropped inside the test's transaction."""
    from search.engine import RUM_INDEX

    with connection.cursor() as cursor:
        cursor.execute(f"DROP INDEX IF EXISTS {RUM_INDEX}")
    monkeypatch.setattr("search.engine.RUM_CANDIDATES", 3)
    pages = pages_in(source_locale())
    with CaptureQueriesContext(connection) as queries:
        ranked = ranked_matches(pages, query, 500)
    assert not any(" <=> " in captured["sql"] for captured in queries.captured_queries)
    assert dict(ranked) == pytest.approx(backends_own(pages, query))
