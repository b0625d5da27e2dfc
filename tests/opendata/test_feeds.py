"""Atom feeds read with feedparser: the library, a theme, an area, a tag and a search, each language its
own; drafts and restricted pages never in them; pages link to their feeds."""

import feedparser
import pytest

from .conftest import parse_html

pytestmark = pytest.mark.django_db


def read_feed(client, address):
    response = client.get(address)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == "atom10"
    return feed


def titles(feed):
    return {entry.title for entry in feed.entries}


def test_the_library_feed_of_each_language(site, client):
    finnish = read_feed(client, "/fi/feeds/")
    assert {site["mikkeli"].title, site["seed_model"].title, site["seed_entity"].title} <= titles(finnish)
    assert site["draft"].title not in titles(finnish)
    assert site["restricted"].title not in titles(finnish)
    assert finnish.feed.language == "fi"
    entry = next(entry for entry in finnish.entries if entry.title == site["mikkeli"].title)
    assert entry.link == f"http://127.0.0.1:8000{site['mikkeli'].url}"
    assert entry.author == "Maija Meikäläinen"
    assert entry.summary == site["mikkeli"].short_description
    assert "Perhekeskukset" in [tag.term for tag in entry.tags]
    assert entry.updated_parsed and entry.published_parsed

    swedish = read_feed(client, "/sv/feeds/")
    assert swedish.feed.language == "sv"
    assert "Utveckling av uppfostrings- och familjerådgivningen i Södra Savolax" in titles(swedish)
    assert site["seed_model"].title not in titles(swedish)
    assert site["mikkeli"].title not in titles(swedish)  # not translated


def test_feeds_of_a_theme_an_area_and_a_tag(site, client):
    mikkeli, seed = site["mikkeli"].title, site["seed_model"].title
    assert titles(read_feed(client, "/fi/feeds/theme/perhekeskukset/")) == {mikkeli}
    county = titles(read_feed(client, "/fi/feeds/area/etela-savo/"))
    assert {mikkeli, seed} <= county  # the county's feed includes its municipality's model
    assert titles(read_feed(client, "/fi/feeds/area/mikkeli/")) == {mikkeli}
    assert titles(read_feed(client, "/fi/feeds/tag/perheneuvonta/")) == {mikkeli}
    assert "Perhekeskukset" in read_feed(client, "/fi/feeds/theme/perhekeskukset/").feed.title
    assert client.get("/fi/feeds/theme/ei-ole/").status_code == 404


def test_the_feed_of_a_search(site, client):
    feed = read_feed(client, "/fi/search/?q=perhekeskus&type=operating_model&format=atom")
    assert site["mikkeli"].title in titles(feed)
    assert site["draft"].title not in titles(feed)
    assert site["restricted"].title not in titles(feed)
    assert feed.feed.link == "http://127.0.0.1:8000/fi/search/?q=perhekeskus&type=operating_model"
    swedish = read_feed(client, "/sv/search/?q=familjer%C3%A5dgivningen&format=atom")
    # The Swedish translation, and (as in the Swedish search) untranslated Finnish models that match.
    assert swedish.entries[0].title == "Utveckling av uppfostrings- och familjerådgivningen i Södra Savolax"
    assert site["draft"].title not in titles(swedish) and site["restricted"].title not in titles(swedish)


def test_pages_link_to_their_feeds(site, client):
    def feed_links(address):
        tree = parse_html(client.get(address))
        return tree.xpath('//head/link[@rel="alternate"][@type="application/atom+xml"]/@href')

    assert feed_links("/fi/") == ["/fi/feeds/"]
    assert feed_links("/sv/") == ["/sv/feeds/"]
    assert feed_links("/fi/search/?q=perhekeskus&page=1") == ["/fi/feeds/", "/fi/search/?q=perhekeskus&format=atom"]
    assert feed_links("/fi/tags/perheneuvonta/") == ["/fi/feeds/", "/fi/feeds/tag/perheneuvonta/"]
    for address in feed_links("/fi/search/?q=perhekeskus"):
        read_feed(client, address)
