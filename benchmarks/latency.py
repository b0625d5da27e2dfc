"""Synthetic descriptions for the search benchmark (``manage.py bench_search``).

The pages are made from the vocabulary of the seed documents (``demo/seeds/*.txt``, read with
the importer's parser): each page's text is a random recombination of the seeds' sentences, its
title a recombination of their titles and list items, and it gets random classifications
(areas: a county with some of its municipalities or the whole country; themes, target groups,
funders, tags; a development stage for operating models). Six in ten pages are operating
models, a quarter development entities and the rest articles.

Creating tens of thousands of pages with ``add_child`` and ``save_revision`` would take hours,
so the tree rows are written in bulk:

1. the materialised paths of the new children of the model library and the article index are
   computed here (treebeard's ``MP_Node`` steps: four base-36 digits per level after the
   parent's last child), the ``wagtailcore_page`` rows are ``bulk_create``d and the parents'
   ``numchild`` raised;
2. the rows of the page type's own table (``page_ptr_id`` and the type's local fields) are
   inserted with one ``executemany`` per chunk, each value prepared by its model field;
3. the many-to-many rows (areas, funders, themes, target groups) and the tag rows are
   ``bulk_create``d on their through models.

No revisions are written: the pages are live and published, as an import would leave them. The
prefixes of their titles, which the search box's suggestions read, are stored as publishing stores
them (``search.suggestions``).

Indexing goes through the search backend's own index API, as ``manage.py update_index`` does
(``add_model`` then ``add_items`` per chunk, inside the backend's rebuilder). Each page indexes
``analysed_text()``; computing it page by page costs one Voikko analysis of every word of
every page plus a handful of queries for the classification names. Here the text of each
page is known while it is generated, so the analysis is precomputed: every distinct piece of
text (sentence, title, list item, classification name) is analysed once, and a page's
analysed text is the concatenation of its pieces' tokens. The analysis works word by word,
so this gives the same tokens as ``analysed_text()`` (``check_analysed_text`` compares them
on pages read back from the database; the smoke test calls it).
"""

import dataclasses
import datetime
import json
import random
import re
import time
import uuid
from html import escape
from pathlib import Path

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify
from taggit.models import Tag
from wagtail.models import Page

from articles.models import ArticlePage, ArticlePageTag
from core.languages import SOURCE_LOCALE, source_locale
from home.sections import site_sections
from importer.parser import parse_file
from indexing.analysis import analyse
from indexing.pages import TITLE_WEIGHT
from models_library.models import (
    DevelopmentEntityPage,
    DevelopmentEntityPageTag,
    DevelopmentStage,
    OperatingModelPage,
    OperatingModelPageTag,
)
from search.suggestions import add_title_words
from taxonomy.models import Area, Funder, TargetGroup, Theme

SEEDS = Path(settings.BASE_DIR) / "demo" / "seeds"
SLUG_PREFIX = "bench-"
# Page types and their shares of the synthetic pages.
MIX = ((OperatingModelPage, 0.6), (DevelopmentEntityPage, 0.25), (ArticlePage, 0.15))
TAG_TYPES = {OperatingModelPage: OperatingModelPageTag, DevelopmentEntityPage: DevelopmentEntityPageTag}
TAGS = [
    "perhekeskus",
    "lapsiperheet",
    "järjestöyhteistyö",
    "matala kynnys",
    "sähköiset palvelut",
    "väkivallan ehkäisy",
    "eroauttaminen",
    "vauvaperheet",
    "asiakasohjaus",
    "sotekeskus",
    "vertaistuki",
    "neuvola",
]
AUTHORS = ["Anna Virtanen", "Mikko Korhonen", "Laura Nieminen", "Jussi Mäkinen", "Sanna Heikkinen", "Timo Koskinen"]
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ0-9])")
SKIP_KEYS = {"kind", "source", "created", "modified", "start", "end", "email", "url", "warnings", "unknown_labels"}


# ---------------------------------------------------------------- vocabulary


@dataclasses.dataclass
class Vocabulary:
    """Sentences and title phrases of the seed documents."""

    sentences: list[str]
    short_sentences: list[str]  # for list items
    phrases: list[str]  # for titles

    @classmethod
    def from_seeds(cls, folder: Path = SEEDS) -> "Vocabulary":
        documents = [parse_file(path) for path in sorted(folder.glob("*.txt"))]
        texts = []

        def walk(value, key=""):
            if key in SKIP_KEYS:
                return
            if isinstance(value, str):
                texts.append(" ".join(value.split()))
            elif isinstance(value, list):
                for item in value:
                    walk(item)
            elif isinstance(value, dict):
                for name, item in value.items():
                    walk(item, name)

        for document in documents:
            walk(document)
        sentences = sorted({s.strip() for text in texts for s in SENTENCE_END.split(text) if 4 <= len(s.split()) <= 60})
        short = [s for s in sentences if len(s.split()) <= 14]
        phrases = sorted(
            {document["title"] for document in documents}
            | {text.rstrip(".") for text in texts if 2 <= len(text.split()) <= 7 and not text.endswith(":")}
        )
        return cls(sentences, short, phrases)


@dataclasses.dataclass
class Classifications:
    """The Finnish classifications pages are given, with the names their analysed text includes."""

    counties: list
    municipalities: dict  # county id -> its municipalities
    national: list
    themes: list
    target_groups: list
    funders: list
    tags: list

    @classmethod
    def load(cls) -> "Classifications":
        areas = list(Area.objects.filter(**SOURCE_LOCALE).select_related("parent"))
        municipalities = {}
        for area in areas:
            if area.kind == Area.Kind.MUNICIPALITY and area.parent_id:
                municipalities.setdefault(area.parent_id, []).append(area)
        tags = [Tag.objects.get_or_create(name=name, defaults={"slug": slugify(name)})[0] for name in TAGS]
        return cls(
            counties=[a for a in areas if a.kind == Area.Kind.COUNTY],
            municipalities=municipalities,
            national=[a for a in areas if a.kind == Area.Kind.NATIONAL],
            themes=list(Theme.objects.filter(**SOURCE_LOCALE)),
            target_groups=list(TargetGroup.objects.filter(**SOURCE_LOCALE)),
            funders=list(Funder.objects.filter(**SOURCE_LOCALE)),
            tags=tags,
        )


def area_names(area) -> list[str]:
    """What ``DescriptionPage.classification_names`` lists for one area."""
    names = [area.name, area.short_name]
    if area.parent_id:
        names += [area.parent.name, area.parent.short_name]
    return names


# ---------------------------------------------------------------- one synthetic page


@dataclasses.dataclass
class SyntheticPage:
    """A page being generated: the instance, its relations and the pieces of text it indexes."""

    page: Page
    areas: list
    themes: list
    target_groups: list
    funders: list
    tags: list
    pieces: list[str]  # every piece of text of analysed_text(), in any order


def rich(paragraphs: list[list[str]]) -> str:
    return "".join(f"<p>{escape(' '.join(sentences))}</p>" for sentences in paragraphs if sentences)


class Generator:
    """Makes synthetic pages; the same seed gives the same pages."""

    def __init__(self, vocabulary: Vocabulary, classifications: Classifications, seed: int = 1):
        self.vocabulary = vocabulary
        self.classes = classifications
        self.random = random.Random(seed)
        self.locale = source_locale()
        self.today = datetime.date(2025, 6, 1)

    def sentences(self, low: int, high: int) -> list[str]:
        return self.random.sample(self.vocabulary.sentences, self.random.randint(low, high))

    def paragraphs(self, count: int, low: int = 1, high: int = 3) -> list[list[str]]:
        return [self.sentences(low, high) for _ in range(count)]

    def title(self, area) -> str:
        phrase = self.random.choice(self.vocabulary.phrases)
        if self.random.random() < 0.5:
            second = self.random.choice(self.vocabulary.phrases).split()
            phrase = " ".join(phrase.split()[: self.random.randint(1, 3)] + second[-self.random.randint(1, 3) :])
        phrase = phrase[:1].upper() + phrase[1:]
        if area is not None and self.random.random() < 0.4:
            phrase += f" – {area.short_name or area.name}"
        return phrase[:200]

    def areas(self) -> list:
        if self.random.random() < 0.1 and self.classes.national:
            return [self.classes.national[0]]
        county = self.random.choice(self.classes.counties)
        towns = self.classes.municipalities.get(county.pk, [])
        return [county] + self.random.sample(towns, min(len(towns), self.random.randint(0, 2)))

    def synthetic_page(self, number: int, model) -> SyntheticPage:
        areas = self.areas() if model is not ArticlePage else []
        title = self.title(areas[0] if areas else None)
        common = {
            "title": title,
            "draft_title": title,
            "slug": f"{SLUG_PREFIX}{number}-{slugify(title)[:60]}".rstrip("-"),
            "locale": self.locale,
            "live": True,
            "has_unpublished_changes": False,
            "translation_key": uuid.uuid4(),
        }
        pieces = [title] * TITLE_WEIGHT
        pick = self.random.sample
        themes = pick(self.classes.themes, self.random.randint(1, 3)) if model is not ArticlePage else []
        groups = pick(self.classes.target_groups, self.random.randint(1, 2)) if model is not ArticlePage else []
        funders = pick(self.classes.funders, self.random.randint(0, 2)) if model is not ArticlePage else []
        tags = pick(self.classes.tags, self.random.randint(0, 3))
        created = self.today - datetime.timedelta(days=self.random.randint(0, 1500))

        def text(paragraphs):
            pieces.extend(s for paragraph in paragraphs for s in paragraph)
            return rich(paragraphs)

        if model is OperatingModelPage:
            short = self.sentences(1, 2)
            pieces.extend(short)
            place = f"{areas[0].name}" if areas else ""
            pieces.append(place)
            body = [
                {"type": name, "value": text(self.paragraphs(count))}
                for name, count in (("core_idea", 2), ("operating_environment", 1), ("target_group", 1))
            ]
            for name, count in (("conditions", 3), ("tips", 2)):
                intro = self.paragraphs(1, 1, 1)
                items = self.random.sample(self.vocabulary.short_sentences, count)
                pieces.extend(items)
                body.append({"type": name, "value": {"intro": text(intro), "items": items}})
            page = OperatingModelPage(
                **common,
                short_description=" ".join(short),
                implementation_place=place,
                body=json.dumps(body),
                development_stage=self.random.choice(DevelopmentStage.values),
                created_date=created,
            )
        elif model is DevelopmentEntityPage:
            short = self.sentences(1, 3)
            pieces.extend(short)
            page = DevelopmentEntityPage(
                **common,
                short_description=" ".join(short),
                purpose_and_goals=text(self.paragraphs(2)),
                actors=text(self.paragraphs(1, 1, 2)),
                starting_point=text(self.paragraphs(1)),
                expected_results=text(self.paragraphs(1)),
                impacts=text(self.paragraphs(1)),
                created_date=created,
                start_date=created,
            )
        else:
            intro = self.sentences(1, 2)
            authors = self.random.choice(AUTHORS)
            pieces.extend(intro + [authors])
            body = [{"type": "paragraph", "value": text([paragraph])} for paragraph in self.paragraphs(4, 1, 3)]
            page = ArticlePage(**common, intro=" ".join(intro), authors=authors, body=json.dumps(body), date=created)
        for area in areas:
            pieces.extend(area_names(area))
        pieces.extend(item.name for relation in (funders, themes, groups) for item in relation)
        return SyntheticPage(page, areas, themes, groups, funders, tags, [piece for piece in pieces if piece])


# ---------------------------------------------------------------- writing the rows


class TreeWriter:
    """Appends children to one parent page with bulk inserts (see the module docstring)."""

    def __init__(self, parent: Page):
        self.parent = parent
        last = Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1).order_by("-path").first()
        self.next_position = (last._get_lastpos_in_path() if last else 0) + 1

    def place(self, page: Page):
        page.depth = self.parent.depth + 1
        page.path = Page._get_path(self.parent.path, page.depth, self.next_position)
        page.numchild = 0
        page.url_path = f"{self.parent.url_path}{page.slug}/"
        self.next_position += 1

    def added(self, count: int):
        Page.objects.filter(pk=self.parent.pk).update(numchild=F("numchild") + count)


PAGE_FIELDS = [f for f in Page._meta.concrete_fields if not f.primary_key]


def insert_pages(model, pages: list[Page]):
    """Writes pages of one type whose tree fields are set: the Page rows, then the type's own rows."""
    now = timezone.now()
    content_type = ContentType.objects.get_for_model(model)
    bases = []
    for page in pages:
        page.content_type = content_type
        page.first_published_at = page.last_published_at = page.latest_revision_created_at = now
        bases.append(Page(**{f.attname: getattr(page, f.attname) for f in PAGE_FIELDS}))
    Page.objects.bulk_create(bases, batch_size=500)
    for page, base in zip(pages, bases, strict=True):
        page.id = page.page_ptr_id = base.pk
    fields = model._meta.local_concrete_fields
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    marks = ", ".join(["%s"] * len(fields))
    rows = [[f.get_db_prep_save(getattr(page, f.attname), connection) for f in fields] for page in pages]
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {connection.ops.quote_name(model._meta.db_table)} ({columns}) VALUES ({marks})", rows
        )


def insert_relations(model, synthetic_pages: list[SyntheticPage]):
    """Many-to-many rows of the classifications and the tag rows."""
    if model is not ArticlePage:
        for name in ("areas", "themes", "target_groups", "funders"):
            field = model._meta.get_field(name)
            through = field.remote_field.through
            own, other = field.m2m_field_name(), field.m2m_reverse_field_name()
            through.objects.bulk_create(
                [
                    through(**{f"{own}_id": synthetic.page.pk, f"{other}_id": item.pk})
                    for synthetic in synthetic_pages
                    for item in getattr(synthetic, name)
                ],
                batch_size=500,
            )
    tag_model = TAG_TYPES.get(model, ArticlePageTag)
    tag_model.objects.bulk_create(
        [
            tag_model(content_object_id=synthetic.page.pk, tag=tag)
            for synthetic in synthetic_pages
            for tag in synthetic.tags
        ],
        batch_size=500,
    )


# ---------------------------------------------------------------- analysis and indexing


class PieceAnalyser:
    """``analyse`` of each distinct piece of text, computed once."""

    def __init__(self, language: str = "fi"):
        self.language = language
        self.cache: dict[str, str] = {}

    def page_text(self, pieces: list[str]) -> str:
        out = []
        for piece in pieces:
            tokens = self.cache.get(piece)
            if tokens is None:
                tokens = self.cache[piece] = analyse(piece, self.language)
            if tokens:
                out.append(tokens)
        return " ".join(out)


def with_analysed_text(page: Page, text: str) -> Page:
    """The page, answering ``analysed_text()`` with the precomputed text (no analysis, no queries)."""
    page.analysed_text = lambda: text
    return page


def as_base_page(page: Page) -> Page:
    """The ``Page`` row of a page, as ``update_index`` indexes it under ``Page``."""
    return Page(**{f.attname: getattr(page, f.attname) for f in Page._meta.concrete_fields})


def index_pages(backend, chunks: list[tuple[type, list[Page]]], rebuild: bool):
    """Adds pages to the search backend as ``update_index`` does: each page under ``Page`` and under its type.

    With ``rebuild`` the page index is rebuilt first through the backend's rebuilder (a new
    index and mapping on OpenSearch; stale entries dropped on the database backend).
    """
    if not rebuild:
        for model, pages in chunks:
            backend.add_bulk(Page, [as_base_page(page) for page in pages])
            backend.add_bulk(model, pages)
        return
    from modelsearch.management.commands.rebuild_modelsearch_index import group_models_by_index

    types = [Page, *dict.fromkeys(model for model, _ in chunks), *(model for model, _ in MIX)]
    for index, models in group_models_by_index(backend, list(dict.fromkeys(types))).items():
        rebuilder = backend.rebuilder_class(index) if backend.rebuilder_class else None
        target = rebuilder.start() if rebuilder else index
        for model in models:
            target.add_model(model)
        for model, pages in chunks:
            if Page in models:
                target.add_items(Page, [as_base_page(page) for page in pages])
            if model in models:
                target.add_items(model, pages)
        if rebuilder:
            rebuilder.finish()


# ---------------------------------------------------------------- the whole build


@dataclasses.dataclass
class BuildReport:
    count: int = 0
    seconds: dict = dataclasses.field(default_factory=dict)
    analysed_pieces: int = 0
    samples: dict = dataclasses.field(default_factory=dict)  # page id -> precomputed analysed text

    def add(self, step: str, seconds: float):
        self.seconds[step] = self.seconds.get(step, 0.0) + seconds


def build(count: int, backend, seed: int = 1, chunk_size: int = 2000, progress=None, index=True) -> BuildReport:
    """Creates ``count`` synthetic published pages, stores their titles' prefixes for the suggestions
    and, with ``index``, indexes them in ``backend``."""
    report = BuildReport(count=count)
    clock = time.perf_counter()
    vocabulary = Vocabulary.from_seeds()
    classifications = Classifications.load()
    library, article_index = site_sections()
    generator = Generator(vocabulary, classifications, seed)
    parents = {library.pk: TreeWriter(library), article_index.pk: TreeWriter(article_index)}
    writers = {model: parents[article_index.pk if model is ArticlePage else library.pk] for model, _ in MIX}
    analyser = PieceAnalyser()
    report.add("setup", time.perf_counter() - clock)
    types, weights = zip(*MIX, strict=True)
    indexed = []
    done = 0
    while done < count:
        size = min(chunk_size, count - done)
        clock = time.perf_counter()
        pages_by_type = {}
        for number in range(done, done + size):
            model = generator.random.choices(types, weights)[0]
            pages_by_type.setdefault(model, []).append(generator.synthetic_page(number, model))
        report.add("generate", time.perf_counter() - clock)
        for model, synthetic_pages in pages_by_type.items():
            clock = time.perf_counter()
            with transaction.atomic():
                for synthetic in synthetic_pages:
                    writers[model].place(synthetic.page)
                insert_pages(model, [synthetic.page for synthetic in synthetic_pages])
                insert_relations(model, synthetic_pages)
                writers[model].added(len(synthetic_pages))
            report.add("write rows", time.perf_counter() - clock)
            clock = time.perf_counter()
            with transaction.atomic():
                add_title_words((d.page.pk, d.page.locale_id, d.page.title) for d in synthetic_pages)
            report.add("title words", time.perf_counter() - clock)
            if not index:
                continue
            clock = time.perf_counter()
            pages = [with_analysed_text(d.page, analyser.page_text(d.pieces)) for d in synthetic_pages]
            report.add("analyse", time.perf_counter() - clock)
            for page in pages[: max(0, 10 - sum(isinstance(p, model) for p in report.samples.values()))]:
                report.samples[page.pk] = page
            indexed.append((model, pages))
        done += size
        if progress:
            progress(done)
        if indexed and (len(indexed) >= 6 or done >= count):  # index a few chunks at a time to bound memory
            clock = time.perf_counter()
            index_pages(backend, indexed, rebuild="index" not in report.seconds)
            report.add("index", time.perf_counter() - clock)
            indexed = []
    report.analysed_pieces = len(analyser.cache)
    report.samples = {pk: page.analysed_text() for pk, page in report.samples.items()}
    return report


def full_analysis_cost(sample: int = 100) -> float:
    """Milliseconds per page of ``analysed_text()`` itself (queries and analysis), over bench pages in the database."""
    pages = []
    for model, _ in MIX:
        pages += list(model.objects.filter(slug__startswith=SLUG_PREFIX)[: max(1, sample // len(MIX))])
    if not pages:
        return 0.0
    clock = time.perf_counter()
    for page in pages:
        page.analysed_text()
    return (time.perf_counter() - clock) * 1000 / len(pages)


def check_analysed_text(samples: dict[int, str]) -> list[str]:
    """Titles of sample pages whose ``analysed_text()``, read back from the database, has other tokens than
    the precomputed text (``BuildReport.samples``); empty when the precomputation matches."""
    differing = []
    for page in Page.objects.filter(pk__in=samples).specific():
        if sorted(page.analysed_text().split()) != sorted(samples[page.pk].split()):
            differing.append(page.title)
    return differing
