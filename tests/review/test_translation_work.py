"""A translator's start page: the dashboard panel and list of pages to translate, each action working for them,
and a translation said to lag only when the Finnish page changed after its last sync."""

import re
from html import unescape

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation as i18n
from wagtail.models import Locale, Page

from translations.state import OUTDATED, state_of_translation

from .conftest import edit_url, publish, translate

pytestmark = pytest.mark.django_db


def in_admin_language(message):
    with i18n.override(settings.LANGUAGE_CODE):
        return i18n.gettext(message)


LAG_NOTICE = in_admin_language("This translation is behind the Finnish page.")


def action_link(html, label):
    """The address of the work list's button with this label."""
    match = re.search(rf'href="([^"]+)">{in_admin_language(label)}</a>', html)
    return unescape(match.group(1)) if match else None


@pytest.fixture
def translator(client, site):
    client.force_login(site.user("translator_sv"))
    return client


def test_the_dashboard_offers_a_translator_their_work(translator, site):
    page = site.description(live=True, title="Perhekeskuksen kohtaamispaikka")
    html = translator.get(reverse("wagtailadmin_home")).content.decode()
    assert "Perhekeskuksen kohtaamispaikka" in html
    assert action_link(html, "Translate") == reverse("wagtail_localize:submit_page_translation", args=[page.pk])
    assert reverse("review_translation_work") in html


def test_others_get_no_translation_work(client, site):
    site.description(live=True)
    client.force_login(site.user("author"))
    assert reverse("review_translation_work") not in client.get(reverse("wagtailadmin_home")).content.decode()
    assert client.get(reverse("review_translation_work")).status_code in (302, 403)


def test_translate_then_update_from_the_work_list(translator, site):
    page = site.description(live=True, title="Perhekeskuksen kohtaamispaikka")
    sv = Locale.objects.get(language_code="sv")
    html = translator.get(reverse("review_translation_work")).content.decode()
    response = translator.post(action_link(html, "Translate"), {"locales": [sv.pk]})
    translation = page.get_translation(sv)
    assert response["Location"] == edit_url(translation)
    assert LAG_NOTICE not in translator.get(edit_url(translation), follow=True).content.decode()

    html = translator.get(reverse("review_translation_work")).content.decode()
    assert action_link(html, "Continue translating") == edit_url(translation)

    page.title = "Perhekeskuksen kohtaamispaikat"
    publish(page)
    assert state_of_translation(translation).state == OUTDATED
    assert LAG_NOTICE in translator.get(edit_url(translation), follow=True).content.decode()
    html = translator.get(reverse("review_translation_work")).content.decode()
    update = action_link(html, "Update translation")
    form = translator.get(update).content.decode()
    assert "publish_translations" not in form
    response = translator.post(update, {})
    assert response["Location"] == edit_url(translation)
    assert not state_of_translation(Page.objects.get(pk=translation.pk)).source_changed
    assert LAG_NOTICE not in translator.get(edit_url(translation), follow=True).content.decode()
    html = translator.get(reverse("review_translation_work")).content.decode()
    assert action_link(html, "Continue translating") == edit_url(translation)


def test_a_new_translation_starts_from_the_current_finnish_page(translator, site):
    page = site.description(live=True)
    translate(page, "en")
    page.title = "Uusi otsikko"
    publish(page)
    sv = Locale.objects.get(language_code="sv")
    translator.post(reverse("wagtail_localize:submit_page_translation", args=[page.pk]), {"locales": [sv.pk]})
    translation = page.get_translation(sv)
    assert state_of_translation(translation).state != OUTDATED
    assert LAG_NOTICE not in translator.get(edit_url(translation), follow=True).content.decode()


def test_wagtail_localize_still_translates_from_a_stale_source(site):
    """Gap 4 of review.upstream_localize: when this fails, upstream refreshes the source and the refresh can go."""
    page = site.description(live=True)
    translate(page, "en")
    page.title = "Uusi otsikko"
    publish(page)
    assert state_of_translation(translate(page, "sv")).state == OUTDATED
