"""Search results and adoptions as CSV and JSON, with the same filters as the page."""

import csv
import io

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from adoption.models import Adoption
from tests.search_page.test_search_page import catalogue, search  # noqa: F401  (fixture and helper)
from tests.searching import titles

from .conftest import area

pytestmark = pytest.mark.django_db


def csv_rows(response):
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))


@pytest.mark.parametrize(
    "filters", [{"q": "perhekeskus"}, {"q": "perhekeskus", "area": "etela-savo"}, {"type": "model"}]
)
def test_csv_rows_equal_the_filtered_listing(client, catalogue, filters):  # noqa: F811
    listing = titles(search(client, **filters))
    rows = csv_rows(search(client, **filters, format="csv"))
    assert [row["title"] for row in rows] == listing
    assert [row["title"] for row in search(client, **filters, format="json").json()["results"]] == listing
    assert all(row["url"].startswith(f"{settings.SITE_URL}/fi/") and row["language"] == "fi" for row in rows)


def test_the_search_page_links_to_its_exports_with_the_same_filters(client, catalogue):  # noqa: F811
    html = search(client, q="perhekeskus", area="etela-savo").content.decode()
    assert 'href="/fi/search/?q=perhekeskus&amp;area=etela-savo&amp;format=csv"' in html
    assert "Lataa nämä tulokset" in html


def test_the_adoption_view_exports_its_filtered_rows_as_csv_and_json(client, model_page):
    for name, status in (("Juva", "uses"), ("Enonkoski", "pilots"), ("Kainuun hyvinvointialue", "uses")):
        Adoption.objects.create(operating_model=model_page, status=status, organisation=name, area=area(name))
    with translation.override("fi"):
        url = reverse("adoption:overview")
    listing = client.get(url, {"status": "uses"}).content.decode()
    assert "2 kirjattua toimintamallien käyttöönottoa" in listing
    assert 'href="?status=uses&amp;format=csv"' in listing
    rows = csv_rows(client.get(url, {"status": "uses", "format": "csv"}))
    assert [(row["organisation"], row["county"], row["status"]) for row in rows] == [
        ("Juva", "Etelä-Savon hyvinvointialue", "uses"),
        ("Kainuun hyvinvointialue", "Kainuun hyvinvointialue", "uses"),
    ]
    data = client.get(url, {"status": "uses", "format": "json"}).json()
    assert data["count"] == 2 and data["adoptions"] == rows
