"""Turns parsed descriptions (see ``parser``) into Wagtail pages, creating or updating them.

A file is identified by its name: importing it again updates the page it made
before. Operating models are published only when they have the sections that
publishing requires; otherwise they stay drafts and the report says why.
"""

import datetime
import logging
import re
from contextlib import contextmanager
from dataclasses import dataclass, field
from html import escape

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.db.models.signals import post_save
from django.utils.functional import cached_property
from django.utils.text import slugify
from django.utils.translation import gettext as _
from modelsearch.backends import get_search_backends
from modelsearch.signal_handlers import post_save_signal_handler
from wagtail.coreutils import find_available_slug
from wagtail.models import Page, ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update

from articles.models import ArticlePage
from core.languages import source_locale
from home.sections import site_sections
from indexing.pages import FACET_FIELDS
from models_library.models import (
    SHORT_DESCRIPTION_LIMIT,
    DevelopmentEntityPage,
    DevelopmentStage,
    OperatingModelAuthor,
    OperatingModelPage,
)
from models_library.sections import REQUIRED_TO_PUBLISH, SECTION_ORDER
from taxonomy.models import Area, Funder, Organisation

from .models import ImportedSource

logger = logging.getLogger(__name__)

OTHER_HEADING = "Muuta"  # heading for text that stood before the first label

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
    kind: str = ""
    title: str = ""
    action: str = ""  # "created", "updated" or "skipped"
    page: Page | None = None
    published: bool = False
    missing: list[str] = field(default_factory=list)  # required sections the description lacks
    unknown: list[str] = field(default_factory=list)  # labels kept as other sections
    notes: list[str] = field(default_factory=list)

    def as_dict(self):
        """The report of one file as JSON-serialisable data."""
        return {
            "source": self.source,
            "kind": self.kind,
            "action": self.action,
            "title": self.title or (self.page.title if self.page else ""),
            "published": self.published,
            "missing_sections": self.missing,
            "unknown_sections": self.unknown,
            "notes": self.notes,
        }


def source_modified(data):
    """The source's last-modified date; a description never modified was last modified when created.

    Without it, pages would show their publication here, which for an import is the import date.
    """
    return as_date(data.get("modified") or data.get("created"))


def prepared(stream_field, stream):
    """StreamField data as its blocks save it: list items in block form, with ids.

    wagtail-localize offers list items for translation only in that form.
    """
    block = stream_field.field.stream_block
    value = block.to_python(stream)
    list(value)  # converts every child: a child left raw would be saved as it came
    return block.get_prep_value(value)


def rich_text(paragraphs):
    """Paragraphs of plain text as rich-text HTML, escaped; line breaks inside a paragraph are kept."""
    return "".join(
        "<p>{}</p>".format("<br>".join(escape(line) for line in paragraph.splitlines()))
        for paragraph in paragraphs
        if paragraph.strip()
    )


def as_date(value):
    return datetime.date.fromisoformat(value) if value else None


def find_area(name):
    """The Finnish area that a name in a description stands for, or None."""
    text = name.strip()
    base = source_locale()
    candidates = Area.objects.filter(locale=base).filter(
        Q(name__iexact=text) | Q(short_name__iexact=text) | Q(slug=slugify(text))
    )
    # Prefer a county over a municipality of the same name (Helsinki).
    return candidates.order_by("kind").first()


ABBREVIATION = re.compile(r"^(?P<name>.*?)\s*\((?P<abbreviation>[^()]*)\)\s*$")


def find_or_add(model, name, result, **extra):
    """The source-language classification a name stands for; added to the list when none matches.

    “Sosiaali- ja terveysministeriö (STM)”, “Sosiaali- ja terveysministeriö” and “STM” are
    the same funder.
    """
    base = source_locale()
    text = " ".join(name.split())
    match = ABBREVIATION.match(text)
    bare, abbreviation = (match["name"], match["abbreviation"].strip()) if match else (text, "")
    query = Q(name__iexact=text) | Q(name__iexact=bare) | Q(name__istartswith=f"{bare} (") | Q(slug=slugify(bare))
    if hasattr(model, "abbreviation"):
        query |= Q(abbreviation__iexact=text)
        if abbreviation:
            query |= Q(abbreviation__iexact=abbreviation)
    found = model.objects.filter(locale=base).filter(query).first()
    if found is None:
        found = model.objects.create(locale=base, name=text, **extra)
        result.notes.append(
            _("new %(kind)s added to the list: %(name)s") % {"kind": model._meta.verbose_name, "name": text}
        )
    return found


def extra_section_stream(extra_sections):
    """“Other section” blocks for text under unknown labels (or before the first label)."""
    return [
        {
            "type": "extra",
            "value": {"heading": extra["heading"] or OTHER_HEADING, "text": rich_text(extra["paragraphs"])},
        }
        for extra in extra_sections
    ]


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
                    "intro": rich_text(value.get("intro", [])),
                    "items": value["items"],
                    "notes": rich_text(value.get("notes", [])),
                },
            }
        )
    if sections.get("process"):
        stream.append({"type": "process", "value": {"steps": sections["process"]["steps"]}})
    stream.extend(extra_section_stream(extra_sections))
    stream.sort(key=lambda section: SECTION_ORDER.index(section["type"]))
    return prepared(OperatingModelPage.body, stream)


def set_operating_model_fields(page, data, result):
    page.title = data["title"]
    page.short_description = data.get("short_description", "")
    page.implementation_place = data.get("implementation_place", "")
    if page.organisation_id is None:
        page.organisation = implementing_organisation(page.implementation_place, result)
    if data.get("created"):
        page.created_date = as_date(data["created"])
    page.modified_date = source_modified(data)
    stage = (data.get("development_stage") or "").strip().lower()
    if stage:
        if stage in STAGES:
            page.development_stage = STAGES[stage]
        else:
            result.notes.append(
                _("unknown development stage “%(stage)s”; the default was kept") % {"stage": data["development_stage"]}
            )
    if data.get("development_entity"):
        entity = (
            DevelopmentEntityPage.objects.filter(title__iexact=data["development_entity"].strip(), locale=page.locale)
            .order_by("-live", "pk")
            .first()
        )
        if entity:
            page.development_entity = entity
        else:
            result.notes.append(_("development entity not found: %(title)s") % {"title": data["development_entity"]})
    page.body = operating_model_body(data.get("sections", {}), data.get("extra_sections", []))
    page.attachments = prepared(
        OperatingModelPage.attachments, [{"type": "link", "value": link} for link in data.get("links", [])]
    )
    page.authors.clear()
    for name in data.get("authors", []):
        page.authors.add(OperatingModelAuthor(name=name))
    if data.get("cover_image_caption"):
        result.notes.append(
            _("the cover image “%(caption)s” is named but no image file was given")
            % {"caption": data["cover_image_caption"]}
        )


def implementing_organisation(place, result):
    """The organisation that a model's implementation place (*Toteutuspaikka*) names, or None.

    A listed organisation, or a wellbeing services county (the body that runs the county's services);
    any other place ("neuvolat", a municipality's health centre) stays as text only.
    """
    text = " ".join(place.split())
    if not text:
        return None
    listed = Organisation.objects.filter(locale=source_locale(), name__iexact=text).first()
    if listed is not None:
        return listed
    area = find_area(text)
    if area is None or area.kind != Area.Kind.COUNTY:
        return None
    organisation = find_or_add(Organisation, area.name, result)
    for county in area.get_translations():  # named in Swedish and English as the county is
        if not organisation.has_translation(county.locale):
            translation = organisation.copy_for_translation(county.locale)
            translation.name = county.name
            translation.save()
    return organisation


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
    page.contact_name = contact.get("name") or ""
    page.contact_email = contact.get("email") or ""
    if contact.get("organisation"):
        page.contact_organisation = find_or_add(Organisation, contact["organisation"], result)
        page.organisation = page.contact_organisation
    if data.get("created"):
        page.created_date = as_date(data["created"])
    page.modified_date = source_modified(data)
    page.starting_point = rich_text(data.get("starting_point", []))
    page.main_goals = prepared(
        DevelopmentEntityPage.main_goals,
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
        ],
    )
    page.expected_results = rich_text(data.get("expected_results", []))
    page.impacts = rich_text(data.get("impacts", []))
    page.other_sections = prepared(
        DevelopmentEntityPage.other_sections, extra_section_stream(data.get("extra_sections", []))
    )


def set_article_fields(page, data, result):
    page.title = data["title"]
    page.intro = data.get("intro", "")
    page.body = prepared(
        ArticlePage.body, [{"type": "paragraph", "value": rich_text([text])} for text in data.get("paragraphs", [])]
    )


def set_classifications(page, data, result, run):
    areas = []
    for name in data.get("areas", []):
        area = run.area(name)
        if area:
            areas.append(area)
        else:
            result.notes.append(_("area not recognised: %(name)s") % {"name": name})
    page.areas.set(areas)
    page.funders.set([run.classification(Funder, name, result) for name in data.get("funders", [])])


class ImportRun:
    """What one run looks up once for all its files, and what it writes once at its end.

    The parent pages, the source locale and the classifications that files name are looked up
    once. Inside ``deferring()``, a page is not indexed at each of its saves (added, revised,
    published: each would analyse its whole text again) nor its references recorded each time:
    both are written when the block ends, for every page the run imported, in chunks, from the
    pages as stored.
    """

    CHUNK = 100
    INDEXED_MODELS = (OperatingModelPage, DevelopmentEntityPage, ArticlePage)

    def __init__(self):
        self.library, self.articles = site_sections()
        self.found = {}  # (model, name) -> the classification it stands for, or None
        self.imported = {}  # model -> ids of its pages imported in this run, in order
        self.paths = {}  # an operating model's file -> the development path imported with it
        self.attached = {}  # a development path's file -> the result of its import with its model

    def pair_paths(self, parsed):
        """Pair each development path imported for the first time with its operating model in the same run (by
        the national address, else by name): the model's page takes in its path in the same revision and
        publication, instead of being revised and published again for the path."""
        models = [data for data in parsed if data["kind"] == "operating_model"]
        by_url = {data["source_url"]: data for data in models if data.get("source_url")}
        by_title = {data["title"].strip().casefold(): data for data in models}
        known = set(
            ImportedSource.objects.filter(source__in=[data["source"] for data in parsed]).values_list(
                "source", flat=True
            )
        )
        for path in parsed:
            if path["kind"] != "development_path" or path["source"] in known:
                continue
            model = by_url.get(path.get("source_url")) or by_title.get(path["title"].strip().casefold())
            if model and model["source"] not in self.paths:
                self.paths[model["source"]] = path

    @cached_property
    def path_only_drafts(self):
        """The ids of the operating models made from a development path alone, which their model's file fills."""
        paths = ImportedSource.objects.filter(kind="development_path").values("page_id")
        others = ImportedSource.objects.exclude(kind="development_path").values("page_id")
        return set(OperatingModelPage.objects.filter(pk__in=paths).exclude(pk__in=others).values_list("pk", flat=True))

    def area(self, name):
        key = (Area, name.strip().lower())
        if key not in self.found:
            self.found[key] = find_area(name)
        return self.found[key]

    def classification(self, model, name, result):
        key = (model, " ".join(name.split()).lower())
        if key not in self.found:
            self.found[key] = find_or_add(model, name, result)
        return self.found[key]

    def add(self, page):
        """Remember an imported page, to index it and record its references at the end."""
        pages = self.imported.setdefault(type(page), {})
        pages[page.pk] = None

    @contextmanager
    def deferring(self):
        for model in self.INDEXED_MODELS:
            post_save.disconnect(post_save_signal_handler, sender=model)
        try:
            with disable_reference_index_auto_update():
                yield self
        finally:
            for model in self.INDEXED_MODELS:
                post_save.connect(post_save_signal_handler, sender=model)
        self.write_indexes()

    def write_indexes(self):
        """Index the imported pages and record their references, a chunk at a time (one query per relation)."""
        backends = list(get_search_backends(with_auto_update=True))
        for model, ids in self.imported.items():
            ids = list(ids)
            relations = [name for name in FACET_FIELDS.values() if name != "tags" and hasattr(model, name)]
            for first in range(0, len(ids), self.CHUNK):
                pages = list(
                    model.get_indexed_objects()
                    .filter(pk__in=ids[first : first + self.CHUNK])
                    .select_related("locale")
                    .prefetch_related(*relations, *(["areas__parent"] if "areas" in relations else []))
                )
                for backend in backends:
                    try:
                        backend.add_bulk(model, pages)
                    except Exception:
                        # As Wagtail does on save: a search cluster that is down loses no imported page
                        # (``update_index`` catches up); a database backend's error ends the run.
                        if not backend.catch_indexing_errors:
                            raise
                        logger.exception("Imported pages could not be indexed in %r", backend)
                for page in pages:
                    ReferenceIndex.create_or_update_for_object(page)
        self.imported = {}


PAGE_TYPES = {
    "operating_model": (OperatingModelPage, set_operating_model_fields),
    "development_entity": (DevelopmentEntityPage, set_entity_fields),
    "article": (ArticlePage, set_article_fields),
}


class ImportRejected(Exception):
    """A document that cannot become a page; the message says why, in the reader's words."""


def validation_messages(error):
    """The messages of a ValidationError as one line, the nested ones of StreamField blocks included."""
    if hasattr(error, "as_json_data"):
        return "; ".join(nested_messages(error.as_json_data()))
    if hasattr(error, "error_dict"):
        return "; ".join(
            f"{field}: {validation_messages(ValidationError(errors))}" for field, errors in error.error_dict.items()
        )
    return "; ".join(
        "; ".join(nested_messages(e.as_json_data())) if hasattr(e, "as_json_data") else message
        for e, message in zip(error.error_list, error.messages, strict=False)
    )


def nested_messages(data):
    """Every "messages" entry in the JSON form of a block validation error."""
    if isinstance(data, dict):
        found = [str(message) for message in data.get("messages", [])]
        return found + [m for value in data.values() if isinstance(value, dict | list) for m in nested_messages(value)]
    if isinstance(data, list):
        return [message for item in data for message in nested_messages(item)]
    return []


def publish_problems(page):
    """Why the page cannot be published as it is: its sections' own checks, or nothing.

    A description that the national site published is published here even when it lacks
    sections a new description must have; the page marks them and the report lists them.
    """
    if not isinstance(page, OperatingModelPage):
        return ""
    try:
        page.body.stream_block.clean_content(page.body)
    except ValidationError as error:
        return validation_messages(error)
    return ""


def missing_section_labels(sections):
    """The labels of the required sections that parsed description sections lack."""
    labels = OperatingModelPage.body.field.stream_block.child_blocks
    return [str(labels[name].label) for name in REQUIRED_TO_PUBLISH if not sections.get(name)]


def save_and_publish(page, record_source, data, result, publish):
    """Save a revision of the page, remember the file, and publish when asked and possible."""
    revision = page.save_revision(clean=False)
    ImportedSource.objects.update_or_create(
        source=record_source,
        defaults={"page": page, "revision": revision, "kind": data["kind"], "source_url": data.get("source_url", "")},
    )
    # Every file that feeds this page now knows its latest revision: none of them is an editor's edit.
    ImportedSource.objects.filter(page=page).update(revision=revision)
    if publish:
        problems = publish_problems(page)
        if problems:
            result.notes.append(_("not published: %(problems)s") % {"problems": problems})
        else:
            revision.publish()
            result.published = True
    result.page = page


def check_not_edited(page, record, force):
    """Refuse to overwrite a page an editor has changed since its last import (unless ``force``)."""
    if (
        page is not None
        and not force
        and record
        and record.revision_id
        and page.latest_revision_id != record.revision_id
    ):
        raise ImportRejected(_("the page has been edited in the admin since the last import; use --force to overwrite"))


def matching_model(data):
    """The operating model a development path belongs to: by its national address, else by its name."""
    if data.get("source_url"):
        record = (
            ImportedSource.objects.filter(source_url=data["source_url"], kind="operating_model")
            .select_related("page")
            .first()
        )
        if record:
            return record.page.specific
    return (
        OperatingModelPage.objects.filter(locale=source_locale(), title__iexact=data["title"].strip())
        .order_by("-live", "pk")
        .first()
    )


def path_stream(data):
    """The StreamField data of a parsed development path."""
    stream = [{"type": "intro", "value": rich_text(data["intro"])}] if data.get("intro") else []
    for part, sections in data.get("parts", {}).items():
        stream.append({"type": part, "value": {name: rich_items(items) for name, items in sections.items()}})
    stream.extend(extra_section_stream(data.get("extra_sections", [])))
    return prepared(OperatingModelPage.development_path, stream)


def rich_items(items):
    """Path section content (paragraphs, sub-headings, lists) as rich-text HTML."""
    html = []
    for kind, content in items:
        if kind == "h":
            html.append(f"<h4>{escape(content)}</h4>")
        elif kind == "p":
            html.append(rich_text([content]))
        else:
            html.append(f"<{kind}>{''.join(f'<li>{escape(item)}</li>' for item in content)}</{kind}>")
    return "".join(html)


def import_development_path(data, publish, force, run):
    """Attach a development path to its operating model, or make a draft model that holds only the path."""
    result = ImportResult(source=data["source"], kind=data["kind"])
    record = ImportedSource.objects.filter(source=data["source"]).select_related("page").first()
    page = record.page.specific if record and isinstance(record.page.specific, OperatingModelPage) else None
    page = page or matching_model(data)
    library = run.library
    if page is None:
        page = OperatingModelPage(
            locale=library.locale,
            live=False,
            title=data["title"],
            short_description=(data.get("intro") or [data["title"]])[0][:SHORT_DESCRIPTION_LIMIT],
        )
        page.slug = find_available_slug(library, slugify(page.title)[:70] or "sivu")
        result.action = "created"
        result.notes.append(
            _("no operating model of this name yet: a draft holding only its development path was made")
        )
    else:
        check_not_edited(page, record, force)
        result.action = "updated"
        result.notes.append(_("development path added to the operating model “%(title)s”") % {"title": page.title})
        page = page.get_latest_revision_as_object()
    page.development_path = path_stream(data)
    if page.pk is None:
        library.add_child(instance=page)
    # A path joins a published model's next publication; it never publishes a draft by itself.
    save_and_publish(page, data["source"], data, result, publish and page.live)
    result.missing = [str(label) for label in page.missing_sections()]
    return result


@transaction.atomic
def import_document(data, publish=False, force=False, run=None):
    """Create or update the page for one parsed document; returns an ``ImportResult``.

    ``run`` is the ``ImportRun`` of a run of several documents. Raises ``ImportRejected`` when
    the document cannot become a valid page, and when its page was edited in the admin after
    the last import (unless ``force``): an import never overwrites an editor's work without
    being told to.
    """
    run = run or ImportRun()
    if data["kind"] == "development_path":
        return import_development_path(data, publish, force, run)
    result = ImportResult(source=data["source"], kind=data["kind"], unknown=list(data.get("unknown_labels", [])))
    model, set_fields = PAGE_TYPES[data["kind"]]
    parent = run.articles if model is ArticlePage else run.library

    record = ImportedSource.objects.filter(source=data["source"]).select_related("page").first()
    page = record.page.specific if record else None
    if page is not None and not isinstance(page, model):
        result.notes.append(
            _("the file was a %(kind)s before; a new page is made") % {"kind": page.specific_class._meta.verbose_name}
        )
        page = None
    check_not_edited(page, record, force)
    if page is None and model is OperatingModelPage:
        page = path_only_draft(data, run)

    if page is None:
        page = model(locale=parent.locale, live=False)
        result.action = "created"
    else:
        result.action = "updated"
        page = page.get_latest_revision_as_object()

    set_fields(page, data, result)
    if model is not ArticlePage:
        set_classifications(page, data, result, run)
    if data.get("unknown_labels"):
        result.notes.append(
            _("unknown labels kept as other sections: %(labels)s") % {"labels": ", ".join(data["unknown_labels"])}
        )
    result.notes.extend(data.get("warnings", []))

    page.slug = page.slug or find_available_slug(parent, slugify(page.title)[:70] or "sivu", ignore_page_id=page.pk)
    try:
        page.full_clean(exclude=["path", "depth"] if page.pk is None else None)
    except ValidationError as error:
        raise ImportRejected(validation_messages(error)) from error
    path = run.paths.get(data["source"])
    if path:
        page.development_path = path_stream(path)
    if page.pk is None:
        parent.add_child(instance=page)
    if path:  # its record gets the page's new revision with the model's (save_and_publish)
        ImportedSource.objects.update_or_create(
            source=path["source"],
            defaults={"page": page, "kind": path["kind"], "source_url": path.get("source_url", "")},
        )
    save_and_publish(page, data["source"], data, result, publish)
    if model is OperatingModelPage:
        result.missing = missing_section_labels(data.get("sections", {}))
    if path:
        run.attached[path["source"]] = attached_path_result(path, result)
    return result


def attached_path_result(path, model_result):
    """The report of a development path imported with its operating model."""
    result = ImportResult(
        source=path["source"],
        kind=path["kind"],
        action="updated",
        page=model_result.page,
        published=model_result.published,
        missing=list(model_result.missing),
    )
    result.notes.append(
        _("development path added to the operating model “%(title)s”") % {"title": model_result.page.title}
    )
    return result


def path_only_draft(data, run):
    """A draft made earlier from a development path alone, that this operating model's file now fills."""
    if not run.path_only_drafts:
        return None
    page = matching_model(data)
    if page is None or page.pk not in run.path_only_drafts:
        return None
    run.path_only_drafts.discard(page.pk)
    return page
