"""Translations with wagtail-localize: synced fields, lag after a change of the Finnish page, sync
that keeps manual work, the language switcher, hreflang, the admin report and machine translation."""

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail_localize.fields import get_translatable_fields
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource
from wagtail_localize.operations import TranslationCreator

from config.machine_translation import machine_translator_from_env
from models_library.models import DevelopmentEntityPage, OperatingModelPage
from review.roles import translators
from taxonomy.models import Area, Funder, Theme
from tests.factories import DevelopmentEntityPageFactory, OperatingModelPageFactory
from translations.state import INCOMPLETE, MISSING, OUTDATED, UP_TO_DATE, state_of_translation, translation_states

pytestmark = pytest.mark.django_db


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """Run what wagtail-localize defers to the end of the transaction (publishing a translation)."""

    def run(function, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return function(*args, **kwargs)

    return run


def translate_manually(translation, texts, keep_the_rest=False):
    """Enter translations as a translator would in the editor: {source text: translated text}.

    With ``keep_the_rest`` every other text is confirmed as it is (as for names and slugs).
    """
    for segment in StringSegment.objects.filter(source=translation.source).select_related("string", "context"):
        text = texts.get(segment.string.data, segment.string.data if keep_the_rest else None)
        if text is not None:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=translation.target_locale,
                context=segment.context,
                defaults={"data": text, "translation_type": "manual"},
            )


def translate_tree(commit, locales, *pages):
    """Submit pages for translation and publish the (still Finnish) translations."""
    creator = TranslationCreator(None, locales)
    for page in pages:
        creator.create_translations(page)
    for translation in Translation.objects.filter(source__object_id__in=[page.translation_key for page in pages]):
        commit(translation.save_target, publish=True)


@pytest.fixture
def model_page(library, locales, commit):
    """A published operating model with classifications, translated into Swedish (published)."""
    page = OperatingModelPageFactory(parent=library, title="Perheneuvonta", short_description="Lyhyt kuvaus.")
    page.areas.set(Area.objects.filter(locale=locales["fi"], kind="county")[:2])
    page.funders.set(Funder.objects.filter(locale=locales["fi"], slug="stm"))
    page.themes.set(Theme.objects.filter(locale=locales["fi"], slug="perhekeskukset"))
    commit(page.save_revision().publish)
    home = library.get_parent()
    translate_tree(commit, [locales["sv"]], home, library, page)
    translation = Translation.objects.get(source__object_id=page.translation_key, target_locale=locales["sv"])
    texts = {"Perheneuvonta": "Familjerådgivning", "Lyhyt kuvaus.": "Kort beskrivning."}
    translate_manually(translation, texts, keep_the_rest=True)
    commit(translation.save_target, publish=True)
    return OperatingModelPage.objects.get(pk=page.pk)


def swedish(page):
    return page.get_translation(Locale.objects.get(language_code="sv")).specific


def republish(page, **changes):
    page = page.specific_class.objects.get(pk=page.pk)
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision().publish()
    return page


class TestTranslatableFields:
    def test_every_page_type_lists_its_fields_explicitly(self):
        for model in (OperatingModelPage, DevelopmentEntityPage):
            fields = {field.field_name: field for field in get_translatable_fields(model)}
            for name in ("areas", "funders", "themes", "target_groups", "organisation"):
                assert fields[name].is_synchronized(model()) and not fields[name].is_translated(model()), name
            assert fields["short_description"].is_translated(model())

    def test_slug_and_codes_of_classifications_are_synchronised(self):
        fields = {field.field_name: field for field in get_translatable_fields(Area)}
        assert fields["name"].is_translated(Area())
        for name in ("slug", "kind", "code"):
            assert not fields[name].is_translated(Area()) and fields[name].is_synchronized(Area()), name

    def test_the_translation_keeps_the_finnish_classifications(self, model_page):
        translation = swedish(model_page)
        assert translation.title == "Familjerådgivning"
        assert set(translation.areas.all()) == set(model_page.areas.all())
        assert [funder.slug for funder in translation.funders.all()] == ["stm"]
        assert [theme.slug for theme in translation.themes.all()] == ["perhekeskukset"]

    def test_a_changed_classification_reaches_the_translation_on_sync(self, model_page, locales, commit):
        source_page = OperatingModelPage.objects.get(pk=model_page.pk)
        source_page.themes.set(
            Theme.objects.filter(locale=locales["fi"], slug__in=["perhekeskukset", "varhainen-tuki"])
        )
        commit(source_page.save_revision().publish)
        source = TranslationSource.objects.get(object_id=model_page.translation_key)
        source.update_from_db()
        commit(source.translations.get().save_target, publish=True)
        assert {theme.slug for theme in swedish(model_page).themes.all()} == {"perhekeskukset", "varhainen-tuki"}


class TestLagAndSync:
    def test_a_fresh_translation_is_up_to_date(self, model_page):
        state = state_of_translation(swedish(model_page))
        assert state.state == UP_TO_DATE
        assert not state.lags_behind

    def test_a_change_of_the_finnish_page_makes_the_translation_lag(self, model_page, commit, client):
        commit(republish, model_page, short_description="Uusi lyhyt kuvaus.")
        state = state_of_translation(swedish(model_page))
        assert state.state == OUTDATED
        # The public Swedish page says so and links to the Finnish page.
        response = client.get(swedish(model_page).url)
        content = response.content.decode()
        assert 'role="note"' in content
        assert f'href="{model_page.url}" hreflang="fi"' in content

    def test_sync_keeps_manual_translations_and_asks_only_for_the_changed_text(self, model_page, commit, admin_client):
        commit(republish, model_page, short_description="Uusi lyhyt kuvaus.")
        source = TranslationSource.objects.get(object_id=model_page.translation_key)
        # "Sync translated pages" in the admin, publishing the translations at once.
        url = reverse("wagtail_localize:update_translations", args=[source.pk])
        response = commit(admin_client.post, url, {"publish_translations": "on"})
        assert response.status_code == 302
        translation = swedish(model_page)
        assert translation.title == "Familjerådgivning"  # the earlier manual work is kept
        assert translation.short_description == "Uusi lyhyt kuvaus."  # new text waits, shown in Finnish
        state = state_of_translation(translation)
        assert state.state == INCOMPLETE and state.lags_behind
        assert (state.total_segments - state.translated_segments) == 1

        translate_manually(source.translations.get(), {"Uusi lyhyt kuvaus.": "Ny kort beskrivning."})
        commit(source.translations.get().save_target, publish=True)
        translation = swedish(model_page)
        assert (translation.title, translation.short_description) == ("Familjerådgivning", "Ny kort beskrivning.")
        assert state_of_translation(translation).state == UP_TO_DATE

    def test_a_sync_not_yet_applied_still_lags(self, model_page, commit):
        commit(republish, model_page, short_description="Uusi lyhyt kuvaus.")
        TranslationSource.objects.get(object_id=model_page.translation_key).update_from_db()
        state = state_of_translation(swedish(model_page))
        assert state.state == OUTDATED
        assert len(state.reasons) == 1

    def test_missing_languages_are_reported(self, model_page):
        states = translation_states([model_page])[model_page.pk]
        assert states["sv"].state == UP_TO_DATE
        assert states["en"].state == MISSING


class TestPublicLanguageVersions:
    def test_the_root_sends_visitors_to_their_browser_language_with_finnish_as_default(self, client):
        assert client.get("/", HTTP_ACCEPT_LANGUAGE="sv-FI,sv;q=0.9")["Location"] == "/sv/"
        assert client.get("/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.8")["Location"] == "/en/"
        assert client.get("/", HTTP_ACCEPT_LANGUAGE="de-DE")["Location"] == "/fi/"
        assert client.get("/")["Location"] == "/fi/"

    def test_the_switcher_links_to_the_translation_with_lang_and_hreflang(self, model_page, client):
        translation = swedish(model_page)
        content = client.get(model_page.url).content.decode()
        assert f'<a href="{translation.url}" hreflang="sv">Svenska</a>' in content
        assert f'<a href="{model_page.url}" hreflang="fi" aria-current="true">Suomi</a>' in content
        assert '<li lang="sv">' in content
        assert f'<link rel="alternate" hreflang="sv" href="{settings.SITE_URL}{translation.url}">' in content
        assert f'<link rel="alternate" hreflang="x-default" href="{settings.SITE_URL}{model_page.url}">' in content
        # No English translation: said plainly, no alternate link.
        assert "English: not translated yet" in content
        assert 'hreflang="en" href=' not in content

    def test_on_a_translation_a_missing_language_offers_the_finnish_page(self, model_page, client):
        content = client.get(swedish(model_page).url).content.decode()
        assert '<html lang="sv">' in content
        assert "English: not translated yet" in content
        assert f'<a href="{model_page.url}" hreflang="fi">read the Finnish page</a>' in content

    def test_a_draft_translation_is_not_offered(self, library, locales, commit, client):
        page = OperatingModelPageFactory(parent=library)
        translate_tree(commit, [locales["sv"]], library.get_parent(), library)
        TranslationCreator(None, [locales["sv"]]).create_translations(page)  # a draft
        assert not swedish(page).live
        content = client.get(page.url).content.decode()
        assert "Svenska: inte översatt ännu" in content  # said in the language it is about
        assert swedish(page).url not in content

    def test_the_search_view_switches_language_on_the_same_query(self, client):
        content = client.get("/sv/search/?q=perhe").content.decode()
        assert '<a href="/fi/search/?q=perhe" hreflang="fi">Suomi</a>' in content
        assert '<a href="/sv/search/?q=perhe" hreflang="sv" aria-current="true">Svenska</a>' in content


class TestAdmin:
    def test_the_report_lists_each_description_with_its_state_per_language(self, model_page, library, admin_client):
        DevelopmentEntityPageFactory(parent=library, title="Kehittämishanke X")
        response = admin_client.get(reverse("translation_state_report"))
        assert response.status_code == 200
        content = response.content.decode()
        assert "Perheneuvonta" in content and "Kehittämishanke X" in content
        assert content.count("translation-state--up_to_date") == 1
        assert content.count("translation-state--missing") == 3

    def test_the_report_takes_a_translator_to_their_translation(self, model_page, client, django_user_model):
        translator = django_user_model.objects.create_user("kaantaja_sv")
        translator.groups.add(Group.objects.get(name=translators("sv")))
        client.force_login(translator)
        content = client.get(reverse("translation_state_report")).content.decode()
        assert f'href="{reverse("wagtailadmin_pages:edit", args=[swedish(model_page).pk])}"' in content
        assert f'href="{reverse("wagtailadmin_pages:edit", args=[model_page.pk])}"' not in content

    def test_the_report_takes_an_editor_of_the_finnish_page_to_it(self, model_page, admin_client):
        content = admin_client.get(reverse("translation_state_report")).content.decode()
        assert f'href="{reverse("wagtailadmin_pages:edit", args=[model_page.pk])}"' in content

    def test_the_report_offers_to_sync_a_lagging_translation(self, model_page, commit, admin_client):
        commit(republish, model_page, short_description="Uusi lyhyt kuvaus.")
        source = TranslationSource.objects.get(object_id=model_page.translation_key)
        content = admin_client.get(reverse("translation_state_report")).content.decode()
        assert "translation-state--outdated" in content
        assert reverse("wagtail_localize:update_translations", args=[source.pk]) in content

    def test_the_editor_warns_that_a_translation_lags(self, model_page, commit, admin_client):
        commit(republish, model_page, short_description="Uusi lyhyt kuvaus.")
        response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[model_page.pk]))
        assert "Näiden kielten käännökset ovat jäljessä tästä sivusta: Svenska." in response.content.decode()
        response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[swedish(model_page).pk]))
        assert "Tämä käännös on jäljessä suomenkielisestä sivusta." in response.content.decode()

    def test_the_report_query_count_does_not_grow_with_descriptions(
        self, library, admin_client, django_assert_max_num_queries
    ):
        for _ in range(3):
            OperatingModelPageFactory(parent=library)
        admin_client.get(reverse("translation_state_report"))
        with django_assert_max_num_queries(40) as captured:
            admin_client.get(reverse("translation_state_report"))
        few = len(captured)
        for _ in range(10):
            OperatingModelPageFactory(parent=library)
        with django_assert_max_num_queries(few):
            admin_client.get(reverse("translation_state_report"))


class TestMachineTranslation:
    def test_none_without_configuration(self):
        assert machine_translator_from_env({}) is None

    def test_deepl_from_the_environment(self):
        config = machine_translator_from_env({"DEEPL_API_KEY": "abc:fx", "DEEPL_FORMALITY": "prefer_more"})
        assert config == {
            "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
            "OPTIONS": {"AUTH_KEY": "abc:fx", "FORMALITY": "prefer_more"},
        }

    def test_libretranslate_from_the_environment(self):
        config = machine_translator_from_env({"LIBRETRANSLATE_URL": "https://lt.example.fi/"})
        assert config["OPTIONS"] == {"LIBRETRANSLATE_URL": "https://lt.example.fi", "API_KEY": ""}

    def test_the_configured_translator_loads(self, settings):
        from wagtail_localize.machine_translators import get_machine_translator

        settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = machine_translator_from_env({"DEEPL_API_KEY": "abc:fx"})
        translator = get_machine_translator()
        assert translator.display_name == "DeepL"
        assert translator.get_api_endpoint() == "https://api-free.deepl.com/v2/translate"


def test_demo_translations_make_a_tree_per_language(sections, commit):
    from demo.translations import translate_demo

    library, articles = sections
    OperatingModelPageFactory(parent=library, title="Kasvatus- ja perheneuvontatyön kehittäminen Etelä-Savossa")
    made = commit(translate_demo)
    assert made == 2 * 4
    sv_library = library.get_translation(Locale.objects.get(language_code="sv"))
    assert (sv_library.title, sv_library.live, sv_library.url) == (
        "Verksamhetsmodeller",
        True,
        "/sv/verksamhetsmodeller/",
    )
    sv_model = Page.objects.get(locale__language_code="sv", depth=4)
    assert sv_model.title == "Utveckling av uppfostrings- och familjerådgivningen i Södra Savolax"
    assert not sv_model.live  # awaits a translator's review
    assert commit(translate_demo) == 0
