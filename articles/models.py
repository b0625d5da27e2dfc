"""News, blog posts and presentation texts that link to models and development entities."""

import datetime

from django.core.paginator import Paginator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.images.blocks import ImageBlock
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from models_library.blocks import RICH_TEXT_FEATURES
from search.indexing import AnalysedSearchMixin, analysed_search_fields
from translations.fields import PAGE_FIELDS


class ArticleBodyBlock(blocks.StreamBlock):
    """The body of an article: text, subheadings, quotes and images."""

    paragraph = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES, label=_("Text"), icon="pilcrow", help_text=_("One or more paragraphs.")
    )
    heading = blocks.CharBlock(
        label=_("Subheading"), icon="title", help_text=_("A subheading that divides the article into parts.")
    )
    quote = blocks.BlockQuoteBlock(label=_("Quote"), help_text=_("A quotation; name the speaker in the text."))
    image = ImageBlock(label=_("Image"), help_text=_("An image with alternative text for those who cannot see it."))

    class Meta:
        required = False


class RelatedPagesBlock(blocks.StreamBlock):
    """Links from an article to the models and development entities it discusses."""

    page = blocks.PageChooserBlock(
        page_type=["models_library.OperatingModelPage", "models_library.DevelopmentEntityPage"],
        label=_("Operating model or development entity"),
    )

    class Meta:
        required = False


class ArticlePageTag(TaggedItemBase):
    content_object = ParentalKey("articles.ArticlePage", on_delete=models.CASCADE, related_name="tagged_items")


class ArticlePage(AnalysedSearchMixin, Page):
    """A news item, blog post or presentation text."""

    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("The lead paragraph: what the article is about, in 1–3 sentences."),
    )
    date = models.DateField(_("date"), default=datetime.date.today, help_text=_("The article's publication date."))
    authors = models.CharField(
        _("authors"), max_length=255, blank=True, help_text=_("The writers' names, as they should be shown.")
    )
    body = StreamField(ArticleBodyBlock(), blank=True, verbose_name=_("body"))
    related_pages = StreamField(
        RelatedPagesBlock(),
        blank=True,
        verbose_name=_("related models and entities"),
        help_text=_("The operating models and development entities the article is about."),
    )
    tags = ClusterTaggableManager(through=ArticlePageTag, blank=True, verbose_name=_("tags"))

    parent_page_types = ["articles.ArticleIndexPage"]
    subpage_types = []

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("date"),
        FieldPanel("authors"),
        FieldPanel("body"),
        FieldPanel("related_pages"),
        FieldPanel("tags"),
    ]
    analysed_fields = ("title", "intro", "authors", "body")
    translatable_fields = PAGE_FIELDS + [
        TranslatableField("intro"),
        SynchronizedField("date"),
        SynchronizedField("authors", overridable=False),
        TranslatableField("body"),
        TranslatableField("related_pages"),
        SynchronizedField("tags"),
        SynchronizedField("tagged_items"),
    ]
    summary_fields = ("intro",)
    search_fields = Page.search_fields + analysed_search_fields() + [index.FilterField("date")]

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")

    def live_related_pages(self):
        """The related models and entities that are published, in the visitor's language where translated."""
        return [block.value.localized for block in self.related_pages if block.value and block.value.live]


class ArticleIndexPage(Page):
    """Lists the articles, newest first."""

    intro = RichTextField(_("introduction"), features=["bold", "italic", "link"], blank=True)

    parent_page_types = ["home.HomePage"]
    subpage_types = ["articles.ArticlePage"]
    content_panels = Page.content_panels + [FieldPanel("intro")]
    translatable_fields = PAGE_FIELDS + [TranslatableField("intro")]
    per_page = 20

    class Meta:
        verbose_name = _("article list")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        articles = ArticlePage.objects.live().public().child_of(self).order_by("-date", "-first_published_at")
        context["page_obj"] = Paginator(articles, self.per_page).get_page(request.GET.get("page"))
        return context
