"""Each page type renders, opens in the editor and previews, through Wagtail's own test assertions."""

from django.urls import reverse
from wagtail.test.utils import WagtailPageTestCase

from home.sections import site_sections
from tests.factories import ArticlePageFactory, DevelopmentEntityPageFactory, OperatingModelPageFactory


class PageTypeContractTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.library, cls.article_index = site_sections()
        cls.pages = [
            OperatingModelPageFactory(parent=cls.library),
            DevelopmentEntityPageFactory(parent=cls.library),
            ArticlePageFactory(parent=cls.article_index),
            cls.library,
            cls.article_index,
            cls.library.get_parent().specific,
        ]

    def test_every_page_type_renders_opens_in_the_editor_and_previews(self):
        user = self.create_superuser("editor")
        for page in self.pages:
            with self.subTest(page=type(page).__name__):
                self.assertPageIsRenderable(page)
                self.client.force_login(user)
                self.assertEqual(self.client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).status_code, 200)
                # Preview renders the page as it stands in the editor (StreamField form
                # data exists only in the browser, so the preview request is made directly).
                self.assertEqual(page.make_preview_request().status_code, 200)
