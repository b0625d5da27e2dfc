"""Page types of the library: operating models, development entities and the library index."""

import datetime

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from search.indexing import AnalysedSearchMixin, analysed_search_fields
from translations.fields import PAGE_FIELDS

from .blocks import RICH_TEXT_FEATURES, AttachmentBlocks, DescriptionBlock, GoalsBlock, OtherSectionsBlock
from .forms import DescriptionPageForm

SHORT_DESCRIPTION_LIMIT = 600
# Descriptions link to classifications in the source language; templates show them localized.
SOURCE_LOCALE = {"locale__language_code": settings.LANGUAGE_CODE}


class DevelopmentStage(models.TextChoices):
    """How far the development of a model has come (the national stages)."""

    IDEA = "idea", _("Idea")
    IN_DEVELOPMENT = "in_development", _("In development")
    PILOTING = "piloting", _("Being piloted")
    READY = "ready", _("Ready")
    ESTABLISHED = "established", _("Established practice")


class DescriptionPage(AnalysedSearchMixin, Page):
    """What operating models and development entities share: basic information and classification.

    Abstract: each description type is its own page type with its own table.
    """

    short_description = models.TextField(
        _("short description"),
        validators=[
            MaxLengthValidator(
                SHORT_DESCRIPTION_LIMIT,
                message=_(
                    "The short description is too long: at most %(limit_value)d characters "
                    "(now %(show_value)d). Keep it to 1–3 sentences and move the rest to the sections."
                ),
            )
        ],
        help_text=_(
            "1–3 sentences that tell a reader from another region what this is and whom it helps. "
            "Shown in search results and lists."
        ),
    )
    areas = ParentalManyToManyField(
        "taxonomy.Area",
        blank=True,
        limit_choices_to=SOURCE_LOCALE,
        related_name="+",
        verbose_name=_("areas"),
        help_text=_(
            "Municipalities, wellbeing services counties or “Nationwide” where this is in use. Choose all that apply."
        ),
    )
    funders = ParentalManyToManyField(
        "taxonomy.Funder",
        blank=True,
        limit_choices_to=SOURCE_LOCALE,
        related_name="+",
        verbose_name=_("funders"),
        help_text=_("Who funded the development, for example STM or STEA. Choose all that apply."),
    )
    themes = ParentalManyToManyField(
        "taxonomy.Theme",
        blank=True,
        limit_choices_to=SOURCE_LOCALE,
        related_name="+",
        verbose_name=_("themes"),
        help_text=_("The subjects this deals with; readers filter by them."),
    )
    target_groups = ParentalManyToManyField(
        "taxonomy.TargetGroup",
        blank=True,
        limit_choices_to=SOURCE_LOCALE,
        related_name="+",
        verbose_name=_("target groups"),
        help_text=_("The groups of people this serves; readers filter by them."),
    )
    organisation = models.ForeignKey(
        "taxonomy.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        limit_choices_to=SOURCE_LOCALE,
        related_name="+",
        verbose_name=_("organisation"),
        help_text=_("The organisation that owns and updates this description."),
    )
    created_date = models.DateField(
        _("created"),
        default=datetime.date.today,
        help_text=_("When the description was first written."),
    )
    modified_date = models.DateField(
        _("last modified"),
        null=True,
        blank=True,
        help_text=_("When the content last changed in substance. Leave empty to use the publication date."),
    )

    # The text is indexed once, analysed (search.indexing); the title also as typed, for autocomplete.
    summary_fields = ("short_description",)
    search_fields = Page.search_fields + analysed_search_fields() + [index.FilterField("created_date")]

    # Classifications link to the Finnish (source) snippets in every language; templates show
    # them localized. wagtail-localize skips many-to-many fields unless they are listed here.
    translatable_fields = PAGE_FIELDS + [
        TranslatableField("short_description"),
        SynchronizedField("areas", overridable=False),
        SynchronizedField("funders", overridable=False),
        SynchronizedField("themes", overridable=False),
        SynchronizedField("target_groups", overridable=False),
        SynchronizedField("organisation", overridable=False),
        SynchronizedField("created_date"),
        SynchronizedField("modified_date"),
        SynchronizedField("tags"),
        SynchronizedField("tagged_items"),
    ]
    base_form_class = DescriptionPageForm

    class Meta:
        abstract = True

    def classification_names(self):
        """Areas (with the county of a municipality), funders, themes and target groups, for search."""
        names = []
        for area in self.areas.all():
            names += [area.name, area.short_name]
            if area.parent_id:
                names += [area.parent.name, area.parent.short_name]
        for relation in (self.funders, self.themes, self.target_groups):
            names += [item.name for item in relation.all()]
        return [name for name in names if name]

    @property
    def last_modified(self):
        """The date shown as “last modified”: the stated date, or else the last publication."""
        if self.modified_date:
            return self.modified_date
        return self.last_published_at.date() if self.last_published_at else None

    # Classifications are edited on the Finnish (source) instances; checkboxes
    # where the list is short.
    classification_panels = [
        FieldPanel("areas"),
        FieldPanel("funders", widget=forms.CheckboxSelectMultiple),
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
        FieldPanel("target_groups", widget=forms.CheckboxSelectMultiple),
        FieldPanel("tags"),
    ]


class OperatingModelAuthor(Orderable):
    """A person who wrote an operating model's description."""

    page = ParentalKey("models_library.OperatingModelPage", on_delete=models.CASCADE, related_name="authors")
    name = models.CharField(_("name"), max_length=255, help_text=_("First and last name."))

    panels = [FieldPanel("name")]

    class Meta(Orderable.Meta):
        verbose_name = _("author")
        verbose_name_plural = _("authors")

    def __str__(self):
        return self.name


class OperatingModelPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "models_library.OperatingModelPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class DevelopmentEntityPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "models_library.DevelopmentEntityPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class OperatingModelPage(DescriptionPage):
    """An operating model (toimintamalli): a described way of organising a service, for others to adopt."""

    implementation_place = models.CharField(
        _("where it is implemented"),
        max_length=255,
        blank=True,
        help_text=_(
            "The organisation, unit or place where the model is in use, for example “Etelä-Savon hyvinvointialue”."
        ),
    )
    development_entity = models.ForeignKey(
        "models_library.DevelopmentEntityPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="operating_models",
        verbose_name=_("development entity"),
        help_text=_("The project or programme in which the model was developed."),
    )
    development_stage = models.CharField(
        _("development stage"),
        max_length=20,
        choices=DevelopmentStage.choices,
        default=DevelopmentStage.IN_DEVELOPMENT,
        help_text=_("How far the development has come. “Ready” means others can adopt it as described."),
    )
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("cover image"),
        help_text=_(
            "A picture that shows the model in use. Give it a descriptive title: it is the image's alternative text."
        ),
    )
    attachments = StreamField(
        AttachmentBlocks(),
        blank=True,
        verbose_name=_("attachments and links"),
        help_text=_("Documents, forms and web pages that help someone adopt the model."),
    )
    body = StreamField(
        DescriptionBlock(),
        blank=True,
        verbose_name=_("description"),
        help_text=_(
            "The sections of the description in the national order. Core idea, operating environment, "
            "target group and conditions are required before publishing; a draft may be incomplete."
        ),
    )
    tags = ClusterTaggableManager(through=OperatingModelPageTag, blank=True, verbose_name=_("tags"))

    parent_page_types = ["models_library.ModelLibraryPage"]
    subpage_types = []

    analysed_fields = ("title", "short_description", "implementation_place", "body")
    translatable_fields = DescriptionPage.translatable_fields + [
        TranslatableField("implementation_place"),
        # Points to the entity's translation once it exists, else to the Finnish entity.
        TranslatableField("development_entity"),
        SynchronizedField("development_stage", overridable=False),
        SynchronizedField("cover_image"),
        TranslatableField("attachments"),
        TranslatableField("body"),
        SynchronizedField("authors", overridable=False),
    ]
    search_fields = DescriptionPage.search_fields + [index.FilterField("development_stage")]

    content_panels = Page.content_panels + [
        FieldPanel("short_description"),
        FieldPanel("implementation_place"),
        MultiFieldPanel(
            [
                InlinePanel("authors", label=_("Author"), min_num=0),
                FieldPanel("organisation"),
                FieldRowPanel([FieldPanel("created_date"), FieldPanel("modified_date")]),
            ],
            heading=_("Authors and dates"),
        ),
        FieldPanel("development_stage"),
        FieldPanel("development_entity"),
        FieldPanel("cover_image"),
        FieldPanel("attachments"),
    ]
    description_panels = [FieldPanel("body")]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Basic information")),
            ObjectList(description_panels, heading=_("Description")),
            ObjectList(DescriptionPage.classification_panels, heading=_("Areas and classification")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )

    class Meta:
        verbose_name = _("operating model")
        verbose_name_plural = _("operating models")
        # The library lists the models newest first.
        indexes = [models.Index(fields=["-created_date"], name="operatingmodel_created_idx")]


class DevelopmentEntityPage(DescriptionPage):
    """A development entity (kokonaisuus): a project or programme and the models it produced."""

    purpose_and_goals = RichTextField(
        _("purpose and goals"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("Why the project exists and what it aims at, in a few paragraphs."),
    )
    start_date = models.DateField(_("start date"), null=True, blank=True, help_text=_("When the work began."))
    end_date = models.DateField(
        _("end date"), null=True, blank=True, help_text=_("When the work ends or ended. Leave empty if open-ended.")
    )
    operating_period_note = models.CharField(
        _("note on the operating period"),
        max_length=255,
        blank=True,
        help_text=_("For example “The development work is ongoing.”"),
    )
    actors = RichTextField(
        _("actors"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("Who does the work: organisations, experts, partners, client developers."),
    )
    contact_name = models.CharField(
        _("contact person"), max_length=255, blank=True, help_text=_("Whom others can ask about the work.")
    )
    contact_organisation = models.ForeignKey(
        "taxonomy.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        limit_choices_to=SOURCE_LOCALE,
        related_name="+",
        verbose_name=_("contact person's organisation"),
        help_text=_("The organisation the contact person works for."),
    )
    contact_email = models.EmailField(
        _("contact person's e-mail"),
        blank=True,
        help_text=_("A work address, for example firstname.lastname@organisation.fi."),
    )
    starting_point = RichTextField(
        _("starting point and strategic links"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("The situation the work started from, and the strategies and programmes it is linked to."),
    )
    main_goals = StreamField(
        GoalsBlock(),
        blank=True,
        verbose_name=_("main goal and goals"),
        help_text=_("Each goal with its target groups and its activities and outputs by year."),
    )
    expected_results = RichTextField(
        _("expected results, outputs and effects"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("What the work is expected to produce and change."),
    )
    impacts = RichTextField(
        _("impacts and effectiveness"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("The lasting effects on clients, staff and the service system, and how they are shown."),
    )
    other_sections = StreamField(
        OtherSectionsBlock(),
        blank=True,
        verbose_name=_("other sections"),
        help_text=_("Content that fits none of the fields above. Use sparingly."),
    )
    tags = ClusterTaggableManager(through=DevelopmentEntityPageTag, blank=True, verbose_name=_("tags"))

    parent_page_types = ["models_library.ModelLibraryPage"]
    subpage_types = []

    analysed_fields = (
        "title",
        "short_description",
        "purpose_and_goals",
        "actors",
        "starting_point",
        "main_goals",
        "expected_results",
        "impacts",
        "other_sections",
    )
    search_fields = DescriptionPage.search_fields
    translatable_fields = DescriptionPage.translatable_fields + [
        TranslatableField("purpose_and_goals"),
        SynchronizedField("start_date"),
        SynchronizedField("end_date"),
        TranslatableField("operating_period_note"),
        TranslatableField("actors"),
        SynchronizedField("contact_name", overridable=False),
        SynchronizedField("contact_organisation", overridable=False),
        SynchronizedField("contact_email", overridable=False),
        TranslatableField("starting_point"),
        TranslatableField("main_goals"),
        TranslatableField("expected_results"),
        TranslatableField("impacts"),
        TranslatableField("other_sections"),
    ]

    content_panels = Page.content_panels + [
        FieldPanel("short_description"),
        FieldPanel("purpose_and_goals"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
                FieldPanel("operating_period_note"),
            ],
            heading=_("Operating period"),
        ),
        FieldPanel("actors"),
        MultiFieldPanel(
            [FieldPanel("contact_name"), FieldPanel("contact_organisation"), FieldPanel("contact_email")],
            heading=_("Contact person"),
        ),
        MultiFieldPanel(
            [FieldPanel("organisation"), FieldRowPanel([FieldPanel("created_date"), FieldPanel("modified_date")])],
            heading=_("Owner and dates"),
        ),
    ]
    goal_panels = [
        FieldPanel("starting_point"),
        FieldPanel("main_goals"),
        FieldPanel("expected_results"),
        FieldPanel("impacts"),
        FieldPanel("other_sections"),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Basic information")),
            ObjectList(goal_panels, heading=_("Goals and results")),
            ObjectList(DescriptionPage.classification_panels, heading=_("Areas and classification")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )

    class Meta:
        verbose_name = _("development entity")
        verbose_name_plural = _("development entities")

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The end date cannot be before the start date.")})

    def live_operating_models(self):
        return (
            OperatingModelPage.objects.live()
            .public()
            .filter(development_entity=self, locale_id=self.locale_id)
            .order_by("title")
        )


class ModelLibraryPage(Page):
    """The library: lists the operating models, newest first, a page at a time."""

    intro = RichTextField(
        _("introduction"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("A short text above the list: what the library holds and how to use it."),
    )

    parent_page_types = ["home.HomePage"]
    subpage_types = ["models_library.OperatingModelPage", "models_library.DevelopmentEntityPage"]
    content_panels = Page.content_panels + [FieldPanel("intro")]
    translatable_fields = PAGE_FIELDS + [TranslatableField("intro")]
    per_page = 20
    entities_shown = 20

    class Meta:
        verbose_name = _("model library")
        verbose_name_plural = _("model libraries")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        models_qs = (
            OperatingModelPage.objects.live()
            .public()
            .child_of(self)
            .order_by("-created_date", "-first_published_at", "pk")
        )
        # The page's slice is taken over the ids alone, and only its twenty models are loaded: a deep
        # page then skips thousands of ids, not thousands of whole page rows.
        page_obj = Paginator(models_qs.values_list("pk", flat=True), self.per_page).get_page(request.GET.get("page"))
        models_by_id = models_qs.in_bulk(list(page_obj.object_list))
        page_obj.object_list = [models_by_id[pk] for pk in page_obj.object_list if pk in models_by_id]
        context["page_obj"] = page_obj
        # The first entities by name; the search page lists them all (its type filter), so the library
        # page stays the same size however many there are.
        entities = DevelopmentEntityPage.objects.live().public().child_of(self).order_by("title")
        context["entities"] = entities[: self.entities_shown]
        context["entity_count"] = entities.count()
        return context


class ImportedSource(models.Model):
    """Which page an imported file became, so that importing it again updates that page."""

    source = models.CharField(_("source file"), max_length=255, unique=True)
    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="+", verbose_name=_("page"))
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("imported revision"),
        help_text=_("The revision the last import made; a later one means an editor has changed the page."),
    )
    imported_at = models.DateTimeField(_("imported at"), auto_now=True)

    class Meta:
        verbose_name = _("imported source")
        verbose_name_plural = _("imported sources")

    def __str__(self):
        return self.source
