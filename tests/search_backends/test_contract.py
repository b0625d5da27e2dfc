"""One search contract, the same on every backend: SQLite or PostgreSQL (Wagtail's database
backend, whichever database the suite runs on) and OpenSearch.

The queries go through the public search page as a visitor types them.
"""

import csv
import json
import re
from pathlib import Path

import pytest

from importer.models import ImportedSource
from tests.factories import ArticlePageFactory
from tests.searching import facet_counts, titles

from .conftest import refresh_search_server

DEMO = Path(__file__).resolve().parents[2] / "demo"


def judged_queries(path):
    with open(path, encoding="utf-8") as handle:
        rows = [row for row in csv.reader(handle, delimiter="\t") if row and not row[0].startswith("#")]
    return [
        (query, {name: int(grade) for name, grade in (item.rsplit(":", 1) for item in judged.split(","))})
        for query, judged in rows
    ]


def result_titles(client, query):
    response = client.get("/fi/search/", {"q": query})
    assert response.status_code == 200
    return titles(response)


def seed_title(source):
    return ImportedSource.objects.get(source=source).page.title


@pytest.mark.parametrize("query, judged", judged_queries(DEMO / "dev_queries.tsv"), ids=lambda value: str(value)[:30])
def test_judged_queries_put_their_grade_2_documents_in_the_top_3(search_backend, client, query, judged):
    """Grade-2 documents rank in the top 3, or in the top N when a query has N > 3 of them
    ("perhekeskuksissa" has four)."""
    must = [seed_title(source) for source, grade in judged.items() if grade == 2]
    found = result_titles(client, query)
    top = found[: max(3, len(must))]
    for title in must:
        assert title in top, f"{search_backend}: “{query}” → {top}"
    # Partly relevant documents are found too (a query may have only those, like "lastensuojelu").
    for source, grade in judged.items():
        if grade == 1:
            assert seed_title(source) in found[:10], f"{search_backend}: “{query}” → {found[:10]}"


@pytest.mark.parametrize(
    "query, source",
    [
        ("perhekeskuksissa", "004_4ab8f75e28d00df6.txt"),  # inflected form finds the base form
        ("perhekeskusten", "001_a3e0565db6a0145d.txt"),
        ("väkivaltatyö", "000_a500a5903890c3e1.txt"),  # compound part: lähisuhde-/väkivaltatyön
        ("perhekeskustoimintamalli", "004_4ab8f75e28d00df6.txt"),  # a compound finds its parts
        ("perheneuvonta", "003_89e9e5dc8afde3f3.txt"),  # "kasvatus- ja perheneuvonta"
        ("kasvatusneuvonta", "003_89e9e5dc8afde3f3.txt"),
        ("Paijat-Hame", "000_a500a5903890c3e1.txt"),  # missing diacritics
        ("Etelä-Savo", "003_89e9e5dc8afde3f3.txt"),  # an area named in the classification
    ],
)
def test_finnish_forms_find_the_document(search_backend, client, query, source):
    found = result_titles(client, query)
    assert seed_title(source) in found, f"{search_backend}: “{query}” → {found}"


def test_a_word_in_the_summary_counts_more_than_the_same_word_in_the_text(search_backend, client):
    """The summary (an article's introduction) is a boosted search field on every backend; on
    SQLite too, where modelsearch would put it in the body with the rest (``search.backends``)."""
    parent = ImportedSource.objects.get(source="001_a3e0565db6a0145d.txt").page.get_parent()
    filler = "Perheet saavat tukea arjen haasteisiin yhdessä sovitulla tavalla. " * 12

    def article(title, intro, words_in_text):
        text = filler + "Kuukkelimetsän tiimi auttaa. " * words_in_text
        body = json.dumps([{"type": "paragraph", "value": f"<p>{text}</p>"}])
        return ArticlePageFactory(parent=parent, title=title, intro=intro, body=body)

    in_summary = article("Aamupäivän kerho", "Kuukkelimetsän perhetalo avaa ovensa.", words_in_text=0)
    in_text = article("Iltapäivän kerho", "Kerhotalon perhetalo avaa ovensa.", words_in_text=3)
    refresh_search_server()
    assert result_titles(client, "kuukkelimetsä") == [in_summary.title, in_text.title]


@pytest.mark.parametrize(
    "query",
    ['"; DROP TABLE wagtailcore_page; --', "' OR 1=1", '"perhe', "!!!", "👨‍👩‍👧", "x" * 5000, "ja ja ja"],
)
def test_hostile_queries_get_a_normal_page(search_backend, client, query):
    response = client.get("/fi/search/", {"q": query})
    assert response.status_code == 200


def test_facets_count_and_narrow_the_same_on_every_backend(search_backend, client):
    """The five demo documents: three articles, the development entity (five pilot counties, STEA)
    and the Etelä-Savo model (STM)."""
    response = client.get("/fi/search/", {"q": "perhekeskus"})
    assert facet_counts(response, "type") == {"operating_model": 1, "entity": 1, "article": 3}
    assert facet_counts(response, "funder") == {"stea": 1, "stm": 1}
    areas = facet_counts(response, "area")
    assert areas["etela-savo"] == 2 and areas["paijat-hame"] == 1
    narrowed = client.get("/fi/search/", {"q": "perhekeskus", "area": "etela-savo", "type": "model"})
    assert result_titles(client, "perhekeskus")  # the plain search still finds all
    assert titles(narrowed) == [seed_title("003_89e9e5dc8afde3f3.txt")]
    data = client.get("/fi/search/", {"q": "perhekeskus", "format": "json"}).json()
    assert [result["title"] for result in data["results"]] == result_titles(client, "perhekeskus")
    assert {option["value"]: option["count"] for option in data["facets"]["type"]} == {
        "operating_model": 1,
        "entity": 1,
        "article": 3,
    }


def test_a_query_found_only_through_compound_parts_is_labelled_partial(search_backend, client):
    """No page has "lähisuhdeväkivalta" itself; the pages that share only its parts ("väkivalta",
    "lähisuhde") are listed under their own heading and not counted as results."""
    response = client.get("/fi/search/", {"q": "lähisuhdeväkivalta"})
    outcome = response.context["outcome"]
    assert outcome.count == 0 and outcome.partial_count == len(outcome.results) > 0, search_backend
    assert all(page.search_partial for page in outcome.results)
    assert "<mark>väkivaltaosaaminen</mark>" in outcome.results[0].search_snippet, "the snippet shows the part matched"
    html = response.content.decode()
    assert f"0 tulosta, lisäksi {outcome.partial_count} osittain vastaava" in html
    assert "Osittain vastaavat" in html
    data = client.get("/fi/search/", {"q": "lähisuhdeväkivalta", "format": "json"}).json()
    assert data["count"] == 0 and data["partial_count"] == outcome.partial_count
    assert [result["partial"] for result in data["results"]] == [True] * outcome.partial_count


def test_full_matches_are_counted_and_listed_before_the_partial_ones(search_backend, client):
    """Only the violence-work description has "väkivaltatyö"; pages with only "työ" or "väkivalta"
    as a part of a word follow it as partial matches."""
    response = client.get("/fi/search/", {"q": "väkivaltatyö"})
    outcome = response.context["outcome"]
    assert outcome.count == 1 and outcome.partial_count >= 1, search_backend
    assert [page.search_partial for page in outcome.results] == [False] + [True] * outcome.partial_count
    assert outcome.results[0].title == seed_title("000_a500a5903890c3e1.txt")
    html = response.content.decode()
    assert (
        html.index(outcome.results[0].title) < html.index("Osittain vastaavat") < html.index(outcome.results[1].title)
    )
    data = client.get("/fi/search/", {"q": "väkivaltatyö", "format": "json"}).json()
    assert (data["count"], data["partial_count"]) == (1, outcome.partial_count)
    assert [result["partial"] for result in data["results"]] == [False] + [True] * outcome.partial_count
    # With every word found, nothing is partial and there is no such heading.
    response = client.get("/fi/search/", {"q": "perhekeskus"})
    assert response.context["outcome"].partial_count == 0 and "Osittain vastaavat" not in response.content.decode()


def test_partial_matches_are_left_out_when_the_full_matches_fill_a_page(search_backend, client):
    """Twenty articles have both words, two only one of them: the full matches suffice, so the page
    and the JSON list only them and say how many partial matches were left out, with an address
    that lists them after the full ones, from the page where they begin."""
    parent = ImportedSource.objects.get(source="001_a3e0565db6a0145d.txt").page.get_parent()
    body = json.dumps([{"type": "paragraph", "value": "<p>Lauantaisin on avoimet ovet.</p>"}])
    for number in range(20):
        ArticlePageFactory(parent=parent, title=f"Kuukkelimetsän kerhotalo {number}", intro="Kerho.", body=body)
    for number in range(2):
        ArticlePageFactory(parent=parent, title=f"Kuukkelimetsän leiri {number}", intro="Leiri.", body=body)
    refresh_search_server()

    response = client.get("/fi/search/", {"q": "kuukkelimetsä kerhotalo"})
    outcome = response.context["outcome"]
    partial = outcome.partial_count  # the two camps, and a seed that has "talo" as a part of a word
    assert (outcome.count, outcome.partial_listed) == (20, False) and partial >= 2, search_backend
    assert len(outcome.results) == 20 and not any(page.search_partial for page in outcome.results)
    assert outcome.page_obj.paginator.num_pages == 1
    assert facet_counts(response, "type") == {"article": 20}, "the facets count the full matches"
    html = response.content.decode()
    assert f"20 tulosta, lisäksi {partial} osittain vastaavaa" in html
    assert f"{partial} osittain vastaavaa sivua on jätetty pois" in html and "Osittain vastaavat" not in html
    assert outcome.partial_querystring == "q=kuukkelimets%C3%A4+kerhotalo&partial=1&page=2"
    assert f'href="?{outcome.partial_querystring.replace("&", "&amp;")}"' in html
    data = client.get("/fi/search/", {"q": "kuukkelimetsä kerhotalo", "format": "json"}).json()
    assert (data["count"], data["partial_count"], data["partial_listed"], data["pages"]) == (20, partial, False, 1)
    assert [result["partial"] for result in data["results"]] == [False] * 20

    response = client.get(f"/fi/search/?{outcome.partial_querystring}")
    outcome = response.context["outcome"]
    assert (outcome.count, outcome.partial_count, outcome.partial_listed) == (20, partial, True)
    assert len(outcome.results) == partial and all(page.search_partial for page in outcome.results)
    assert sorted(page.title for page in outcome.results[:2]) == ["Kuukkelimetsän leiri 0", "Kuukkelimetsän leiri 1"]
    html = response.content.decode()
    assert "Osittain vastaavat" in html
    assert '<input type="hidden" name="partial" value="1">' in html, "sorting keeps the partial matches listed"
    data = client.get("/fi/search/", {"q": "kuukkelimetsä kerhotalo", "partial": "1", "format": "json"}).json()
    assert data["partial_listed"] is True and data["pages"] == 2
    assert [result["partial"] for result in data["results"]] == [False] * 20


@pytest.mark.parametrize("query", ["väkivaltatyö", "lähisuhdeväkivalta", "perhe"])
def test_a_facet_count_is_what_choosing_it_shows(search_backend, client, query):
    """Every option of every facet: its count is the number of results (full matches) that choosing
    it shows; a search with only partial matches counts those, and choosing shows as many of them."""
    response = client.get("/fi/search/", {"q": query})
    outcome = response.context["outcome"]
    assert outcome.count == sum(1 for page in outcome.results if not page.search_partial)
    assert re.search(rf"\s{outcome.count} tulos", response.content.decode()), "the page says the full matches"
    only_partial = outcome.count == 0
    options = [option for facet in outcome.facets for option in facet.options]
    assert options, search_backend
    for option in options:
        chosen = client.get(f"/fi/search/?{option['querystring']}").context["outcome"]
        shown = chosen.partial_count if only_partial else chosen.count
        assert shown == option["count"], f"{search_backend}: {query} {option['value']}"


def shown(response):
    """What a search page shows of its facets and results: it must not depend on where the counts come from."""
    outcome = response.context["outcome"]
    facets = [(facet.key, [(option["value"], option["count"]) for option in facet.options]) for facet in outcome.facets]
    results = [page.pk for page in outcome.results]
    return facets, results, outcome.count, outcome.partial_count, [count for _label, _q, count in outcome.relaxations]


@pytest.mark.parametrize(
    "filters",
    [
        {"q": "perhekeskus"},
        {"q": "perhekeskus", "area": "etela-savo"},
        {"q": "väkivaltatyö", "type": "article"},
        {"q": "perhe", "type": "operating_model", "funder": "stm"},
        {"q": "perhekeskus", "type": "entity", "funder": "stm"},  # nothing: the relaxations are counted
    ],
    ids=lambda filters: "&".join(f"{key}={value}" for key, value in filters.items()),
)
def test_facet_counts_from_the_engine_are_the_database_counts(search_backend, client, monkeypatch, filters):
    """Elasticsearch and OpenSearch count the facets with aggregations; the database backends (and,
    here, the same search again) count from the database: the page shows the same either way."""
    from search import facets, query

    counted = []
    monkeypatch.setattr(query, "facet_values", lambda *args: counted.append(facets.facet_values(*args)) or counted[-1])
    from_backend = shown(client.get("/fi/search/", filters))
    engine = search_backend != "database"
    assert isinstance(counted[0], facets.EngineFacetValues) == engine, search_backend
    monkeypatch.setattr(query, "facet_values", lambda pages, *_args: facets.FacetValues(facets.id_list(pages)))
    assert from_backend == shown(client.get("/fi/search/", filters))
    assert from_backend[0] and (from_backend[1] or from_backend[4])


def test_title_suggestions_are_the_same_on_every_backend(search_backend, client):
    """Suggestions come from the titles in the database, so a minimal Elasticsearch (no edge n-grams)
    suggests what the others do: titles with a word that starts with each word typed."""
    suggested = client.get("/fi/search/suggest/", {"q": "perhekesk"}).json()["suggestions"]
    assert [item["title"] for item in suggested] == [
        "Perhekeskus ja varhainen tuki arjessa",
        "Perhekeskuskehittämistä monitoimijaisella yhteistyöllä",
    ]
    suggested = client.get("/fi/search/suggest/", {"q": "valtatyö"}).json()["suggestions"]
    assert suggested == [], "a word in the middle of a title word is not its start"
    suggested = client.get("/fi/search/suggest/", {"q": "etelä-sav"}).json()["suggestions"]
    assert [item["title"] for item in suggested] == [seed_title("003_89e9e5dc8afde3f3.txt")]
