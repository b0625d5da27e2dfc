"""Import speed: ``make bench-import`` imports N generated national descriptions into a scratch database.

Not runtime code. The files are the importer's test fixtures in the national formats (labels with
the required marker, the 2024–25 layout, an incomplete description, development path views) and the
seed description, each copy with its own name and address. They are imported with ``--publish``
in batches of 100 through ``import_descriptions``; the resident memory after each batch shows
whether it stays flat. Run it on an empty migrated SQLite database (the Makefile target does). Wall time depends on
what else the machine runs, so the process's CPU time is printed beside it.

    DATABASE_URL=sqlite:///.run/bench-import.sqlite3 python -m benchmarks.import_bench --count 1000
"""

import argparse
import gc
import os
import resource
import shutil
import sys
import tempfile
import time
from io import StringIO
from pathlib import Path

import django

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = [
    ROOT / "tests" / "importer" / "fixtures" / name
    for name in ("malli_tahdet.txt", "malli_puutteellinen.txt", "malli_2024.txt", "polku_perhetupa.txt")
] + [ROOT / "demo" / "seeds" / "003_89e9e5dc8afde3f3.txt"]
BATCH = 100


def title_of(text):
    return next(line.strip() for line in text.splitlines() if line.strip())


def write_files(directory, count):
    """``count`` descriptions, each template in turn with a numbered title and address."""
    texts = [path.read_text(encoding="utf-8") for path in TEMPLATES]
    for number in range(count):
        text = texts[number % len(texts)]
        # A development path and the model before it share their number, so the path finds its model.
        shared = number - 1 if "kehittamisen-polku" in text else number
        text = text.replace(title_of(text), f"{title_of(text)} {shared}").replace(
            "perhetupa-kohtaamispaikka-lapsiperheille", f"perhetupa-{shared}"
        )
        (directory / f"{number:05d}.txt").write_text(text, encoding="utf-8")


def python_blocks():
    """Memory blocks Python holds after a collection (SQLite's page cache, which grows with the file, is apart)."""
    gc.collect()
    return sys.getallocatedblocks()


def resident_mb():
    """The process's resident memory now, in MB."""
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


class QueryCounter:
    """Counts the SQL statements sent to the database (Django's query log is off, as in production)."""

    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection

    # An import runs as in production: without the development settings' log of every query.
    settings.DEBUG = False
    directory = Path(tempfile.mkdtemp(prefix="bench-import-", dir=ROOT / ".run"))
    queries = QueryCounter()
    try:
        write_files(directory, args.count)
        files = sorted(directory.glob("*.txt"))
        elapsed = cpu = 0.0
        for first in range(0, len(files), BATCH):
            batch = [str(path) for path in files[first : first + BATCH]]
            started, cpu_started = time.perf_counter(), time.process_time()
            with connection.execute_wrapper(queries):
                call_command("import_descriptions", *batch, publish=True, stdout=StringIO(), stderr=StringIO())
            # Only the import is timed, not the memory measurement below.
            elapsed += time.perf_counter() - started
            cpu += time.process_time() - cpu_started
            done = first + len(batch)
            print(
                f"{done:6d} files  {elapsed:7.1f} s  {done / elapsed:6.1f} files/s  "
                f"(CPU {cpu:6.1f} s, {done / cpu:6.1f} files/s)  {queries.count / done:5.1f} queries/file  "
                f"RSS {resident_mb():6.1f} MB  Python blocks {python_blocks():,}",
                flush=True,
            )
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(
            f"{len(files)} descriptions imported in {elapsed:.1f} s: {len(files) / elapsed:.1f} files per second "
            f"({cpu:.1f} s of CPU: {len(files) / cpu:.1f} files per CPU second; the machine is shared, "
            f"load {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores); {queries.count / len(files):.1f} queries "
            f"per file; peak RSS {peak:.0f} MB"
        )
    finally:
        shutil.rmtree(directory)


if __name__ == "__main__":
    main()
