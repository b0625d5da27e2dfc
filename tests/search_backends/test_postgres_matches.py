"""On PostgreSQL the search page asks the index entries itself (``search.engine._postgres_matches``):
the same pages in the same order with the same scores as modelsearch's own query, written as matches
of the title and the body vectors that their GIN indexes answer (the backend's match of their
concatenation reads every entry of the library). On SQLite these tests skip with their reason.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from modelsearch.backends.database.postgres.postgres import IndexEntry
from wagtail.search.backends import get_search_backend
from wagtail.search.query import And, PlainText

from core.languages import source_locale
from search.engine import WORD_SCORES, page_entry_type, ranked_matches
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
# The queries the search page makes: alternative words, and all of several such texts.
SEARCH_PAGE_QUERIES = [query for query in QUERIES if getattr(query, "operator", "or") == "or"]


def backends_own(pages, query):
    """The backend's own ranking, each page's better entry: ``{page id: score}``."""
    own = {}
    results = get_search_backend().search(query, pages, operator="or").annotate_score("_score")
    for pk, score in results.get_queryset().values_list("pk", "_score"):
        own[pk] = max(score, own.get(pk, score))
    return own


def best_first(scores):
    return sorted(scores.items(), key=lambda item: (-item[1], item[0]))


def ranked_and_sql(pages, query, limit):
    """``ranked_matches`` and the SQL it ran."""
    with CaptureQueriesContext(connection) as queries:
        ranked = ranked_matches(pages, query, limit)
    return ranked, "\n".join(captured["sql"] for captured in queries.captured_queries)


@pytest.mark.parametrize("search_backend", ["database"], indirect=True)
@pytest.mark.parametrize("query", QUERIES, ids=repr)
def test_matches_are_the_backends_own_ranking(postgres, search_backend, query):
    pages = pages_in(source_locale())
    ranked, sql = ranked_and_sql(pages, query, 500)
    own = backends_own(pages, query)
    assert ranked, query
    assert dict(ranked) == pytest.approx(own)
    scores = [score for _pk, score in ranked]
    assert scores == sorted(scores, reverse=True)
    assert " || " not in sql, sql
    # The search page's queries are ranked from the word scores, without reading a vector; a query of
    # all words in one text (not one the page makes) by the backend's rank on the title and the body.
    if query not in SEARCH_PAGE_QUERIES:
        assert "ts_rank" in sql and '"title" @@' in sql and '"body" @@' in sql, sql
    else:
        assert "ts_rank" not in sql and WORD_SCORES in sql, sql


@pytest.mark.parametrize("search_backend", ["database"], indirect=True)
@pytest.mark.parametrize("query", SEARCH_PAGE_QUERIES, ids=repr)
def test_the_best_few_have_the_backends_scores(postgres, search_backend, query):
    """The best two of a handful stand in for the best 500 of tens of thousands: each word's list is
    read two entries deep. The pages found have the backend's own scores, best first; for one word,
    its list is its ranking: the backend's own best two."""
    pages = pages_in(source_locale())
    own = best_first(backends_own(pages, query))
    ranked, _sql = ranked_and_sql(pages, query, 2)
    assert len(ranked) == 2
    assert dict(ranked) == pytest.approx({pk: dict(own)[pk] for pk, _score in ranked})
    assert ranked[0][1] >= ranked[1][1]
    if query is QUERIES[0]:
        assert [score for _pk, score in ranked] == pytest.approx([score for _pk, score in own[:2]])


@pytest.mark.parametrize("search_backend", ["database"], indirect=True)
@pytest.mark.parametrize("query", SEARCH_PAGE_QUERIES, ids=repr)
def test_other_matches_make_up_short_lists(postgres, search_backend, query, monkeypatch):
    """Lists of one entry each find fewer pages than asked for: the other matches make up the rest, each
    ranked from its scores: here every match, as the backend ranks them."""
    monkeypatch.setattr("search.engine.WORD_LIST_DEPTH", 0.0001)
    pages = pages_in(source_locale())
    ranked, sql = ranked_and_sql(pages, query, 500)
    assert "LIMIT 1)" in sql and '"body" @@' in sql, sql
    assert ranked == [(pk, pytest.approx(score)) for pk, score in best_first(backends_own(pages, query))]


def word_scores():
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT entry_id, lexeme, title, body, score FROM {WORD_SCORES}")
        return {(entry, word): scores for entry, word, *scores in cursor.fetchall()}


def entries_own_word_scores():
    """Each entry's scores for each of its words, computed afresh by ``ts_rank`` with the backend's
    weights, each word written as a query the way modelsearch writes a lexeme."""
    from modelsearch.backends.database.postgres.weights import get_sql_weights

    table = IndexEntry._meta.db_table
    with connection.cursor() as cursor:
        # Not for a page's generic entry (its title again, as a Page): search.engine ranks it from the other.
        cursor.execute(
            f"SELECT id, lexeme FROM {table}, unnest(title || body) WHERE content_type_id <> %s", [page_entry_type()]
        )
        pairs = sorted(set(cursor.fetchall()))
        cursor.execute(
            f"""
            SELECT entry.id, pair.word, ts_rank(%s, entry.title, pair.query::tsquery),
                   ts_rank(%s, entry.body, pair.query::tsquery), entry.title_norm
            FROM unnest(%s::integer[], %s::text[], %s::text[]) AS pair(entry, word, query)
            JOIN {table} AS entry ON entry.id = pair.entry
            """,
            [
                get_sql_weights(),
                get_sql_weights(),
                [entry for entry, _word in pairs],
                [word for _entry, word in pairs],
                ["'" + word.replace("'", "''").replace("\\", "\\\\") + "'" for _entry, word in pairs],
            ],
        )
        return {(entry, word): [title, body, norm * title + body] for entry, word, title, body, norm in cursor}


def same_scores(stored, computed):
    return stored.keys() == computed.keys() and [
        score for key in sorted(stored) for score in stored[key]
    ] == pytest.approx([score for key in sorted(computed) for score in computed[key]])


@pytest.mark.parametrize("search_backend", ["database"], indirect=True)
def test_word_scores_follow_every_change_of_the_index(postgres, search_backend, django_user_model):
    """The triggers keep a row for each word of each entry with its ranks: after the import, a new title
    and text, a move of the title's weight, an unpublished page and an emptied index."""
    from models_library.models import OperatingModelPage

    assert word_scores() and same_scores(word_scores(), entries_own_word_scores())
    page = OperatingModelPage.objects.live().first()
    page.title = "Uusi otsikko: kotikuntoutus ja omaishoito – O'Neillin \\malli\\"
    page.save_revision().publish()
    assert ("kotikuntoutus",) and any(word == "kotikuntoutus" for _entry, word in word_scores())
    assert same_scores(word_scores(), entries_own_word_scores())
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {IndexEntry._meta.db_table} SET title_norm = title_norm * 2")
    assert same_scores(word_scores(), entries_own_word_scores())
    page.unpublish()
    get_search_backend().delete(page)
    assert same_scores(word_scores(), entries_own_word_scores())
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute(f"TRUNCATE {IndexEntry._meta.db_table}")
    assert word_scores() == {}


@pytest.mark.parametrize("search_backend", ["database"], indirect=True)
def test_the_word_scores_use_the_backends_weights(postgres, search_backend):
    from modelsearch.backends.database.postgres.weights import get_sql_weights

    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_get_functiondef('search_entry_word_scores'::regproc)")
        definition = cursor.fetchone()[0]
    assert f"ts_rank('{get_sql_weights()}'" in definition, definition


@pytest.mark.parametrize("search_backend", ["database"], indirect=True)
def test_each_words_best_entries_are_read_from_its_index_in_order(postgres, search_backend):
    _ranked, sql = ranked_and_sql(pages_in(source_locale()), PlainText("perhe lapsi", operator="or"), 2)
    lists = next(statement for statement in sql.split("\n") if "LATERAL" in statement)
    with connection.cursor() as cursor:
        # A test database is small enough to read whole: the planner is told to avoid that and sorting.
        cursor.execute("SET LOCAL enable_seqscan = off; SET LOCAL enable_sort = off")
        cursor.execute(f"EXPLAIN {lists}")
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert f"Index Only Scan using {WORD_SCORES}_best" in plan and "Sort" not in plan, plan


@pytest.mark.parametrize("search_backend", ["database"], indirect=True)
@pytest.mark.parametrize(
    "query",
    # Words of a title (titles are indexed as written): one, and all of two.
    [QUERIES[0], And([PlainText("perhekeskus", operator="or"), PlainText("tuki", operator="or")])],
    ids=repr,
)
def test_a_pages_generic_entry_counts_where_it_ranks_higher(postgres, search_backend, query):
    """A page is indexed as a Page too, with its title alone (empty here, as the site indexes them; those
    ``bench_search`` writes have the title) and its own title weight, and the backend ranks the page
    by its better entry: here each page's generic entry gets the title, weighing far more."""
    pages = pages_in(source_locale())
    before = backends_own(pages, query)
    table = IndexEntry._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            INSERT INTO {table}
                (content_type_id, object_id, title, autocomplete, body, title_norm, title_text, body_text)
            SELECT %s, entry.object_id, entry.title, entry.autocomplete, ''::tsvector, entry.title_norm * 50,
                   entry.title_text, ''
            FROM {table} AS entry JOIN wagtailcore_page AS page
                ON page.id::text = entry.object_id AND page.content_type_id = entry.content_type_id
            ON CONFLICT (content_type_id, object_id) DO UPDATE
                SET title = excluded.title, title_norm = excluded.title_norm
            """,
            [page_entry_type()],
        )
    own = backends_own(pages, query)
    assert any(own[pk] > score * 2 for pk, score in before.items())
    assert dict(ranked_matches(pages, query, 500)) == pytest.approx(own)
