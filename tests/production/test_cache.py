"""Anonymous visitors' pages come from the cache and are never stale; nothing is cached for editors."""

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse
from wagtail.models import Locale

from models_library.models import OperatingModelAuthor
from tests.factories import OperatingModelPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def model(library):
    page = OperatingModelPageFactory(parent=library, title="Perheneuvola")
    page.save_revision().publish()
    return page


def get(client, url, **headers):
    response = client.get(url, headers=headers)
    return response, response.headers.get("X-Page-Cache")


def publish_title(page, title):
    page = page.get_latest_revision_as_object()
    page.title = title
    page.save_revision().publish()


def test_the_second_anonymous_visit_is_served_from_the_cache(client, model):
    first, state = get(client, model.url)
    assert (first.status_code, state) == (200, "miss")
    second, state = get(client, model.url)
    assert (second.status_code, state) == (200, "hit")
    assert second.content == first.content
    assert second["ETag"] == first["ETag"] and second["Last-Modified"] == first["Last-Modified"]


def test_a_matching_etag_gets_304(client, model):
    first, _ = get(client, model.url)
    response, _ = get(client, model.url, if_none_match=first["ETag"])
    assert response.status_code == 304
    assert response.content == b""


def test_fresh_after_publish(client, model, library):
    get(client, model.url)
    get(client, library.url)
    publish_title(model, "Perheneuvola uudistettu")
    response, state = get(client, model.url)
    assert state == "miss" and "Perheneuvola uudistettu" in response.content.decode()
    assert "Perheneuvola uudistettu" in get(client, library.url)[0].content.decode()


def test_fresh_after_unpublish(client, model, library):
    get(client, model.url)
    get(client, library.url)
    model.get_latest_revision_as_object().unpublish()
    assert get(client, model.url)[0].status_code == 404
    assert "Perheneuvola" not in get(client, library.url)[0].content.decode()


def test_fresh_after_move(client, model, library):
    target = OperatingModelPageFactory(parent=library, title="Kehittämishanke")  # any page may hold children
    target.save_revision().publish()
    old_url = model.url
    assert get(client, old_url)[0].status_code == 200
    model.move(target, pos="last-child")
    model.refresh_from_db()
    moved = get(client, old_url)[0]
    assert (moved.status_code, moved.get("Location")) == (301, model.url)  # Wagtail's redirect
    assert get(client, model.url)[0].status_code == 200


def test_fresh_after_a_translation_is_published(client, model):
    swedish = Locale.objects.get(language_code="sv")
    translation = model.copy_for_translation(swedish, copy_parents=True)
    translation.save_revision().publish()
    library_sv = translation.get_parent().specific
    assert "Perheneuvola" in get(client, library_sv.url)[0].content.decode()
    publish_title(translation, "Familjerådgivning")
    response, state = get(client, translation.url)
    assert "Familjerådgivning" in response.content.decode()
    assert "Familjerådgivning" in get(client, library_sv.url)[0].content.decode()


def test_nothing_is_cached_for_a_signed_in_editor(client, model):
    editor = User.objects.create_superuser("editor", password="x")
    client.force_login(editor)
    for _ in range(2):
        response, state = get(client, model.url)
        assert response.status_code == 200 and state is None
        assert "public" not in response.get("Cache-Control", "")
    publish_title(model, "Perheneuvola luonnos")
    client.logout()
    # The editor's page was not stored for anonymous visitors either.
    assert "Perheneuvola luonnos" in get(client, model.url)[0].content.decode()


def test_search_and_previews_are_not_cached(client, model):
    for url in ("/fi/search/?q=perheneuvola", f"/admin/pages/{model.pk}/edit/preview/"):
        client.get(url)
        assert client.get(url).headers.get("X-Page-Cache") is None


def test_a_model_page_with_its_forms_is_one_cached_page_for_every_anonymous_visitor(model):
    OperatingModelAuthor.objects.create(page=model, name="Tekijä", email="tekija@example.fi")
    first = Client().get(model.url)
    html = first.content.decode()
    assert 'id="contact"' in html and "follow-form" in html and "compare-add" in html
    assert "csrfmiddlewaretoken" not in html and not first.cookies
    second = Client().get(model.url)  # another visitor, no cookies
    assert (first.headers["X-Page-Cache"], second.headers["X-Page-Cache"]) == ("miss", "hit")


def test_a_page_with_a_csrf_token_is_never_stored(model):
    propose = reverse("adoption:propose", args=[model.pk])
    for _ in range(2):
        response = Client().get(propose)
        assert "csrfmiddlewaretoken" in response.content.decode()
        assert response.headers.get("X-Page-Cache") is None
