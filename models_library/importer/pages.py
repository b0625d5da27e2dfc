"""Turns parsed descriptions (see ``parser``) into Wagtail pages, creating or updating them.

A file is identified by its name: importing it again updates the page it made
before. Operating models are published only when they have the sections that
publishing requires; otherwise they stay drafts and the report says why.
"""

import datetime
import json
from dataclasses import dataclass, field
from html import escape

from django.db import transaction
from django.db.models import Q
from django.utils.text import slugify
from wagtail.models import Locale, Page, Site

from articles.models import ArticleIndexPage, ArticlePage
from taxonomy.models import Area, Funder, Organisation

from ..models import (
    DevelopmentEntityPage,
    DevelopmentStage,
    ImportedSource,
    ModelLibraryPage,
    OperatingModelAuthor,
    OperatingModelPage,
)
from ..sections import REQUIRED_TO_PUBLISH, SECTION_ORDER

STAGES = {
    "idea": DevelopmentStage.IDEA,
    "ideointi": DevelopmentStage.IDEA,
    "kehitteillä": DevelopmentStage.IN_DEVELOPMENT,
    "kehittämisvaiheessa": DevelopmentStage.IN_DEVELOPMENT,
    "pilotointi": DevelopmentStage.PILOTING,
    "pilotoinnissa": DevelopmentStage.PILOTING,
    "pilotoitu": DevelopmentStage.PILOTING,
    "valmis": DevelopmentStage.READY,
    "vakiintunut": DevelopmentStage.ESTABLISHED,
    "käytössä": DevelopmentStage.ESTABLISHED,
}


@dataclass
class ImportResult:
    """What happened to one file, for the report."""

    source: str
    action: str = ""  # "created" or "updated"
    page: Page | None = None
    published: bool = False
    notes: list[str] = field(default_factory=list)


def rich_text(paragraphs):
    """Paragraphs of plain text as rich-text HTML, escaped; line breaks inside a paragraph are kept."""
    return "".join(
        "<p>{}</p>".format("<br>".join(escape(line) for line in paragraph.splitlines()))
        for paragraph in paragraphs
        if paragraph.strip()
    )


def as_date(value):
    return datetime.date.fromisoformat(value) if value else None


def source_locale():
    return Locale.get_default()


def site_sections():
    """The library and article index under the Finnish home page, created when missing."""
    locale = source_locale()
    home = Site.objects.get(is_default_site=True).root_page.specific
    library = ModelLibraryPage.objects.child_of(home).first()
    if library is None:
        library = home.add_child(
            instance=ModelLibraryPage(
                title="Toimintamallit",
                slug="toimintamallit",
                locale=locale,
                show_in_menus=True,
                intro="<p>Hyvinvointialueiden ja järjestöjen kuvaamat toimintamallit, uusimmat ensin.</p>",
            )
        )
    articles = ArticleIndexPage.objects.child_of(home).first()
    if articles is None:
        articles = home.add_child(
            instance=ArticleIndexPage(title="Ajankohtaista", slug="ajankohtaista", locale=locale, show_in_menus=True)
        )
    return library, articles


def find_area(name):
    """The Finnish area that a name in a description stands for, or None."""
    text = name.strip()
    base = source_locale()
    candidates = Area.objects.filter(locale=base).filter(
        Q(name__iexact=text) | Q(short_name__iexact=text) | Q(slug=slugify(text))
    )
    # Prefer a county over a municipality of the same name (Helsinki).
    return candidates.order_by("kind").first()


def find_funder(name, result):
    base = source_locale()
    text = name.strip()
    funder = Funder.objects.filter(locale=base).filter(Q(name__iexact=text) | Q(abbreviation__iexact=text)).first()
    if funder is None and "(" in text:
        abbreviation = text.rsplit("(", 1)[1].rstrip(")").strip()
        funder = Funder.objects.filter(locale=base, abbreviation__iexact=abbreviation).first()
    if funder is None:
        funder = Funder.objects.create(locale=base, name=text)
        result.notes.append(f"new funder added to the list: {text}")
    return funder


def find_organisation(name):
    base = source_locale()
    organisation = Organisation.objects.filter(locale=base, name__iexact=name.strip()).first()
    return organisation or Organisation.objects.create(locale=base, name=name.strip())


def unique_slug(parent, title, page):
    base = slugify(title)[:70] or "sivu"
    slug, number = base, 2
    siblings = parent.get_children()
    if page.pk:
        siblings = siblings.exclude(pk=page.pk)
    while siblings.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


def operating_model_body(sections, extra_sections):
    """The StreamField data of an operating model's description sections."""
    stream = []
    for name in ("core_idea", "operating_environment", "target_group"):
        if sections.get(name):
            stream.append({"type": name, "value": rich_text(sections[name])})
    for name in ("conditions", "tips"):
        if sections.get(name):
            value = sections[name]
            stream.append({"type": name, "value": {"intro": rich_text(value["intro"]), "items": value["items"]}})
    if sections.get("evaluation"):
        value = sections["evaluation"]
        perspectives = [
            {
                "perspective": item["perspective"],
                "findings": item["findings"],
                "measurement": item.get("measurement", ""),
            }
            for item in value["perspectives"]
        ]
        stream.append(
            {"type": "evaluation", "value": {"intro": rich_text(value["intro"]), "perspectives": perspectives}}
        )
    if sections.get("dependencies"):
        value = sections["dependencies"]
        stream.append(
            {
                "type": "dependencies",
                "value": {
                    "items": value["items"],
                    "notes": rich_text(value.get("intro", []) + value.get("notes", [])),
                },
            }
        )
    if sections.get("process"):
        stream.append({"type": "process", "value": {"steps": sections["process"]["steps"]}})
    for extra in extra_sections:
        stream.append({"type": "extra", "value": {"heading": extra["heading"], "text": rich_text(extra["paragraphs"])}})
    stream.sort(key=lambda section: SECTION_ORDER.index(section["type"]))
    return json.dumps(stream)


def set_operating_model_fields(page, data, result):
    page.title = data["title"]
    page.short_description = data.get("short_description", "")
    page.implementation_place = data.get("implementation_place", "")
    if data.get("created"):
        page.created_date = as_date(data["created"])
    page.modified_date = as_date(data.get("modified"))
    stage = (data.get("development_stage") or "").strip().lower()
    if stage:
        if stage in STAGES:
            page.development_stage = STAGES[stage]
        else:
            result.notes.append(f"unknown development stage “{data['development_stage']}”, kept as the default")
    if data.get("development_entity"):
        entity = DevelopmentEntityPage.objects.filter(title__iexact=data["development_entity"].strip()).first()
        if entity:
            page.development_entity = entity
        else:
            result.notes.append(f"development entity not found: {data['development_entity']}")
    page.body = operating_model_body(data.get("sections", {}), data.get("extra_sections", []))
    page.attachments = json.dumps([{"type": "link", "value": link} for link in data.get("links", [])])
    page.authors.clear()
    for name in data.get("authors", []):
        page.authors.add(OperatingModelAuthor(name=name))
    if data.get("cover_image_caption"):
        result.notes.append(f"cover image “{data['cover_image_caption']}” named but no image file given")


def set_entity_fields(page, data, result):
    page.title = data["title"]
    page.short_description = data.get("short_description", "")
    page.purpose_and_goals = rich_text(data.get("purpose_and_goals", []))
    period = data.get("operating_period") or {}
    page.start_date = as_date(period.get("start"))
    page.end_date = as_date(period.get("end"))
    page.operating_period_note = (period.get("text") or "")[:255]
    page.actors = rich_text(data.get("actors", []))
    contact = data.get("contact") or {}
    page.contact_name = contact.get("name", "")
    page.contact_email = contact.get("email", "")
    if contact.get("organisation"):
        page.contact_organisation = find_organisation(contact["organisation"])
        page.organisation = page.contact_organisation
    if data.get("created"):
        page.created_date = as_date(data["created"])
    page.modified_date = as_date(data.get("modified"))
    page.starting_point = rich_text(data.get("starting_point", []))
    page.main_goals = json.dumps(
        [
            {
                "type": "goal",
                "value": {
                    "goal": goal["goal"],
                    "target_groups": goal.get("target_groups", []),
                    "activities": goal.get("activities", []),
                },
            }
            for goal in data.get("main_goals", [])
        ]
    )
    extra = [
        f"<h3>{escape(section['heading'])}</h3>{rich_text(section['paragraphs'])}"
        for section in data.get("extra_sections", [])
    ]
    page.expected_results = rich_text(data.get("expected_results", []))
    page.impacts = rich_text(data.get("impacts", [])) + "".join(extra)


def set_article_fields(page, data, result):
    page.title = data["title"]
    page.intro = data.get("intro", "")
    page.body = json.dumps([{"type": "paragraph", "value": rich_text([text])} for text in data.get("paragraphs", [])])


def set_classifications(page, data, result):
    areas = []
    for name in data.get("areas", []):
        area = find_area(name)
        if area:
            areas.append(area)
        else:
            result.notes.append(f"area not recognised: {name}")
    page.areas.set(areas)
    page.funders.set([find_funder(name, result) for name in data.get("funders", [])])


PAGE_TYPES = {
    "operating_model": (OperatingModelPage, set_operating_model_fields),
    "development_entity": (DevelopmentEntityPage, set_entity_fields),
    "article": (ArticlePage, set_article_fields),
}


def missing_sections(page):
    present = {child.block_type for child in page.body}
    return [name for name in REQUIRED_TO_PUBLISH if name not in present]


@transaction.atomic
def import_document(data, publish=False):
    """Create or update the page for one parsed document; returns an ``ImportResult``."""
    result = ImportResult(source=data["source"])
    model, set_fields = PAGE_TYPES[data["kind"]]
    library, article_index = site_sections()
    parent = article_index if model is ArticlePage else library

    record = ImportedSource.objects.filter(source=data["source"]).select_related("page").first()
    page = record.page.specific if record else None
    if page is not None and not isinstance(page, model):
        result.notes.append(f"the file was a {page.specific_class.__name__} before; a new page is made")
        page = None

    if page is None:
        page = model(locale=parent.locale, live=False)
        result.action = "created"
    else:
        result.action = "updated"
        page = page.get_latest_revision_as_object()

    set_fields(page, data, result)
    if model is not ArticlePage:
        set_classifications(page, data, result)
    if data.get("unknown_labels"):
        result.notes.append("unknown labels kept as extra sections: " + ", ".join(data["unknown_labels"]))
    for warning in data.get("warnings", []):
        result.notes.append(warning)

    page.slug = page.slug or unique_slug(parent, page.title, page)
    if page.pk is None:
        parent.add_child(instance=page)
        ImportedSource.objects.create(source=data["source"], page=page)
    revision = page.save_revision(clean=False)

    if publish:
        missing = missing_sections(page) if model is OperatingModelPage else []
        if missing:
            result.notes.append("not published, required sections missing: " + ", ".join(missing))
        else:
            revision.publish()
            result.published = True
    page.refresh_from_db()
    result.page = page
    return result
