"""The read API walked page by page with an HTTP client, every answer validated against the OpenAPI
document; typed sections, classifications with codes and names, translations, filters and CORS."""

from urllib.parse import urlsplit

import pytest

from models_library.blocks import DescriptionBlock
from models_library.models import DevelopmentEntityPage, OperatingModelPage
from taxonomy.models import Area

from .conftest import source
from .openapi_checks import assert_matches

pytestmark = pytest.mark.django_db


def get_json(client, address, status=200):
    response = client.get(address)
    assert response.status_code == status, response.content[:300]
    assert response["Content-Type"].startswith("application/json")
    return response.json()


def walk(client, address, limit=3):
    """Every item of a listing, fetched a page (``limit`` items) at a time, each page validated."""
    items, offset = [], 0
    while True:
        data = get_json(client, f"{address}&limit={limit}&offset={offset}")
        assert_matches(data, "PageListing")
        items += data["items"]
        offset += limit
        if offset >= data["meta"]["total_count"]:
            assert len(items) == data["meta"]["total_count"]
            return items


def detail(client, item):
    return get_json(client, urlsplit(item["meta"]["detail_url"]).path)


def test_the_api_walked_page_by_page_gives_every_published_page_with_its_typed_sections(site, client):
    items = walk(client, "/api/v2/pages/?type=operating_model,entity,article&fields=*")
    ids = {item["id"] for item in items}
    assert site["mikkeli"].pk in ids
    assert site["draft"].pk not in ids
    assert site["restricted"].pk not in ids

    section_types = set()
    for item in items:
        page = detail(client, item)
        assert_matches(page, "Page")
        model = {"models_library.OperatingModelPage": OperatingModelPage}.get(page["meta"]["type"])
        if model is None:
            continue
        stored = model.objects.get(pk=page["id"])
        # Every section of the stored page is in the API as a typed block, with a structured value.
        assert [block["type"] for block in page["body"]] == [block.block_type for block in stored.body]
        section_types.update(block["type"] for block in page["body"])
        for block in page["body"]:
            if block["type"] in ("conditions", "tips"):
                assert isinstance(block["value"]["items"], list)
            if block["type"] == "evaluation":
                assert {"perspective", "findings"} <= set(block["value"]["perspectives"][0])
            if block["type"] == "process":
                assert block["value"]["steps"][0]["phase"] == "Yhteydenotto"
            if block["type"] == "extra":
                assert block["value"]["heading"] == "Kokemuksia"
        assert page["license"] == {"name": "CC BY 4.0", "url": "https://creativecommons.org/licenses/by/4.0/"}

    assert section_types == set(DescriptionBlock.base_blocks)

    entity = next(item for item in items if item["id"] == site["seed_entity"].pk)
    entity = detail(client, entity)
    stored = DevelopmentEntityPage.objects.get(pk=entity["id"])
    assert [block["type"] for block in entity["main_goals"]] == [block.block_type for block in stored.main_goals]
    assert entity["main_goals"] and isinstance(entity["main_goals"][0]["value"], dict)


def test_a_page_shows_its_classifications_with_codes_and_names_in_every_language(pages, client):
    page = get_json(client, f"/api/v2/pages/{pages['mikkeli'].pk}/")
    assert_matches(page, "Page")
    (area,) = page["areas"]
    assert area["code"] == "mikkeli"
    assert area["kind"] == "municipality"
    assert area["official_code"] == "491"
    assert area["county"] == "etela-savo"
    assert area["names"]["fi"] == "Mikkeli"
    assert area["names"]["sv"] == "S:t Michel"
    assert [theme["code"] for theme in page["themes"]] == ["perhekeskukset"]
    assert set(page["themes"][0]["names"]) == {"fi", "sv", "en"}
    assert page["development_stage"]["code"] == "piloting"
    assert page["development_stage"]["names"]["fi"] == "Pilotoinnissa"
    assert page["development_entity"] == {"id": pages["entity"].pk, "title": pages["entity"].title}
    assert page["authors_list"] == ["Maija Meikäläinen"]
    assert page["permanent_url"] == f"http://127.0.0.1:8000/m/{pages['mikkeli'].pk}/"
    assert page["tags"] == ["perheneuvonta"]
    assert page["adoption_count"] == 0


def test_an_operating_model_tells_its_approved_adoptions(pages, client):
    mikkeli = pages["mikkeli"]
    for organisation, state in (("Juva", "approved"), ("Kangasniemi", "approved"), ("Ehdotus", "pending")):
        mikkeli.adoptions.create(
            status="uses", organisation=organisation, moderation_state=state, area=source(Area, "juva")
        )
    page = get_json(client, f"/api/v2/pages/{mikkeli.pk}/")
    assert_matches(page, "Page")
    assert page["adoption_count"] == 2


def test_a_page_lists_its_published_translations(site, client):
    page = get_json(client, f"/api/v2/pages/{site['seed_model'].pk}/")
    languages = {translation["language"]: translation for translation in page["translations"]}
    assert set(languages) == {"sv", "en"}
    swedish = get_json(client, f"/api/v2/pages/{languages['sv']['id']}/")
    assert swedish["meta"]["locale"] == "sv"
    assert swedish["title"] == "Utveckling av uppfostrings- och familjerådgivningen i Södra Savolax"
    assert swedish["meta"]["html_url"].startswith("http://127.0.0.1:8000/sv/")
    assert {translation["language"] for translation in swedish["translations"]} == {"fi", "en"}


def titles(client, query):
    data = get_json(client, f"/api/v2/pages/?{query}&limit=100")
    assert_matches(data, "PageListing")
    return {item["title"] for item in data["items"]}


def test_filters(site, client):
    mikkeli, seed = site["mikkeli"].title, site["seed_model"].title
    # A county includes its municipalities; the municipality alone finds only its own.
    assert {mikkeli, seed} <= titles(client, "type=operating_model&area=etela-savo")
    assert titles(client, "type=operating_model&area=mikkeli") == {mikkeli}
    assert titles(client, "area=pirkanmaa") == set()
    assert titles(client, "theme=perhekeskukset") == {mikkeli}
    assert titles(client, "target_group=lapsiperheet") == {mikkeli}
    assert titles(client, "stage=piloting") == {mikkeli}
    assert mikkeli in titles(client, "funder=stea&funder=stm")
    assert titles(client, "tag=perheneuvonta&language=fi") == {mikkeli}
    swedish = titles(client, "type=operating_model&language=sv")
    assert swedish and all(title != seed for title in swedish)
    entities = {site["entity"].title, site["seed_entity"].title}
    assert titles(client, "type=models_library.DevelopmentEntityPage&locale=fi") == entities
    assert titles(client, "type=entity&language=fi") == entities


def test_bad_parameters_get_a_clear_message(pages, client):
    assert "language" in get_json(client, "/api/v2/pages/?language=de", status=400)["message"]
    assert "type" in get_json(client, "/api/v2/pages/?type=nothing", status=400)["message"]
    assert get_json(client, f"/api/v2/pages/{pages['draft'].pk}/", status=404)["message"]
    assert get_json(client, f"/api/v2/pages/{pages['restricted'].pk}/", status=404)["message"]


def test_images_and_documents_listings_match_the_document(pages, client):
    assert_matches(get_json(client, "/api/v2/images/"), "ImageListing")
    assert_matches(get_json(client, "/api/v2/documents/"), "DocumentListing")


def test_the_api_is_open_to_other_origins_for_reading(pages, client):
    response = client.get("/api/v2/pages/", HTTP_ORIGIN="https://intranet.example.fi")
    assert response["Access-Control-Allow-Origin"] == "*"
    preflight = client.options(
        "/api/v2/pages/", HTTP_ORIGIN="https://intranet.example.fi", HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET"
    )
    assert "POST" not in preflight["Access-Control-Allow-Methods"]
    assert "GET" in preflight["Access-Control-Allow-Methods"]
    page = client.get("/fi/", HTTP_ORIGIN="https://intranet.example.fi")
    assert "Access-Control-Allow-Origin" not in page


def test_djangos_locale_middleware_still_turns_unprefixed_404s_into_redirects(pages, client, settings):
    """Why ``opendata.middleware`` exists: when this fails, Django keeps such 404s itself and the
    subclass can go."""
    settings.MIDDLEWARE = [
        "django.middleware.locale.LocaleMiddleware" if name == "opendata.middleware.LocaleMiddleware" else name
        for name in settings.MIDDLEWARE
    ]
    assert client.get(f"/api/v2/pages/{pages['draft'].pk}/").status_code == 302
