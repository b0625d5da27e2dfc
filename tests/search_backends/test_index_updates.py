"""An index you can trust: what editors do reaches the search results within seconds.

Publishing, unpublishing, moving, deleting and editing a page change what the public search page
(``/fi/search/``) and ``Page.objects.live().search()`` find, on the database backend and on
OpenSearch. Most checks poll the search for a few seconds, as a visitor would, instead of forcing
an OpenSearch refresh (OpenSearch refreshes by itself every second).

When the search server is down, editors can still create, save, publish, move, unpublish and
delete pages through the admin; each failed index update is logged, and
``manage.py update_index`` brings the index back in sync afterwards.

How the index follows the pages: Wagtail's search (the ``modelsearch`` package) connects
``post_save`` of every indexed model to a task that re-reads the object from the database and
adds it to each backend (``modelsearch.tasks.insert_or_update_object_task``, run at once by the
immediate task backend), and ``post_delete`` to ``modelsearch.index.remove_object``. Both log a
failure on the ``modelsearch.index`` logger; backends of the Elasticsearch family swallow it
(``catch_indexing_errors``) so that the editor's save goes through. A search fetches its hits'
pages from the database, so a result always shows the page's current title and URL; the count a
search page shows comes from the index itself.
"""

import logging
import time
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client, override_settings
from django.urls import reverse
from wagtail.models import Page, PageViewRestriction

from indexing.analysis import analyse_query
from models_library.models import ModelLibraryPage, OperatingModelPage
from tests.factories import OperatingModelPageFactory
from tests.form_data import CORE_SECTIONS, operating_model_data

from .conftest import refresh_search_server, server_down

WITHIN_SECONDS = 5.0
# Nothing listens on port 9 (discard): every request to this backend is refused at once.
SERVER_KINDS = ["opensearch", "elasticsearch"]
INDEX_LOGGER = "modelsearch.index"

# Words that no demo document contains and that share no compound part with each other.
FIRST_TITLE, FIRST_WORD = "Sammakkolammen perhetyö", "sammakkolampi"
SECOND_TITLE, SECOND_WORD = "Kuukkelimetsän lapsiperhepalvelut", "kuukkelimetsä"
THIRD_TITLE, THIRD_WORD = "Haahkarannan neuvola", "haahkaranta"

# What the searches show --------------------------------------------------------------------


def findings(client, query):
    """What the searches find for ``query``: (pk, title, url) of each result on the search page and from
    ``live().search()``, the count the search page shows, and how many pages the index itself counts."""
    response = client.get("/fi/search/", {"q": query})
    assert response.status_code == 200, f"the search page answered {response.status_code}"
    html = response.content.decode()
    outcome = response.context.get("outcome")
    listed = outcome.results if outcome else list(response.context["page_obj"])
    shown = [(page.pk, page.title, page.url) for page in listed]
    for _pk, title, url in shown:
        assert f'href="{url}"' in html and title in html, f"{title} ({url}) is not on the search page"
    words = analyse_query(query, "fi")
    found = [(page.pk, page.title, page.url) for page in Page.objects.live().search(words, operator="or")]
    return {
        "search page": shown,
        "count shown": outcome.count + outcome.partial_count
        if outcome
        else response.context["page_obj"].paginator.count,
        "live().search()": found,
        # A fresh search: a count of evaluated results would be that of the pages the database returned.
        "count in index": Page.objects.live().search(words, operator="or").count(),
    }


def consistent(state):
    """The counts agree with the results listed: the index holds no page that the database no longer has."""
    return state["count shown"] == len(state["search page"]) and state["count in index"] == len(
        state["live().search()"]
    )


def shows(page):
    """Both searches list ``page`` with its current title and URL."""
    page = Page.objects.get(pk=page.pk)
    expected = (page.pk, page.title, page.url)
    return lambda state: expected in state["search page"] and expected in state["live().search()"] and consistent(state)


def hides(page, api_too=True):
    """The search page (and, unless told otherwise, ``live().search()``) no longer lists ``page``."""
    pk = page.pk

    def check(state):
        lists = [state["search page"]] + ([state["live().search()"]] if api_too else [])
        return all(pk not in (item[0] for item in results) for results in lists) and consistent(state)

    return check


def wait_for(client, query, expectation, seconds=WITHIN_SECONDS):
    """Searches again and again, without forcing a refresh, until ``expectation`` holds; fails after ``seconds``."""
    deadline = time.monotonic() + seconds
    while True:
        state = findings(client, query)
        if expectation(state):
            return state
        if time.monotonic() > deadline:
            pytest.fail(f"{seconds:.0f} s after the change, searching {query!r} still gives {state}", pytrace=False)
        time.sleep(0.2)


def settle(search_backend):
    """Make sure every index update so far is searchable, before checking that something did NOT change."""
    refresh_search_server()


# What editors do ---------------------------------------------------------------------------


def model_form(title, slug, **fields):
    """The admin form data of a complete, publishable operating model."""
    return operating_model_data(CORE_SECTIONS, title=title, slug=slug, **fields)


def admin_add(client, parent, title, slug, publish=True):
    url = reverse("wagtailadmin_pages:add", args=["models_library", "operatingmodelpage", parent.pk])
    data = model_form(title, slug, **{"action-publish" if publish else "action-draft": "1"})
    return client.post(url, data)


def admin_edit(client, page, title, publish=True):
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    data = model_form(title, page.slug, **{"action-publish" if publish else "action-draft": "1"})
    return client.post(url, data)


def admin_move(client, page, destination):
    return client.post(reverse("wagtailadmin_pages:move_confirm", args=[page.pk, destination.pk]))


def admin_unpublish(client, page):
    return client.post(reverse("wagtailadmin_pages:unpublish", args=[page.pk]))


def admin_delete(client, page):
    return client.post(reverse("wagtailadmin_pages:delete", args=[page.pk]))


def assert_redirected(response, what):
    """The admin accepted the change and sent the editor on (a form with errors would answer 200)."""
    assert response.status_code == 302, f"{what}: the admin answered {response.status_code}"


def published_model(library, title=FIRST_TITLE, slug=FIRST_WORD):
    page = OperatingModelPageFactory(parent=library, title=title, slug=slug, live=False)
    page.save_revision().publish()
    return OperatingModelPage.objects.get(pk=page.pk)


def second_library(library, slug="arkisto", live=True):
    """Another model library under the same home page."""
    section = library.get_parent().add_child(
        instance=ModelLibraryPage(title="Arkisto", slug=slug, locale=library.locale, live=live)
    )
    return ModelLibraryPage.objects.get(pk=section.pk)


# Publishing and unpublishing ---------------------------------------------------------------


def test_a_newly_published_page_becomes_findable_within_seconds(search_backend, client, library):
    draft = OperatingModelPageFactory(parent=library, title=FIRST_TITLE, slug=FIRST_WORD, live=False)
    settle(search_backend)
    assert hides(draft)(findings(client, FIRST_WORD)), "a draft must not be found"

    draft.save_revision().publish()

    wait_for(client, FIRST_WORD, shows(draft))  # no forced refresh: OpenSearch's own refresh is enough


def test_a_page_published_in_the_admin_becomes_findable(search_backend, admin_client, client, library):
    assert_redirected(admin_add(admin_client, library, FIRST_TITLE, FIRST_WORD), "publishing")

    wait_for(client, FIRST_WORD, shows(OperatingModelPage.objects.get(slug=FIRST_WORD)))


def test_unpublishing_removes_the_page_from_the_results(search_backend, admin_client, client, library):
    page = published_model(library)
    wait_for(client, FIRST_WORD, shows(page))

    assert_redirected(admin_unpublish(admin_client, page), "unpublishing")

    assert not OperatingModelPage.objects.get(pk=page.pk).live
    wait_for(client, FIRST_WORD, hides(page))


# Moving ------------------------------------------------------------------------------------


def test_a_moved_page_is_found_at_its_new_url(search_backend, admin_client, client, library):
    page = published_model(library)
    old_url = page.url
    wait_for(client, FIRST_WORD, shows(page))
    archive = second_library(library)

    assert_redirected(admin_move(admin_client, page, archive), "moving")

    moved = OperatingModelPage.objects.get(pk=page.pk)
    assert moved.url == "/fi/arkisto/sammakkolampi/" != old_url
    state = wait_for(client, FIRST_WORD, shows(moved))
    assert old_url not in [url for _pk, _title, url in state["search page"]]
    assert client.get(moved.url).status_code == 200


def test_renaming_a_section_changes_the_urls_that_results_show(search_backend, client, library):
    page = published_model(library)
    wait_for(client, FIRST_WORD, shows(page))

    library.slug = "mallit"
    library.save_revision().publish()

    moved = OperatingModelPage.objects.get(pk=page.pk)
    assert moved.url == "/fi/mallit/sammakkolampi/"
    wait_for(client, FIRST_WORD, shows(moved))
    assert client.get(moved.url).status_code == 200


def test_a_page_moved_into_a_private_section_leaves_the_public_results(search_backend, admin_client, client, library):
    page = published_model(library)
    wait_for(client, FIRST_WORD, shows(page))
    private = second_library(library, slug="sisainen")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.PASSWORD, password="salainen")

    assert_redirected(admin_move(admin_client, page, private), "moving")

    # The page stays live (an editor's live().search() still finds it); the public search page does not.
    wait_for(client, FIRST_WORD, hides(page, api_too=False))


def test_making_a_section_private_hides_its_pages_from_the_public_results(search_backend, client, library):
    page = published_model(library)
    wait_for(client, FIRST_WORD, shows(page))

    PageViewRestriction.objects.create(page=library, restriction_type=PageViewRestriction.LOGIN)

    wait_for(client, FIRST_WORD, hides(page, api_too=False))


def test_a_page_moved_under_an_unpublished_section_is_found_only_where_it_is_served(
    search_backend, admin_client, client, library
):
    """Wagtail serves a live page under a draft section at its URL, so the search may list it there,
    and must then link to the new URL; every result the search page lists opens."""
    page = published_model(library)
    wait_for(client, FIRST_WORD, shows(page))
    draft_section = second_library(library, slug="luonnos", live=False)

    assert_redirected(admin_move(admin_client, page, draft_section), "moving")

    moved = OperatingModelPage.objects.get(pk=page.pk)
    assert moved.url == "/fi/luonnos/sammakkolampi/"
    served = client.get(moved.url).status_code == 200
    wait_for(client, FIRST_WORD, shows(moved) if served else hides(moved, api_too=False))


def test_reordering_sections_keeps_private_pages_out_and_public_pages_in(search_backend, admin_client, client, library):
    """Moving a section renumbers the tree paths of the pages under it and of the sections it passes;
    the index must follow, since the public filter works on paths."""
    public_page = published_model(library)
    private = second_library(library, slug="sisainen")
    private_page = published_model(private, SECOND_TITLE, SECOND_WORD)
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.PASSWORD, password="salainen")
    wait_for(client, FIRST_WORD, shows(public_page))
    wait_for(client, SECOND_WORD, hides(private_page, api_too=False))

    # The editor drags the private section to the top of the home page's sections.
    url = reverse("wagtailadmin_pages:set_page_position", args=[private.pk])
    assert admin_client.post(f"{url}?position=0").status_code == 200
    assert Page.objects.get(pk=private.pk).path < Page.objects.get(pk=library.pk).path

    wait_for(client, FIRST_WORD, shows(public_page))
    wait_for(client, SECOND_WORD, hides(private_page, api_too=False))


# Deleting ----------------------------------------------------------------------------------


def test_deleting_removes_the_page_from_the_results(search_backend, admin_client, client, library):
    page = published_model(library)
    wait_for(client, FIRST_WORD, shows(page))

    assert_redirected(admin_delete(admin_client, page), "deleting")

    assert not Page.objects.filter(pk=page.pk).exists()
    wait_for(client, FIRST_WORD, hides(page))


# Editing -----------------------------------------------------------------------------------


def test_a_published_title_change_is_found_with_the_new_title(search_backend, admin_client, client, library):
    page = published_model(library)
    wait_for(client, FIRST_WORD, shows(page))

    assert_redirected(admin_edit(admin_client, page, SECOND_TITLE), "publishing the new title")

    assert OperatingModelPage.objects.get(pk=page.pk).title == SECOND_TITLE
    state = wait_for(client, SECOND_WORD, shows(page))
    assert state["search page"][0][1] == SECOND_TITLE
    wait_for(client, FIRST_WORD, hides(page))


def test_a_draft_edit_of_a_live_page_changes_nothing_until_it_is_published(
    search_backend, admin_client, client, library
):
    page = published_model(library)
    wait_for(client, FIRST_WORD, shows(page))

    assert_redirected(admin_edit(admin_client, page, SECOND_TITLE, publish=False), "saving a draft")

    settle(search_backend)
    time.sleep(0.5)
    assert OperatingModelPage.objects.get(pk=page.pk).has_unpublished_changes
    state = findings(client, FIRST_WORD)
    assert shows(page)(state), f"the live title must still be found: {state}"
    assert [item[1] for item in state["search page"]] == [FIRST_TITLE]
    state = findings(client, SECOND_WORD)
    assert hides(page)(state), f"the draft title must not be found yet: {state}"

    OperatingModelPage.objects.get(pk=page.pk).get_latest_revision().publish()

    wait_for(client, SECOND_WORD, shows(page))
    wait_for(client, FIRST_WORD, hides(page))


# When the search server is down ------------------------------------------------------------


def index_errors(caplog):
    return [record for record in caplog.records if record.name == INDEX_LOGGER and record.levelno >= logging.ERROR]


@pytest.mark.parametrize("kind", SERVER_KINDS)
def test_editors_can_create_edit_and_publish_when_the_search_server_is_down(admin_client, library, caplog, kind):
    caplog.set_level(logging.ERROR, logger=INDEX_LOGGER)
    with override_settings(WAGTAILSEARCH_BACKENDS={"default": server_down(kind)}):
        assert_redirected(admin_add(admin_client, library, FIRST_TITLE, FIRST_WORD), "publishing a new page")
        page = OperatingModelPage.objects.get(slug=FIRST_WORD)
        assert page.live and page.title == FIRST_TITLE
        assert index_errors(caplog), "the failed index update must be logged"
        assert "search backend" in index_errors(caplog)[0].getMessage()

        caplog.clear()
        assert_redirected(admin_edit(admin_client, page, SECOND_TITLE, publish=False), "saving a draft")
        page.refresh_from_db()
        assert page.title == FIRST_TITLE and page.has_unpublished_changes
        assert page.get_latest_revision_as_object().title == SECOND_TITLE

        caplog.clear()
        assert_redirected(admin_edit(admin_client, page, SECOND_TITLE), "publishing an edit")
        page.refresh_from_db()
        assert page.live and page.title == SECOND_TITLE and not page.has_unpublished_changes
        assert index_errors(caplog)

        caplog.clear()
        assert_redirected(
            admin_add(admin_client, library, THIRD_TITLE, THIRD_WORD, publish=False), "saving a new draft"
        )
        assert not OperatingModelPage.objects.get(slug=THIRD_WORD).live
        assert index_errors(caplog)

        assert Client().get(page.url).status_code == 200  # what a visitor opens


@pytest.mark.parametrize("kind", SERVER_KINDS)
def test_editors_can_move_unpublish_and_delete_when_the_search_server_is_down(admin_client, library, caplog, kind):
    first = published_model(library)
    second = published_model(library, SECOND_TITLE, SECOND_WORD)
    archive = second_library(library)
    caplog.set_level(logging.ERROR, logger=INDEX_LOGGER)
    with override_settings(WAGTAILSEARCH_BACKENDS={"default": server_down(kind)}):
        assert_redirected(admin_move(admin_client, first, archive), "moving")
        assert OperatingModelPage.objects.get(pk=first.pk).get_parent().pk == archive.pk
        assert index_errors(caplog)

        caplog.clear()
        assert_redirected(admin_unpublish(admin_client, first), "unpublishing")
        assert not OperatingModelPage.objects.get(pk=first.pk).live
        assert index_errors(caplog)

        caplog.clear()
        assert_redirected(admin_delete(admin_client, second), "deleting")
        assert not Page.objects.filter(pk=second.pk).exists()
        assert index_errors(caplog)


@pytest.mark.parametrize("search_backend", SERVER_KINDS, indirect=True)
def test_update_index_brings_the_index_back_in_sync_after_an_outage(search_backend, admin_client, client, library):
    stale = published_model(library, THIRD_TITLE, THIRD_WORD)
    wait_for(client, THIRD_WORD, shows(stale))

    with override_settings(WAGTAILSEARCH_BACKENDS={"default": server_down(search_backend)}):
        assert_redirected(admin_add(admin_client, library, FIRST_TITLE, FIRST_WORD), "publishing")
        assert_redirected(admin_delete(admin_client, stale), "deleting")
    published = OperatingModelPage.objects.get(slug=FIRST_WORD)

    # The server is back, but the index missed both changes.
    refresh_search_server()
    assert not shows(published)(findings(client, FIRST_WORD))
    assert findings(client, THIRD_WORD)["count in index"] == 1, "the index should still hold the deleted page"

    output = StringIO()
    call_command("update_index", stdout=output, stderr=StringIO())

    assert "indexed" in output.getvalue()
    refresh_search_server()
    assert shows(published)(findings(client, FIRST_WORD))
    assert hides(stale)(findings(client, THIRD_WORD))


@pytest.mark.parametrize("search_backend", SERVER_KINDS, indirect=True)
def test_a_page_unpublished_during_an_outage_stays_off_the_search_page(search_backend, admin_client, client, library):
    page = published_model(library)
    wait_for(client, FIRST_WORD, shows(page))

    with override_settings(WAGTAILSEARCH_BACKENDS={"default": server_down(search_backend)}):
        assert_redirected(admin_unpublish(admin_client, page), "unpublishing")

    refresh_search_server()
    state = findings(client, FIRST_WORD)
    assert state["count in index"] == 1  # the index still has the page as live
    assert page.pk not in [pk for pk, _title, _url in state["search page"]], f"an unpublished page is listed: {state}"


@pytest.mark.parametrize("kind", SERVER_KINDS)
def test_search_page_when_backend_is_down(db, kind):
    visitor = Client(raise_request_exception=False)
    with override_settings(WAGTAILSEARCH_BACKENDS={"default": server_down(kind)}):
        response = visitor.get("/fi/search/", {"q": "perhekeskus"})
    assert response.status_code == 503
    assert "Haku ei ole juuri nyt käytettävissä" in response.content.decode()
