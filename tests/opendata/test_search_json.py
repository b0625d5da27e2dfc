"""The search JSON tells of each result its snippet, dates, areas, themes, stage and organisation."""

import pytest

from tests.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db


def test_each_result_has_its_snippet_dates_and_classifications(pages, client):
    data = client.get("/fi/search/", {"q": "perheneuvonta", "format": "json"}).json()
    result = next(result for result in data["results"] if result["title"] == "Perhekeskus Mikkelissä")
    page = pages["mikkeli"]
    page.refresh_from_db()
    assert result["url"] == f"http://127.0.0.1:8000{page.url}"
    assert "perheneuvonta" in result["snippet"].lower()
    assert "<" not in result["snippet"]
    assert result["created"] == page.created_date.isoformat()
    assert result["modified"] == page.last_modified.isoformat()
    assert [area["code"] for area in result["areas"]] == ["mikkeli"]
    assert result["areas"][0]["names"]["sv"] == "S:t Michel"
    assert [theme["code"] for theme in result["themes"]] == ["perhekeskukset"]
    assert result["stage"]["code"] == "piloting"
    assert result["organisation"] == {"code": "esha", "names": {"fi": "Etelä-Savon hyvinvointialue"}}


def test_an_article_result_has_its_date_and_no_classifications(library, article_index, client):
    article = ArticlePageFactory(parent=article_index, title="Perheneuvonnan päivä")
    article.save_revision().publish()
    (result,) = client.get("/fi/search/", {"q": "perheneuvonnan", "format": "json"}).json()["results"]
    assert result["created"] == article.date.isoformat()
    assert result["areas"] == [] and result["stage"] is None and result["organisation"] is None
