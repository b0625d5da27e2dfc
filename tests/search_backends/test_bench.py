"""Smoke test of ``manage.py bench_search`` (``make bench-search``): a tiny run on the database backend.

It builds 30 synthetic pages with the bulk writer, checks that their precomputed analysed text
equals ``analysed_text()`` (the command fails otherwise), and prints the latency table.
"""

from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.models import Page

from benchmarks.latency import SLUG_PREFIX
from models_library.models import ModelLibraryPage


def test_bench_search_builds_pages_and_prints_the_latency_table(db):
    out = StringIO()
    call_command("bench_search", count=30, queries=5, warmup=1, stdout=out)
    output = out.getvalue()
    table = output[output.index("query type") :].splitlines()
    for kind in ("plain", "faceted", "autocomplete", "engine"):
        row = next((line for line in table if f" {kind} " in line), None)
        assert row is not None, output
        assert row.split()[0] == "30"
        assert row.split()[3] == "5"  # timed queries
    # The bulk-written tree is a valid treebeard tree with live, searchable pages.
    pages = Page.objects.filter(slug__startswith=SLUG_PREFIX)
    assert pages.live().count() == 30
    library = ModelLibraryPage.objects.get()
    assert library.numchild == library.get_children().count()
    assert Page.find_problems() == ([], [], [], [], [])
    assert "Precomputed" not in output


def test_bench_search_times_autocomplete_alone_without_indexing(db):
    """``--types autocomplete``: the pages and their title prefixes are written, the search backend is
    not given the pages, and only the suggestions are timed."""
    from wagtail.search.models import IndexEntry

    from search.models import TitleWord
    from search.suggestions import rebuild_title_words

    out = StringIO()
    call_command("bench_search", count=30, queries=5, warmup=1, types="autocomplete", stdout=out)
    output = out.getvalue()
    assert "Built 30 pages" in output
    table = output[output.index("query type") :].splitlines()[2:]
    assert [line.split()[2] for line in table if line.strip()] == ["autocomplete"]
    pages = Page.objects.filter(slug__startswith=SLUG_PREFIX)
    assert not IndexEntry.objects.filter(object_id__in=[str(pk) for pk in pages.values_list("pk", flat=True)]).exists()
    # The prefixes the bench wrote are those the site would have stored.
    written = sorted(TitleWord.objects.filter(page__in=pages).values_list("page_id", "kind", "prefix", "rest"))
    rebuild_title_words()
    assert written and written == sorted(
        TitleWord.objects.filter(page__in=pages).values_list("page_id", "kind", "prefix", "rest")
    )


def test_scratch_database_addresses_keep_the_server_and_refuse_odd_names():
    from benchmarks import scratch_db

    url = "postgres://postgres@127.0.0.1:5442/toimintamallit"
    assert (
        scratch_db.with_database(url, "bench_1000_database") == "postgres://postgres@127.0.0.1:5442/bench_1000_database"
    )
    with pytest.raises(SystemExit):
        scratch_db.create(url, "bench; DROP DATABASE toimintamallit")


def test_scratch_database_is_created_from_a_template_and_dropped(db):
    """On PostgreSQL (``make bench-search DB=postgres``): a copy of a database, then gone."""
    import psycopg
    from django.db import connection

    from benchmarks import scratch_db

    if connection.vendor != "postgresql":
        reason = "scratch databases are made on a PostgreSQL server (DATABASE_URL=postgres://...)"
        print(f"Skipping: {reason}")
        pytest.skip(reason)
    settings = connection.settings_dict
    server = f"postgres://{settings['USER']}:{settings['PASSWORD']}@{settings['HOST']}:{settings['PORT']}/postgres"
    template, copy = "bench_test_template", "bench_test_copy"
    scratch_db.create(server, template)
    with psycopg.connect(scratch_db.with_database(server, template), autocommit=True) as source:
        source.execute("CREATE TABLE marker (id integer)")
    url = scratch_db.create(server, copy, template)
    try:
        with psycopg.connect(url) as scratch:
            assert scratch.execute("SELECT count(*) FROM marker").fetchone() == (0,)
    finally:
        scratch_db.drop(server, copy)
        scratch_db.drop(server, template)
    with psycopg.connect(scratch_db.with_database(server, "postgres")) as maintenance:
        names = {row[0] for row in maintenance.execute("SELECT datname FROM pg_database")}
    assert not names & {template, copy}


def test_faceted_queries_filter_by_values_the_facets_know(db):
    """A type the facets do not know would time the path of a search that finds nothing instead."""
    from benchmarks.management.commands.bench_search import Workload
    from search.facets import SEARCHED_TYPES

    workload = Workload()
    types = {value for _ in range(300) for value in workload.filters().get("type", [])}
    assert types == set(SEARCHED_TYPES)
