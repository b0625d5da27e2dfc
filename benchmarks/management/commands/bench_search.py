"""``manage.py bench_search``: search latency over N synthetic descriptions.

Fills the (scratch!) database with N synthetic published pages made from the seeds' vocabulary
(``benchmarks.latency``), indexes them in the chosen backend, then times the site's own search calls
(``search.query.run_search`` and ``title_suggestions``) and prints p50 and p95 latency:

    plain         a query, as typed on the search page (results, scores, snippets and facet counts)
    faceted       the same with one or two filters (area, theme, target group, stage, type, funder, tag)
    autocomplete  title suggestions for the first letters of a query word

Queries are the texts of the judged query sets (``demo/dev_queries.tsv``
and ``benchmarks/judged_queries.tsv``), drawn at random with a fixed seed; each type gets
a warm-up before the timed queries. Run it on a scratch database, e.g.

    DATABASE_URL=sqlite:///.run/bench.sqlite3 manage.py migrate
    DATABASE_URL=sqlite:///.run/bench.sqlite3 manage.py bench_search --count 1000
    ... bench_search --count 10000 --backend opensearch --url $OPENSEARCH_URL   # index prefix bench_

``make bench-search`` does this for the four standard configurations.
"""

import gc
import logging
import os
import random
import statistics
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import override_settings
from taggit.models import Tag
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from benchmarks import latency as bench
from benchmarks.analysis import DEV_QUERIES, JUDGED, load_queries
from config.search_backends import search_backend_settings
from core.languages import SOURCE_LANGUAGE, SOURCE_LOCALE, source_locale
from models_library.models import DevelopmentStage
from search.facets import SEARCHED_TYPES
from taxonomy.models import Area, Funder, TargetGroup, Theme

# "engine" is the search backend's part of a plain query alone: the ranked ids (search.engine.ranked_matches).
QUERY_TYPES = ("plain", "faceted", "autocomplete", "engine")
# The query types that do not ask the search backend: timing only these skips indexing the pages.
DATABASE_ONLY_TYPES = {"autocomplete"}
# The search servers the benchmark can run on, with the variable that holds each one's address.
SERVER_URLS = {"opensearch": "OPENSEARCH_URL", "elasticsearch": "ELASTICSEARCH_URL"}


def query_texts():
    """The distinct query texts of the judged sets."""
    paths = [DEV_QUERIES, JUDGED]
    return list(dict.fromkeys(query for path in paths for query, _ in load_queries(path)))


def percentile(values, share):
    """The nearest-rank percentile of ``values`` (share 0..1)."""
    ordered = sorted(values)
    rank = max(1, round(share * len(ordered) + 0.4999))
    return ordered[min(rank, len(ordered)) - 1]


class Workload:
    """The queries, filters and prefixes of each query type, drawn with a fixed seed."""

    def __init__(self, seed=7):
        self.random = random.Random(seed)
        self.texts = query_texts()

        def slugs(model, **filters):
            return list(model.objects.filter(**SOURCE_LOCALE, **filters).values_list("slug", flat=True))

        counties = slugs(Area, kind=Area.Kind.COUNTY)
        towns = slugs(Area, kind=Area.Kind.MUNICIPALITY)
        themes, target_groups, funders = slugs(Theme), slugs(TargetGroup), slugs(Funder)
        tags = list(Tag.objects.filter(name__in=bench.TAGS).values_list("slug", flat=True)) or ["perhekeskus"]
        self.filter_values = {
            "area": lambda: self.random.choice(counties if self.random.random() < 0.7 else towns),
            "theme": lambda: self.random.choice(themes),
            "target_group": lambda: self.random.choice(target_groups),
            "stage": lambda: self.random.choice(DevelopmentStage.values),
            "type": lambda: self.random.choice(sorted(SEARCHED_TYPES)),
            "funder": lambda: self.random.choice(funders),
            "tag": lambda: self.random.choice(tags),
        }

    def query(self):
        return self.random.choice(self.texts)

    def filters(self):
        keys = self.random.sample(sorted(self.filter_values), self.random.choice((1, 1, 2)))
        return {key: [self.filter_values[key]()] for key in keys}

    def prefix(self):
        words = [word.strip(".,-") for word in self.query().split() if len(word.strip(".,-")) >= 3]
        word = self.random.choice(words or ["perhe"])
        return word[: self.random.randint(3, min(8, len(word)))]


class Command(BaseCommand):
    help = "Fill a scratch database with N synthetic descriptions and print search latency (p50, p95)."

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, default=1000, help="Synthetic pages to create (default 1000).")
        parser.add_argument("--backend", choices=["database", *SERVER_URLS], default="database")
        parser.add_argument(
            "--url", default="", help="Search server URL (default: $OPENSEARCH_URL or $ELASTICSEARCH_URL)."
        )
        parser.add_argument("--index-prefix", default="bench_", help="OpenSearch index prefix (default bench_).")
        parser.add_argument("--queries", type=int, default=150, help="Timed queries per query type (default 150).")
        parser.add_argument("--warmup", type=int, default=20, help="Untimed queries per type first (default 20).")
        parser.add_argument(
            "--budget",
            type=float,
            default=120,
            help="Seconds per query type; timing stops early when they are spent (the table says how many ran).",
        )
        parser.add_argument("--seed", type=int, default=1, help="Random seed of the synthetic pages.")
        parser.add_argument(
            "--keep", action="store_true", help="Keep the OpenSearch index at the end (for a later --reuse)."
        )
        parser.add_argument(
            "--types",
            default=",".join(QUERY_TYPES),
            help="Query types to time, comma-separated (default all); autocomplete alone skips indexing the pages.",
        )
        parser.add_argument(
            "--reuse", action="store_true", help="Time the pages a previous run left in this database; no build."
        )

    def handle(
        self, *args, count, backend, url, index_prefix, queries, warmup, budget, seed, keep, reuse, types, **options
    ):
        types = [kind.strip() for kind in types.split(",") if kind.strip()]
        unknown = set(types) - set(QUERY_TYPES)
        if unknown or not types:
            raise CommandError(f"--types: choose among {', '.join(QUERY_TYPES)} (not {', '.join(sorted(unknown))}).")
        database = settings.DATABASES["default"]
        if Path(str(database.get("NAME", ""))).resolve() == (Path(settings.BASE_DIR) / "db.sqlite3").resolve():
            raise CommandError(
                "bench_search writes tens of thousands of pages: point DATABASE_URL at a scratch database "
                "(make bench-search does), not the development db.sqlite3."
            )
        if backend in SERVER_URLS:
            url = url or os.environ.get(SERVER_URLS[backend], "")
            if not url:
                raise CommandError(
                    f'{backend} needs --url or {SERVER_URLS[backend]} (eval "$(scripts/{backend}.sh start)").'
                )
            backend_settings = search_backend_settings(backend, url, index_prefix)
            backend_settings["TIMEOUT"] = 120  # bulk indexing of large chunks
        else:
            backend_settings = search_backend_settings("database")
        # DEBUG off: Django would otherwise keep every query of the run in memory; and no log line per request.
        for name in ("opensearch", "elastic_transport", "elasticsearch"):
            logging.getLogger(name).setLevel(logging.WARNING)
        with override_settings(WAGTAILSEARCH_BACKENDS={"default": backend_settings}, DEBUG=False):
            try:
                self.run(count, backend, queries, warmup, budget, seed, reuse, types)
            finally:
                if backend in SERVER_URLS and not keep:
                    search = get_search_backend()
                    search.es.indices.delete(index=f"{search.index_prefix}*")

    def run(self, count, backend_name, queries, warmup, budget, seed, reuse, types):
        from indexing.analysis import analyse_query
        from search.engine import ranked_matches
        from search.query import MATCH_LIMIT, SearchParams, pages_in, run_search, title_suggestions

        backend = get_search_backend()
        existing = Page.objects.filter(slug__startswith=bench.SLUG_PREFIX).count()
        vendor = connection.vendor
        index = not set(types) <= DATABASE_ONLY_TYPES
        if reuse:
            if not existing:
                raise CommandError("--reuse: this database has no bench pages; run without --reuse first.")
            count = existing
            self.stdout.write(f"Reusing {count} bench pages.")
        else:
            if existing:
                raise CommandError(
                    f"This database already has {existing} bench pages: use a fresh scratch database, or --reuse."
                )
            self.stdout.write(f"Building {count} synthetic pages ({vendor}, {backend_name} search backend)...")
            started = time.perf_counter()
            report = bench.build(count, backend, seed=seed, progress=self.progress(count), index=index)
            total = time.perf_counter() - started
            steps = ", ".join(f"{step} {seconds:.1f} s" for step, seconds in report.seconds.items())
            self.stdout.write(f"Built {'and indexed ' if index else ''}{count} pages in {total:.1f} s ({steps}).")
        if not reuse and index:
            full = bench.full_analysis_cost()
            self.stdout.write(
                f"Analysis: {report.analysed_pieces} distinct pieces of text analysed once; analysed_text() "
                f"page by page (Voikko and classification queries) costs {full:.1f} ms a page, "
                f"about {full * count / 1000:.0f} s for {count} pages."
            )
            differing = bench.check_analysed_text(report.samples)
            if differing:
                raise CommandError(f"Precomputed analysed text differs from analysed_text() for: {differing[:5]}")
        if vendor == "postgresql":
            # Planner statistics and visibility map, as autovacuum leaves a served database: without
            # them the first plans after a bulk load guess one row where there are thousands.
            with connection.cursor() as cursor:  # (VACUUM cannot run in a transaction, as in a test)
                cursor.execute("ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE")
        if backend_name in SERVER_URLS and index:
            backend.es.indices.refresh(index=f"{backend.index_prefix}*")
            # Settled, as a served index is: without it the queries share the cores with the merges
            # that follow a bulk index, and the figures vary from run to run.
            backend.es.indices.forcemerge(index=f"{backend.index_prefix}*", max_num_segments=1, request_timeout=600)

        locale = source_locale()
        workload = Workload()
        gc.collect()
        gc.freeze()  # as config/wsgi.py does for a served site

        def prepare(kind):
            """One query of a type, drawn now and ready to time."""
            if kind == "plain":
                params = SearchParams(query=workload.query())
                return lambda: run_search(params, locale)
            if kind == "faceted":
                params = SearchParams(query=workload.query(), filters=workload.filters())
                return lambda: run_search(params, locale)
            if kind == "autocomplete":
                prefix = workload.prefix()
                return lambda: title_suggestions(prefix, locale, limit=8)
            words = analyse_query(workload.query(), SOURCE_LANGUAGE)
            return lambda: ranked_matches(pages_in(locale), words, MATCH_LIMIT)

        rows = []
        for kind in types:
            deadline = time.perf_counter() + budget
            for _ in range(warmup):
                if time.perf_counter() > deadline:
                    break
                prepare(kind)()
            timings, found = [], []
            for _ in range(queries):
                if timings and time.perf_counter() > deadline:
                    break
                call = prepare(kind)
                started = time.perf_counter()
                outcome = call()
                timings.append((time.perf_counter() - started) * 1000)
                found.append(len(outcome) if isinstance(outcome, list) else outcome.count)
            rows.append((kind, timings, found))
        self.print_table(count, f"{backend_name}/{vendor}" if backend_name == "database" else backend_name, rows)

    def progress(self, count):
        step = max(1, count // 10)
        marks = {"next": step}

        def report(done):
            if done >= marks["next"] or done == count:
                self.stdout.write(f"  {done} pages written")
                self.stdout.flush()
                marks["next"] += step

        return report

    def print_table(self, count, backend, rows):
        header = (
            f"{'N':>7}  {'backend':<20} {'query type':<13} {'queries':>7} "
            f"{'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'hits p50':>8}"
        )
        self.stdout.write(header)
        self.stdout.write("-" * len(header))
        for kind, timings, found in rows:
            self.stdout.write(
                f"{count:>7}  {backend:<20} {kind:<13} {len(timings):>7} {percentile(timings, 0.5):>8.1f} "
                f"{percentile(timings, 0.95):>8.1f} {max(timings):>8.1f} {statistics.median(found):>8.0f}"
            )
