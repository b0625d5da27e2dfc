"""The languages are defined once (core.languages); settings, locales and roles follow them."""

import pytest
from django.conf import settings
from wagtail.models import Locale

from core.languages import ALL_LANGUAGES, SOURCE_LANGUAGE, TRANSLATION_LANGUAGES, source_locale
from review.roles import language_reviewers, translators


def test_settings_take_the_languages_from_core():
    assert settings.LANGUAGE_CODE == SOURCE_LANGUAGE == "fi"
    assert [code for code, _name in settings.LANGUAGES] == list(ALL_LANGUAGES) == ["fi", "sv", "en"]
    assert settings.WAGTAIL_CONTENT_LANGUAGES == settings.LANGUAGES


@pytest.mark.django_db
def test_every_language_has_its_locale_and_the_source_one_is_finnish():
    assert set(Locale.objects.values_list("language_code", flat=True)) == set(ALL_LANGUAGES)
    assert source_locale().language_code == "fi"


def test_each_translation_language_has_its_own_roles():
    assert TRANSLATION_LANGUAGES == ("sv", "en")
    assert [translators(code) for code in TRANSLATION_LANGUAGES] == [
        "Kääntäjät (ruotsi) / Översättare (svenska)",
        "Kääntäjät (englanti) / Översättare (engelska)",
    ]
    assert language_reviewers("sv") == "Kielentarkastajat (ruotsi) / Språkgranskare (svenska)"
