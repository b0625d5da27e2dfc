"""No page breaks its Content-Security-Policy in real Chromium: every public page type for a visitor,
the public pages with the editor's user bar, the admin's sign-in, dashboard and editor; and a
visitor types into the search box (the suggestions' script and its request)."""

import pytest
from django.contrib.auth.models import User

from models_library.models import OperatingModelPage
from tests.browser.test_accessibility import demo_site, page_urls  # noqa: F401 (fixture)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LISTEN = """
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.cspViolations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`);
});
"""


@pytest.fixture
def watched_page(browser_page):
    browser_page.context.add_init_script(LISTEN)
    console = []
    browser_page.on("console", lambda message: console.append(message.text))
    browser_page.console_messages = console
    return browser_page


def violations(page):
    reported = page.evaluate("window.cspViolations")
    console = [text for text in page.console_messages if "Content Security Policy" in text]
    page.console_messages.clear()
    return reported + console


def visit(page, url):
    page.console_messages.clear()
    response = page.goto(url)
    page.wait_for_load_state("networkidle")
    assert response.headers["content-security-policy"], url
    assert "camera=()" in response.headers["permissions-policy"], url
    return violations(page)


def test_no_page_type_breaks_the_policy_for_a_visitor(demo_site, live_server, watched_page, screenshot):  # noqa: F811
    found = {name: visit(watched_page, live_server.url + path) for name, path in page_urls().items()}
    watched_page.goto(live_server.url + "/fi/")
    watched_page.get_by_role("search").get_by_role("combobox").press_sequentially("perhe", delay=50)
    watched_page.wait_for_load_state("networkidle")
    screenshot("csp-visitor-search-box")
    found["search box"] = violations(watched_page)
    assert {name: items for name, items in found.items() if items} == {}


def test_no_admin_or_user_bar_page_breaks_the_policy_for_an_editor(demo_site, live_server, watched_page, screenshot):  # noqa: F811
    User.objects.create_superuser("toimittaja", password="toimintamallit")
    found = {"sign-in": visit(watched_page, live_server.url + "/admin/login/")}
    watched_page.get_by_label("Käyttäjätunnus").fill("toimittaja")
    watched_page.get_by_placeholder("Syötä salasana").fill("toimintamallit")
    watched_page.get_by_role("button", name="Kirjaudu").click()
    watched_page.wait_for_load_state("networkidle")
    found["dashboard"] = violations(watched_page)
    model = OperatingModelPage.objects.get()
    found["editor"] = visit(watched_page, f"{live_server.url}/admin/pages/{model.pk}/edit/")
    screenshot("csp-editor")
    for name, path in page_urls().items():
        found[f"{name} with user bar"] = visit(watched_page, live_server.url + path)
        if name == "operating_model":
            screenshot("csp-model-page-with-user-bar")
    assert {name: items for name, items in found.items() if items} == {}
