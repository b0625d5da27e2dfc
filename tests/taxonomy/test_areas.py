"""The data migration creates the areas in Finnish, Swedish and English."""

import pytest

from taxonomy.models import Area, Funder

pytestmark = pytest.mark.django_db


def test_every_county_and_helsinki_and_nationwide_exist_in_three_languages():
    for language in ("fi", "sv", "en"):
        areas = Area.objects.filter(locale__language_code=language)
        assert areas.filter(kind="county").count() == 22
        assert areas.filter(kind="national").count() == 1
        assert areas.filter(kind="municipality").count() == 309
    assert Area.objects.get(slug="etela-savo", locale__language_code="sv").name == "Södra Savolax välfärdsområde"
    assert Area.objects.get(slug="valtakunnallinen", locale__language_code="en").name == "Nationwide"


def test_municipalities_sit_under_their_county():
    fi = {"locale__language_code": "fi"}
    assert Area.objects.get(name="Pieksämäki", **fi).parent.slug == "etela-savo"
    assert Area.objects.get(name="Vihti", **fi).parent.slug == "lansi-uusimaa"
    assert Area.objects.get(name="Helsinki", kind="municipality", **fi).parent.slug == "helsinki"
    assert Area.objects.get(name="Maarianhamina", **fi).parent is None  # Åland is no county
    assert Area.objects.get(slug="etela-savo", **fi).children.count() == 12


def test_the_same_area_shares_its_translation_key_across_languages():
    keys = set(Area.objects.filter(slug="pohjanmaa").values_list("translation_key", flat=True))
    assert len(keys) == 1
    assert Area.objects.filter(slug="pohjanmaa").count() == 3
    assert Area.objects.get(slug="pohjanmaa", locale__language_code="fi").short_name == "Pohjanmaa"


def test_funders_of_the_national_list_exist():
    names = set(Funder.objects.filter(locale__language_code="fi").values_list("abbreviation", flat=True))
    assert {"STM", "STEA"} <= names
