"""The importer on awkward input: missing parts, changed kinds, editors' edits, funder names."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Locale

from articles.models import ArticlePage
from importer.models import ImportedSource
from importer.pages import ImportResult, find_or_add, implementing_organisation, import_document
from importer.parser import parse_text
from models_library.models import DevelopmentEntityPage, OperatingModelPage
from taxonomy.models import Funder, Organisation
from tests.conftest import SEED_ENTITY, SEED_MODEL

pytestmark = pytest.mark.django_db

MODEL = (
    "Toimintamallin nimi\n{title}\n\nToimintamallin lyhyt kuvaus\n{short}\n\n"
    "Ratkaisun perusidea\n\nIdea.\n\nToimintaympäristö\n\nYmpäristö.\n\n"
    "Kohderyhmä ja asiakasymmärrys\n\nPerheet.\n\nToimivuuden ja käyttöönoton ehdot\n\n- Koulutus\n"
)


def run(*paths, **options):
    out, err = StringIO(), StringIO()
    try:
        call_command("import_descriptions", *map(str, paths), stdout=out, stderr=err, **options)
    except CommandError as error:
        return out.getvalue(), err.getvalue(), error
    return out.getvalue(), err.getvalue(), None


def test_an_entity_without_a_contact_person_imports(tmp_path):
    path = tmp_path / "kokonaisuus.txt"
    path.write_text("Kokonaisuuden nimi\nHanke ilman yhteyshenkilöä\n\nLyhyt kuvaus\nLyhyt kuvaus.\n")
    _, err, error = run(path)
    assert error is None, err
    page = DevelopmentEntityPage.objects.get()
    assert (page.contact_name, page.contact_email) == ("", "")


def test_an_invalid_description_is_reported_with_the_reason_and_the_others_import(tmp_path):
    bad = tmp_path / "ilman-kuvausta.txt"
    bad.write_text(MODEL.format(title="Malli ilman kuvausta", short=""))
    good = tmp_path / "hyva.txt"
    good.write_text(MODEL.format(title="Hyvä malli", short="Lyhyt kuvaus."))
    _, err, error = run(bad, good)
    assert str(error) == "1 tiedostoa ei voitu tuoda; muut tuotiin."
    assert "ilman-kuvausta.txt" in err
    assert [page.title for page in OperatingModelPage.objects.all()] == ["Hyvä malli"]


def test_a_file_that_changes_kind_gets_a_new_page_and_its_record_follows(tmp_path):
    path = tmp_path / "muuttuva.txt"
    path.write_text("Artikkeli muuttuu\n\nTämä on artikkelin ensimmäinen kappale, joka on riittävän pitkä.\n")
    run(path)
    path.write_text(MODEL.format(title="Artikkeli muuttuu", short="Nyt toimintamalli."))
    out, err, error = run(path)
    assert error is None, err
    assert "tehdään uusi sivu" in out
    record = ImportedSource.objects.get(source="muuttuva.txt")
    assert record.page.specific_class is OperatingModelPage
    assert ArticlePage.objects.count() == 1  # the old page stays for an editor to remove


def test_a_page_edited_in_the_admin_is_not_overwritten_without_force():
    run(SEED_MODEL)
    page = OperatingModelPage.objects.get()
    draft = page.get_latest_revision_as_object()
    draft.short_description = "Toimittajan parantama kuvaus."
    draft.save_revision()

    _, err, error = run(SEED_MODEL)
    assert error is not None
    assert "muokattu ylläpidossa edellisen tuonnin jälkeen" in err
    page.refresh_from_db()
    assert page.get_latest_revision_as_object().short_description == "Toimittajan parantama kuvaus."

    _, err, error = run(SEED_MODEL, force=True)
    assert error is None, err
    page.refresh_from_db()
    assert page.get_latest_revision_as_object().short_description.startswith("Kasvatus- ja perheneuvontapalveluiden")


@pytest.mark.parametrize(
    "name, slug",
    [
        ("Sosiaali- ja terveysministeriö (STM)", "stm"),
        ("Sosiaali- ja terveysministeriö", "stm"),
        ("STM", "stm"),
        ("Saatiot ja rahastot", "saatiot-ja-rahastot"),
    ],
)
def test_funder_names_find_the_funder_on_the_list(name, slug):
    assert find_or_add(Funder, name, ImportResult(source="x")).slug == slug
    assert Funder.objects.filter(locale__language_code="fi").count() == 6


def test_an_unknown_funder_is_added_to_the_list_and_reported():
    result = ImportResult(source="x")
    funder = find_or_add(Funder, "Jokin rahasto ()", result)
    assert funder.name == "Jokin rahasto ()"
    assert funder.slug != "ei-erillisrahoitusta"
    assert result.notes == ["uusi rahoittaja lisätty luetteloon: Jokin rahasto ()"]


def test_content_that_fails_the_sections_own_checks_stays_a_draft():
    data = parse_text(MODEL.format(title="Vaiheet ilman nimiä", short="Kuvaus."), source="vaiheet.txt")
    data["sections"]["process"] = {"steps": [{"phase": "", "description": "Tapahtuu.", "actors": "", "tools": ""}]}
    result = import_document(data, publish=True)
    assert not result.published
    assert any(note.startswith("ei julkaistu:") for note in result.notes), result.notes


def test_a_model_does_not_link_to_an_unpublished_entity(client, tmp_path):
    run(SEED_ENTITY)  # a draft
    path = tmp_path / "malli.txt"
    path.write_text(
        SEED_MODEL.read_text().replace(
            "Tekijä\n", "Toimintamallin kokonaisuus\nVauva-ja väkivaltatyötä tulevaisuuden sotekeskuksiin\n\nTekijä\n"
        )
    )
    run(path, publish=True)
    model = OperatingModelPage.objects.get()
    assert model.development_entity is not None
    html = client.get(model.url).content.decode()
    assert DevelopmentEntityPage.objects.get().url not in html


def test_the_demo_refuses_to_load_without_debug(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("load_demo", stdout=StringIO())


@pytest.mark.parametrize(
    "place, organisation",
    [
        ("Etelä-Savon hyvinvointialue", "Etelä-Savon hyvinvointialue"),
        ("Etelä-Savo", "Etelä-Savon hyvinvointialue"),  # a county by its everyday name
        ("Juva", None),  # a municipality is a place, not the implementing body
        ("Neuvolat ja perhekeskukset", None),
        ("", None),
    ],
)
def test_the_implementation_place_names_the_organisation_when_it_is_a_county(place, organisation):
    result = ImportResult(source="x")
    found = implementing_organisation(place, result)
    assert (found.name if found else None) == organisation


def test_an_organisation_made_from_a_county_has_the_countys_swedish_and_english_names():
    organisation = implementing_organisation("Etelä-Savo", ImportResult(source="x"))
    names = {
        item.locale.language_code: item.name
        for item in Organisation.objects.filter(
            pk__in=[organisation.pk, *organisation.get_translations().values_list("pk", flat=True)]
        )
    }
    assert names == {
        "fi": "Etelä-Savon hyvinvointialue",
        "sv": "Södra Savolax välfärdsområde",
        "en": "Wellbeing services county of South Savo",
    }


def test_the_implementation_place_finds_a_listed_organisation_without_adding_one():
    listed = Organisation.objects.create(locale=Locale.objects.get(language_code="fi"), name="Perhekeskus Aurinko")
    result = ImportResult(source="x")
    assert implementing_organisation(" Perhekeskus  Aurinko ", result) == listed
    assert result.notes == []
