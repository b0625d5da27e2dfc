"""Authors create each page type through the admin; publishing rules and validation messages."""

import json

from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from articles.models import ArticlePage
from home.sections import site_sections
from models_library.models import DevelopmentEntityPage, OperatingModelPage
from models_library.sections import REQUIRED_TO_PUBLISH, SECTION_ORDER
from taxonomy.models import Area, Funder
from tests.form_data import CORE_SECTIONS, EVALUATION, list_block, operating_model_data


class AdminTestCase(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.library, cls.article_index = site_sections()

    def setUp(self):
        self.login()

    def assertShows(self, response, text):
        """Like ``assertContains`` but fails with a short message instead of the whole admin page."""
        if text not in response.content.decode():
            self.fail(f"“{text}” is not on the page")

    def assertFieldError(self, response, field, text):
        """The admin form shows ``text`` among the errors of ``field``.

        StreamField errors reach the editor as JSON (``as_json_data``), so they are read from there.
        """
        errors = response.context["form"].errors.get(field)
        if not errors:
            self.fail(f"no errors on {field}")
        messages = json.dumps(
            [e.as_json_data() if hasattr(e, "as_json_data") else e.messages for e in errors.as_data()],
            ensure_ascii=False,
        )
        if text not in messages:
            self.fail(f"“{text}” is not among the errors of {field}: {messages}")

    def add_page(self, model, parent, data, publish):
        url = reverse("wagtailadmin_pages:add", args=[model._meta.app_label, model._meta.model_name, parent.pk])
        data = dict(data)
        data["action-publish" if publish else "action-draft"] = "1"
        return self.client.post(url, data)


class OperatingModelAdminTests(AdminTestCase):
    def test_author_creates_and_publishes_a_model_that_renders_its_fields(self):
        county = Area.objects.get(slug="etela-savo", locale__language_code="fi")
        stm = Funder.objects.get(slug="stm", locale__language_code="fi")
        data = operating_model_data(CORE_SECTIONS + [EVALUATION], areas=[county.pk], funders=[stm.pk])
        self.assertCanCreate(self.library, OperatingModelPage, data)

        page = OperatingModelPage.objects.get(slug="perheneuvo")
        self.assertTrue(page.live)
        self.assertEqual([child.block_type for child in page.body], [*REQUIRED_TO_PUBLISH, "evaluation"])
        html = self.client.get(page.url).content.decode()
        for text in (
            "Perheneuvo yhden yhteydenoton mallina",
            "Perheneuvo kokoaa yhteydenotot yhteen paikkaan.",
            "Systeeminen koulutus",
            "Apua saa nopeasti",
            "Etelä-Savon hyvinvointialue",
            "Sosiaali- ja terveysministeriö (STM)",
            "Taina Paananen",
            "11.12.2023",
            "perheneuvonta",
        ):
            self.assertIn(text, html)
        self.assertIn("<h2", html)
        self.assertIn("Ratkaisun perusidea", html)

    def test_each_save_keeps_a_revision_and_the_live_page_waits_for_publishing(self):
        self.assertCanCreate(self.library, OperatingModelPage, operating_model_data(CORE_SECTIONS))
        page = OperatingModelPage.objects.get(slug="perheneuvo")
        url = reverse("wagtailadmin_pages:edit", args=[page.pk])
        changed = operating_model_data(CORE_SECTIONS, title="Perheneuvo, muokattu")
        changed["authors-INITIAL_FORMS"] = "0"
        response = self.client.post(url, changed)
        self.assertEqual(response.status_code, 302)
        page.refresh_from_db()
        self.assertEqual(page.revisions.count(), 2)
        self.assertEqual(page.title, "Perheneuvo yhden yhteydenoton mallina")  # the draft is not live yet
        self.assertEqual(page.get_latest_revision_as_object().title, "Perheneuvo, muokattu")

    def test_an_author_previews_a_description_before_saving(self):
        args = ["models_library", "operatingmodelpage", self.library.pk]
        url = reverse("wagtailadmin_pages:preview_on_add", args=args)
        response = self.client.post(url, operating_model_data(CORE_SECTIONS + [EVALUATION]))
        self.assertEqual(response.json()["is_valid"], True)
        html = self.client.get(url).content.decode()
        self.assertIn("Perheneuvo kokoaa yhteydenotot yhteen paikkaan.", html)
        self.assertIn("Apua saa nopeasti", html)
        self.assertFalse(OperatingModelPage.objects.exists())

    def test_sections_are_stored_in_the_national_order_whatever_order_they_are_given(self):
        shuffled = [EVALUATION] + list(reversed(CORE_SECTIONS))
        self.assertCanCreate(self.library, OperatingModelPage, operating_model_data(shuffled))
        page = OperatingModelPage.objects.get(slug="perheneuvo")
        given = {name for name, _data in shuffled}
        self.assertEqual([child.block_type for child in page.body], [name for name in SECTION_ORDER if name in given])

    def test_publishing_without_a_required_section_is_refused_with_a_clear_message(self):
        sections = [section for section in CORE_SECTIONS if section[0] != "conditions"]
        response = self.add_page(OperatingModelPage, self.library, operating_model_data(sections), publish=True)
        self.assertEqual(response.status_code, 200)
        self.assertFieldError(
            response, "body", "Kuvausta ei voi julkaista ilman näitä osioita: Toimivuuden ja käyttöönoton ehdot."
        )
        self.assertFalse(OperatingModelPage.objects.filter(slug="perheneuvo").exists())

    def test_a_draft_without_required_sections_can_be_saved(self):
        data = operating_model_data([CORE_SECTIONS[0]])
        response = self.add_page(OperatingModelPage, self.library, data, publish=False)
        self.assertEqual(response.status_code, 302)
        page = OperatingModelPage.objects.get(slug="perheneuvo")
        self.assertFalse(page.live)
        self.assertEqual([child.block_type for child in page.get_latest_revision_as_object().body], ["core_idea"])

    def test_a_section_may_appear_only_once(self):
        data = operating_model_data(CORE_SECTIONS + [CORE_SECTIONS[0]])
        response = self.add_page(OperatingModelPage, self.library, data, publish=False)
        self.assertEqual(response.status_code, 200)
        self.assertFieldError(response, "body", "Ratkaisun perusidea")
        self.assertFalse(OperatingModelPage.objects.filter(slug="perheneuvo").exists())

    def test_a_too_long_short_description_is_refused_with_a_clear_message(self):
        data = operating_model_data(CORE_SECTIONS, short_description="Pitkä kuvaus. " * 60)
        response = self.add_page(OperatingModelPage, self.library, data, publish=False)
        self.assertEqual(response.status_code, 200)
        self.assertFieldError(response, "short_description", "Lyhyt kuvaus on liian pitkä: enintään 600 merkkiä")

    def test_the_admin_speaks_the_users_language_and_guides_each_field(self):
        url = reverse("wagtailadmin_pages:add", args=["models_library", "operatingmodelpage", self.library.pk])
        response = self.client.get(url, HTTP_ACCEPT_LANGUAGE="fi-FI,fi;q=0.9")
        self.assertShows(response, '<html lang="fi"')
        self.assertShows(response, "Perustiedot")
        self.assertShows(response, "Toteutuspaikka")
        self.assertShows(response, "1–3 virkettä, jotka kertovat toisen alueen lukijalle")
        response = self.client.get(url, HTTP_ACCEPT_LANGUAGE="sv-FI,sv;q=0.9")
        self.assertShows(response, '<html lang="sv"')
        self.assertShows(response, "Grunduppgifter")

    def test_every_field_and_section_has_help_text(self):
        from models_library.blocks import DescriptionBlock

        for model in (OperatingModelPage, DevelopmentEntityPage):
            for field in model._meta.get_fields():
                if field.concrete and field.model is model and field.name not in ("page_ptr",):
                    self.assertTrue(getattr(field, "help_text", ""), f"{model.__name__}.{field.name} has no help text")
        for name, block in DescriptionBlock().child_blocks.items():
            help_text = getattr(block.meta, "help_text", None) or block.field.help_text
            self.assertTrue(help_text, f"section {name} has no help text")


class DevelopmentEntityAdminTests(AdminTestCase):
    def entity_data(self, **fields):
        data = nested_form_data(
            {
                "title": "Vauva- ja väkivaltatyötä sotekeskuksiin",
                "slug": "vauva-ja-vakivaltatyo",
                "short_description": "Järjestöjen osaaminen osaksi julkisia palveluja.",
                "purpose_and_goals": rich_text("<p>Erityisosaamisen juurruttaminen perhekeskuksiin.</p>"),
                "start_date": "2022-01-01",
                "end_date": "2024-12-31",
                "operating_period_note": "Kehittämistyö on käynnissä.",
                "actors": rich_text("<p>Ensi- ja turvakotien liitto</p>"),
                "contact_name": "Tiina Palviainen",
                "contact_email": "tiina.palviainen@etkl.fi",
                "created_date": "2022-10-04",
                "modified_date": "",
                "starting_point": rich_text(""),
                "main_goals": streamfield(
                    [
                        (
                            "goal",
                            {
                                "goal": "Vauva- ja väkivaltatyön osaaminen integroituu perhekeskuksiin.",
                                "target_groups": list_block(["Perhekeskusten ammattilaiset"]),
                                "activities": list_block(
                                    [{"start_year": "2022", "end_year": "", "text": "Avainhenkilöverkosto"}]
                                ),
                            },
                        )
                    ]
                ),
                "expected_results": rich_text("<p>Toimivia yhteistyömalleja.</p>"),
                "impacts": rich_text("<p>Saumaton palvelupolku.</p>"),
                "other_sections": streamfield([]),
                "tags": "",
            }
        )
        data.update(fields)
        return data

    def test_author_creates_an_entity_that_renders_its_fields(self):
        stea = Funder.objects.get(slug="stea", locale__language_code="fi")
        self.assertCanCreate(self.library, DevelopmentEntityPage, self.entity_data(funders=[stea.pk]))
        page = DevelopmentEntityPage.objects.get(slug="vauva-ja-vakivaltatyo")
        html = self.client.get(page.url).content.decode()
        for text in (
            "Erityisosaamisen juurruttaminen perhekeskuksiin.",
            "1.1.2022–31.12.2024",
            "Tiina Palviainen",
            "mailto:tiina.palviainen@etkl.fi",
            "Avainhenkilöverkosto",
            "Perhekeskusten ammattilaiset",
            "Sosiaali- ja terveysjärjestöjen avustuskeskus (STEA)",
        ):
            self.assertIn(text, html)

    def test_an_end_date_before_the_start_date_is_refused(self):
        response = self.add_page(
            DevelopmentEntityPage, self.library, self.entity_data(end_date="2021-12-31"), publish=False
        )
        self.assertEqual(response.status_code, 200)
        self.assertFieldError(response, "end_date", "Päättymispäivä ei voi olla ennen alkamispäivää.")

    def test_a_bad_email_is_refused(self):
        response = self.add_page(
            DevelopmentEntityPage, self.library, self.entity_data(contact_email="tiina.etkl.fi"), publish=False
        )
        self.assertEqual(response.status_code, 200)
        self.assertFieldError(response, "contact_email", "Syötä kelvollinen sähköpostiosoite.")
        self.assertFalse(DevelopmentEntityPage.objects.filter(slug="vauva-ja-vakivaltatyo").exists())

    def test_an_activity_span_ending_before_it_starts_is_refused(self):
        data = self.entity_data()
        data["main_goals-0-value-activities-0-value-end_year"] = "2020"
        response = self.add_page(DevelopmentEntityPage, self.library, data, publish=False)
        self.assertEqual(response.status_code, 200)
        self.assertFieldError(response, "main_goals", "Viimeinen vuosi ei voi olla ennen ensimmäistä vuotta.")


class ArticleAndIndexAdminTests(AdminTestCase):
    def test_author_creates_an_article_linked_to_a_model(self):
        self.assertCanCreate(self.library, OperatingModelPage, operating_model_data(CORE_SECTIONS))
        model = OperatingModelPage.objects.get(slug="perheneuvo")
        data = nested_form_data(
            {
                "title": "Perhekeskuskehittämistä yhdessä",
                "slug": "perhekeskuskehittamista",
                "intro": "Järjestöt mukana perhekeskuksissa.",
                "date": "2021-06-01",
                "authors": "Miriam Tepora",
                "body": streamfield(
                    [
                        ("paragraph", rich_text("<p>Yhteistyömalli on lisännyt luottamusta.</p>")),
                        ("heading", "Mitä seuraavaksi?"),
                        ("quote", "Ei pelkästään puhuta yhteistyöstä, vaan tehdään sitä."),
                    ]
                ),
                "related_pages": streamfield([("page", model.pk)]),
                "tags": "perhekeskus",
            }
        )
        self.assertCanCreate(self.article_index, ArticlePage, data)
        html = self.client.get(ArticlePage.objects.get(slug="perhekeskuskehittamista").url).content.decode()
        for text in (
            "Yhteistyömalli on lisännyt luottamusta.",
            "<h2>Mitä seuraavaksi?</h2>",
            "Miriam Tepora",
            model.url,
        ):
            self.assertIn(text, html)

    def test_page_type_rules(self):
        from articles.models import ArticleIndexPage
        from home.models import HomePage
        from models_library.models import ModelLibraryPage

        self.assertAllowedSubpageTypes(ModelLibraryPage, {OperatingModelPage, DevelopmentEntityPage})
        self.assertAllowedSubpageTypes(HomePage, {ModelLibraryPage, ArticleIndexPage})
        self.assertAllowedParentPageTypes(OperatingModelPage, {ModelLibraryPage})
        self.assertAllowedParentPageTypes(ArticlePage, {ArticleIndexPage})
        self.assertCanNotCreateAt(Page, OperatingModelPage)
