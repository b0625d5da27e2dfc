"""Lineage: a model derived from another links to it, and the other lists it."""

import pytest
from django.urls import reverse

from adoption.models import Adoption, AdoptionStatus
from tests.factories import OperatingModelPageFactory

from .conftest import area

pytestmark = pytest.mark.django_db


@pytest.fixture
def derived(library, model_page):
    page = OperatingModelPageFactory(
        parent=library,
        title="Perheneuvo Kainuussa",
        derived_from=model_page,
        derivation_changes="Etävastaanotto harvaan asutulle alueelle.",
    )
    page.save_revision().publish()
    return page


def test_lineage_is_shown_both_ways(client, model_page, derived):
    derived_html = client.get(derived.url).content.decode()
    assert f'Pohjana: <a href="{model_page.url}">Perheneuvo</a>' in derived_html
    assert "Etävastaanotto harvaan asutulle alueelle." in derived_html
    source_html = client.get(model_page.url).content.decode()
    assert "Tästä mallista on johdettu" in source_html
    assert f'<a href="{derived.url}">Perheneuvo Kainuussa</a>' in source_html


def test_an_unpublished_derived_model_is_not_listed(client, model_page, derived):
    derived.unpublish()
    assert "Tästä mallista on johdettu" not in client.get(model_page.url).content.decode()


def test_the_adoption_view_shows_what_a_model_is_based_on(client, model_page, derived):
    Adoption.objects.create(
        operating_model=derived, status=AdoptionStatus.USES, organisation="Kainuu", area=area("Kainuun hyvinvointialue")
    )
    html = client.get(reverse("adoption:overview")).content.decode()
    by_model = html.split('id="by-model"')[1]
    assert f'<a href="{derived.url}">Perheneuvo Kainuussa</a>' in by_model
    assert f'<a href="{model_page.url}">Perheneuvo</a>' in by_model
