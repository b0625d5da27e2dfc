"""The model page's pieces that every visitor without a session sees (its basic information, description,
related models, lineage and adoptions, language versions, breadcrumbs, structured data) come from the cache
under the content generation: a page rendered past the page cache costs the same few queries whatever it
shows, and every change that could alter a piece shows at once."""

from types import SimpleNamespace

import pytest
from django.contrib.auth.models import User
from wagtail.models import Locale

import search.related
from adoption.models import Adoption, AdoptionStatus, ModerationState
from models_library.models import OperatingModelPage
from taxonomy.models import Area, Theme
from tests.production.test_cost import queries, themed_model

pytestmark = pytest.mark.django_db

# The routing (site, locale, the page tree), the view restrictions, the site texts and the navigation.
MAX_QUERIES = 12
FACTS = "components/classification_row.html"  # rendered only when the basic information is not cached


def uncached(page):
    return page.url + "?uncached=1"  # past the page cache (a parameter it does not key on)


def view(client, page):
    response = client.get(uncached(page))
    assert response.status_code == 200
    return response, response.content.decode().replace("\u00ad", "")  # without the titles' soft hyphens


def rendered_pieces(response):
    return any(template.name == FACTS for template in response.templates)


def adopt(page, count):
    counties = list(Area.objects.filter(locale__language_code="fi", kind=Area.Kind.COUNTY))
    Adoption.objects.bulk_create(
        Adoption(
            operating_model=page,
            organisation=f"Organisaatio {n}",
            area=counties[n % len(counties)],
            status=AdoptionStatus.USES,
            moderation_state=ModerationState.APPROVED,
        )
        for n in range(count)
    )


def test_a_model_page_costs_the_same_few_queries_with_1_or_50_adoptions_and_neighbours(client, library):
    small = themed_model(library, "Perheneuvola")
    themed_model(library, "Perhekeskus")
    adopt(small, 1)
    large = themed_model(library, "Perhekeskuksen tiimi")
    for n in range(50):
        themed_model(library, f"Malli {n}")
    adopt(large, 50)
    html = view(client, large)[1]
    assert html.count("Organisaatio ") == 50 and html.count('class="card"') == 4
    assert "Perheneuvola" in view(client, small)[1]
    assert queries(client, small.url) == queries(client, large.url) <= MAX_QUERIES


def test_the_pieces_come_from_the_cache_and_the_visitors_own_button_does_not(client, library):
    page = themed_model(library, "Perheneuvola")
    first, first_html = view(client, page)
    second = client.get(page.url + "?uncached=2")
    assert rendered_pieces(first) and not rendered_pieces(second)
    html = second.content.decode().replace("\u00ad", "")
    assert html.replace("uncached=2", "uncached=1") == first_html
    assert 'name="next" value="/fi/toimintamallit/perheneuvola/?uncached=2"' in html


def test_fresh_after_the_page_is_published(client, library):
    page = themed_model(library, "Perheneuvola")
    view(client, page)
    revision = page.get_latest_revision_as_object()
    revision.title = "Perheneuvola uudistettu"
    revision.implementation_place = "Mikkelin perheneuvola"
    revision.save_revision().publish()
    response, html = view(client, page)
    assert rendered_pieces(response)
    assert "<h1>Perheneuvola uudistettu</h1>" in html and "Mikkelin perheneuvola" in html
    assert '<a href="/fi/toimintamallit/perheneuvola/" aria-current="page">Perheneuvola uudistettu</a>' in html
    assert '"name": "Perheneuvola uudistettu"' in html  # the structured data


def test_fresh_after_a_related_model_is_published(client, library):
    page = themed_model(library, "Perheneuvola")
    neighbour = themed_model(library, "Perhekeskus")
    assert "Perhekeskus</a>" in view(client, page)[1]
    revision = neighbour.get_latest_revision_as_object()
    revision.title = "Perhekeskuksen tiimi"
    revision.save_revision().publish()
    assert "Perhekeskuksen tiimi</a>" in view(client, page)[1]
    neighbour.unpublish()
    assert "Perhekeskuksen tiimi" not in view(client, page)[1]


def test_fresh_when_the_worker_stores_the_related_models_after_the_publication(client, library, monkeypatch):
    """The worker refreshes the stored lists after the publication started its new generation, and a view in
    between kept the page's pieces with the old list."""
    page = themed_model(library, "Perheneuvola")
    waiting, worker = [], search.related.refresh_related
    monkeypatch.setattr(search.related, "refresh_related", SimpleNamespace(enqueue=waiting.append))
    themed_model(library, "Perhekeskus")
    assert "Perhekeskus" not in view(client, page)[1]
    for page_id in waiting:
        worker.call(page_id)
    assert "Perhekeskus</a>" in view(client, page)[1]


def test_fresh_after_a_classification_changes(client, library):
    page = themed_model(library, "Perheneuvola")
    assert "<li>Perhekeskukset</li>" in view(client, page)[1]
    theme = Theme.objects.get(slug="perhekeskukset", locale__language_code="fi")
    theme.name = "Perhekeskustoiminta"
    theme.save()
    html = view(client, page)[1]
    assert "<li>Perhekeskustoiminta</li>" in html and '"keywords": ["Perhekeskustoiminta"]' in html


def test_fresh_after_adoptions_are_recorded(client, library):
    page = themed_model(library, "Perheneuvola")
    assert "Organisaatio 0" not in view(client, page)[1]
    adopt(page, 1)
    Adoption.objects.get().save()  # as the admin or the proposal's approval saves it
    assert "Organisaatio 0" in view(client, page)[1]


def test_fresh_after_a_translation_is_published(client, library):
    page = themed_model(library, "Perheneuvola")
    assert "inte översatt ännu" in view(client, page)[1]
    swedish = page.copy_for_translation(Locale.objects.get(language_code="sv"), copy_parents=True)
    swedish.title = "Familjerådgivning"
    swedish.save_revision().publish()
    html = view(client, page)[1]
    assert "inte översatt ännu" not in html
    assert f'<a href="{swedish.url}" hreflang="sv">Svenska</a>' in html
    assert f'<link rel="alternate" hreflang="sv" href="{swedish.full_url}">' in html
    assert "<title>Familjerådgivning" in client.get(uncached(swedish)).content.decode()


def test_a_signed_in_editor_gets_the_pieces_rendered_for_them(client, library):
    page = themed_model(library, "Perheneuvola")
    assert "Kerro, että käytätte mallia" in view(client, page)[1]
    client.force_login(User.objects.create_superuser("editor", password="x"))
    responses = [view(client, page) for _ in range(2)]
    assert all(rendered_pieces(response) for response, _ in responses)
    assert all("Lisää käyttöönotto" in html for _, html in responses)
    client.logout()
    assert "Kerro, että käytätte mallia" in view(client, page)[1]


def test_a_preview_is_never_taken_from_nor_kept_in_the_cache(client, library):
    page = themed_model(library, "Perheneuvola")
    view(client, page)
    client.force_login(User.objects.create_superuser("editor", password="x"))
    draft = OperatingModelPage.objects.get(pk=page.pk)
    draft.implementation_place = "Luonnoksen paikka"
    draft.save_revision()
    preview = client.get(f"/admin/pages/{page.pk}/revisions/{draft.latest_revision_id}/view/")
    assert "Luonnoksen paikka" in preview.content.decode()
    client.logout()
    assert "Luonnoksen paikka" not in view(client, page)[1]
