"""The search page: facets and their counts, the address as state, order, paging, snippets, help when
nothing matches, the JSON form, title suggestions and tag pages (on the session's database backend;
tests/search_backends runs the shared contract on every backend)."""

import pytest
from django.conf import settings
from wagtail.models import Locale

from models_library.models import DevelopmentStage, OperatingModelPage
from taxonomy.models import Area, Funder, TargetGroup, Theme
from tests.factories import ArticlePageFactory, DevelopmentEntityPageFactory, OperatingModelPageFactory
from tests.searching import facet_counts, titles

pytestmark = pytest.mark.django_db
# What the JSON tells of each result besides its title, address, type, language and score.
SEARCH_RESULT_FACTS = {"snippet", "created", "modified", "areas", "themes", "stage", "organisation"}


def source(model, slug):
    return model.objects.get(slug=slug, locale__language_code=settings.LANGUAGE_CODE)


def model_page(library, title, *, areas=(), themes=(), target_groups=(), funders=(), stage="ready", tags=(), **fields):
    page = OperatingModelPageFactory(parent=library, title=title, development_stage=stage, **fields)
    page.areas.set([source(Area, slug) for slug in areas])
    page.themes.set([source(Theme, slug) for slug in themes])
    page.target_groups.set([source(TargetGroup, slug) for slug in target_groups])
    page.funders.set([source(Funder, slug) for slug in funders])
    page.tags.add(*tags)
    page.save_revision().publish()
    return page


@pytest.fixture
def catalogue(library, article_index):
    """Four models, an entity and an article about family centres, in different places and stages."""
    return {
        "mikkeli": model_page(
            library,
            "Perhekeskus Mikkelissä",
            areas=["mikkeli"],
            themes=["perhekeskukset"],
            target_groups=["lapsiperheet"],
            funders=["stm"],
            tags=["perheneuvonta"],
        ),
        "etela-savo": model_page(
            library,
            "Perhekeskuksen ohjaus Etelä-Savossa",
            areas=["etela-savo"],
            themes=["perhekeskukset", "asiakasohjaus"],
            funders=["stea"],
            stage=DevelopmentStage.PILOTING,
        ),
        "lahti": model_page(
            library, "Perhekeskustyö Lahdessa", areas=["lahti"], themes=["varhainen-tuki"], stage=DevelopmentStage.IDEA
        ),
        "other": model_page(
            library,
            "Sähköinen ajanvaraus",
            areas=["lahti"],
            themes=["sahkoiset-palvelut"],
            short_description="Ajanvaraus verkossa terveysasemalle.",
            implementation_place="Lahti",
            body="[]",
        ),
        "entity": DevelopmentEntityPageFactory(parent=library, title="Perhekeskusten kehittämishanke"),
        "article": ArticlePageFactory(parent=article_index, title="Perhekeskukset kehittyvät"),
    }


def search(client, **params):
    return client.get("/fi/search/", params)


def test_facets_count_what_matches(client, catalogue):
    response = search(client, q="perhekeskus")
    assert len(titles(response)) == 5  # not the electronic booking model
    assert facet_counts(response, "type") == {"operating_model": 3, "entity": 1, "article": 1}
    assert facet_counts(response, "theme") == {"perhekeskukset": 2, "asiakasohjaus": 1, "varhainen-tuki": 1}
    assert facet_counts(response, "stage") == {"idea": 1, "piloting": 1, "ready": 1}
    assert facet_counts(response, "funder") == {"stm": 1, "stea": 1}
    assert facet_counts(response, "target_group") == {"lapsiperheet": 1}
    assert facet_counts(response, "tag") == {"perheneuvonta": 1}


def test_the_earlier_type_value_model_still_narrows_to_operating_models(client, catalogue):
    """Addresses shared before the value was called ``operating_model`` keep working."""
    old = search(client, q="perhekeskus", type="model")
    new = search(client, q="perhekeskus", type="operating_model")
    assert len(titles(old)) == 3
    assert titles(old) == titles(new)
    assert old.context["outcome"].params.filters["type"] == ["operating_model"]


def test_a_county_counts_and_finds_its_municipalities_descriptions(client, catalogue):
    response = search(client, q="perhekeskus")
    areas = facet_counts(response, "area")
    assert areas["etela-savo"] == 2  # the county itself and Mikkeli
    assert areas["mikkeli"] == 1
    assert areas["paijat-hame"] == 1  # Lahti
    filtered = search(client, q="perhekeskus", area="etela-savo")
    assert sorted(titles(filtered)) == ["Perhekeskuksen ohjaus Etelä-Savossa", "Perhekeskus Mikkelissä"]
    assert titles(search(client, q="perhekeskus", area="mikkeli")) == ["Perhekeskus Mikkelissä"]


def test_facets_combine_and_count_each_other(client, catalogue):
    response = search(client, q="perhekeskus", area="etela-savo", theme="asiakasohjaus")
    assert titles(response) == ["Perhekeskuksen ohjaus Etelä-Savossa"]
    # A facet's own counts ignore its own choice (values of one facet are alternatives) but not the others'.
    assert facet_counts(response, "theme") == {"perhekeskukset": 2, "asiakasohjaus": 1}
    assert facet_counts(response, "type") == {"operating_model": 1}
    either = search(client, q="perhekeskus", stage=["idea", "piloting"])
    assert sorted(titles(either)) == ["Perhekeskuksen ohjaus Etelä-Savossa", "Perhekeskustyö Lahdessa"]


def test_the_address_holds_the_whole_search(client, catalogue):
    html = search(client, q="perhekeskus", area="etela-savo", sort="newest").content.decode()
    # Each facet link keeps the query, the order and the other choices.
    assert 'href="?q=perhekeskus&amp;area=etela-savo&amp;theme=perhekeskukset&amp;sort=newest"' in html
    # A chosen value's link removes it again.
    assert 'href="?q=perhekeskus&amp;sort=newest" aria-current="true"' in html
    assert '<option value="newest" selected>' in html


def test_browsing_without_words_lists_everything_newest_first(client, catalogue):
    response = search(client, theme="perhekeskukset")
    assert titles(response) == ["Perhekeskuksen ohjaus Etelä-Savossa", "Perhekeskus Mikkelissä"]
    assert len(titles(search(client))) == 6


def test_an_order_is_offered_only_for_a_search_with_words(client, catalogue, library):
    """Without words there is nothing to rank by: the listing says it is newest first and offers no choice."""
    for response in (search(client), search(client, theme="perhekeskukset"), client.get(library.url)):
        html = response.content.decode()
        assert 'name="sort"' not in html
        assert '<p class="search-order">Uusimmat ensin</p>' in html
    html = search(client, q="perhekeskus").content.decode()
    assert '<option value="relevance" selected>Osuvimmat ensin</option>' in html
    assert 'class="search-order"' not in html


def test_newest_first_order(client, catalogue, library):
    newest = model_page(library, "Perhekeskus uusin")
    assert titles(search(client, q="perhekeskus", sort="newest"))[0] == newest.title


def test_results_are_paged(client, library):
    for n in range(23):
        OperatingModelPageFactory(parent=library, title=f"Perhekeskusmalli {n}")
    first = search(client, q="perhekeskus")
    assert first.context["outcome"].count == 23
    assert len(titles(first)) == 20
    second = search(client, q="perhekeskus", page=2)
    assert len(titles(second)) == 3
    assert set(titles(first)).isdisjoint(titles(second))
    assert 'href="?q=perhekeskus&amp;page=2"' in first.content.decode()


def test_snippets_mark_the_inflected_words_that_matched(client, library):
    OperatingModelPageFactory(
        parent=library,
        title="Neuvonta",
        short_description="Perhekeskuksissa neuvotaan <script>alert(1)</script>vanhempia ja perheitä.",
    )
    html = search(client, q="perhekeskus").content.decode()
    assert "<mark>Perhekeskuksissa</mark> neuvotaan alert(1)vanhempia ja perheitä." in html
    assert "<script>alert" not in html


def test_a_snippet_from_the_text_is_one_sentence_or_list_item(client, library):
    OperatingModelPageFactory(parent=library, title="Neuvonta", short_description="Neuvontaa vanhemmille.")
    html = search(client, q="esitteet").content.decode()  # a list item of the conditions, without a full stop
    assert '<p class="search-results__snippet"><mark>Esitteet</mark></p>' in html


def test_a_misspelt_search_suggests_the_right_spelling(client, catalogue):
    response = search(client, q="perhekeskuss")
    outcome = response.context["outcome"]
    if outcome.count == 0:
        assert outcome.suggestion == "perhekeskus"
        assert 'href="?q=perhekeskus"' in response.content.decode()
    response = search(client, q="sähköinen ajanvaruas")
    assert response.context["outcome"].suggestion == ""  # "sähköinen" still finds the booking model
    response = search(client, q="ajanvaruas")
    assert response.context["outcome"].count == 0
    assert response.context["outcome"].suggestion == "ajanvaraus"
    assert "Tarkoititko" in response.content.decode()


def test_no_results_with_filters_offers_the_filters_that_would_give_results(client, catalogue):
    response = search(client, q="ajanvaraus", stage="idea")
    assert response.context["outcome"].count == 0
    html = response.content.decode()
    assert 'href="?q=ajanvaraus"' in html
    assert "1 tulos" in html


def test_the_same_search_as_json(client, catalogue):
    html_titles = titles(search(client, q="perhekeskus", area="etela-savo"))
    response = search(client, q="perhekeskus", area="etela-savo", format="json")
    assert response["Content-Type"] == "application/json"
    data = response.json()
    assert [result["title"] for result in data["results"]] == html_titles
    first = data["results"][0]
    assert set(first) == {"title", "url", "type", "language", "score", "partial", *SEARCH_RESULT_FACTS}
    assert first["type"] == "operating_model" and first["language"] == "fi" and first["partial"] is False
    assert first["url"].startswith(f"{settings.SITE_URL}/fi/")
    scores = [result["score"] for result in data["results"]]
    assert scores == sorted(scores, reverse=True) and all(score > 0 for score in scores)
    assert {option["value"]: option["count"] for option in data["facets"]["type"]} == {"operating_model": 2}
    assert data["count"] == 2 and data["partial_count"] == 0 and data["filters"] == {"area": ["etela-savo"]}


def test_title_suggestions_for_the_search_box(client, catalogue):
    data = client.get("/fi/search/suggest/", {"q": "perhekesku"}).json()
    suggested = [item["title"] for item in data["suggestions"]]
    assert "Perhekeskus Mikkelissä" in suggested
    assert "Sähköinen ajanvaraus" not in suggested
    assert all(item["url"].startswith("/fi/") for item in data["suggestions"])
    assert client.get("/fi/search/suggest/", {"q": "p"}).json() == {"suggestions": []}
    html = search(client, q="x").content.decode()
    assert 'list="search-suggestions"' in html and 'data-suggest-url="/fi/search/suggest/"' in html


def test_a_tag_page_lists_everything_with_the_tag(client, catalogue, article_index):
    article = ArticlePageFactory(parent=article_index, title="Perheneuvonnan päivä")
    article.tags.add("perheneuvonta")
    article.save_revision().publish()
    page_html = client.get(catalogue["mikkeli"].url).content.decode()
    assert 'href="/fi/tags/perheneuvonta/"' in page_html
    response = client.get("/fi/tags/perheneuvonta/")
    assert sorted(titles(response)) == ["Perhekeskus Mikkelissä", "Perheneuvonnan päivä"]
    assert "Sivut, joilla on asiasana ”perheneuvonta”" in response.content.decode()
    assert client.get("/fi/tags/ei-ole/").status_code == 404


def test_a_translation_replaces_its_finnish_page_in_its_language(client, catalogue):
    swedish, _ = Locale.objects.get_or_create(language_code="sv")
    translation = catalogue["mikkeli"].copy_for_translation(swedish, copy_parents=True)
    translation.title = "Familjecentret i S:t Michel"
    translation.save_revision().publish()
    assert "Familjecentret i S:t Michel" not in titles(search(client, q="perhekeskus"))
    assert "Perhekeskus Mikkelissä" not in titles(client.get("/sv/search/", {"q": "familjecentret"}))
    response = client.get("/sv/search/", {"q": "familjecentret"})
    # The translation first; untranslated Finnish pages after it, marked as Finnish.
    assert titles(response)[0] == "Familjecentret i S:t Michel"
    assert [page.locale.language_code for page in response.context["outcome"].results[1:]] == ["fi"] * (
        len(titles(response)) - 1
    )
    # The facets name the classifications in the page's language.
    labels = {
        option["value"]: option["label"] for facet in response.context["outcome"].facets for option in facet.options
    }
    assert labels["perhekeskukset"] == Theme.objects.get(slug="perhekeskukset", locale=swedish).name != "Perhekeskukset"
    assert labels["mikkeli"] == "S:t Michel" and labels["etela-savo"] == "Södra Savolax välfärdsområde"


def test_a_renamed_classification_is_named_anew_in_the_facets(client, catalogue):
    labels = {option["value"]: option["label"] for option in facet_options(search(client, q="perhekeskus"), "theme")}
    assert labels["perhekeskukset"] == "Perhekeskukset"
    theme = source(Theme, "perhekeskukset")
    theme.name = "Perhekeskukset ja perheiden palvelut"
    theme.save()
    labels = {option["value"]: option["label"] for option in facet_options(search(client, q="perhekeskus"), "theme")}
    assert labels["perhekeskukset"] == "Perhekeskukset ja perheiden palvelut"


def facet_options(response, key):
    return next(facet.options for facet in response.context["outcome"].facets if facet.key == key)


def test_a_pages_text_is_read_once_for_its_snippets_while_the_content_lasts(client, library, monkeypatch):
    from search import snippets

    OperatingModelPageFactory(parent=library, title="Neuvonta", short_description="Neuvontaa vanhemmille.")
    page = OperatingModelPage.objects.get(title="Neuvonta")
    read = []

    def counted(text):
        read.append(text)
        return passages(text)

    passages = snippets.passages
    monkeypatch.setattr(snippets, "passages", counted)
    html = search(client, q="esitteet").content.decode()
    assert '<p class="search-results__snippet"><mark>Esitteet</mark></p>' in html
    assert "<mark>Koulutus</mark>" in search(client, q="koulutus").content.decode()
    assert len(read) == 1

    page.body = [("conditions", {"intro": "", "items": ["Koulutus ja esitteet"]})]
    page.save_revision().publish()
    assert "<mark>Koulutus</mark> ja <mark>esitteet</mark>" in search(client, q="koulutus esitteet").content.decode()
    assert len(read) == 2
