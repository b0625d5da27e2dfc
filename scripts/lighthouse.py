"""Lighthouse's mobile scores for the home page, the library, an operating model and a search.

Run by ``make lighthouse``: serves the demo site on 127.0.0.1:$LIGHTHOUSE_PORT with the
development settings, runs Lighthouse (``tools/lighthouse``, npm, pinned) in Debian's Chromium
against each page, prints the four category scores and says which fall short of the aims
(accessibility 100, the others 95).
"""

import json
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "tools" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
AIMS = {"performance": 95, "accessibility": 100, "best-practices": 95, "seo": 95}


def page_paths():
    """The four pages, found in the demo content."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from models_library.models import ModelLibraryPage, OperatingModelPage

    finnish = {"locale__language_code": "fi"}
    return {
        "home": "/fi/",
        "library": ModelLibraryPage.objects.live().get(**finnish).url,
        "operating model": OperatingModelPage.objects.live().filter(**finnish).first().url,
        "search": "/fi/search/?q=perhekeskus",
    }


def wait_for(port, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"the development server did not start on port {port}")


def scores(url):
    with tempfile.NamedTemporaryFile(suffix=".json") as report:
        subprocess.run(
            [
                str(LIGHTHOUSE),
                url,
                f"--chrome-path={CHROMIUM}",
                "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
                "--only-categories=" + ",".join(CATEGORIES),
                "--output=json",
                f"--output-path={report.name}",
                "--quiet",
            ],
            check=True,
        )
        result = json.load(open(report.name))
    return {key: round(result["categories"][key]["score"] * 100) for key in CATEGORIES}, result


def main():
    port = int(os.environ.get("LIGHTHOUSE_PORT", "8107"))
    paths = page_paths()
    server = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    short = []
    try:
        wait_for(port)
        print(f"{'page':<16}" + "".join(f"{key:>16}" for key in CATEGORIES))
        for name, path in paths.items():
            found, result = scores(f"http://127.0.0.1:{port}{path}")
            print(f"{name:<16}" + "".join(f"{found[key]:>16}" for key in CATEGORIES), flush=True)
            for key in CATEGORIES:
                if found[key] < AIMS[key]:
                    failed = [
                        audit["title"]
                        for audit in result["audits"].values()
                        if audit.get("score") is not None
                        and audit["score"] < 0.9
                        and audit["id"] in {ref["id"] for ref in result["categories"][key]["auditRefs"]}
                        and next(ref for ref in result["categories"][key]["auditRefs"] if ref["id"] == audit["id"])[
                            "weight"
                        ]
                    ]
                    short.append(f"{name}: {key} {found[key]} < {AIMS[key]} ({'; '.join(failed)})")
    finally:
        server.terminate()
        server.wait()
    for line in short:
        print(line)
    return 1 if short else 0


if __name__ == "__main__":
    sys.exit(main())
