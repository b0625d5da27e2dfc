"""Permanent addresses survive renames and moves and follow the visitor's language; the citation line,
BibTeX and RIS point to them; the licence is shown on every description."""

import datetime

import pytest
from django.test import override_settings
from wagtail.models import Locale

from models_library.models import ModelLibraryPage

from .conftest import parse_html

pytestmark = pytest.mark.django_db


def test_the_permanent_address_survives_a_rename_and_a_move(pages, client, library):
    page = pages["mikkeli"]
    address = f"/m/{page.pk}/"
    assert client.get(address).headers["Location"] == page.url

    page.title, page.slug = "Perhekeskus Mikkelissä ja Juvalla", "perhekeskus-mikkeli-juva"
    page.save_revision().publish()
    assert client.get(address).headers["Location"] == "/fi/toimintamallit/perhekeskus-mikkeli-juva/"

    archive = ModelLibraryPage(title="Arkisto", slug="arkisto")
    library.get_parent().add_child(instance=archive)
    page.move(archive, pos="last-child")
    response = client.get(address)
    assert response.status_code == 302
    assert response.headers["Location"] == "/fi/arkisto/perhekeskus-mikkeli-juva/"
    assert client.get(response.headers["Location"]).status_code == 200


def test_the_permanent_address_leads_to_the_visitors_language(site, client):
    model = site["seed_model"]
    swedish = model.get_translation(Locale.objects.get(language_code="sv"))
    address = f"/m/{model.pk}/"
    assert client.get(address, HTTP_ACCEPT_LANGUAGE="sv").headers["Location"] == swedish.url
    assert client.get(address, HTTP_ACCEPT_LANGUAGE="fi").headers["Location"] == model.url
    # The Swedish page's own id leads there too; an untranslated page falls back to Finnish.
    assert client.get(f"/m/{swedish.pk}/", HTTP_ACCEPT_LANGUAGE="fi").headers["Location"] == model.url
    mikkeli = site["mikkeli"]
    assert client.get(f"/m/{mikkeli.pk}/", HTTP_ACCEPT_LANGUAGE="sv").headers["Location"] == mikkeli.url
    # The Swedish page cites the Finnish page's permanent address, in Swedish.
    text = parse_html(client.get(swedish.url)).xpath('//p[@id="citation-text"]')[0].text_content()
    day = model.modified_date
    assert text == (
        f"Taina Paananen. {swedish.title}. Verksamhetsmodellbiblioteket, uppdaterad {day.day}.{day.month}.{day.year}. "
        f"http://127.0.0.1:8000/m/{model.pk}/"
    )


def test_drafts_restricted_pages_and_other_pages_have_no_permanent_address(pages, client, library):
    for page_id in (pages["draft"].pk, pages["restricted"].pk, library.pk, 999_999):
        assert client.get(f"/m/{page_id}/").status_code == 404
        assert client.get(f"/fi/cite/{page_id}.ris").status_code == 404


def test_the_citation_line_on_a_description(pages, client):
    page = pages["mikkeli"]
    page.modified_date = datetime.date(2024, 6, 24)
    page.save_revision().publish()
    tree = parse_html(client.get(page.url))
    (line,) = tree.xpath('//p[@id="citation-text"]')
    assert line.text_content() == (
        f"Maija Meikäläinen. Perhekeskus Mikkelissä. Toimintamallikirjasto, päivitetty 24.6.2024. "
        f"http://127.0.0.1:8000/m/{page.pk}/"
    )
    licence = tree.xpath('//a[@rel="license"]')
    assert [(link.text, link.get("href")) for link in licence] == [
        ("CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/")
    ]
    (button,) = tree.xpath('//button[@data-copy-citation="citation-text"]')
    assert button.text == "Kopioi viittaus"
    assert tree.xpath('//script[@src="/static/opendata/citation.js"]')
    entity = parse_html(client.get(pages["entity"].url))
    assert entity.xpath('//p[@id="citation-text"]') and entity.xpath('//a[@rel="license"]')


def test_ris_and_bibtex_downloads(pages, client):
    page = pages["mikkeli"]
    page.modified_date = datetime.date(2024, 6, 24)
    page.save_revision().publish()
    ris = client.get(f"/fi/cite/{page.pk}.ris")
    assert ris["Content-Type"].startswith("application/x-research-info-systems")
    assert ris["Content-Disposition"] == f'attachment; filename="toimintamallikirjasto{page.pk}.ris"'
    fields = [line.split("  - ", 1) for line in ris.content.decode().splitlines()]
    assert fields[0] == ["TY", "ELEC"]
    assert ["AU", "Maija Meikäläinen"] in fields
    assert ["TI", "Perhekeskus Mikkelissä"] in fields
    assert ["DA", "2024/06/24"] in fields
    assert ["UR", f"http://127.0.0.1:8000/m/{page.pk}/"] in fields
    assert fields[-1] == ["ER", ""]

    bibtex = client.get(f"/fi/cite/{page.pk}.bib").content.decode()
    assert bibtex.startswith(f"@misc{{toimintamallikirjasto{page.pk},\n")
    assert "  title = {Perhekeskus Mikkelissä},\n" in bibtex
    assert "  year = {2024},\n" in bibtex
    assert "  note = {Päivitetty 24.6.2024},\n" in bibtex


@override_settings(CONTENT_LICENSE={"name": "CC0 1.0", "url": "https://creativecommons.org/publicdomain/zero/1.0/"})
def test_the_licence_comes_from_the_settings(pages, client):
    tree = parse_html(client.get(pages["mikkeli"].url))
    assert tree.xpath('//a[@rel="license"]/text()') == ["CC0 1.0"]
    assert client.get(f"/api/v2/pages/{pages['mikkeli'].pk}/").json()["license"]["name"] == "CC0 1.0"
