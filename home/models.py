"""The site's front page."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail_localize.fields import TranslatableField

from translations.fields import PAGE_FIELDS


class HomePage(Page):
    """The front page: what the library is, a search box, and the newest models and articles."""

    intro = RichTextField(
        _("introduction"),
        features=["bold", "italic", "link"],
        blank=True,
        help_text=_("One or two sentences on what the library is for, shown under the title."),
    )

    subpage_types = ["models_library.ModelLibraryPage", "articles.ArticleIndexPage"]
    max_count_per_parent = 1
    content_panels = Page.content_panels + [FieldPanel("intro")]
    translatable_fields = PAGE_FIELDS + [TranslatableField("intro")]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        from articles.models import ArticlePage
        from models_library.models import ModelLibraryPage, OperatingModelPage

        context = super().get_context(request, *args, **kwargs)
        context["library"] = ModelLibraryPage.objects.live().public().child_of(self).first()
        context["latest_models"] = (
            OperatingModelPage.objects.live()
            .public()
            .descendant_of(self)
            .order_by("-created_date", "-first_published_at")[:6]
        )
        context["latest_articles"] = (
            ArticlePage.objects.live().public().descendant_of(self).order_by("-date", "-first_published_at")[:3]
        )
        return context
