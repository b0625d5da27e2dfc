"""The national site's real shapes: labels with the required marker, the 2024–25 layout, development
path views, and descriptions published nationally without every section this site requires."""

import datetime
import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page
from wagtail_localize.models import StringSegment, TranslationSource

from demo.users import DEMO_PASSWORD, create_demo_users
from importer.parser import parse_file
from models_library.models import OperatingModelPage
from tests.models_library.test_admin import CORE_SECTIONS, operating_model_data

FIXTURES = Path(__file__).resolve().parent / "fixtures"
PERHETUPA = "Perhetupa – kohtaamispaikka lapsiperheille"


def run_import(*paths, **options):
    out, err = StringIO(), StringIO()
    call_command("import_descriptions", *map(str, paths), stdout=out, stderr=err, **options)
    return out.getvalue(), err.getvalue()


def test_labels_with_the_required_marker_in_any_case_land_in_their_own_sections():
    data = parse_file(FIXTURES / "malli_tahdet.txt")
    assert list(data["sections"]) == [
        "core_idea",
        "operating_environment",
        "target_group",
        "conditions",
        "evaluation",
        "dependencies",
        "tips",
    ]
    assert data["short_description"].startswith("Perheneuvojan ajanvarauksettomat")
    assert data["sections"]["operating_environment"] == [
        "Malli toimii Pohjois-Savon hyvinvointialueen sotekeskuksissa osana perhekeskuksen palveluja."
    ]
    assert data["sections"]["conditions"]["items"][0] == "Perheneuvojan työaika sotekeskukselle"
    assert data["unknown_labels"] == ["Yhteistyökumppanit"]
    assert "**" not in json.dumps(data, ensure_ascii=False)


def test_the_2024_layout_with_repeated_labels_several_funders_and_no_author():
    data = parse_file(FIXTURES / "malli_2024.txt")
    assert data["title"] == PERHETUPA
    assert (data["created"], data["modified"]) == ("2024-06-24", "2025-01-07")
    assert data["funders"] == [
        "Sosiaali- ja terveysministeriö (STM)",
        "Sosiaali- ja terveysjärjestöjen avustuskeskus (STEA)",
        "Muu EU-rahoitus",
    ]
    assert data["authors"] == []
    assert data["extra_sections"] == [] and data["warnings"] == []
    assert data["source_url"] == "https://innokyla.fi/fi/toimintamalli/perhetupa-kohtaamispaikka-lapsiperheille"


def test_a_development_path_view_is_read_into_its_parts_and_sections():
    data = parse_file(FIXTURES / "polku_perhetupa.txt")
    assert data["kind"] == "development_path"
    assert data["title"] == PERHETUPA
    assert data["source_url"] == "https://innokyla.fi/fi/toimintamalli/perhetupa-kohtaamispaikka-lapsiperheille"
    understand = data["parts"]["understand"]
    assert list(understand) == ["need", "operating_environment", "target_group", "starting_point"]
    assert ["h", "Nykytila kunnissa"] in understand["operating_environment"]
    assert understand["starting_point"][-2:] == [
        ["h", "Strategiset liittymäkohdat"],
        [
            "ol",
            [
                "Hyvinvointialueen strategia 2023–2025",
                "Lasten ja nuorten hyvinvointisuunnitelma",
                "Tulevaisuuden sotekeskus -ohjelma",
            ],
        ],
    ]


@pytest.mark.django_db
def test_the_directory_imports_with_paths_attached_and_a_report_per_file(client):
    out, _err = run_import(FIXTURES, publish=True)

    model = OperatingModelPage.objects.get(title=PERHETUPA)
    assert model.live and [part.block_type for part in model.development_path] == ["intro", "understand"]
    starting_point = model.development_path[1].value["starting_point"].source
    assert "<h4>Strategiset liittymäkohdat</h4><ol><li>Hyvinvointialueen strategia 2023–2025</li>" in starting_point
    path_only = OperatingModelPage.objects.get(title="Isien vertaisilta")
    assert not path_only.live and len(path_only.body) == 0 and path_only.development_path

    assert "polku_perhetupa.txt: päivitettiin kehittämisen polku" in out
    assert "kehittämisen polku liitettiin toimintamalliin ”Perhetupa" in out
    assert "tuntemattomat osiot: Yhteistyökumppanit" in out
    assert "puuttuvat osiot: Toimintaympäristö, Kohderyhmä ja asiakasymmärrys, Toimivuuden ja käyttöönoton ehdot" in out
    assert out.rstrip().splitlines()[-1] == (
        "5 tiedostoa: 4 luotiin, 1 päivitettiin, 0 ohitettiin; 4 julkaistiin, 2 puutteellista."
    )

    html = client.get(model.url).content.decode()
    assert "Kehittämisen polku" in html and "Oivalla ja ymmärrä" in html and "Nykytila kunnissa" in html


@pytest.mark.django_db
def test_a_path_finds_its_model_by_address_in_a_later_run(tmp_path):
    run_import(FIXTURES / "malli_2024.txt", publish=True)
    renamed = tmp_path / "polku.txt"
    renamed.write_text((FIXTURES / "polku_perhetupa.txt").read_text().replace(PERHETUPA, "Perhetupa", 1))
    run_import(renamed, publish=True)
    model = OperatingModelPage.objects.get()
    assert model.live and model.live_revision.as_object().development_path
    # The model's own file imported again is not mistaken for an editor's edit.
    out, _err = run_import(FIXTURES / "malli_2024.txt", publish=True)
    assert "päivitettiin toimintamalli" in out and OperatingModelPage.objects.get().development_path


@pytest.mark.django_db
def test_a_model_imported_after_its_path_fills_the_path_only_draft():
    run_import(FIXTURES / "polku_perhetupa.txt")
    run_import(FIXTURES / "malli_2024.txt", publish=True)
    model = OperatingModelPage.objects.get()
    assert model.live and len(model.body) == 5 and model.development_path


@pytest.mark.django_db
def test_an_incomplete_national_description_is_published_with_its_missing_sections_marked(client):
    run_import(FIXTURES / "malli_puutteellinen.txt", publish=True)
    page = OperatingModelPage.objects.get()
    assert page.live
    html = client.get(page.url).content.decode()
    assert html.count("Ei kuvattu") == 3
    assert html.index("Ratkaisun perusidea") < html.index("Toimintaympäristö") < html.index("Vinkit toimintamallin")
    for language, text in (("sv", "Ej beskrivet"), ("en", "Not described")):
        with translation.override(language):
            assert str(translation.gettext("Not described")) == text


@pytest.mark.django_db
def test_the_incomplete_descriptions_report_lists_them_with_their_missing_sections(admin_client):
    run_import(FIXTURES / "malli_puutteellinen.txt", FIXTURES / "malli_2024.txt", publish=True)
    response = admin_client.get(reverse("incomplete_descriptions_report"), HTTP_ACCEPT_LANGUAGE="fi")
    html = response.content.decode()
    assert response.status_code == 200 and "Puutteelliset kuvaukset" in html
    assert "Vertaisryhmät eroperheille" in html and PERHETUPA not in html
    assert "Toimintaympäristö, Kohderyhmä ja asiakasymmärrys, Toimivuuden ja käyttöönoton ehdot" in html


@pytest.mark.django_db
def test_an_author_editing_an_incomplete_description_must_complete_it_to_republish(admin_client):
    run_import(FIXTURES / "malli_puutteellinen.txt", publish=True)
    page = OperatingModelPage.objects.get()
    data = operating_model_data([CORE_SECTIONS[0]], title="Vertaisryhmät, muokattu", **{"action-publish": "1"})
    data["authors-INITIAL_FORMS"] = "0"
    response = admin_client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    assert response.status_code == 200
    errors = response.context["form"].errors["body"].as_data()[0]
    assert str(errors.non_block_errors[0]).startswith(
        "Kuvausta ei voi julkaista ilman näitä osioita: Toimintaympäristö"
    )
    assert OperatingModelPage.objects.get().title == "Vertaisryhmät eroperheille"


@pytest.mark.django_db
def test_search_cards_and_json_show_the_descriptions_own_dates(client):
    run_import(FIXTURES / "malli_tahdet.txt", publish=True)
    html = client.get("/fi/search/", {"q": "perheneuvonta"}).content.decode()
    assert 'Luotu <time datetime="2023-02-03">3.2.2023</time>' in html
    assert '<time datetime="2023-11-14">14.11.2023</time>' in html
    assert datetime.date.today().strftime("%Y-%m-%d") not in html
    result = client.get("/fi/search/", {"q": "perheneuvonta", "format": "json"}).json()["results"][0]
    assert (result["created"], result["modified"]) == ("2023-02-03", "2023-11-14")


@pytest.mark.django_db
def test_dry_run_json_reports_every_file_and_writes_nothing():
    pages_before = Page.objects.count()
    out, err = run_import(FIXTURES, publish=True, dry_run=True, json=True)
    report = {item["source"]: item for item in json.loads(out)}
    assert Page.objects.count() == pages_before
    assert report["malli_tahdet.txt"]["unknown_sections"] == ["Yhteistyökumppanit"]
    assert report["malli_puutteellinen.txt"]["missing_sections"] == [
        "Toimintaympäristö",
        "Kohderyhmä ja asiakasymmärrys",
        "Toimivuuden ja käyttöönoton ehdot",
    ]
    assert report["polku_perhetupa.txt"]["kind"] == "development_path"
    assert {item["action"] for item in report.values()} == {"created"}
    assert report["malli_2024.txt"]["published"] is True
    assert err.startswith("Kokeiluajo, mitään ei tallennettu: 5 tiedostoa")


@pytest.mark.django_db
def test_authors_reach_the_report_from_the_reports_menu_and_visitors_do_not(client):
    run_import(FIXTURES / "malli_puutteellinen.txt", publish=True)
    url = reverse("incomplete_descriptions_report")
    assert client.get(url).status_code == 302
    create_demo_users()
    client.login(username="author", password=DEMO_PASSWORD)
    assert url in client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Vertaisryhmät eroperheille" in client.get(url).content.decode()


@pytest.mark.django_db
def test_a_description_never_modified_shows_its_creation_not_the_import_as_last_modified(client, tmp_path):
    path = tmp_path / "muokkaamaton.txt"
    text = (FIXTURES / "malli_puutteellinen.txt").read_text()
    path.write_text(text.replace("Viimeksi muokattu\n30.3.2023\n", ""))
    run_import(path, publish=True)
    page = OperatingModelPage.objects.get()
    assert page.last_modified == datetime.date(2022, 9, 12)
    assert "Viimeksi muokattu</dt><dd>12.9.2022" in client.get(page.url).content.decode()


@pytest.mark.django_db
def test_imported_list_items_are_offered_for_translation():
    run_import(FIXTURES / "malli_tahdet.txt")
    source, _created = TranslationSource.get_or_create_from_instance(OperatingModelPage.objects.get())
    texts = set(StringSegment.objects.filter(source=source).values_list("string__data", flat=True))
    assert {"Tila, jossa voi puhua rauhassa", "apua saa samana päivänä", "Aloita yhdestä sotekeskuksesta"} <= texts
