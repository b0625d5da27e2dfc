"""Gaps upstream that ``search/upstream_*.py`` cover; each test fails once upstream closes its gap."""

import pytest
from django.db import connection
from wagtail.models import Page
from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry
from wagtail.search.query import And, PlainText
from wagtail.signals import post_page_move, pre_page_move

from models_library.models import ModelLibraryPage
from search import upstream_wagtail
from search.engine import ranked_matches
from tests.factories import OperatingModelPageFactory

pytestmark = pytest.mark.django_db


def test_sqlite_backend_reads_an_or_inside_an_and_without_its_parentheses(library):
    if connection.vendor != "sqlite":
        pytest.skip(f"about SQLite's database backend; this run's database is {connection.vendor}")
    both = OperatingModelPageFactory(parent=library, title="Xylofoni ja yksisarvinen", body="[]")
    only_z = OperatingModelPageFactory(parent=library, title="Zeppeliini", body="[]")
    query = And([PlainText("xylofoni"), PlainText("yksisarvinen zeppeliini kolibri", operator="or")])
    pages = Page.objects.all()
    # The backend's own search reads "xylofoni AND (yksisarvinen OR zeppeliini OR kolibri)" without
    # its parentheses and finds the page without "xylofoni" too.
    # When this fails, upstream has fixed it and search/upstream_modelsearch.py can go.
    assert only_z.pk in [page.pk for page in get_search_backend().search(query, pages)]
    assert [pk for pk, _score in ranked_matches(pages, query, 10)] == [both.pk]


def index_entries(page):
    return IndexEntry.objects.filter(content_type_id=page.content_type_id, object_id=str(page.pk))


def move_section_with_a_model(library):
    """An archive section with a model in it, moved under the library: the model's tree path changes.

    The model's index entry is removed first, so that an entry after the move shows it was indexed again.
    """
    archive = library.get_parent().add_child(instance=ModelLibraryPage(title="Arkisto", slug="arkisto"))
    page = OperatingModelPageFactory(parent=archive, title="Sammakkolampi", body="[]")
    index_entries(page).delete()
    old_path = page.path
    Page.objects.get(pk=archive.pk).move(library, pos="last-child")
    assert Page.objects.get(pk=page.pk).path != old_path
    return page


def test_wagtail_does_not_index_again_the_pages_whose_path_a_move_changes(library):
    pre_page_move.disconnect(dispatch_uid="search.upstream_wagtail.remember_paths")
    post_page_move.disconnect(dispatch_uid="search.upstream_wagtail.reindex_moved_paths")
    try:
        page = move_section_with_a_model(library)
    finally:
        upstream_wagtail.connect()
    # When this fails, Wagtail indexes them itself and search/upstream_wagtail.py can go.
    assert not index_entries(page).exists()


def test_pages_whose_path_a_move_changes_are_indexed_again(library):
    page = move_section_with_a_model(library)
    assert index_entries(page).count() == 1


def test_sqlite_backend_indexes_boosted_fields_with_the_body_text(library):
    if connection.vendor != "sqlite":
        pytest.skip(f"about SQLite's database backend; this run's database is {connection.vendor}")
    from modelsearch.backends.database.sqlite.sqlite import ObjectIndexer

    from search.upstream_modelsearch import BoostedFieldsIndexer

    page = OperatingModelPageFactory(parent=library, title="Xylofoni", short_description="Yksisarvinen", body="[]")
    summary = page.analysed_summary()
    upstream = ObjectIndexer(page, get_search_backend())
    # When this fails, upstream keeps boosted fields apart and BoostedSQLiteSearchBackend can go.
    assert summary not in upstream.title and summary in upstream.body
    assert summary in BoostedFieldsIndexer(page, get_search_backend()).title


@pytest.mark.parametrize("kind", ["opensearch", "elasticsearch"])
def test_wagtail_builds_a_new_search_backend_with_new_connections_on_every_call(settings, kind):
    from config.search_backends import search_backend_settings

    settings.WAGTAILSEARCH_BACKENDS = {"default": search_backend_settings(kind, "http://127.0.0.1:9", "x_")}
    # When this fails, Wagtail keeps its backends itself and upstream_wagtail.search_backend() can go.
    assert get_search_backend().es is not get_search_backend().es
    kept = upstream_wagtail.search_backend()
    assert upstream_wagtail.search_backend() is kept
    settings.WAGTAILSEARCH_BACKENDS = {"default": search_backend_settings(kind, "http://127.0.0.1:9", "y_")}
    assert upstream_wagtail.search_backend() is not kept
    assert upstream_wagtail.search_backend().index_prefix == "y_"
