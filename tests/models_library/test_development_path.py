"""Authors write an operating model's development path in the admin, in its parts, guided by help texts."""

from django.urls import reverse
from django.utils import translation
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield
from wagtail_localize.models import StringSegment, TranslationSource

from models_library.models import OperatingModelPage
from tests.models_library.test_admin import CORE_SECTIONS, AdminTestCase, operating_model_data

NEED = "<p>Vanhemmat eivät löytäneet apua ilman lähetettä.</p>"
EVALUATION = "<p>Asiakkaille tehtiin kysely puolen vuoden kuluttua.</p>"


def path_data(parts):
    """Form data of the development path field."""
    return nested_form_data({"development_path": streamfield(parts)})


def part(names, **texts):
    return {name: rich_text(texts.get(name, "")) for name in names}


class DevelopmentPathAdminTests(AdminTestCase):
    def test_an_author_writes_parts_of_the_path_and_visitors_read_them_in_order(self):
        data = operating_model_data(CORE_SECTIONS)
        data.update(
            path_data(
                [
                    ("evaluate", part(("evaluation", "results", "spreading"), evaluation=EVALUATION)),
                    (
                        "understand",
                        part(("need", "operating_environment", "target_group", "starting_point"), need=NEED),
                    ),
                ]
            )
        )
        self.assertCanCreate(self.library, OperatingModelPage, data)
        page = OperatingModelPage.objects.get(slug="perheneuvo")
        assert [child.block_type for child in page.development_path] == ["understand", "evaluate"]
        html = self.client.get(page.url).content.decode()
        assert html.index("Oivalla ja ymmärrä") < html.index("Tarve") < html.index("Arvioi ja levitä")
        assert "Asiakkaille tehtiin kysely" in html
        # Empty sections are left out for visitors.
        assert "Lähtötilanne ja strategiset liittymäkohdat" not in html

    def test_the_editor_has_a_development_path_tab_whose_sections_say_what_they_ask(self):
        self.assertCanCreate(self.library, OperatingModelPage, operating_model_data(CORE_SECTIONS))
        page = OperatingModelPage.objects.get(slug="perheneuvo")
        self.assertShows(self.client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])), "Kehittämisen polku")
        understand = OperatingModelPage.development_path.field.stream_block.child_blocks["understand"]
        with translation.override("fi"):
            assert str(understand.label) == "Oivalla ja ymmärrä"
            assert str(understand.child_blocks["need"].field.help_text).startswith("Mikä tarve tai ongelma")
        with translation.override("sv"):
            assert str(understand.label) == "Insikt och förståelse"

    def test_the_path_is_offered_for_translation(self):
        data = operating_model_data(CORE_SECTIONS)
        needs = ("need", "operating_environment", "target_group", "starting_point")
        data.update(path_data([("understand", part(needs, need=NEED))]))
        self.assertCanCreate(self.library, OperatingModelPage, data)
        page = OperatingModelPage.objects.get(slug="perheneuvo")
        source, _created = TranslationSource.get_or_create_from_instance(page)
        texts = StringSegment.objects.filter(source=source).values_list("string__data", flat=True)
        assert "Vanhemmat eivät löytäneet apua ilman lähetettä." in texts
