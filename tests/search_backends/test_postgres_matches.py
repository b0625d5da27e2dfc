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
