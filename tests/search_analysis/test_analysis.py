"""The search text analysis (indexing.analysis): pure Python, no database.

Finnish needs Voikko: Debian's libvoikko1 and voikko-fi, and PyPI's libvoikko."""

import pytest

from benchmarks.ablation import AblatedAnalyser, Options
from core.languages import SOURCE_LANGUAGE
from indexing.analysis import analyse, analyse_query, voikko_available
from indexing.analysis.finnish import MAX_RESTORE_POSITIONS, FinnishAnalyser
from indexing.analysis.stemming import swedish_syncope
from indexing.analysis.text import is_token


def tokens(text, language="fi"):
    return set(analyse(text, language).split())


def query_tokens(text, language="fi"):
    return set(analyse_query(text, language).split())


def test_voikko_is_installed():
    assert voikko_available(), "install Debian's libvoikko1 and voikko-fi, and PyPI's libvoikko"


# ---------------------------------------------------------------- inflection


@pytest.mark.parametrize("word", ["perhekeskuksissa", "perhekeskusten", "perhekeskukseen", "Perhekeskuksen"])
def test_inflected_forms_give_the_base_form(word):
    assert "perhekeskus" in tokens(word)
    assert "perhekeskus" in query_tokens(word)


def test_a_verb_noun_and_its_inflected_forms_meet():
    assert tokens("eroauttamisen") & query_tokens("eroauttaminen")


# ---------------------------------------------------------------- compounds


def test_a_compound_gives_its_parts():
    result = tokens("lähisuhdeväkivalta")
    assert {"lähisuhdeväkivalta", "väkivalta", "lähisuhde", "suhde"} <= result


def test_violence_work_finds_intimate_partner_violence():
    assert query_tokens("väkivaltatyö") & tokens("lähisuhdeväkivalta")
    assert "väkivalta" in query_tokens("väkivaltatyö")
    assert {"väkivalta", "työ"} <= tokens("väkivaltatyö")


def test_a_long_compound_gives_the_compounds_it_is_made_of():
    result = tokens("perhekeskustoimintamalli")
    assert {"perhekeskustoimintamalli", "perhekeskus", "toimintamalli", "perhe", "keskus", "malli"} <= result
    assert "perhekeskus" in query_tokens("perhekeskus") & result


def test_a_compound_with_a_genitive_part_names_the_part_by_its_base_form():
    assert {"lastensuojelu", "lapsi", "suojelu"} <= tokens("lastensuojelun")


def test_a_plain_word_is_not_read_as_a_made_up_compound():
    # Voikko also reads "Kurikassa" as kuri + kassa; the plain reading (the town Kurikka) wins.
    result = tokens("Kurikassa")
    assert "kurikka" in result
    assert "kassa" not in result


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("kasvatus- ja perheneuvonta", {"kasvatus", "kasvatusneuvonta", "perheneuvonta", "neuvonta"}),
        ("sote- ja perhekeskuksissa", {"sote", "sotekeskus", "perhekeskus"}),
        ("Vauva-ja väkivaltatyötä", {"vauva", "vauvatyö", "väkivaltatyö"}),
        ("sosiaali-, terveys- ja sivistyspalveluiden", {"sosiaalipalvelu", "terveyspalvelu", "sivistyspalvelu"}),
    ],
)
def test_coordinated_compounds_stand_for_each_compound(text, expected):
    assert expected <= tokens(text)
    assert expected <= query_tokens(text)


def test_a_coordinated_compound_matches_the_compound_written_out():
    assert query_tokens("kasvatusneuvonta") & tokens("kasvatus- ja perheneuvonta") >= {"kasvatusneuvonta"}


# ---------------------------------------------------------------- diacritics


def test_a_query_without_diacritics_finds_the_region():
    assert query_tokens("Paijat-Hame") & tokens("Päijät-Häme")
    assert tokens("Paijat-Hame") & tokens("Päijät-Häme")


@pytest.mark.parametrize(
    ("typed", "written", "shared"),
    [
        ("vakivaltatyota", "väkivaltatyön", "väkivaltatyö"),
        ("Etela-Savossa", "Etelä-Savon", "eteläsavo"),
        ("aitiysneuvolassa", "Äitiysneuvola", "äitiysneuvola"),
    ],
)
def test_an_inflected_word_without_diacritics_gets_them_back(typed, written, shared):
    assert shared in query_tokens(typed) & tokens(written)


def test_the_index_has_folded_variants_so_unknown_words_match_without_diacritics():
    assert "pieksamaki" in tokens("Pieksämäki")
    assert query_tokens("Pieksamaki") & tokens("Pieksämäki")
    assert tokens("Häme") >= {"häme", "hame"}


def test_restored_diacritics_keep_vowel_harmony():
    # "monitoimijaisella" is not "monitoimi + jäisella" (an icy thing); the word list knows it.
    assert "monitoimijainen" in tokens("monitoimijaisella")
    assert not any("jäi" in token for token in tokens("monitoimijaisella"))


# ---------------------------------------------------------------- domain words


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("THL:n", "thl"),
        ("STEA:n rahoittama", "stea"),
        ("STM", "stm"),
        ("soten", "sote"),
        ("puheeksiottaminen", "puheeksiotto"),
        ("puheeksiotossa", "puheeksiotto"),
        ("monitoimijaisen", "monitoimijainen"),
        ("sotekeskuksissa", "sotekeskus"),
        ("sote-keskuksissa", "sotekeskus"),
    ],
)
def test_domain_words_that_voikko_lacks(text, expected):
    assert expected in tokens(text)
    assert expected in query_tokens(text)


def test_an_abbreviation_finds_the_written_out_name_and_back():
    assert query_tokens("STEA") & tokens("Sosiaali- ja terveysjärjestöjen avustuskeskus")
    assert query_tokens("avustuskeskus") & tokens("STEA")


def test_a_swedish_or_english_query_finds_finnish_content_through_the_glossary():
    assert "perhekeskus" in query_tokens("familjecenter") & tokens("perhekeskuksissa")
    assert "perhekeskus" in query_tokens("family centre", "en") & tokens("perhekeskuksissa")
    assert "perhekeskus" in tokens("Familjecentret i Vasa", "sv")


# ---------------------------------------------------------------- stop words and shape of the output


def test_function_words_are_dropped():
    assert analyse("ja on se että") == ""
    assert "ja" not in query_tokens("Vantaan ja Keravan")
    assert {"vantaa", "kerava"} <= query_tokens("Vantaan ja Keravan")


def test_output_is_lowercase_engine_safe_tokens_and_deterministic():
    text = "Perhekeskus- ja sote-keskus THL:n Päijät-Häme 1.1.2022 tiina.palviainen@etkl.fi"
    first = analyse(text)
    assert first == analyse(text)
    assert first == first.lower()
    assert all(is_token(token) for token in first.split())
    assert analyse_query(text) == analyse_query(text)


def test_index_tokens_repeat_with_the_words_and_query_tokens_do_not():
    assert analyse("perhe perhe perhe").split().count("perhe") == 3
    assert analyse_query("perhe perhe perhe").split().count("perhe") == 1


# ---------------------------------------------------------------- Swedish and English


def test_swedish_forms_share_a_stem():
    assert tokens("familjecentren", "sv") & tokens("familjecenter", "sv")
    assert tokens("familjecentret", "sv") & tokens("familjecenter", "sv")
    assert tokens("verksamhetsmodeller", "sv") & query_tokens("verksamhetsmodell", "sv")
    assert swedish_syncope("familjecentr") == swedish_syncope("familjecent")


def test_swedish_is_not_analysed_as_finnish():
    assert "och" not in tokens("barn och familjer", "sv")
    assert tokens("välfärdsområdet", "sv") & query_tokens("välfärdsområde", "sv")
    # Without diacritics the same form matches (inflected ones may not: Snowball reads "-ade" as an ending).
    assert tokens("välfärdsområde", "sv") & query_tokens("valfardsomrade", "sv")


def test_english_is_stemmed():
    assert tokens("operating models", "en") & query_tokens("operating model", "en")
    assert "the" not in tokens("the family centres", "en")


@pytest.mark.parametrize(
    "code, language",
    [("fi-FI", "fi"), ("FI", "fi"), ("sv_SE", "sv"), ("en-GB", "en"), ("", SOURCE_LANGUAGE), (None, SOURCE_LANGUAGE)],
)
def test_a_regional_or_missing_language_code_is_analysed_as_its_language(code, language):
    text = "Perhekeskuksissa familjecentren"
    assert analyse(text, code) == analyse(text, language)
    assert analyse_query(text, code) == analyse_query(text, language)


def test_a_language_without_its_own_analysis_keeps_its_words_as_written():
    assert analyse_query("Familienzentren Beratung", "de") == "familienzentren beratung"


# ---------------------------------------------------------------- hostile input


HOSTILE = [
    "",
    "   \n\t ",
    "!!!...,,;;--//**",
    "😀🎉 👨‍👩‍👧 🇫🇮",
    '"; DROP TABLE x; --',
    "' OR 1=1 --",
    "<script>alert(1)</script>",
    "\x00\x01\u200b\ufeff",
    "%s %d {0} \\N $1",
    "a" * 10_000,
    "ä-" * 5_000,
    ("perhekeskus " * 1_000)[:10_000],
    ("kasvatus- " * 1_000)[:10_000],
    "x:" * 5_000,
]


@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_hostile_input_returns_a_string(text, language):
    for function in (analyse, analyse_query):
        result = function(text, language)
        assert isinstance(result, str)
        assert all(is_token(token) for token in result.split())


def test_empty_and_punctuation_give_nothing():
    for text in ("", "!!!", "😀", '"; --'):
        assert analyse_query(text) == ""
    assert analyse('"; DROP TABLE x; --').split() == ["drop", "table", "tabl"]


def test_non_text_input_gives_nothing():
    assert analyse(None) == ""
    assert analyse_query(None) == ""


def voikko_lookups(word):
    """The words a fresh Finnish analyser asks Voikko about while analysing ``word``."""
    analyser = FinnishAnalyser()
    asked = []
    analyse_with_voikko = analyser._analyze
    analyser._analyze = lambda candidate: asked.append(candidate) or analyse_with_voikko(candidate)
    analyser.analyse(word)
    return asked


def test_an_unknown_word_costs_a_bounded_number_of_voikko_lookups():
    """A long text of unknown words stays fast: diacritics are restored only in words with few a/o letters."""
    few = "tuntematonsanaoao"  # 7 letters a/o: each combination of them is tried with ä/ö
    many = "qwaoazoaoaoaoaoaokx"  # 14: trying every combination would be 16,383 lookups
    assert len(voikko_lookups(few)) <= 2**MAX_RESTORE_POSITIONS + 2 * len(few)
    assert len(voikko_lookups(many)) <= 2 * len(many)
    assert not [word for word in voikko_lookups(many) if "ä" in word or "ö" in word]


# ---------------------------------------------------------------- ablations (benchmarks.analysis compares them)


def test_options_switch_features_off():
    plain = AblatedAnalyser(Options(parts=False, spans="none", restore_diacritics=False, fold=False), glossary=False)
    assert "väkivalta" not in plain.tokens("lähisuhdeväkivalta")
    assert "väkivaltatyö" not in plain.tokens("vakivaltatyo", query=True)
    assert "perhekeskus" not in plain.tokens("familjecenter", query=True)
