"""Browser tests: Debian's Chromium driven by Playwright against Django's live server.

Chromium is installed by ``make browser`` (part of ``make test``); the tests never
download a browser of their own. If it is missing the tests fail with a clear message
instead of being skipped, so CI cannot pass without them.
"""

import os
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "screenshots"


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: run `make browser` (apt-get install chromium)")
    # Playwright's sync API runs its own event loop; Django must allow sync DB access meanwhile.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def browser_page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="fi-FI")
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def screenshot(browser_page):
    """Save a full-page screenshot under screenshots/ for a person to look at."""

    def take(name):
        SCREENSHOTS.mkdir(exist_ok=True)
        browser_page.screenshot(path=SCREENSHOTS / f"{name}.png", full_page=True)

    return take
