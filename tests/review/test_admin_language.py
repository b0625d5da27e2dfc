"""The admin pages of the editorial journeys are in the user's language: no interface string on them is
left in English while the user works in Finnish or Swedish (names and content are allowed).

What counts as an English string is ``tests.admin_language``'s. The pages here are read as the server
sends them, before their scripts run, so only messages without any translation count; tests/browser/
reads the pages as Chromium shows them, where every English message counts.
"""

from datetime import UTC, datetime
from html.parser import HTMLParser
from pathlib import Path

import pytest
import wagtail.admin
from django.urls import reverse
from django.utils import translation as i18n
from wagtail.users.models import UserProfile
from wagtail_localize.models import StringTranslation, TranslationSource

from tests import admin_language
from tests.models_library.test_admin import CORE_SECTIONS, operating_model_data

from .conftest import edit_url, translate

pytestmark = pytest.mark.django_db
ATTRIBUTES = {"title", "aria-label", "placeholder", "alt"}


class VisibleText(HTMLParser):
    """The texts a user reads on an admin page: text outside scripts and styles, and labelling attributes."""

    def __init__(self):
        super().__init__()
        self.texts = set()
        self.skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "template", "textarea"):
            self.skipping += 1
        for name, value in attrs:
            if name in ATTRIBUTES and value:
                self.texts.add(value.strip())
        if tag == "input" and dict(attrs).get("type") in ("submit", "button") and dict(attrs).get("value"):
            self.texts.add(dict(attrs)["value"].strip())

    def handle_endtag(self, tag):
        if tag in ("script", "style", "template", "textarea") and self.skipping:
            self.skipping -= 1

    def handle_data(self, data):
        if not self.skipping and data.strip():
            self.texts.add(" ".join(data.split()))


def english_strings(html, language_code):
    parser = VisibleText()
    parser.feed(html)
    return admin_language.english_strings(parser.texts, language_code, untranslated_only=True)


def journey_pages(site):
    """(user, address) of the admin pages the editorial journeys go through."""
    model = site.description(live=True)
    draft = site.description()
    translation = translate(site.description(live=True), "sv")
    translate(model, "sv")
    source = TranslationSource.objects.get(object_id=model.translation_key, locale=model.locale)
    library = site.library.pk
    add_url = reverse("wagtailadmin_pages:add", args=["models_library", "operatingmodelpage", library])
    return [
        ("author", reverse("wagtailadmin_home")),
        ("author", reverse("wagtailadmin_explore", args=[library])),
        ("author", add_url),
        ("author", edit_url(draft)),
        ("reviewer", reverse("wagtailadmin_home")),
        ("reviewer", edit_url(draft)),
        ("translator_sv", reverse("wagtailadmin_home")),
        ("translator_sv", reverse("review_translation_work")),
        ("translator_sv", reverse("wagtail_localize:submit_page_translation", args=[draft.pk])),
        ("translator_sv", reverse("wagtail_localize:update_translations", args=[source.pk])),
        ("translator_sv", edit_url(translation)),
        ("language_reviewer_sv", reverse("wagtailadmin_home")),
        ("language_reviewer_sv", edit_url(translation)),
    ]


@pytest.mark.parametrize("language_code", ["fi", "sv"])
def test_no_english_on_the_journeys_admin_pages(client, site, language_code):
    found = {}
    for username, url in journey_pages(site):
        user = site.user(username)
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = language_code
        profile.save()
        client.force_login(user)
        response = client.get(url)
        assert response.status_code == 200, url
        english = english_strings(response.content.decode(), language_code)
        if english:
            found[f"{username} {url}"] = english
    assert not found


def test_the_translation_editors_script_messages_come_in_finnish_and_swedish(client, site):
    user = site.user("translator_sv")
    client.force_login(user)
    profile = UserProfile.get_for_user(user)
    for language_code, expected in (("fi", "Julkaise kielell"), ("sv", "Stoppar synkroniserad")):
        profile.preferred_language = language_code
        profile.save()
        assert expected in client.get(reverse("wagtail_localize:javascript_catalog")).content.decode()


@pytest.mark.parametrize("language_code", ["fi", "sv"])
def test_the_check_finds_english_texts_and_dates_and_allows_the_users_language(language_code):
    english = {
        "More actions",
        "Search options…",
        "Suomi to Svenska translation",
        "Uses Suomi version",
        "Käännetty manuaalisesti 29 November 2026",
    }
    in_language = {"Haku", "Sök", "Käännös: Suomi → Svenska", "Status", "Perhekeskuksen kohtaamispaikka"}
    assert admin_language.english_strings(english | in_language, language_code) == sorted(english)


@pytest.mark.parametrize(
    "language_code, catalog, expected",
    [
        ("fi", "wagtailadmin_javascript_catalog", "Hae vaihtoehdoista"),
        ("sv", "wagtailadmin_javascript_catalog", "Sök bland alternativen"),
        ("fi", "wagtail_localize:javascript_catalog", "Käännös: %(source)s → %(target)s"),
        ("sv", "wagtail_localize:javascript_catalog", "Översättning: %(source)s → %(target)s"),
    ],
)
def test_wagtails_script_messages_come_in_finnish_and_swedish(client, site, language_code, catalog, expected):
    user = site.user("author")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language_code
    profile.save()
    client.force_login(user)
    assert expected in client.get(reverse(catalog)).content.decode("unicode_escape")


@pytest.mark.parametrize(
    "language_code, expected",
    [("fi", "Käännetty manuaalisesti 29. marraskuuta 2026"), ("sv", "Manuellt översatt på 29 november 2026")],
)
def test_the_translation_editor_dates_a_text_in_the_users_language(language_code, expected):
    translated = StringTranslation(
        translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL, updated_at=datetime(2026, 11, 29, 12, tzinfo=UTC)
    )
    with i18n.override(language_code):
        assert translated.get_comment() == expected


def test_upstream_typos_are_corrected():
    with i18n.override("fi"):
        assert i18n.gettext("Locales") == "Maa-asetukset"


@pytest.mark.parametrize("language_code", ["fi", "sv"])
def test_a_form_with_errors_answers_in_the_users_language(client, site, language_code):
    user = site.user("author")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language_code
    profile.save()
    client.force_login(user)
    url = reverse("wagtailadmin_pages:add", args=["models_library", "operatingmodelpage", site.library.pk])
    response = client.post(url, operating_model_data(CORE_SECTIONS, title="", **{"action-draft": "1"}))
    assert response.status_code == 200
    assert english_strings(response.content.decode(), language_code) == []


def test_wagtails_templates_still_write_english_labels():
    """When this fails, Wagtail translates its "Search" button and "Actions" label, and
    review/static/review/admin-language.js (review.upstream_wagtail) can go."""
    templates = Path(wagtail.admin.__file__).parent / "templates/wagtailadmin"
    assert 'value="Search"' in (templates / "home.html").read_text()
    assert 'value="Search"' in (templates / "shared/header.html").read_text()
    assert 'aria-label="Actions"' in (templates / "shared/headers/_actions.html").read_text()
