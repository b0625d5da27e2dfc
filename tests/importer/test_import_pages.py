"""``import_descriptions`` turns the seed documents into pages of the right types with their fields."""

import datetime
import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Page

from articles.models import ArticlePage
from models_library.models import DevelopmentEntityPage, DevelopmentStage, OperatingModelPage
from tests.conftest import SEED_ARTICLES, SEED_ENTITY, SEED_MODEL, SEEDS

pytestmark = pytest.mark.django_db


def run_import(*paths, **options):
    out, err = StringIO(), StringIO()
    call_command("import_descriptions", *map(str, paths), stdout=out, stderr=err, **options)
    return out.getvalue(), err.getvalue()


def names(queryset):
    return [item.name for item in queryset.order_by("name")]


def test_seed_003_lands_in_the_operating_model_fields():
    run_import(SEED_MODEL, publish=True)
    page = OperatingModelPage.objects.get()
    assert page.live
    assert page.title == "Kasvatus- ja perheneuvontatyön kehittäminen Etelä-Savossa"
    assert page.short_description.startswith("Kasvatus- ja perheneuvontapalveluiden kehittäminen")
    assert page.short_description.endswith("yhtenevät käytänteet ja asiakasohjaus.")
    assert page.implementation_place == "Etelä-Savon hyvinvointialue"
    assert page.organisation.name == "Etelä-Savon hyvinvointialue"  # the county that implements it
    assert [(area.slug, area.kind) for area in page.areas.all()] == [("etela-savo", "county")]
    assert [funder.slug for funder in page.funders.all()] == ["stm"]
    assert [author.name for author in page.authors.all()] == ["Taina Paananen"]
    assert page.created_date == datetime.date(2023, 12, 11)
    assert page.modified_date == datetime.date(2024, 1, 5)
    assert page.development_stage == DevelopmentStage.READY

    sections = {child.block_type: child.value for child in page.body}
    assert list(sections) == [
        "core_idea",
        "operating_environment",
        "target_group",
        "conditions",
        "evaluation",
        "dependencies",
        "tips",
    ]
    assert "matalan kynnyksen peruspalveluksi" in sections["core_idea"].source
    assert "Tulevaisuuden sotekeskus-ohjelmassa" in sections["operating_environment"].source
    assert sections["target_group"].source == "<p>Etelä-Savon lapsiperheet</p>"
    assert "Esitteet" in sections["conditions"]["items"]
    perspectives = sections["evaluation"]["perspectives"]
    assert [p["perspective"] for p in perspectives] == ["clients", "staff", "organisation", "long_term"]
    assert "palvelua saa melko nopealla aikataululla" in perspectives[0]["findings"]
    assert "yhteinen tiimityön malli" in perspectives[1]["findings"]
    assert any("THL:n ohjeistuksen" in finding for finding in perspectives[2]["findings"])
    assert any("lastensuojelu" in finding for finding in perspectives[3]["findings"])
    assert "asiakasohjaus" in [item["name"] for item in sections["dependencies"]["items"]]
    assert any("walk in palveluna" in tip for tip in sections["tips"]["items"])


def test_seed_000_lands_in_the_development_entity_fields():
    run_import(SEED_ENTITY, publish=True)
    page = DevelopmentEntityPage.objects.get()
    assert page.title == "Vauva-ja väkivaltatyötä tulevaisuuden sotekeskuksiin"
    assert (page.start_date, page.end_date) == (datetime.date(2022, 1, 1), datetime.date(2024, 12, 31))
    assert [funder.slug for funder in page.funders.all()] == ["stea"]
    assert page.contact_name == "Tiina Palviainen"
    assert page.contact_email == "tiina.palviainen@etkl.fi"
    assert page.contact_organisation.name == "Ensi- ja turvakotien liitto ry"
    assert sorted(area.slug for area in page.areas.all()) == sorted(
        ["paijat-hame", "vantaa-kerava", "keski-pohjanmaa", "lappi", "etela-savo"]
    )
    assert all(area.kind == "county" for area in page.areas.all())
    assert page.created_date == datetime.date(2022, 10, 4)
    assert page.modified_date == datetime.date(2023, 1, 10)
    goals = [goal.value for goal in page.main_goals]
    assert len(goals) == 2
    assert [activity["start_year"] for activity in goals[0]["activities"]] == [2022, 2023, 2024]
    assert "Sote- ja perhekeskuksissa toimivat julkisen puolen ammattilaiset" in goals[0]["target_groups"]
    assert "Tuotokset ja tulokset" in page.expected_results
    assert "Yhteensovitettu toiminta" in page.impacts


def test_free_form_documents_become_articles_with_their_text_intact():
    run_import(*SEED_ARTICLES, publish=True)
    titles = set(ArticlePage.objects.live().values_list("title", flat=True))
    assert titles == {
        "Perhekeskuskehittämistä monitoimijaisella yhteistyöllä",
        "Yhteistyöllä perheiden hyvinvointia",
        "Perhekeskus ja varhainen tuki arjessa",
    }
    article = ArticlePage.objects.get(title="Perhekeskus ja varhainen tuki arjessa")
    text = article.intro + " ".join(block.value.source for block in article.body)
    assert "Perhekeskusajokortti toteutetaan keväällä yhteistyössä eOppivan kanssa." in text
    assert "sami.luoto@varha.fi" in text
    assert "Sami Luoto<br>projektipäällikkö<br>" in text  # the lines of a contact block stay lines
    assert "Hyppää pääsisältöön" not in text


def test_importing_the_same_file_again_updates_the_page():
    run_import(SEED_MODEL, publish=True)
    first = OperatingModelPage.objects.get()
    out, _ = run_import(SEED_MODEL, publish=True)
    assert "päivitettiin toimintamalli" in out
    assert OperatingModelPage.objects.count() == 1
    assert OperatingModelPage.objects.get().pk == first.pk


def test_a_reimport_updates_changed_content(tmp_path):
    changed = tmp_path / SEED_MODEL.name
    changed.write_text(SEED_MODEL.read_text().replace("Taina Paananen", "Taina Paananen, Eeva Esimerkki"))
    run_import(SEED_MODEL, publish=True)
    run_import(changed, publish=True)
    page = OperatingModelPage.objects.get()
    assert [author.name for author in page.authors.all()] == ["Taina Paananen", "Eeva Esimerkki"]


def test_pages_are_drafts_unless_published():
    run_import(SEED_MODEL)
    page = OperatingModelPage.objects.get()
    assert not page.live
    assert page.has_unpublished_changes


def test_a_broken_file_is_reported_and_the_others_still_import(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    binary = tmp_path / "broken.txt"
    binary.write_bytes(b"\xff\xfe\x00\x81 not text")
    err = StringIO()
    with pytest.raises(CommandError, match="2 tiedostoa ei voitu tuoda"):
        call_command("import_descriptions", str(empty), str(SEED_MODEL), str(binary), stdout=StringIO(), stderr=err)
    assert "empty.txt" in err.getvalue() and "empty" in err.getvalue()
    assert "broken.txt" in err.getvalue() and "UTF-8" in err.getvalue()
    assert OperatingModelPage.objects.count() == 1


def test_an_unknown_label_is_kept_and_reported(tmp_path):
    source = SEED_MODEL.read_text().replace(
        "Vinkit toimintamallin soveltajille",
        "Mittarit\n\nAsiakastyytyväisyyskysely kahdesti vuodessa.\n\nVinkit toimintamallin soveltajille",
    )
    path = tmp_path / "mittarit.txt"
    path.write_text(source)
    out, _ = run_import(path)
    assert "Mittarit" in out
    page = OperatingModelPage.objects.get().get_latest_revision_as_object()
    extra = [child.value for child in page.body if child.block_type == "extra"]
    assert extra[0]["heading"] == "Mittarit"
    assert "Asiakastyytyväisyyskysely kahdesti vuodessa." in extra[0]["text"].source


def test_a_national_description_without_required_sections_is_published_and_reported(tmp_path):
    path = tmp_path / "keskenerainen.txt"
    path.write_text(
        "Toimintamallin nimi\nKeskeneräinen malli\n\nToimintamallin lyhyt kuvaus\nLyhyt kuvaus.\n\n"
        "Ratkaisun perusidea\n\nPerusidea.\n"
    )
    out, _ = run_import(path, publish=True)
    assert "puuttuvat osiot: Toimintaympäristö, Kohderyhmä ja asiakasymmärrys" in out
    assert OperatingModelPage.objects.get().live


def test_dry_run_json_prints_the_fields_and_writes_nothing():
    pages_before = Page.objects.count()
    out, _ = run_import(SEED_MODEL, SEED_ENTITY, dry_run=True, json=True)
    data = json.loads(out)
    assert [item["kind"] for item in data] == ["operating_model", "development_entity"]
    assert data[0]["funders"] == ["Sosiaali- ja terveysministeriö (STM)"]
    assert data[0]["development_stage"] == "Valmis"
    assert data[1]["operating_period"]["start"] == "2022-01-01"
    assert Page.objects.count() == pages_before


def test_a_model_is_connected_to_the_entity_it_names(tmp_path):
    run_import(SEED_ENTITY, publish=True)
    path = tmp_path / "malli.txt"
    path.write_text(
        SEED_MODEL.read_text().replace(
            "Tekijä\n",
            "Toimintamallin kokonaisuus\nVauva-ja väkivaltatyötä tulevaisuuden sotekeskuksiin\n\nTekijä\n",
        )
    )
    run_import(path, publish=True)
    entity = DevelopmentEntityPage.objects.get()
    assert OperatingModelPage.objects.get().development_entity == entity
    assert list(entity.live_operating_models()) == [OperatingModelPage.objects.get()]


def test_the_whole_seed_directory_imports_as_the_demo_content():
    out, _ = run_import(SEEDS, publish=True)
    assert out.count("✓") == 5
    assert OperatingModelPage.objects.live().count() == 1
    assert DevelopmentEntityPage.objects.live().count() == 1
    assert ArticlePage.objects.live().count() == 3
