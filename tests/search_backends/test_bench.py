"""Smoke test of ``manage.py bench_search`` (``make bench-search``): a tiny run on the database backend.

It builds 30 synthetic pages with the bulk writer, checks that their precomputed analysed text
equals ``analysed_text()`` (the command fails otherwise), and prints the latency table.
"""

from io import StringIO

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
