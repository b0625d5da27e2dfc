"""Tests for the pure-Python seed file parser (no Django or database needed)."""

import datetime
import json
import re
from pathlib import Path

import pytest

from importer.parser import (
    ImportFileError,
    parse_date,
    parse_file,
    parse_text,
)

SEEDS = Path(__file__).resolve().parents[2] / "demo" / "seeds"
NOISE_MARKERS = ("Hyppää pääsisältöön", "Koko: px", "Aloita esitys", "Download", "icon/chevron", "Created with Sketch")


def seed(prefix):
    """Parse the seed file whose name starts with prefix."""
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return parse_file(path)


def words(text):
    """The set of words in a text."""
    return set(re.findall(r"\w+", text))


def dumped(result):
    """The JSON text of a result (also proves it is JSON-serialisable)."""
    return json.dumps(result, ensure_ascii=False)


def assert_no_noise(result):
    text = dumped(result)
    for marker in NOISE_MARKERS:
        assert marker not in text


OM_TEXT = """Testimalli

Toimintamallin nimi
Testimalli
Toimintamallin lyhyt kuvaus
Malli testaa jäsentäjää.

Paikkakunta, maakunta tai hyvinvointialue
{areas}
Toimintamallin rahoittaja
{funders}
Luotu
{created}
Viimeksi muokattu
{modified}

Ratkaisun perusidea

Perusidea on yksinkertainen.

Mittarit

Asiakastyytyväisyyttä seurattiin kyselyllä kerran vuodessa.

Vinkit toimintamallin soveltajille

- Aloita pienestä
- Kysy asiakkailta
"""


def om_text(areas="Valtakunnallinen", funders="STM", created="1.2.2023", modified="05.01.2024"):
    return OM_TEXT.format(areas=areas, funders=funders, created=created, modified=modified)


# --- Seed 003: operating model ------------------------------------------------------


def test_seed_003_basic_fields():
    result = seed("003")
    assert result["kind"] == "operating_model"
    assert result["source"].startswith("003_")
    assert result["title"] == "Kasvatus- ja perheneuvontatyön kehittäminen Etelä-Savossa"
    assert result["short_description"].startswith("Kasvatus- ja perheneuvontapalveluiden")
    assert result["short_description"].endswith("käytänteet ja asiakasohjaus.")
    assert result["implementation_place"] == "Etelä-Savon hyvinvointialue"
    assert result["areas"] == ["Etelä-Savon hyvinvointialue"]
    assert result["funders"] == ["Sosiaali- ja terveysministeriö (STM)"]
    assert result["authors"] == ["Taina Paananen"]
    assert result["created"] == "2023-12-11"
    assert result["modified"] == "2024-01-05"
    assert result["development_stage"] == "Valmis"
    assert result["cover_image_caption"] == "Eloisan kasvatus- ja perheneuvonta"
    assert result["development_entity"] is None
    assert result["links"] == []
    assert result["unknown_labels"] == []
    assert result["extra_sections"] == []
    assert result["warnings"] == []
    assert_no_noise(result)


def test_seed_003_title_and_description_not_duplicated():
    text = dumped(seed("003"))
    assert text.count("Kasvatus- ja perheneuvontapalveluiden kehittäminen ja koulutus") == 1


def test_seed_003_paragraph_sections():
    sections = seed("003")["sections"]
    assert set(sections) == {
        "core_idea",
        "operating_environment",
        "target_group",
        "conditions",
        "evaluation",
        "dependencies",
        "tips",
    }
    assert len(sections["core_idea"]) == 2
    assert "matalan kynnyksen" in sections["core_idea"][0]
    assert len(sections["operating_environment"]) == 2
    assert sections["operating_environment"][0].startswith("Lapsi- ja perhepalvelujen")
    assert "\u00a0" not in dumped(sections)
    assert sections["target_group"] == ["Etelä-Savon lapsiperheet"]


def test_seed_003_conditions_split_at_commas_outside_parentheses():
    conditions = seed("003")["sections"]["conditions"]
    assert conditions["intro"] == []
    assert "Esitteet" in conditions["items"]
    assert conditions["items"][0] == "Koulutukset ( systeeminen koulutus )"
    assert conditions["items"][-1] == "yhteinäiset prosessikuvaukset"
    assert len(conditions["items"]) == 5


def test_seed_003_evaluation_perspectives():
    evaluation = seed("003")["sections"]["evaluation"]
    perspectives = evaluation["perspectives"]
    assert [p["perspective"] for p in perspectives] == ["clients", "staff", "organisation", "long_term"]
    clients, staff, organisation, long_term = perspectives
    assert clients["label"] == "Asiakkaiden näkökulmasta"
    assert "palvelua saa melko nopealla aikataululla" in clients["findings"]
    assert len(clients["findings"]) == 4
    assert "yhteinen tiimityön malli" in staff["findings"]
    assert "koulutusta hankekauden aikana" in staff["findings"]
    assert "THL:n ohjeistuksen mukainen toiminnan määrittely" in organisation["findings"]
    assert len(long_term["findings"]) == 3
    assert all(p["measurement"] == "" for p in perspectives)
    assert evaluation["intro"] == []


def test_seed_003_dependencies_and_tips():
    sections = seed("003")["sections"]
    dependencies = sections["dependencies"]
    names = [item["name"] for item in dependencies["items"]]
    assert "asiakasohjaus" in names
    assert "esitteet" in names
    item = next(i for i in dependencies["items"] if i["name"].startswith("yhteistyö muiden"))
    assert item["needs"].startswith("Päätöksen teko, vastuut")
    assert dependencies["notes"][0].startswith("Kasvatus- ja perheneuvonnan pilotin arviointi")
    tips = sections["tips"]
    assert tips["items"] and tips["items"][0].startswith("Kasvatus- ja perheneuvontatyö on")
    assert "walk in palveluna" in tips["items"][0]


def test_seed_003_list_sections_lose_no_words():
    (path,) = SEEDS.glob("003_*.txt")
    original = path.read_text(encoding="utf-8")
    sections = seed("003")["sections"]
    for label, next_label, key in (
        ("Toimivuuden ja käyttöönoton ehdot", "Arvioinnin tulokset", "conditions"),
        ("Vinkit toimintamallin soveltajille", "Kansikuva", "tips"),
    ):
        start = original.index(label) + len(label)
        section_words = words(original[start : original.index(next_label, start)])
        assert len(section_words) > 10
        out = " ".join(sections[key]["intro"] + sections[key]["items"])
        assert section_words <= words(out)


# --- Seed 000: development entity ---------------------------------------------------


def test_seed_000_basic_fields():
    result = seed("000")
    assert result["kind"] == "development_entity"
    assert result["title"] == "Vauva-ja väkivaltatyötä tulevaisuuden sotekeskuksiin"
    assert result["short_description"].startswith("Hankkeessa järjestölähtöinen")
    assert result["funders"] == ["Sosiaali- ja terveysjärjestöjen avustuskeskus (STEA)"]
    assert result["operating_period"] == {
        "start": "2022-01-01",
        "end": "2024-12-31",
        "text": "Toimiaika on 1.1.2022-31.12.2024. Kehittämistyö on käynnissä.",
    }
    assert result["contact"] == {
        "name": "Tiina Palviainen",
        "organisation": "Ensi- ja turvakotien liitto ry",
        "email": "tiina.palviainen@etkl.fi",
    }
    assert result["created"] == "2022-10-04"
    assert result["modified"] == "2023-01-10"
    assert result["areas"] == ["Päijät-Häme", "Vantaa-Kerava", "Keski-Pohjanmaa", "Lappi", "Etelä-Savo"]
    assert len(result["purpose_and_goals"]) == 5
    assert result["actors"][0].startswith("Kehittämistyötä tehdään yhdessä")
    assert result["starting_point"][0].startswith("Eri tahojen osaamista")
    assert result["impacts"] and result["impacts"][0].startswith("Tulevaisuuden sote-keskuksissa")
    assert result["unknown_labels"] == []
    assert result["extra_sections"] == []
    assert result["warnings"] == []
    assert_no_noise(result)
    assert "Perustiedot" not in dumped(result)


def test_seed_000_main_goals():
    goals = seed("000")["main_goals"]
    assert len(goals) == 2
    first, second = goals
    assert first["goal"].startswith("Vauva- ja väkivaltatyön osaaminen integroituu")
    assert first["target_groups"] == [
        "Sote- ja perhekeskuksissa toimivat julkisen puolen ammattilaiset",
        "Sote- ja perhekeskusten muut toimijat",
        "Palveluketjuja pilotoivat asiakasperheet",
    ]
    assert [(a["start_year"], a["end_year"]) for a in first["activities"]] == [(2022, None), (2023, None), (2024, None)]
    assert first["activities"][0]["text"].startswith("Pilottialueilla tiivistetään")
    assert second["goal"].startswith("ETKL:n jäsenyhdistysten yhteistyö")
    assert second["target_groups"][0].startswith("ETKL:n jäsenyhdistykset")
    assert [(a["start_year"], a["end_year"]) for a in second["activities"]] == [(2022, None), (2023, 2024)]
    assert second["activities"][1]["text"].startswith("Kehittämisrakenne jatkuu")


def test_seed_000_expected_results_keep_sub_part():
    results = seed("000")["expected_results"]
    assert "Tuotokset ja tulokset" in results
    assert "Tavoite 1:" in results and "Tavoite 2:" in results
    assert any(p.startswith("Yhteiskehittäminen on aktiivista") for p in results)
    assert results[-1].startswith("ETKL:n/ pilottiyhdistysten osaaminen")
    assert not any(p.startswith("•") for p in results)


# --- Articles -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "prefix, title",
    [
        ("001", "Perhekeskuskehittämistä monitoimijaisella yhteistyöllä"),
        ("002", "Yhteistyöllä perheiden hyvinvointia"),
        ("004", "Perhekeskus ja varhainen tuki arjessa"),
    ],
)
def test_article_seeds(prefix, title):
    result = seed(prefix)
    assert result["kind"] == "article"
    assert result["title"] == title
    assert result["paragraphs"]
    assert result["unknown_labels"] == result["extra_sections"] == result["warnings"] == []
    assert_no_noise(result)
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    out = words(" ".join([result["title"], result["intro"], *result["paragraphs"]]))
    for line in path.read_text(encoding="utf-8").splitlines():
        if prefix == "002":  # a transcript: its heading and slide numbers are dropped
            line = "" if line == "Transkriptio" else re.sub(r"^\d{1,3} ", "", line)
        if not line.strip().startswith(NOISE_MARKERS):
            assert words(line) <= out, line


def test_article_002_keeps_each_slide_as_paragraph_without_its_number():
    result = seed("002")
    # A transcript has no lead: its slides stay in order.
    assert result["intro"] == ""
    assert len(result["paragraphs"]) == 23
    assert result["paragraphs"][0].startswith("Yhteistyöllä perheiden hyvinvointia Vaikuttavuuden")
    assert result["paragraphs"][8].startswith("Innostusta, uskoa muutoksen")
    assert result["paragraphs"][-1].startswith("Lasten, nuorten")
    assert not any(p.startswith("Transkriptio") or p[:1].isdigit() for p in result["paragraphs"])


def test_only_the_sequence_of_slide_numbers_is_removed():
    result = parse_text("Esitys\n\nTranskriptio\n\n1 Alku\n\n2 Keskellä 3 asiaa\n\n5 Ei dian numero\n")
    assert result["paragraphs"] == ["Alku", "Keskellä 3 asiaa", "5 Ei dian numero"]


def test_article_004_lead_skips_the_picture_caption():
    result = seed("004")
    assert result["intro"].startswith("Kehittämisprojekti oli osa Varsinais-Suomen")
    assert result["paragraphs"][0] == "Perhe, äiti ja lapsi lattialla kirjan kanssa, isä takana"


def test_article_001_intro_and_order():
    result = seed("001")
    assert result["intro"].startswith("Vantaa-Keravan Tulevaisuuden sote-keskus")
    assert result["paragraphs"][-1].startswith("Kaisli Syrjänen työskentelee")


# --- Synthetic texts ----------------------------------------------------------------


def test_unknown_label_goes_to_extra_sections():
    result = parse_text(om_text(), source="synthetic.txt")
    assert result["kind"] == "operating_model"
    assert result["unknown_labels"] == ["Mittarit"]
    assert result["extra_sections"] == [
        {"heading": "Mittarit", "paragraphs": ["Asiakastyytyväisyyttä seurattiin kyselyllä kerran vuodessa."]}
    ]
    assert result["sections"]["core_idea"] == ["Perusidea on yksinkertainen."]
    assert result["sections"]["tips"] == {"intro": [], "items": ["Aloita pienestä", "Kysy asiakkailta"]}


def test_unknown_label_directly_followed_by_content():
    text = om_text().replace("Mittarit\n\n", "Mittarit\n")
    result = parse_text(text)
    assert result["unknown_labels"] == ["Mittarit"]
    assert result["extra_sections"][0]["paragraphs"] == ["Asiakastyytyväisyyttä seurattiin kyselyllä kerran vuodessa."]


def test_short_lines_are_not_unknown_labels():
    text = om_text().replace(
        "Mittarit\n\nAsiakastyytyväisyyttä seurattiin kyselyllä kerran vuodessa.",
        "Koulutus\n\nEsitteet\n\nProsessikuvaukset",
    )
    result = parse_text(text)
    assert result["unknown_labels"] == []
    assert result["sections"]["core_idea"] == [
        "Perusidea on yksinkertainen.",
        "Koulutus",
        "Esitteet",
        "Prosessikuvaukset",
    ]


def test_valtakunnallinen_area():
    result = parse_text(om_text())
    assert result["areas"] == ["Valtakunnallinen"]
    assert result["funders"] == ["STM"]


def test_several_areas_and_funders():
    result = parse_text(
        om_text(
            areas="Helsinki, Espoo; Vantaa\nKerava",
            funders="Sosiaali- ja terveysministeriö (STM); Euroopan unioni (EU, ESR)\n- Kunta X",
        )
    )
    assert result["areas"] == ["Helsinki", "Espoo", "Vantaa", "Kerava"]
    assert result["funders"] == ["Sosiaali- ja terveysministeriö (STM)", "Euroopan unioni (EU, ESR)", "Kunta X"]


def test_short_and_long_date_formats():
    result = parse_text(om_text(created="1.2.2023", modified="05.01.2024"))
    assert result["created"] == "2023-02-01"
    assert result["modified"] == "2024-01-05"
    assert result["warnings"] == []


def test_invalid_date_gives_warning():
    result = parse_text(om_text(modified="31.02.2023"))
    assert result["modified"] is None
    assert result["created"] == "2023-02-01"
    assert any("Viimeksi muokattu" in w and "31.02.2023" in w for w in result["warnings"])


def test_parse_date():
    assert parse_date("04.10.2022") == datetime.date(2022, 10, 4)
    assert parse_date("1.1.2022") == datetime.date(2022, 1, 1)
    assert parse_date(" 11.12.2023 ") == datetime.date(2023, 12, 11)
    for bad in ("31.02.2023", "2022-01-01", "", "1.1.22", "abc", None):
        assert parse_date(bad) is None


def test_conditions_with_sentences_are_not_split():
    text = (
        "Toimintamallin nimi\nMalli\n\nToimivuuden ja käyttöönoton ehdot\n\n"
        "Johdon tuki tarvitaan. Lisäksi resurssit, tilat ja aikaa.\n\n"
        "Toinen kappale, jossa on pilkku.\n"
    )
    conditions = parse_text(text)["sections"]["conditions"]
    assert conditions == {
        "intro": [],
        "items": ["Johdon tuki tarvitaan. Lisäksi resurssit, tilat ja aikaa.", "Toinen kappale, jossa on pilkku."],
    }


def test_dependencies_name_needs_and_notes():
    text = (
        "Toimintamallin nimi\nMalli\n\nRiippuvuudet\n\nJohdanto ilman kaksoispistettä\n\n"
        "Tietojärjestelmä: kirjausoikeudet\n- Johto\n\nLopuksi huomio.\n"
    )
    deps = parse_text(text)["sections"]["dependencies"]
    assert deps["intro"] == ["Johdanto ilman kaksoispistettä"]
    assert deps["items"] == [{"name": "Tietojärjestelmä", "needs": "kirjausoikeudet"}, {"name": "Johto", "needs": ""}]
    assert deps["notes"] == ["Lopuksi huomio."]


def test_links_and_process():
    text = (
        "Toimintamallin nimi\nMalli\n\nLiitteet ja linkit\n\n"
        "Esite: https://example.fi/esite.pdf\nhttps://example.fi/x\nOhje\n"
        "https://example.fi/ohje\n\nToimintamallin kulku\n\n"
        "1. Yhteydenotto\nKuvaus: asiakas ottaa yhteyttä\nToimijat: ohjaaja\n\n"
        "2. Arviointi: tilanne arvioidaan\n"
    )
    result = parse_text(text)
    assert result["links"] == [
        {"title": "Esite", "url": "https://example.fi/esite.pdf"},
        {"title": "https://example.fi/x", "url": "https://example.fi/x"},
        {"title": "Ohje", "url": "https://example.fi/ohje"},
    ]
    assert result["sections"]["process"]["steps"] == [
        {"phase": "Yhteydenotto", "description": "asiakas ottaa yhteyttä", "actors": "ohjaaja", "tools": ""},
        {"phase": "Arviointi", "description": "tilanne arvioidaan", "actors": "", "tools": ""},
    ]


def test_evaluation_other_perspective_and_measurement():
    text = (
        "Toimintamallin nimi\nMalli\n\nArvioinnin tulokset tiivistettynä\n\n"
        "Arviointi tehtiin keväällä.\n\nJärjestöjen näkökulmasta:\n- hyvä yhteistyö\n"
        "Mittarina käytettiin kyselyä.\n\nTyöntekijöiden näkökulmasta\n-kevyempi työ\n"
    )
    evaluation = parse_text(text)["sections"]["evaluation"]
    assert evaluation["intro"] == ["Arviointi tehtiin keväällä."]
    other, staff = evaluation["perspectives"]
    assert other == {
        "perspective": "other",
        "label": "Järjestöjen näkökulmasta",
        "findings": ["hyvä yhteistyö"],
        "measurement": "Mittarina käytettiin kyselyä.",
    }
    assert staff["perspective"] == "staff" and staff["findings"] == ["kevyempi työ"]


def test_evaluation_in_prose_is_one_finding_list_of_no_named_perspective():
    """Many national descriptions sum up their evaluation without perspective headings; it is kept
    as the findings of an "other" perspective, so the description can be published."""
    text = (
        "Toimintamallin nimi\nMalli\n\nArvioinnin tulokset tiivistettynä\n"
        "Jonot lyhenivät puoleen.\nAsiakkaat: 33 perhettä 41:stä pärjäsi ilman sijoitusta.\n"
    )
    evaluation = parse_text(text)["sections"]["evaluation"]
    assert evaluation == {
        "intro": [],
        "perspectives": [
            {
                "perspective": "other",
                "label": "",
                "findings": ["Jonot lyhenivät puoleen. Asiakkaat: 33 perhettä 41:stä pärjäsi ilman sijoitusta."],
                "measurement": "",
            }
        ],
    }


def test_development_entity_explicit_areas_take_precedence():
    text = (
        "Kokonaisuuden nimi\nHanke\nPaikkakunta, maakunta tai hyvinvointialue\n"
        "Lappi, Kainuu\n\nKokonaisuuden tarkoitus ja tavoitteet\n\n"
        "Pilottialueiden (Oulu, Kemi) kanssa.\n\nToimiaika\n\n1.3.2021 – 28.2.2023\n"
    )
    result = parse_text(text)
    assert result["kind"] == "development_entity"
    assert result["areas"] == ["Lappi", "Kainuu"]
    assert result["operating_period"]["start"] == "2021-03-01"
    assert result["operating_period"]["end"] == "2023-02-28"
    assert result["contact"] == {"name": None, "organisation": None, "email": None}


def test_noise_line_with_trailing_text_and_nbsp():
    text = (
        "icon/chevron-down Created with Sketch. Perustiedot\n\nToimintamallin nimi\u00a0\n"
        "Malli\u00a0 \nTekijät\nA Aa, B Bb\n"
    )
    result = parse_text(text)
    assert result["title"] == "Malli"
    assert result["authors"] == ["A Aa", "B Bb"]
    assert_no_noise(result)
    assert result["extra_sections"] == []


def test_text_before_labels_that_is_not_a_duplicate_is_kept():
    result = parse_text("Johdantoteksti jota ei ole muualla.\n\nToimintamallin nimi\nMalli\n")
    assert result["extra_sections"] == [{"heading": "", "paragraphs": ["Johdantoteksti jota ei ole muualla."]}]


# --- Files --------------------------------------------------------------------------


def test_empty_file_raises(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    with pytest.raises(ImportFileError) as info:
        parse_file(path)
    assert info.value.path == str(path)
    assert info.value.reason == "file is empty"
    assert str(info.value) == f"{path}: file is empty"


def test_whitespace_only_file_raises(tmp_path):
    path = tmp_path / "blank.txt"
    path.write_text(" \n\t\n  \n", encoding="utf-8")
    with pytest.raises(ImportFileError) as info:
        parse_file(path)
    assert "blank.txt" in str(info.value)
    assert "whitespace" in info.value.reason


def test_invalid_utf8_raises(tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("Toimintamallin nimi\nEtelä-Savo\n".encode("latin-1"))
    with pytest.raises(ImportFileError) as info:
        parse_file(path)
    assert "latin1.txt" in str(info.value)
    assert info.value.reason.startswith("not UTF-8 text")


def test_missing_file_raises(tmp_path):
    with pytest.raises(ImportFileError) as info:
        parse_file(tmp_path / "missing.txt")
    assert "missing.txt" in str(info.value)


def test_noise_only_file_raises(tmp_path):
    path = tmp_path / "noise.txt"
    path.write_text("Hyppää pääsisältöön\n\nKoko: px\n", encoding="utf-8")
    with pytest.raises(ImportFileError):
        parse_file(path)


def test_file_with_bom_parses(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + om_text().encode("utf-8"))
    result = parse_file(path)
    assert result["kind"] == "operating_model"
    assert result["source"] == "bom.txt"
    assert result["title"] == "Testimalli"
    assert "\ufeff" not in dumped(result)


def test_every_result_is_json_serialisable():
    results = [parse_file(path) for path in sorted(SEEDS.glob("*.txt"))]
    results.append(parse_text(om_text(modified="31.02.2023")))
    for result in results:
        assert json.loads(json.dumps(result)) == result
