"""``manage.py search_quality``: nDCG@10 and recall@10 of the judged queries on every backend, beside stock Wagtail.

    manage.py search_quality [--opensearch URL] [--postgres URL]

Each database gets a scratch copy: a new SQLite file (``.run/quality.sqlite3``) and, with
``--postgres`` (or when DATABASE_URL points at PostgreSQL), a new database on that server
(``<name>_quality``, dropped afterwards). In each, the seeds are imported and the site's search is
measured on Wagtail's database backend, then stock Wagtail on the same content (``benchmarks.quality``);
on the SQLite copy also our search on OpenSearch (``--opensearch``, default $OPENSEARCH_URL; index
prefix ``quality_…``, deleted afterwards). Each copy is migrated and measured by a child process
(``--here``), because a process has one database.

``--here`` measures on the current database and prints the table (``--json``: the rows as JSON).
"""

import json
import logging
import os
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from benchmarks import quality

MARK = "QUALITY-ROWS "


def is_dev_database():
    name = str(settings.DATABASES["default"].get("NAME", ""))
    return Path(name).resolve() == (Path(settings.BASE_DIR) / "db.sqlite3").resolve()


class Command(BaseCommand):
    help = "nDCG@10 and recall@10 of the judged queries on SQLite, PostgreSQL and OpenSearch, beside stock Wagtail."

    def add_arguments(self, parser):
        parser.add_argument("--opensearch", default=None, help="OpenSearch URL (default: $OPENSEARCH_URL; '' = skip).")
        parser.add_argument(
            "--elasticsearch", default=None, help="Elasticsearch URL (default: $ELASTICSEARCH_URL; '' = skip)."
        )
        parser.add_argument("--postgres", default=None, help="PostgreSQL server URL for a scratch database.")
        parser.add_argument("--here", action="store_true", help="Measure on the current (scratch) database.")
        parser.add_argument("--json", action="store_true", help="With --here: print the rows as JSON.")
        parser.add_argument("--show", action="store_true", help="Also print each query's ranking of seed files.")

    def handle(self, *args, opensearch, elasticsearch, postgres, here, json, show, **options):
        if opensearch is None:
            opensearch = os.environ.get("OPENSEARCH_URL", "")
        if elasticsearch is None:
            elasticsearch = os.environ.get("ELASTICSEARCH_URL", "")
        for name in ("opensearch", "elastic_transport", "elasticsearch"):
            logging.getLogger(name).setLevel(logging.WARNING)
        if here:
            return self.here(opensearch, elasticsearch, json, show)
        started = time.perf_counter()
        rows = []
        rows += self.child(
            f"sqlite:///{settings.BASE_DIR / '.run' / 'quality.sqlite3'}", opensearch, show, elasticsearch
        )
        postgres = postgres or (
            os.environ.get("DATABASE_URL", "") if os.environ.get("DATABASE_URL", "").startswith("postgres") else ""
        )
        if postgres:
            with scratch_postgres(postgres) as url:
                rows += self.child(url, "", show)
        else:
            self.stdout.write("PostgreSQL skipped: give --postgres URL (make search-quality starts a server).")
        if not opensearch:
            self.stdout.write("OpenSearch skipped: give --opensearch URL or set OPENSEARCH_URL.")
        self.stdout.write(quality.format_table(rows))
        self.stdout.write(f"({time.perf_counter() - started:.0f} s)")

    def here(self, opensearch, elasticsearch, as_json, show):
        if is_dev_database():
            raise CommandError("search_quality imports and re-indexes: run it on a scratch database, not db.sqlite3.")
        rows = quality.measure_here(opensearch, elasticsearch_url=elasticsearch)
        if show:
            for row in rows:
                self.stderr.write(f"== {row['backend']} / {row['set']}")
                for query, ranking in row["details"]:
                    self.stderr.write(f"  {query:<45} -> {' '.join(name[:3] for name in ranking)}")
        for row in rows:
            row.pop("details")
        if as_json:
            self.stdout.write(MARK + json.dumps(rows))
        else:
            self.stdout.write(quality.format_table(rows))

    def child(self, database_url, opensearch, show, elasticsearch=""):
        """Migrates a scratch database and measures on it in a child process; returns its rows."""
        if database_url.startswith("sqlite:///"):
            path = Path(database_url.removeprefix("sqlite:///"))
            path.parent.mkdir(parents=True, exist_ok=True)
            path.unlink(missing_ok=True)
        env = {**os.environ, "DATABASE_URL": database_url}
        manage = [sys.executable, str(settings.BASE_DIR / "manage.py")]
        shown = urlsplit(database_url)._replace(netloc=urlsplit(database_url).hostname or "").geturl()
        self.stdout.write(f"Migrating and measuring {shown} ...")
        subprocess.run([*manage, "migrate", "--no-input", "-v0"], env=env, check=True)
        command = [*manage, "search_quality", "--here", "--json", "--opensearch", opensearch]
        command += ["--elasticsearch", elasticsearch]
        if show:
            command.append("--show")
        output = subprocess.run(command, env=env, check=True, capture_output=True, text=True)
        if show:
            self.stdout.write(output.stderr)
        line = next(line for line in output.stdout.splitlines() if line.startswith(MARK))
        return json.loads(line.removeprefix(MARK))


class scratch_postgres:
    """A new database ``<name>_quality`` on the server of ``url``, dropped on exit; yields its URL."""

    def __init__(self, url):
        self.parts = urlsplit(url)
        self.name = (self.parts.path.lstrip("/") or "postgres") + "_quality"

    def admin(self):
        import psycopg

        server = urlunsplit(self.parts._replace(path="/postgres"))
        return psycopg.connect(server, autocommit=True)

    def __enter__(self):
        with self.admin() as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{self.name}"')
            admin.execute(f'CREATE DATABASE "{self.name}"')
        return urlunsplit(self.parts._replace(path=f"/{self.name}"))

    def __exit__(self, *exc):
        with self.admin() as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')
