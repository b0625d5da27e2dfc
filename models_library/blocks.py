"""StreamField blocks of an operating model's description, in the national structure.

Each description section is its own block type with the shape its content has.
``DescriptionBlock`` keeps the sections in the national order, lets each appear
at most once and requires four of them when a page is published (Wagtail defers
that check while a draft is saved).
"""

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.stream_block import StreamBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.rich_text import RichText

from .sections import DEVELOPMENT_PATH_ORDER, REQUIRED_TO_PUBLISH, SECTION_ORDER

RICH_TEXT_FEATURES = ["bold", "italic", "ol", "ul", "link", "h3", "h4"]


def in_order(stream_block, value, order):
    """The stream value with its children sorted by block type into ``order``."""
    children = sorted(value, key=lambda child: order.index(child.block_type))
    return blocks.StreamValue(stream_block, [(c.block_type, c.value, c.id) for c in children])


def rich_text(html):
    """A rich text value for a block's ``preview_value``."""
    return RichText(html)


class SectionTextBlock(blocks.RichTextBlock):
    """A section written as free text; each section is its own subclass with its own ``Meta``."""

    def __init__(self, **kwargs):
        # The editor shows a rich text block's help text only when it is given to the field.
        kwargs.setdefault("help_text", getattr(self._meta_class, "help_text", None))
        super().__init__(features=RICH_TEXT_FEATURES, **kwargs)


class CoreIdeaBlock(SectionTextBlock):
    class Meta:
        label = _("Core idea of the solution")
        icon = "pick"
        help_text = _(
            "What the model solves and how, in a few paragraphs: the problem, the idea of the "
            "solution and what is new in it."
        )
        description = _("The problem the model solves and the idea of the solution.")
        preview_value = rich_text(
            "<p>Perheneuvo kokoaa lapsiperheiden yhteydenotot yhteen paikkaan: perhe saa apua yhdellä "
            "yhteydenotolla, eikä sitä ohjata luukulta toiselle.</p>"
        )


class OperatingEnvironmentBlock(SectionTextBlock):
    class Meta:
        label = _("Operating environment")
        icon = "site"
        help_text = _(
            "Where and in what kind of service system the model works: organisation, services, "
            "co-operation partners and strategies it is part of."
        )
        description = _("The organisation, services and partners the model works with.")
        preview_value = rich_text("<p>Hyvinvointialueen perhekeskus, neuvolat, koulut ja järjestöt.</p>")


class TargetGroupBlock(SectionTextBlock):
    class Meta:
        label = _("Target group and customer insight")
        icon = "group"
        help_text = _("Who the model serves and what is known of their needs, and how that was learned.")
        description = _("Who the model serves and what is known of their needs.")
        preview_value = rich_text("<p>Alle kouluikäisten lasten vanhemmat, jotka tarvitsevat tukea kasvatukseen.</p>")


class IntroducedBlock(blocks.StructBlock):
    """A section that may start with a short introduction before its structured part."""

    intro = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES,
        required=False,
        label=_("Introduction"),
        help_text=_("Optional text before the list."),
    )


class ItemListBlock(IntroducedBlock):
    """A section made of an optional introduction and a list of short items."""

    items = blocks.ListBlock(
        blocks.TextBlock(label=_("Item"), rows=2),
        min_num=1,
        label=_("Items"),
    )

    class Meta:
        template = "models_library/blocks/item_list_block.html"


class ConditionsBlock(ItemListBlock):
    class Meta:
        label = _("Conditions for it to work and to be adopted")
        icon = "tick-inverse"
        help_text = _(
            "What must be in place for the model to work: skills, training, resources, "
            "agreements, materials. One condition per item."
        )
        description = _("What must be in place for the model to work, one condition per item.")
        preview_value = {"intro": "", "items": ["Perheneuvojien systeeminen koulutus", "Yhteinen ajanvaraus"]}


class TipsBlock(ItemListBlock):
    class Meta:
        label = _("Tips for adopters")
        icon = "help"
        help_text = _("Advice for another region that wants to adopt the model. One tip per item.")
        description = _("Advice for another region that wants to adopt the model.")
        preview_value = {"intro": "", "items": ["Aloita yhdestä alueesta", "Sovi kirjaamisesta etukäteen"]}


class PerspectiveValue(blocks.StructValue):
    def perspective_label(self):
        return dict(self.block.child_blocks["perspective"].field.choices).get(self.get("perspective"), "")


class PerspectiveBlock(blocks.StructBlock):
    """What an evaluation found from one perspective, and how it was measured."""

    perspective = blocks.ChoiceBlock(
        choices=[
            ("clients", _("Clients")),
            ("staff", _("Staff")),
            ("organisation", _("The organisation or region")),
            ("long_term", _("Long-term benefits")),
            ("other", _("Other perspective")),
        ],
        label=_("Perspective"),
        help_text=_("Whose point of view these findings describe."),
    )
    findings = blocks.ListBlock(
        blocks.TextBlock(label=_("Finding"), rows=2),
        min_num=1,
        label=_("What was found"),
        help_text=_("One finding per item, for example “clients get help faster”."),
    )
    measurement = blocks.TextBlock(
        required=False,
        rows=2,
        label=_("How it was measured"),
        help_text=_("The method or indicator: survey, interviews, waiting times, client feedback."),
    )

    class Meta:
        icon = "view"
        label = _("Perspective")
        help_text = _("Whose point of view these findings describe.")
        description = _("What the evaluation found from one point of view, and how it was measured.")
        value_class = PerspectiveValue
        preview_value = {"perspective": "clients", "findings": ["Apua saa nopeasti"], "measurement": "Kysely"}


class EvaluationBlock(IntroducedBlock):
    """Evaluation results in brief, grouped by perspective."""

    perspectives = blocks.ListBlock(PerspectiveBlock(), min_num=1, label=_("Perspectives"))

    class Meta:
        template = "models_library/blocks/evaluation_block.html"
        label = _("Evaluation results in brief")
        icon = "success"
        help_text = _("What the evaluation found, grouped by perspective: clients, staff, organisation, long term.")
        description = _("What the evaluation found, grouped by perspective.")
        preview_value = {
            "intro": "",
            "perspectives": [
                {"perspective": "clients", "findings": ["Apua saa nopeasti"], "measurement": "Kysely"},
                {"perspective": "staff", "findings": ["Yhteinen tiimityön malli"], "measurement": ""},
            ],
        }


class DependencyBlock(blocks.StructBlock):
    """A service or actor the model depends on, and what it needs from it."""

    name = blocks.CharBlock(
        label=_("Service or actor"), help_text=_("For example “client guidance” or “child welfare”.")
    )
    needs = blocks.TextBlock(
        required=False,
        rows=2,
        label=_("What the model needs from it"),
        help_text=_("Co-operation, decisions, information or resources the model relies on."),
    )

    class Meta:
        icon = "link"
        label = _("Dependency")
        help_text = _("A service or actor the model depends on.")
        description = _("A service or actor the model depends on, and what it needs from it.")
        preview_value = {"name": "Asiakasohjaus", "needs": "Yhteydenotot ohjataan perheneuvoon."}


class DependenciesBlock(IntroducedBlock):
    """Dependencies on other services and actors."""

    items = blocks.ListBlock(DependencyBlock(), min_num=1, label=_("Dependencies"))
    notes = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES,
        required=False,
        label=_("Notes"),
        help_text=_("Anything else about dependencies that is not one service or actor."),
    )

    class Meta:
        template = "models_library/blocks/dependencies_block.html"
        label = _("Dependencies")
        icon = "link"
        help_text = _("The services and actors the model depends on, and what it needs from each.")
        description = _("The services and actors the model depends on.")
        preview_value = {
            "intro": "",
            "items": [{"name": "Asiakasohjaus", "needs": "Yhteydenotot ohjataan perheneuvoon."}],
            "notes": "",
        }


class ProcessStepBlock(blocks.StructBlock):
    """One phase of how the model runs."""

    phase = blocks.CharBlock(label=_("Phase"), help_text=_("A short name, for example “First contact”."))
    description = blocks.TextBlock(label=_("What happens"), rows=3)
    actors = blocks.CharBlock(required=False, label=_("Who does it"), help_text=_("Professions or organisations."))
    tools = blocks.CharBlock(
        required=False, label=_("Tools"), help_text=_("Forms, systems or materials used in this phase.")
    )

    class Meta:
        icon = "list-ol"
        label = _("Phase")
        help_text = _("A short name, for example “First contact”.")
        description = _("One phase of how the model runs: what happens, who does it, with what tools.")
        preview_value = {"phase": "Ensikontakti", "description": "Perhe ottaa yhteyttä.", "actors": "", "tools": ""}


class ProcessBlock(blocks.StructBlock):
    """An optional step-by-step account of how the model runs."""

    steps = blocks.ListBlock(ProcessStepBlock(), min_num=1, label=_("Phases"))

    class Meta:
        template = "models_library/blocks/process_block.html"
        label = _("How the model runs, step by step")
        icon = "list-ol"
        help_text = _("Optional: the phases of the model, what happens in each, who does it, with what tools.")
        description = _("The phases of the model, what happens in each, who does it, with what tools.")
        preview_value = {
            "steps": [
                {"phase": "Ensikontakti", "description": "Perhe ottaa yhteyttä.", "actors": "", "tools": ""},
                {"phase": "Arvio", "description": "Tiimi arvioi tuen tarpeen.", "actors": "", "tools": ""},
            ]
        }


class ExtraSectionBlock(blocks.StructBlock):
    """A section outside the national structure, kept so that imported text is never lost."""

    heading = blocks.CharBlock(label=_("Heading"))
    text = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, label=_("Text"))

    class Meta:
        template = "models_library/blocks/extra_section_block.html"
        icon = "doc-empty"
        label = _("Other section")
        help_text = _("Content that fits none of the national sections. Use sparingly.")
        description = _("A section outside the national structure.")
        preview_value = {
            "heading": "Kehittämisen polku",
            "text": rich_text("<p>Malli kehitettiin vuosina 2022–2024.</p>"),
        }


class DescriptionBlock(blocks.StreamBlock):
    """The description sections of an operating model, in the national order."""

    core_idea = CoreIdeaBlock()
    operating_environment = OperatingEnvironmentBlock()
    target_group = TargetGroupBlock()
    conditions = ConditionsBlock()
    evaluation = EvaluationBlock()
    dependencies = DependenciesBlock()
    tips = TipsBlock()
    process = ProcessBlock()
    extra = ExtraSectionBlock()

    class Meta:
        block_counts = {name: {"max_num": 1} for name in SECTION_ORDER if name != "extra"}
        required = False

    def clean_content(self, value):
        """Validate the sections themselves and sort them into the national order.

        This is what a description published nationally before this site must pass to be
        published here: it may lack sections that a new description must have.
        """
        return in_order(self, super().clean(value), SECTION_ORDER)

    def clean(self, value):
        """The sections' own checks; on publishing, require the four core sections as well."""
        value = self.clean_content(value)
        if not self.is_deferred_validation:
            present = {child.block_type for child in value}
            missing = [self.child_blocks[name].label for name in REQUIRED_TO_PUBLISH if name not in present]
            if missing:
                raise StreamBlockValidationError(
                    non_block_errors=ErrorList(
                        [
                            ValidationError(
                                _("A description cannot be published without these sections: %(sections)s.")
                                % {"sections": ", ".join(str(label) for label in missing)}
                            )
                        ]
                    )
                )
        return value


def path_section(label, help_text):
    """A labelled section of a development path part: free text, optional."""
    return SectionTextBlock(required=False, label=label, help_text=help_text)


class PathPartBlock(blocks.StructBlock):
    """A part of the development path; its sections are shown with their labels, empty ones left out."""

    class Meta:
        template = "models_library/blocks/path_part_block.html"


class UnderstandPartBlock(PathPartBlock):
    """The first part of the path, “Oivalla ja ymmärrä”: why the work started and for whom."""

    need = path_section(_("Need"), _("What need or problem started the work? Who noticed it, and how?"))
    operating_environment = path_section(
        _("Operating environment"),
        _("Where the work was done: the organisation, its services, partners and the changes going on around it."),
    )
    target_group = path_section(
        _("Target group and customer insight"),
        _("Whom the work is for, what was learned of their needs, and how (surveys, interviews, client panels)."),
    )
    starting_point = path_section(
        _("Starting point and strategic links"),
        _("The situation before the work and the strategies, programmes and laws it is linked to."),
    )

    class Meta:
        label = _("Gain insight and understand")
        icon = "view"
        help_text = _("The first part: the need, the environment, the target group and the starting point.")


class DevelopPartBlock(PathPartBlock):
    """The second part of the path: ideas, developing them with clients and staff, trying them out."""

    ideas = path_section(
        _("Ideas and solutions considered"), _("Which solutions were thought of, and why this one was chosen.")
    )
    co_development = path_section(
        _("Developing together"),
        _("How clients, staff and partners took part in the development, and what changed because of them."),
    )
    testing = path_section(
        _("Trying out and piloting"), _("Where and how long the model was tried, and what was changed after it.")
    )

    class Meta:
        label = _("Ideate and try out")
        icon = "pick"
        help_text = _("The second part: the ideas, the development with others and the trials.")


class EvaluatePartBlock(PathPartBlock):
    """The third part of the path: evaluation, results and spreading the model."""

    evaluation = path_section(_("Evaluation"), _("How the model was evaluated: methods, indicators and data."))
    results = path_section(_("Results and effects"), _("What the evaluation showed for clients, staff and the region."))
    spreading = path_section(
        _("Spreading and rooting"),
        _("How the model was made permanent and spread to other units or regions, and what helped it."),
    )

    class Meta:
        label = _("Evaluate and spread")
        icon = "success"
        help_text = _("The third part: the evaluation, its results and how the model is spread.")


class DevelopmentPathBlock(blocks.StreamBlock):
    """The development path of an operating model (kehittämisen polku), its parts in order."""

    intro = SectionTextBlock(
        label=_("About the development path"),
        icon="doc-full",
        help_text=_("A few sentences on how the model was developed, shown before the parts."),
    )
    understand = UnderstandPartBlock()
    develop = DevelopPartBlock()
    evaluate = EvaluatePartBlock()
    extra = ExtraSectionBlock(help_text=_("Content of the path that fits none of its parts."))

    class Meta:
        block_counts = {name: {"max_num": 1} for name in DEVELOPMENT_PATH_ORDER if name != "extra"}
        required = False

    def clean(self, value):
        """Keep the parts in the path's order."""
        return in_order(self, super().clean(value), DEVELOPMENT_PATH_ORDER)


class OtherSectionsBlock(blocks.StreamBlock):
    """Sections of a development entity outside its fixed fields, kept so that imported text is never lost."""

    extra = ExtraSectionBlock()

    class Meta:
        required = False


class LinkBlock(blocks.StructBlock):
    """A link to material elsewhere on the web."""

    title = blocks.CharBlock(label=_("Link text"), help_text=_("What the link leads to, in a few words."))
    url = blocks.URLBlock(label=_("Address"))

    class Meta:
        template = "models_library/blocks/link_block.html"
        icon = "link-external"
        label = _("Link")
        help_text = _("A web page that helps someone adopt the model.")
        description = _("A link to material elsewhere on the web.")
        preview_value = {"title": "Perheneuvon esite", "url": "https://example.fi/perheneuvo"}


class AttachmentDocumentBlock(DocumentChooserBlock):
    """An uploaded document: a form, a guide or a report."""

    class Meta:
        template = "models_library/blocks/document_block.html"
        icon = "doc-full"
        label = _("Attachment")
        help_text = _("A document uploaded to the library: a form, a guide or a report.")
        description = _("An uploaded document, shown with its file type.")


class AttachmentBlocks(blocks.StreamBlock):
    """Attachments (uploaded documents) and links of a description."""

    document = AttachmentDocumentBlock()
    link = LinkBlock()

    class Meta:
        required = False


class YearActivityBlock(blocks.StructBlock):
    """Activities and outputs of one year, or of a span of years, towards a goal."""

    start_year = blocks.IntegerBlock(min_value=1990, max_value=2100, label=_("Year"))
    end_year = blocks.IntegerBlock(
        min_value=1990,
        max_value=2100,
        required=False,
        label=_("Until year"),
        help_text=_("Only when the activities span several years."),
    )
    text = blocks.TextBlock(label=_("Activities and outputs"), rows=4)

    class Meta:
        icon = "date"
        label = _("Activities of a year")
        help_text = _("Only when the activities span several years.")
        description = _("Activities and outputs of one year, or of a span of years.")
        preview_value = {"start_year": 2023, "end_year": None, "text": "Avainhenkilöverkosto koottiin."}

    def clean(self, value):
        value = super().clean(value)
        if value.get("end_year") and value["end_year"] < value["start_year"]:
            raise StructBlockValidationError(
                block_errors={"end_year": ValidationError(_("The last year cannot be before the first year."))}
            )
        return value


class GoalBlock(blocks.StructBlock):
    """A main goal of a development entity, with its target groups and yearly activities."""

    goal = blocks.TextBlock(label=_("Goal"), rows=3, help_text=_("The goal in one or two sentences."))
    target_groups = blocks.ListBlock(
        blocks.CharBlock(label=_("Target group")),
        label=_("Target groups"),
        help_text=_("Who this goal concerns, one group per item."),
    )
    activities = blocks.ListBlock(YearActivityBlock(), label=_("Activities and outputs by year"))

    class Meta:
        icon = "crosshairs"
        label = _("Goal")
        help_text = _("The goal in one or two sentences.")
        description = _("A main goal with its target groups and yearly activities.")
        preview_value = {
            "goal": "Vauva- ja väkivaltatyön osaaminen integroituu perhekeskuksiin.",
            "target_groups": ["Perhekeskusten ammattilaiset"],
            "activities": [{"start_year": 2023, "end_year": None, "text": "Avainhenkilöverkosto koottiin."}],
        }


class GoalsBlock(blocks.StreamBlock):
    """The goals of a development entity."""

    goal = GoalBlock()

    class Meta:
        required = False
