"""Page types of the library: operating models, development entities and the library index."""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import prefetch_related_objects
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail import hooks
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    PageChooserPanel,
    TabbedInterface,
)
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.languages import SOURCE_LOCALE
from core.translation_fields import PAGE_FIELDS
from hosting.cache import shares_fragments
from hosting.generation import generation
from indexing.pages import AnalysedSearchMixin, analysed_search_fields

from .blocks import (
    RICH_TEXT_FEATURES,
    AttachmentBlocks,
    DescriptionBlock,
    DevelopmentPathBlock,
    GoalsBlock,
    OtherSectionsBlock,
)
from .forms import DescriptionPageForm, OperatingModelPageForm
from .languages import below, in_language_or_finnish
from .sections import REQUIRED_TO_PUBLISH, SECTION_ORDER

SHORT_DESCRIPTION_LIMIT = 600
# Apps above the content apps add to an operating model page's context through this hook.
OPERATING_MODEL_CONTEXT_HOOK = "operating_model_context"


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

    # The text is indexed once, analysed (indexing.pages); the title also as typed, for autocomplete.
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
        return timezone.localdate(self.last_published_at) if self.last_published_at else None

    # Classifications are edited on the Finnish (source) instances; checkboxes
    # where the list is short.
    classification_panels = [
        FieldPanel("areas"),
        FieldPanel("funders", widget=forms.CheckboxSelectMultiple),
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
        FieldPanel("target_groups", widget=forms.CheckboxSelectMultiple),
        FieldPanel("tags"),
    ]


def description_tabs(content_panels, main_panels, main_heading, extra_tabs=()):
    """The editor's tabs of a description page: basic information, its main content under
    ``main_heading``, any ``extra_tabs``, areas and classification, promote and settings."""
    return TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Basic information")),
            ObjectList(main_panels, heading=main_heading),
            *extra_tabs,
            ObjectList(DescriptionPage.classification_panels, heading=_("Areas and classification")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )


class OperatingModelAuthor(Orderable):
    """A person who wrote an operating model's description."""

    page = ParentalKey("models_library.OperatingModelPage", on_delete=models.CASCADE, related_name="authors")
    name = models.CharField(_("name"), max_length=255, help_text=_("First and last name."))
    email = models.EmailField(
        _("e-mail"),
        blank=True,
        help_text=_("Never shown on the site: messages sent through the model page's contact form come here."),
    )

    panels = [FieldPanel("name"), FieldPanel("email")]

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

    prefetched_relations = ("authors", "areas", "funders", "themes", "target_groups")

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
    development_path = StreamField(
        DevelopmentPathBlock(),
        blank=True,
        verbose_name=_("development path"),
        help_text=_(
            "How the model was developed, in three parts: gain insight and understand, ideate and try out, "
            "evaluate and spread. Write the parts you have; each section says what it asks."
        ),
    )
    derived_from = models.ForeignKey(
        "models_library.OperatingModelPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="derived_models",
        verbose_name=_("derived from"),
        help_text=_("The operating model this one was developed from, if any."),
    )
    derivation_changes = models.TextField(
        _("what was changed"),
        blank=True,
        help_text=_("What this model changed in the model it was derived from."),
    )
    tags = ClusterTaggableManager(through=OperatingModelPageTag, blank=True, verbose_name=_("tags"))

    parent_page_types = ["models_library.ModelLibraryPage"]
    subpage_types = []
    base_form_class = OperatingModelPageForm

    analysed_fields = ("title", "short_description", "implementation_place", "body", "development_path")
    translatable_fields = DescriptionPage.translatable_fields + [
        TranslatableField("implementation_place"),
        # Points to the entity's translation once it exists, else to the Finnish entity.
        TranslatableField("development_entity"),
        SynchronizedField("development_stage", overridable=False),
        SynchronizedField("cover_image"),
        TranslatableField("attachments"),
        TranslatableField("body"),
        TranslatableField("development_path"),
        SynchronizedField("authors", overridable=False),
        TranslatableField("derived_from"),
        TranslatableField("derivation_changes"),
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
        MultiFieldPanel(
            [
                PageChooserPanel("derived_from", "models_library.OperatingModelPage"),
                FieldPanel("derivation_changes"),
            ],
            heading=_("Lineage"),
        ),
        FieldPanel("cover_image"),
        FieldPanel("attachments"),
    ]
    description_panels = [FieldPanel("body")]
    development_path_panels = [FieldPanel("development_path")]
    edit_handler = description_tabs(
        content_panels,
        description_panels,
        _("Description"),
        extra_tabs=[ObjectList(development_path_panels, heading=_("Development path"))],
    )

    page_description = _(
        "A described way of organising a service, in the national structure, for other regions to adopt."
    )

    class Meta:
        verbose_name = _("operating model")
        verbose_name_plural = _("operating models")
        # The library lists the models newest first.
        indexes = [models.Index(fields=["-created_date"], name="operatingmodel_created_idx")]

    def missing_section_names(self):
        """The sections required of a new description that this one lacks.

        Descriptions published nationally before this site may lack some; the page says so.
        """
        present = {child.block_type for child in self.body}
        return [name for name in REQUIRED_TO_PUBLISH if name not in present]

    def missing_sections(self):
        """The labels of the missing required sections."""
        return [self.body.stream_block.child_blocks[name].label for name in self.missing_section_names()]

    def description_sections(self):
        """The sections in the national order: {"block": ...} for each present one, {"missing": label} for the rest."""
        labels = self.body.stream_block.child_blocks
        items = [(child.block_type, {"block": child}) for child in self.body]
        items += [(name, {"missing": labels[name].label}) for name in self.missing_section_names()]
        return [item for _name, item in sorted(items, key=lambda pair: SECTION_ORDER.index(pair[0]))]

    def fetch_relations(self):
        """Reads the relations that the page, its structured data and its citation show, once for all of
        them; a page being previewed keeps its own."""
        if not hasattr(self, "_cluster_related_objects"):
            prefetch_related_objects([self], *self.prefetched_relations)

    def get_context(self, request, *args, **kwargs):
        """The page's context, with what the apps that read content add to it through the
        ``operating_model_context`` hook (the search adds ``related_operating_models``)."""
        context = super().get_context(request, *args, **kwargs)
        if not shares_fragments(request):
            # Read by the page, its structured data and its citation: fetched once for all of them. A visitor
            # without a session gets these pieces from the cache (``hosting.cache.shared_fragment``); the first
            # to render them after a change fetches the relations with the structured data.
            self.fetch_relations()
        for add_context in hooks.get_hooks(OPERATING_MODEL_CONTEXT_HOOK):
            context.update(add_context(self, request))
        return context


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
    edit_handler = description_tabs(content_panels, goal_panels, _("Goals and results"))

    page_description = _("A project or programme that developed operating models: its goals, actors and results.")

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
            .select_related("locale")
            .order_by("title")
        )


class ModelLibraryPage(Page):
    """The library: the operating models to browse with the search's filters, and the development entities."""

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
    entities_shown = 20

    class Meta:
        verbose_name = _("model library")
        verbose_name_plural = _("model libraries")

    def get_context(self, request, *args, **kwargs):
        """The key of the development entities' HTML; the operating models are listed by the search's
        library tags."""
        context = super().get_context(request, *args, **kwargs)
        # Sorting and counting the entities passes over every entity: their list's HTML is kept in the
        # cache until the content changes.
        context["entities_key"] = f"{generation()}:{self.pk}"
        return context

    def listed_entities(self):
        """The first development entities by name and how many there are: the search lists them all (its
        type filter), so the library page stays the same size however many there are."""
        entities = in_language_or_finnish(
            DevelopmentEntityPage.objects.live().public().filter(below(self)), self.locale
        ).order_by("title")
        return {"shown": list(entities[: self.entities_shown]), "count": entities.count()}
