"""Search quality of the site's real search on each backend, beside stock Wagtail, over the seed documents.

The five seeds (``demo/seeds``) are imported as published pages (``import_descriptions --publish``)
and the judged query sets are run through the site's search (``search.query.run_search``, as the
search page calls it). A result page counts as the seed file it was imported from
(``ImportedSource``), which is how the judgments (``FILE:GRADE``) name documents; the nDCG@10 and
recall@10 are ``benchmarks.analysis``'s. Printed per backend and query set: nDCG@10, recall@10,
how many queries put all their grade-2 documents in the top max(3, number of grade-2 documents)
(what ``tests/search_backends/test_contract.py`` requires of ``dev_queries``), and how many find
nothing.

The baseline is stock Wagtail on the same content: the database backend with its default options,
pages indexing title, short description or introduction and body text as plain ``SearchField``s
(no analysis of ours), and the query as typed with the backend's default operator
(``stock_search_fields``, ``stock_index``).

``manage.py search_quality`` runs this on SQLite, PostgreSQL and OpenSearch; ``make search-quality``
starts the servers. Everything here writes to the current database: use a scratch one.
"""

import contextlib
import uuid
from io import StringIO
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.test import override_settings
from wagtail.models import Page
from wagtail.search import index
from wagtail.search.backends import get_search_backend

from articles.models import ArticlePage
from benchmarks.analysis import DEV_QUERIES, JUDGED, load_queries, ndcg, recall
from config.search_backends import search_backend_settings
from core.languages import source_locale
from importer.models import ImportedSource
from models_library.models import DevelopmentEntityPage, OperatingModelPage

SEEDS = Path(settings.BASE_DIR) / "demo" / "seeds"
# Descriptions on topics the seeds do not cover, with judged queries written before any search was
# run: ``tune`` may guide changes to the analysis, ``heldback`` never does (its figures are the honest ones).
HELDOUT = Path(__file__).resolve().parent / "heldout_corpus"
ANALYSED_TYPES = (OperatingModelPage, DevelopmentEntityPage, ArticlePage)
STOCK_BACKEND = {"BACKEND": "wagtail.search.backends.database"}  # Wagtail's defaults, nothing of ours


def query_sets():
    """[(name, [(query, {seed file: grade})])]: the development set and ours."""
    return [
        ("dev_queries", load_queries(DEV_QUERIES)),
        ("judged_queries", load_queries(JUDGED)),
        ("heldout tune", load_queries(HELDOUT / "tune_queries.tsv")),
        ("heldout heldback", load_queries(HELDOUT / "heldback_queries.tsv")),
    ]


# ---------------------------------------------------------------- the stock baseline


def stock_fields(model):
    """Stock Wagtail's search fields for one of our page types: Page's own, and each text field as a plain
    SearchField."""
    return Page.search_fields + [index.SearchField(name) for name in model.analysed_fields if name != "title"]


@contextlib.contextmanager
def stock_search_fields():
    """Within the block, our page types index what a stock Wagtail site would: title, short description
    or introduction, body text (``stock_fields``), and not our analysed text.

    Only the class attribute ``search_fields`` is swapped, and put back however the block ends. It
    changes what the next indexing writes, not the index itself: see ``stock_index``.
    """
    saved = {model: model.__dict__["search_fields"] for model in ANALYSED_TYPES}
    try:
        for model in ANALYSED_TYPES:
            model.search_fields = stock_fields(model)
        yield
    finally:
        for model, fields in saved.items():
            model.search_fields = fields


@contextlib.contextmanager
def stock_index():
    """Within the block the default search backend is stock Wagtail's database backend, with an index
    rebuilt from the stock search fields; on the way out the index is rebuilt with our fields again.

    It rewrites the database backend's index of the current database: use a scratch database (or a
    test's), never a live site's.
    """
    with override_settings(WAGTAILSEARCH_BACKENDS={"default": STOCK_BACKEND}):
        try:
            with stock_search_fields():
                rebuild_index()
                yield
        finally:
            rebuild_index()


def stock_search(query, locale):
    """Stock Wagtail's search: the text as typed, the backend's default operator."""
    return list(Page.objects.live().public().filter(locale=locale).specific().search(query)[:20])


# ---------------------------------------------------------------- ours


def site_search(query, locale):
    """The first page of the site's own search results."""
    from search.query import SearchParams, run_search

    return run_search(SearchParams(query=query), locale).results


# ---------------------------------------------------------------- measuring


def rebuild_index():
    call_command("update_index", stdout=StringIO(), stderr=StringIO())
    backend = get_search_backend()
    if hasattr(backend, "es"):  # make what was indexed searchable now
        backend.es.indices.refresh(index=f"{backend.index_prefix}*")


def import_seeds():
    """The seeds and the held-out descriptions, each set's queries judged over all of them."""
    for folder in (SEEDS, HELDOUT / "descriptions"):
        call_command("import_descriptions", str(folder), publish=True, stdout=StringIO(), stderr=StringIO())


def seed_ranking(pages):
    """The seed files the result pages were imported from, in rank order, each once."""
    sources = dict(ImportedSource.objects.values_list("page_id", "source"))
    return list(dict.fromkeys(sources[page.pk] for page in pages if page.pk in sources))


def score(search, queries, locale):
    """Metrics of one search function (query, locale -> result pages) over judged queries."""
    totals = {"ndcg": 0.0, "recall": 0.0, "top": 0, "top_of": 0, "empty": 0, "queries": len(queries)}
    details = []
    for query, grades in queries:
        ranking = seed_ranking(search(query, locale))
        totals["ndcg"] += ndcg(ranking, grades)
        totals["recall"] += recall(ranking, grades)
        best = [name for name, grade in grades.items() if grade == 2]
        if best:
            totals["top_of"] += 1
            totals["top"] += all(name in ranking[: max(3, len(best))] for name in best)
        totals["empty"] += not ranking
        details.append((query, ranking))
    count = max(1, len(queries))
    return {**totals, "ndcg": totals["ndcg"] / count, "recall": totals["recall"] / count, "details": details}


def measure_here(opensearch_url="", include_stock=True, elasticsearch_url=""):
    """Rows ``{"backend", "set", metrics...}`` for the current database: our search on its database backend,
    stock Wagtail on it, and our search on OpenSearch and Elasticsearch when their URLs are given.

    Imports the seeds (again: an import updates its pages) and rebuilds the indexes.
    """
    locale = source_locale()
    sets = query_sets()
    vendor = connection.vendor
    rows = []

    def run(label, search):
        for name, queries in sets:
            rows.append({"backend": label, "set": name, **score(search, queries, locale)})

    with override_settings(WAGTAILSEARCH_BACKENDS={"default": search_backend_settings("database")}):
        import_seeds()
        rebuild_index()
        run(f"{vendor} database, ours", site_search)
        if include_stock:
            with stock_index():
                run(f"{vendor} database, stock Wagtail", stock_search)
    for kind, url in (("opensearch", opensearch_url), ("elasticsearch", elasticsearch_url)):
        if not url:
            continue
        prefix = f"quality_{uuid.uuid4().hex[:8]}_"
        with override_settings(WAGTAILSEARCH_BACKENDS={"default": search_backend_settings(kind, url, prefix)}):
            backend = get_search_backend()
            try:
                rebuild_index()
                run(f"{kind}, ours", site_search)
            finally:
                backend.es.indices.delete(index=f"{prefix}*")
    return rows


def format_table(rows):
    """The rows as a table: one line per backend, a column group per query set."""
    sets = list(dict.fromkeys(row["set"] for row in rows))
    backends = list(dict.fromkeys(row["backend"] for row in rows))
    by_key = {(row["backend"], row["set"]): row for row in rows}
    width = max(len(b) for b in backends) + 2
    groups = []
    for name in sets:
        sample = next(row for row in rows if row["set"] == name)
        groups.append(f"{name} ({sample['queries']})")
    columns = "| nDCG@10 rec@10  g2-top  empty "
    lines = [
        " " * width + "".join(f"|{group:^{len(columns) - 1}}" for group in groups),
        f"{'backend':<{width}}" + columns * len(sets),
    ]
    lines.append("-" * len(lines[1]))
    for backend in backends:
        line = f"{backend:<{width}}"
        for name in sets:
            row = by_key.get((backend, name))
            if row is None:
                line += f"|{'-':^{len(columns) - 1}}"
                continue
            top = f"{row['top']}/{row['top_of']}"
            line += f"|  {row['ndcg']:.3f}  {row['recall']:.3f} {top:>7} {row['empty']:>6} "
        lines.append(line.rstrip())
    lines.append(
        "g2-top: queries with all their grade-2 documents in the top max(3, their number); "
        "empty: queries that found nothing."
    )
    return "\n".join(lines)
