"""schema.org JSON-LD read with a JSON-LD processor (pyld, offline), Open Graph, Twitter card and the
canonical address, read from the page's <head> with an HTML parser."""

import json

import pytest
from pyld import jsonld
from wagtail.models import Locale

from articles.models import ArticlePage

from .conftest import parse_html

pytestmark = pytest.mark.django_db

SCHEMA = "https://schema.org/"


def offline_loader(url, options=None):
    """schema.org's context, served without the network: every term is a schema.org term."""
    assert url.rstrip("/") in ("https://schema.org", "http://schema.org"), f"no network for {url}"
    return {
        "contentType": "application/ld+json",
        "contextUrl": None,
        "documentUrl": url,
        "document": {"@context": {"@vocab": SCHEMA}},
    }


def expanded_data(tree):
    (script,) = tree.xpath('//head/script[@type="application/ld+json"]')
    (node,) = jsonld.expand(json.loads(script.text), {"documentLoader": offline_loader})
    return node


def values(node, term):
    return [item.get("@value", item) for item in node.get(SCHEMA + term, [])]


def names(node, term):
    return [values(item, "name")[0] for item in node.get(SCHEMA + term, [])]


def test_a_description_is_a_creative_work_with_its_facts(pages, client):
    page = pages["mikkeli"]
    page.refresh_from_db()
    tree = parse_html(client.get(page.url))
    node = expanded_data(tree)
    assert node["@type"] == [SCHEMA + "CreativeWork"]
    assert node["@id"] == f"http://127.0.0.1:8000/m/{page.pk}/"
    assert values(node, "name") == [page.title]
    assert values(node, "description") == [page.short_description]
    assert values(node, "dateCreated") == [page.created_date.isoformat()]
    assert values(node, "dateModified") == [page.last_modified.isoformat()]
    assert values(node, "inLanguage") == ["fi"]
    assert values(node, "license") == ["https://creativecommons.org/licenses/by/4.0/"]
    assert names(node, "author") == ["Maija Meikäläinen"]
    assert node[SCHEMA + "author"][0]["@type"] == [SCHEMA + "Person"]
    assert names(node, "funder") == ["Sosiaali- ja terveysjärjestöjen avustuskeskus (STEA)"]
    assert names(node, "spatialCoverage") == ["Mikkeli"]
    assert node[SCHEMA + "spatialCoverage"][0]["@type"] == [SCHEMA + "AdministrativeArea"]
    assert names(node, "isPartOf") == [pages["entity"].title]


def test_a_translated_description_speaks_its_language_and_an_article_is_an_article(site, client):
    swedish = site["seed_model"].get_translation(Locale.objects.get(language_code="sv"))
    node = expanded_data(parse_html(client.get(swedish.url)))
    assert values(node, "inLanguage") == ["sv"]
    assert values(node, "name") == ["Utveckling av uppfostrings- och familjerådgivningen i Södra Savolax"]
    assert names(node, "spatialCoverage") == ["Södra Savolax välfärdsområde"]

    article = ArticlePage.objects.filter(locale__language_code="fi").first()
    node = expanded_data(parse_html(client.get(article.url)))
    assert node["@type"] == [SCHEMA + "Article"]
    assert values(node, "name") == [article.title]


def test_open_graph_twitter_card_and_canonical_address(pages, client):
    page = pages["mikkeli"]
    head = parse_html(client.get(page.url)).find("head")

    def meta(attribute, name):
        return head.xpath(f'meta[@{attribute}="{name}"]/@content')

    full_url = f"http://127.0.0.1:8000{page.url}"
    assert head.xpath('link[@rel="canonical"]/@href') == [full_url]
    assert meta("property", "og:url") == [full_url]
    assert meta("property", "og:type") == ["article"]
    assert meta("property", "og:title") == [page.title]
    assert meta("property", "og:description") == [page.short_description]
    assert meta("property", "og:locale") == ["fi_FI"]
    assert meta("name", "twitter:card") == ["summary"]
    assert meta("name", "twitter:title") == [page.title]
    # Pages that are not descriptions have a canonical address but no JSON-LD.
    home = parse_html(client.get("/fi/")).find("head")
    assert home.xpath('link[@rel="canonical"]/@href') == ["http://127.0.0.1:8000/fi/"]
    assert not home.xpath('script[@type="application/ld+json"]')


def test_json_ld_cannot_end_its_script_element(pages, client):
    page = pages["mikkeli"]
    page.title = "Malli </script><script>alert(1)</script>"
    page.save_revision().publish()
    tree = parse_html(client.get(page.url))
    assert len(tree.xpath("//script[not(@src)]")) == 1
    assert values(expanded_data(tree), "name") == [page.title]
