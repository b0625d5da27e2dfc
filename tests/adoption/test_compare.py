"""Comparing operating models side by side, with the selection kept in the session."""

import json
import re

import pytest
from django.urls import reverse
from django.utils import translation

from tests.factories import OperatingModelPageFactory

pytestmark = pytest.mark.django_db


def url(name, *args):
    with translation.override("fi"):
        return reverse(f"adoption:{name}", args=args)


@pytest.fixture
def other_model(library):
    body = [
        {"type": "core_idea", "value": "<p>Kotikäynnit ennen vauvan syntymää.</p>"},
        {"type": "operating_environment", "value": "<p>Neuvolat ja perhekeskus.</p>"},
    ]
    return OperatingModelPageFactory(parent=library, title="Vauvaperhetyö", body=json.dumps(body))


def test_two_models_are_compared_section_by_section(client, model_page, other_model):
    client.post(url("compare_add", model_page.pk), {"next": model_page.url})
    response = client.post(url("compare_add", other_model.pk), {"next": other_model.url}, follow=True)
    assert "on lisätty vertailuun" in response.content.decode()
    html = client.get(url("compare")).content.decode()
    core_idea = html.split('id="compare-core_idea"')[1].split("</section>")[0]
    assert core_idea.index("Perheneuvo kokoaa yhteydenotot") < core_idea.index("Kotikäynnit ennen vauvan")
    tips = html.split('id="compare-tips"')[1].split("</section>")[0]
    assert "Aloita pienestä" in tips and "Ei kuvattu." in tips
    headings = re.findall(r'<h2 id="compare-[a-z_]+-heading">([^<]+)</h2>', html)
    assert headings[:3] == ["Ratkaisun perusidea", "Toimintaympäristö", "Kohderyhmä ja asiakasymmärrys"]


def test_the_selection_survives_navigation_and_is_limited_to_four(client, library, model_page):
    pages = [model_page] + [OperatingModelPageFactory(parent=library) for _ in range(4)]
    for page in pages:
        response = client.post(url("compare_add", page.pk), follow=True)
    assert "enintään neljää mallia" in response.content.decode()
    client.get(model_page.url)
    html = client.get(url("compare")).content.decode()
    assert html.count('class="compare__model"') == 4
    assert pages[4].title not in html
    client.post(url("compare_remove", model_page.pk))
    assert client.get(url("compare")).content.decode().count('class="compare__model"') == 3


def test_search_results_and_model_pages_offer_the_comparison(client, model_page):
    assert url("compare_add", model_page.pk) in client.get(model_page.url).content.decode()
    client.post(url("compare_add", model_page.pk))
    assert "Vertailussa: vertaa nyt" in client.get(model_page.url).content.decode()


def test_an_outside_next_address_is_not_followed(client, model_page):
    response = client.post(url("compare_add", model_page.pk), {"next": "https://evil.example/"})
    assert response.url == model_page.url
