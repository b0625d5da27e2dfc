"""What a page costs does not grow with the library: related models are stored when a model is
published, the library's deep pages load only their own models, and their cards come from the cache
until the content changes."""

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test.utils import CaptureQueriesContext

import search.query
import search.related
from search.models import RelatedModel
from taxonomy.models import Theme
from tests.factories import DevelopmentEntityPageFactory, OperatingModelPageFactory

pytestmark = pytest.mark.django_db


def themed_model(library, title, theme="perhekeskukset"):
    page = OperatingModelPageFactory(parent=library, title=title, body="[]")
    page.themes.set(Theme.objects.filter(slug=theme, locale__language_code="fi"))
    page.save_revision().publish()
    return page


def queries(client, url):
    """The queries of a second view of ``url``: Wagtail's site and locale look-ups cached, as on a running server;
    past the page cache (a parameter it does not key on), so the page is rendered."""
    url += ("&" if "?" in url else "?") + "uncached=1"
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_model_page_shows_stored_related_models_without_scoring_them(client, library, monkeypatch):
    page = themed_model(library, "Perheneuvola")
    neighbour = themed_model(library, "Perhekeskuksen tiimi")
    assert list(RelatedModel.objects.filter(page=page).values_list("related", flat=True)) == [neighbour.pk]

    def not_on_a_view(*args):
        raise AssertionError("related models scored during a page view")

    monkeypatch.setattr(search.related, "related_operating_models", not_on_a_view)
    assert "Perhekeskuksen tiimi" in client.get(page.url).content.decode()


def test_an_unpublished_neighbour_leaves_the_stored_list(library):
    page = themed_model(library, "Perheneuvola")
    neighbour = themed_model(library, "Perhekeskuksen tiimi")
    neighbour.unpublish()
    assert list(RelatedModel.objects.filter(page=page).values_list("related", flat=True)) == [None]
    assert not RelatedModel.objects.filter(page=neighbour).exists()


def test_model_and_library_pages_make_as_many_queries_at_any_size(client, library):
    first = themed_model(library, "Perheneuvola")
    for n in range(3):
        themed_model(library, f"Malli {n}")
    small = (queries(client, first.url), queries(client, library.url), queries(client, library.url + "?page=1"))
    for n in range(3, 45):
        themed_model(library, f"Malli {n}", theme="varhainen-tuki")
    large = (queries(client, first.url), queries(client, library.url), queries(client, library.url + "?page=3"))
    assert large == small


def test_the_library_lists_twenty_entities_and_links_to_all(client, library):
    for n in range(22):
        DevelopmentEntityPageFactory(parent=library, title=f"Hanke {n:02}").save_revision().publish()
    html = client.get(library.url).content.decode()
    assert "Hanke 19" in html and "Hanke 20" not in html
    assert 'href="/fi/search/?type=entity">Kaikki kokonaisuudet (22)</a>' in html


def test_a_page_looks_its_locale_up_once(client, library):
    page = themed_model(library, "Perheneuvola")
    with CaptureQueriesContext(connection) as captured:
        assert client.get(page.url).status_code == 200
    lookups = [
        q["sql"]
        for q in captured
        if q["sql"].startswith('SELECT "wagtailcore_locale"') and '"language_code" = ' in q["sql"]
    ]
    assert len(lookups) == 1, lookups


def test_the_library_listing_is_worked_out_once_until_the_content_changes(client, library, monkeypatch):
    themed_model(library, "Perheneuvola")
    deep = library.url + "?page=1&uncached=1"  # past the page cache
    client.get(deep)

    def not_again(*args):
        raise AssertionError("the listing passed over every page again")

    monkeypatch.setattr(search.query, "FacetValues", not_again)
    assert "Perheneuvola" in client.get(deep).content.decode()
    monkeypatch.undo()
    themed_model(library, "Perhekeskuksen tiimi")
    assert "Perhekeskuksen tiimi" in client.get(deep).content.decode()


def test_the_model_page_reads_its_relations_and_source_once(client, library):
    """Once when its pieces are rendered (the first anonymous view, each of an editor's), never when they come
    from the cache."""
    page = themed_model(library, "Perheneuvola")
    page.authors.create(name="Taina Paananen")
    url = page.url + "?uncached=1"
    tables = ("models_library_operatingmodelauthor", "taxonomy_area", "taxonomy_theme", "taxonomy_funder")

    def reads():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        counts = {table: sum(f'FROM "{table}"' in query["sql"] for query in captured) for table in tables}
        source_lookups = sum(q["sql"].startswith('SELECT "wagtailcore_page"."id" FROM') for q in captured)
        return counts, source_lookups

    assert reads() == (dict.fromkeys(tables, 1), 1)
    assert reads() == (dict.fromkeys(tables, 0), 0)
    client.force_login(User.objects.create_superuser("editor", password="x"))
    assert [reads() for _ in range(2)] == [(dict.fromkeys(tables, 1), 1)] * 2


def cards_rendered(response):
    """How many result cards the response rendered from scratch."""
    return sum(template.name == "components/result_card_body.html" for template in response.templates)


def test_a_deep_library_page_renders_no_card_again_at_any_size(client, library):
    for n in range(21):
        themed_model(library, f"Malli {n}")
    small = library.url + "?page=2&uncached=1"  # one card, past the page cache
    assert cards_rendered(client.get(small)) == 1
    small_queries = queries(client, small)
    for n in range(21, 45):
        themed_model(library, f"Malli {n}")
    large = library.url + "?page=3&uncached=1"  # five cards
    assert cards_rendered(client.get(large)) == 5
    assert queries(client, large) == small_queries
    second = client.get(large + "&another=1")
    assert cards_rendered(second) == 0
    assert second.content.decode().count('class="card"') == 5
    assert 'name="next" value="/fi/toimintamallit/?page=3&amp;uncached=1&amp;another=1"' in second.content.decode()


def test_the_cards_are_fresh_after_publish_and_unpublish(client, library):
    models = [themed_model(library, f"Malli {n}") for n in range(22)]
    first, deep = library.url + "?uncached=1", library.url + "?page=2&uncached=1"  # past the page cache
    client.get(first), client.get(deep)
    newest = models[-1].get_latest_revision_as_object()
    newest.title = "Perheneuvola uudistettu"
    newest.save_revision().publish()
    response = client.get(first)
    html = response.content.decode()
    assert "Perheneuvola uudistettu" in html and "Malli 21<" not in html and cards_rendered(response) == 20
    models[0].unpublish()
    response = client.get(deep)
    assert "Malli 0<" not in response.content.decode() and cards_rendered(response) == 1


def test_a_signed_in_editor_gets_cards_rendered_for_them(client, library):
    for n in range(22):
        themed_model(library, f"Malli {n}")
    client.force_login(User.objects.create_superuser("editor", password="x"))
    deep = library.url + "?page=2"
    assert [cards_rendered(client.get(deep)) for _ in range(2)] == [2, 2]


def test_the_listing_facets_are_not_read_while_their_html_is_cached(client, library, monkeypatch):
    themed_model(library, "Perheneuvola")
    deep = library.url + "?page=1&uncached=1"  # past the page cache
    client.get(deep)

    def not_read(*args):
        raise AssertionError("the facets were read from the cache again")

    monkeypatch.setattr(search.query, "listed_facets", not_read)
    html = client.get(deep).content.decode()
    assert "Perheneuvola" in html and "Perhekeskukset" in html
