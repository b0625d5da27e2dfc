"""The site's front page."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page, TranslatableMixin
from wagtail_localize.fields import TranslatableField

from core.translation_fields import PAGE_FIELDS


class HomePage(Page):
    """The front page: a search box, what the library holds, ways to browse it, the newest models and articles."""

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
        from models_library.languages import below, in_language_or_finnish
        from models_library.models import ModelLibraryPage, OperatingModelPage

        context = super().get_context(request, *args, **kwargs)
        context["library"] = ModelLibraryPage.objects.live().public().child_of(self).first()
        operating_models = OperatingModelPage.objects.live().public().filter(below(self))
        context["latest_operating_models"] = in_language_or_finnish(operating_models, self.locale).order_by(
            "-created_date", "-first_published_at"
        )[:6]
        articles = ArticlePage.objects.live().public().filter(below(self))
        context["latest_articles"] = in_language_or_finnish(articles, self.locale).order_by(
            "-date", "-first_published_at"
        )[:3]
        return context


class SiteTexts(TranslatableMixin, models.Model):
    """The site's name and footer text, one per language, edited as a snippet and translated with
    wagtail-localize; the templates fall back to the interface's own texts while none exists."""

    site_name = models.CharField(_("site name"), max_length=100, help_text=_("Shown at the top of every page."))
    footer_text = models.TextField(
        _("footer text"), help_text=_("One or two sentences on what the site is, at the bottom of every page.")
    )

    panels = [FieldPanel("site_name"), FieldPanel("footer_text")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("site texts")
        verbose_name_plural = _("site texts")

    def __str__(self):
        return self.site_name
