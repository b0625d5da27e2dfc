"""The adoption kit: a PDF with every section, the metadata, the adoption count, the address and date."""

import io
from unittest import mock

import pytest
from django.urls import reverse
from django.utils import translation
from pypdf import PdfReader
from wagtail.rich_text import RichText

from adoption.models import Adoption, AdoptionStatus

from .conftest import area

pytestmark = pytest.mark.django_db

SECTIONS = [
    "Ratkaisun perusidea",
    "Toimintaympäristö",
    "Kohderyhmä ja asiakasymmärrys",
    "Toimivuuden ja käyttöönoton ehdot",
    "Arvioinnin tulokset tiivistettynä",
    "Riippuvuudet",
    "Vinkit toimintamallin soveltajille",
]


def kit_url(page):
    with translation.override("fi"):
        return reverse("adoption:kit", args=[page.pk])


def pdf_text(response):
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


def test_the_kit_holds_every_section_the_metadata_and_the_adoptions(client, model_page):
    Adoption.objects.create(
        operating_model=model_page, status=AdoptionStatus.USES, organisation="Juva", area=area("Juva")
    )
    assert kit_url(model_page) in client.get(model_page.url).content.decode()
    text = pdf_text(client.get(kit_url(model_page)))
    assert "Perheneuvo" in text
    for heading in SECTIONS + ["Perheneuvo kokoaa yhteydenotot yhteen paikkaan.", "Aloita pienestä"]:
        assert heading in text, heading
    assert "Taina Paananen" in text and "Etelä-Savon hyvinvointialue" in text
    assert "1 kirjattu käyttöönotto" in text and "1 hyvinvointialueella" in text
    assert f"http://testserver{model_page.url}" in text
    assert "Tulostettu" in text


def test_the_kit_is_cached_until_the_page_changes(client, model_page):
    with mock.patch("adoption.kit.render_pdf", return_value=b"%PDF-1.7 cached") as render:
        client.get(kit_url(model_page))
        client.get(kit_url(model_page))
        assert render.call_count == 1
        model_page.title = "Perheneuvo 2"
        model_page.save_revision().publish()
        client.get(kit_url(model_page))
        assert render.call_count == 2


def test_the_kit_holds_the_development_path(client, model_page):
    model_page.development_path = [
        ("understand", {"need": RichText("<p>Vanhemmat eivät löytäneet apua ilman lähetettä.</p>")}),
    ]
    model_page.save_revision().publish()
    text = pdf_text(client.get(kit_url(model_page)))
    assert "Kehittämisen polku" in text and "Oivalla ja ymmärrä" in text
    assert "Vanhemmat eivät löytäneet apua ilman lähetettä." in text
