"""``make bench``: the site as `make serve` runs it, on a scratch copy of the database, at several sizes.

    python -m benchmarks.serve [--sizes 0,1000,10000] [--port 8114] [--requests 30] [--duration 5]

For each size (0 is the demo alone; otherwise that many synthetic operating models are added with
the search benchmark's page writer, ``benchmarks.latency.build``, which also adds entities and articles
in its usual mix) the copy is served by ``scripts/serve.sh`` with ``SERVER_TIMING=true`` and:

- each of home, library (first and deepest page), a model page, an entity page and a search is
  requested ``--requests`` times past the page cache (an extra ``bench`` parameter), the pages
  taking turns; the median and 95th percentile of the server's own time and the median of its SQL
  queries are read from ``Server-Timing``, and the model page's median against the home page's;
- ``wrk`` loads a cached model page, an uncached model page and a static file for ``--duration``
  seconds each, and gives requests per second and non-2xx responses.
"""

import argparse
import json
import math
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
MODEL_SHARE = 0.6  # benchmarks.latency.MIX: six in ten synthetic pages are operating models

BUILD = """
import json, math, django
django.setup()
from wagtail.search.backends import get_search_backend
from models_library.models import DevelopmentEntityPage, ModelLibraryPage, OperatingModelPage
from benchmarks.latency import build
from search.models import RelatedModel
from search.query import PAGE_SIZE
if {count}:
    build({count}, get_search_backend())
RelatedModel.objects.all().delete()  # computed again on the first view, over the whole library
fi = {{"locale__language_code": "fi"}}
library = ModelLibraryPage.objects.get(**fi)
models = OperatingModelPage.objects.live().filter(**fi)
seed_model = models.order_by("pk").first()
print(json.dumps({{
    "models": models.count(),
    "home": "/fi/",
    "library": library.url,
    "library_deep": library.url + "?page=%d" % max(1, math.ceil(models.count() / PAGE_SIZE)),
    "model": seed_model.url,
    "entity": DevelopmentEntityPage.objects.live().filter(**fi).order_by("pk").first().url,
    "search": "/fi/search/?q=perhekeskus",
}}))
"""


def prepare(size, database):
    """A copy of the demo database with ``size`` synthetic models; the URLs to measure."""
    shutil.copyfile(ROOT / "db.sqlite3", database)
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.dev", "DATABASE_URL": f"sqlite:///{database}"}
    count = math.ceil(size / MODEL_SHARE)
    result = subprocess.run(
        [PYTHON, "-c", BUILD.format(count=count)], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if result.returncode != 0:
        raise RuntimeError(f"preparing {size} models failed:\n{result.stderr}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def start_server(database, port):
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{database}",
        "SERVER_TIMING": "true",
        "ACCESS_LOG": "/dev/null",
        "CACHE_URL": f"file://{database}.cache",
    }
    server = subprocess.Popen(
        ["scripts/serve.sh", "127.0.0.1", str(port)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(120):
        try:
            urllib.request.urlopen(base + "/fi/", timeout=5)
            return server, base
        except OSError:
            time.sleep(0.5)
    stop_server(server)
    raise RuntimeError("the server did not start")


def stop_server(server):
    os.killpg(server.pid, signal.SIGTERM)
    server.wait(timeout=30)


def server_timing(url):
    with urllib.request.urlopen(url, timeout=60) as response:
        response.read()
        timing = response.headers["Server-Timing"]
    duration = float(re.search(r"app;dur=([\d.]+)", timing).group(1))
    queries = int(re.search(r"sql;desc=(\d+)", timing).group(1))
    return duration, queries


def uncached(url, number):
    return f"{url}{'&' if '?' in url else '?'}bench={number}"


def measure(base, paths, requests):
    """``{name: (median ms, p95 ms, queries)}`` of each page; the pages take turns, so that a change in the
    machine's load during the run weighs on all of them alike and their ratios hold."""
    for number in range(3):  # warm up: first renditions, stored related models, imports
        for path in paths.values():
            server_timing(uncached(base + path, number))
    samples = {name: [] for name in paths}
    for number in range(3, 3 + requests):
        for name, path in paths.items():
            samples[name].append(server_timing(uncached(base + path, number)))
    return {name: summary(page_samples) for name, page_samples in samples.items()}


def summary(samples):
    durations = sorted(duration for duration, _ in samples)
    p95 = durations[min(len(durations) - 1, math.ceil(0.95 * len(durations)) - 1)]
    return statistics.median(durations), p95, int(statistics.median(queries for _, queries in samples))


def wrk(url, duration):
    output = subprocess.run(
        ["wrk", "-t2", "-c8", f"-d{duration}s", url], capture_output=True, text=True, check=True
    ).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    errors = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    return rate, int(errors.group(1)) if errors else 0


def static_url(base):
    html = urllib.request.urlopen(base + "/fi/", timeout=10).read().decode()
    return base + re.search(r'href="(/static/css/site[^"]+)"', html).group(1)


def bench_size(size, port, requests, duration):
    database = ROOT / ".run" / f"bench-serve-{size}.sqlite3"
    clock = time.perf_counter()
    urls = prepare(size, database)
    print(f"\n{urls['models']} operating models (prepared in {time.perf_counter() - clock:.0f} s)", flush=True)
    server, base = start_server(database, port)
    try:
        print(f"{'page':<14}{'median ms':>10}{'p95 ms':>10}{'queries':>9}")
        names = ("home", "library", "library_deep", "model", "entity", "search")
        results = measure(base, {name: urls[name] for name in names}, requests)
        for name, (median, p95, queries) in results.items():
            print(f"{name:<14}{median:>10.1f}{p95:>10.1f}{queries:>9}")
        print(f"model / home  {results['model'][0] / results['home'][0]:>9.2f}×", flush=True)
        urllib.request.urlopen(base + urls["model"], timeout=10).read()  # into the page cache
        print(f"{'wrk':<30}{'requests/s':>11}{'non-2xx':>9}")
        for name, url in (
            ("cached model page", base + urls["model"]),
            ("uncached model page", uncached(base + urls["model"], 0)),
            ("static file", static_url(base)),
        ):
            rate, errors = wrk(url, duration)
            print(f"{name:<30}{rate:>11.0f}{errors:>9}", flush=True)
    finally:
        stop_server(server)
        for path in (database, Path(f"{database}.cache")):
            shutil.rmtree(path, ignore_errors=True) if path.is_dir() else path.unlink(missing_ok=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="0,1000,10000", help="synthetic models per run, comma-separated")
    parser.add_argument("--port", type=int, default=8114)
    parser.add_argument("--requests", type=int, default=30, help="timed requests per page")
    parser.add_argument("--duration", type=int, default=5, help="seconds of each wrk run")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is needed: apt-get install wrk")
    for size in (int(value) for value in args.sizes.split(",")):
        bench_size(size, args.port, args.requests, args.duration)


if __name__ == "__main__":
    main()
