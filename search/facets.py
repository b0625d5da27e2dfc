"""Facets: the ways to narrow a search (content type, area, theme, target group, stage, funder,
tag), each with how many of the matching pages have each value.

What the facets need to know about the matching pages (each page's values of every facet) is
fetched once, with one query per facet (its link tables joined to the slugs), into ``FacetValues``;
filtering and counting are then set operations in Python. Values are slugs (stage and content
type: their keys), as in the address. An area's values include the county of each of its
municipalities, so a county finds and counts the descriptions of its municipalities.

On Elasticsearch and OpenSearch, ``EngineFacetValues`` gives the same answers from the engine: each
page indexes its facet values as ``key:value`` terms (``indexing.pages``), and one request filters
the matching pages and counts every facet with aggregations; ``facet_values`` picks the one to use.
"""

import json
import logging
from collections import Counter, defaultdict
from types import SimpleNamespace

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models.expressions import RawSQL
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page

from articles.models import ArticlePage
from core.languages import SOURCE_LANGUAGE, SOURCE_LOCALE
from hosting.generation import generation
from models_library.models import DevelopmentEntityPage, DevelopmentStage, OperatingModelPage
from taxonomy.models import Area, Funder, TargetGroup, Theme

from .engine import SearchUnavailable
from .upstream_wagtail import search_backend

logger = logging.getLogger(__name__)

DESCRIPTION_TYPES = (OperatingModelPage, DevelopmentEntityPage)
SEARCHED_TYPES = {"operating_model": OperatingModelPage, "entity": DevelopmentEntityPage, "article": ArticlePage}
# Earlier names of facet values, still accepted in addresses so that shared searches keep working.
VALUE_ALIASES = {"type": {"model": "operating_model"}}


def link_table(page_model, field_name):
    """The through model of a many-to-many field of a page type, with its page and item columns."""
    relation = page_model._meta.get_field(field_name)
    return relation.remote_field.through, relation.m2m_field_name(), relation.m2m_reverse_field_name()


def values_by_page(rows):
    """``{page id: set of values}`` from rows of a page id and its values (``None`` for none)."""
    values = defaultdict(set)
    for page, *row_values in rows:
        values[page].update(value for value in row_values if value is not None)
    return values


class Facet:
    label = ""

    def __init__(self, key):
        self.key = key

    def values(self, pages):
        """``{page id: set of values}`` for ``pages`` (a list of ids or a subquery of them)."""
        raise NotImplementedError

    def options(self, counts, chosen):
        """(value, label, count, depth) in display order; chosen values stay even without pages."""
        raise NotImplementedError


class TypeFacet(Facet):
    label = _("Content type")

    def values(self, pages):
        keys = {ContentType.objects.get_for_model(model).pk: key for key, model in SEARCHED_TYPES.items()}
        rows = Page.objects.filter(pk__in=pages).order_by().values_list("pk", "content_type")
        return {pk: {keys.get(content_type)} for pk, content_type in rows}

    def options(self, counts, chosen):
        return [
            (key, model._meta.verbose_name_plural, counts[key], 0)
            for key, model in SEARCHED_TYPES.items()
            if counts[key] or key in chosen
        ]


class StageFacet(Facet):
    label = _("Development stage")

    def values(self, pages):
        rows = OperatingModelPage.objects.filter(pk__in=pages).order_by().values_list("pk", "development_stage")
        return {pk: {stage} for pk, stage in rows}

    def options(self, counts, chosen):
        return [
            (stage.value, stage.label, counts[stage.value], 0)
            for stage in DevelopmentStage
            if counts[stage.value] or stage.value in chosen
        ]


class RelationFacet(Facet):
    """A classification that descriptions link to through a many-to-many field of the same name."""

    def __init__(self, key, model, field_name):
        super().__init__(key)
        self.model = model
        self.field_name = field_name
        self.label = model._meta.verbose_name

    # The item's columns a page's values are made of.
    value_columns = ("slug",)

    def values(self, pages):
        """One query over the link tables of every description type, joined to the items' slugs."""
        queries = []
        for page_model in DESCRIPTION_TYPES:
            through, page_column, item_column = link_table(page_model, self.field_name)
            columns = [f"{item_column}__{column}" for column in self.value_columns]
            queries.append(
                through.objects.filter(**{f"{page_column}__in": pages})
                .order_by()
                .values_list(f"{page_column}_id", *columns)
            )
        return values_by_page(queries[0].union(*queries[1:], all=True))

    # What the options need of an item.
    item_columns = ("slug", "name", "translation_key")

    def named_items(self, language):
        """``{slug: item}`` for every classification of this facet: light (no model instances), each with
        ``label`` in ``language``."""
        rows = self.model.objects.filter(**SOURCE_LOCALE).values(*self.item_columns)
        items = [SimpleNamespace(**row) for row in rows]
        names = {}
        if language != SOURCE_LANGUAGE:
            names = dict(
                self.model.objects.filter(locale__language_code=language).values_list("translation_key", "name")
            )
        for item in items:
            item.label = names.get(item.translation_key, item.name)
        return {item.slug: item for item in items}

    def items(self, slugs):
        """The classifications with these slugs, named in the active language."""
        items = kept_names(self)
        return [items[slug] for slug in slugs if slug in items]

    def options(self, counts, chosen):
        items = self.items({slug for slug, n in counts.items() if n} | set(chosen))
        items.sort(key=lambda item: (-counts[item.slug], item.label))
        return [(item.slug, item.label, counts[item.slug], 0) for item in items]


class AreaFacet(RelationFacet):
    """Areas: a county counts (and finds) the descriptions of its municipalities too."""

    value_columns = ("slug", "parent__slug")
    item_columns = (*RelationFacet.item_columns, "pk", "parent_id", "kind")

    def options(self, counts, chosen):
        items = self.items({slug for slug, n in counts.items() if n} | set(chosen))
        children = defaultdict(list)
        for item in items:
            children[item.parent_id].append(item)
        top = sorted(children[None], key=lambda item: (item.kind != Area.Kind.NATIONAL, item.label))
        options = []
        for area in top:
            options.append((area.slug, area.label, counts[area.slug], 0))
            in_area = sorted(children[area.pk], key=lambda item: item.label)
            options += [(child.slug, child.label, counts[child.slug], 1) for child in in_area]
        return options


class TagFacet(Facet):
    label = _("Tag")
    SHOWN = 20

    def values(self, pages):
        throughs = [model._meta.get_field("tags").remote_field.through for model in SEARCHED_TYPES.values()]
        queries = [
            through.objects.filter(content_object_id__in=pages).order_by().values_list("content_object_id", "tag__slug")
            for through in throughs
        ]
        return values_by_page(queries[0].union(*queries[1:], all=True))

    def named_items(self, language):
        """``{slug: name}`` of every tag (tags have one name in every language)."""
        return dict(Tag.objects.values_list("slug", "name"))

    def options(self, counts, chosen):
        slugs = sorted((slug for slug, n in counts.items() if n), key=lambda slug: (-counts[slug], slug))[: self.SHOWN]
        slugs += [slug for slug in chosen if slug not in slugs]
        names = kept_names(self)
        return [(slug, names[slug], counts[slug], 0) for slug in slugs if slug in names]


# The facets' names of their values, by facet and language, while the content generation lasts.
_names = (None, {})


def kept_names(facet):
    """``facet.named_items`` in the active language, worked out once per process while the content
    generation (``hosting.generation``) lasts: a new one starts whenever a classification, a tag or
    a page changes, so the options of a search cost no query and are never stale."""
    global _names
    current = generation()
    kept, names = _names
    if kept != current:
        names = {}
        _names = (current, names)
    language = get_supported_content_language_variant(get_language())
    key = (facet.key, language)
    if key not in names:
        names[key] = facet.named_items(language)
    return names[key]


FACETS = {
    "type": TypeFacet("type"),
    "area": AreaFacet("area", Area, "areas"),
    "theme": RelationFacet("theme", Theme, "themes"),
    "target_group": RelationFacet("target_group", TargetGroup, "target_groups"),
    "stage": StageFacet("stage"),
    "funder": RelationFacet("funder", Funder, "funders"),
    "tag": TagFacet("tag"),
}


def id_list(ids):
    """A subquery of these ids as one parameter: Django prepares the items of a plain list one by
    one, which costs more than the query itself for the hundreds of ids of a search."""
    ids = [int(pk) for pk in ids]
    if connection.vendor == "postgresql":
        return RawSQL("SELECT unnest(%s::integer[])", (ids,))
    if connection.vendor == "sqlite":
        return RawSQL("SELECT value FROM json_each(%s)", (json.dumps(ids),))
    return ids


class FacetValues:
    """Every facet value of a set of pages, fetched once: filtering and counting need no more queries."""

    def __init__(self, pages):
        self.values = {key: facet.values(pages) for key, facet in FACETS.items()}

    def has(self, key, page, wanted):
        return not self.values[key].get(page, set()).isdisjoint(wanted)

    def matching(self, pages, filters, skip=None):
        """The pages of ``pages`` (ids, order kept) that have a chosen value of every facet but ``skip``."""
        chosen = [(key, set(values)) for key, values in filters.items() if key != skip and values and key in FACETS]
        return [page for page in pages if all(self.has(key, page, wanted) for key, wanted in chosen)]

    def counts(self, key, pages):
        values = self.values[key]
        return Counter(value for page in pages for value in values.get(page, ()))

    def facet_counts(self, pages, filters):
        """``{facet key: Counter of its values}`` over ``pages`` narrowed by the other facets' choices."""
        return {key: self.counts(key, self.matching(pages, filters, skip=key)) for key in FACETS}

    def count_without(self, pages, filters, key):
        """How many of ``pages`` have a chosen value of every facet but ``key``."""
        return len(self.matching(pages, filters, skip=key))


class EngineFacetValues:
    """``FacetValues``' answers from Elasticsearch or OpenSearch, in one request: the pages' facet
    terms (``indexing.pages``, ``facet_terms``) are filtered and counted by the engine's
    aggregations, one per facet, each narrowed by the other facets' choices; nothing is fetched
    from the database. Made for one list of pages and one set of filters; the aggregations count
    only ``counted`` of the pages (the full matches of a search), the narrowed pages are all of them."""

    def __init__(self, backend, pages, filters, counted=None):
        from modelsearch.index import FilterField

        model = SEARCHED_TYPES["operating_model"]
        field = next(
            f for f in model.get_search_fields() if isinstance(f, FilterField) and f.field_name == "facet_terms"
        )
        column = backend.mapping_class(model).get_field_column_name(field)
        type_terms = {key: f"type:{model._meta.model_name}" for key, model in SEARCHED_TYPES.items()}
        chosen = {
            key: [type_terms.get(value, value) if key == "type" else f"{key}:{value}" for value in values]
            for key, values in filters.items()
            if values and key in FACETS
        }

        counted = [] if counted is None or len(counted) == len(pages) else [str(int(pk)) for pk in counted]
        within = [{"terms": {"pk": counted}}] if counted else []

        def narrowed(skip=None, within=()):
            clauses = [{"terms": {column: terms}} for key, terms in chosen.items() if key != skip]
            return {"bool": {"filter": [*within, *clauses]}}

        pages = [str(int(pk)) for pk in pages]
        terms = {"terms": {"field": column, "size": 100_000}}
        body = {
            "query": {"bool": {"filter": [{"terms": {"pk": pages}}]}},
            "post_filter": narrowed(),
            # The facets without a choice are all counted under the same filters, in one aggregation
            # ("_other"); each chosen facet needs its own, without its own choice.
            "aggs": {
                name: {"filter": narrowed(skip, within), "aggs": {"terms": terms}}
                for name, skip in [("_other", None), *((key, key) for key in chosen)]
            },
        }
        # The narrowed pages themselves only when something is chosen: else they are all of ``pages``.
        # Their ids from the doc values, no stored fields: unpacking those cost most of the request.
        body.update(size=len(pages) if chosen else 0, _source=False, stored_fields="_none_", docvalue_fields=["pk"])
        body.update(track_total_hits=False)
        # Only the ids and the counts come back (``engine._elasticsearch_matches`` says why).
        only = "hits.hits.fields.pk,aggregations"
        index = backend.get_index_for_model(model).name
        if backend.use_new_elasticsearch_api:  # Elasticsearch 8: the body's keys as arguments
            answer = backend.es.search(index=index, filter_path=only, **body)
        else:
            answer = backend.es.search(index=index, body=body, filter_path=only)
        hits = answer.get("hits", {}).get("hits", [])
        self.found = {int(hit["fields"]["pk"][0]) for hit in hits} if chosen else set(map(int, pages))
        type_keys = {term: key for key, term in type_terms.items()}
        self.totals, self.by_facet = {}, {}
        for key in FACETS:
            aggregation = answer["aggregations"][key if key in chosen else "_other"]
            self.totals[key] = aggregation["doc_count"]
            self.by_facet[key] = Counter(
                {
                    type_keys.get(bucket["key"], bucket["key"].split(":", 1)[1]): bucket["doc_count"]
                    for bucket in aggregation["terms"]["buckets"]
                    if bucket["key"].startswith(f"{key}:")
                }
            )

    def matching(self, pages, filters, skip=None):
        return [page for page in pages if page in self.found]

    def facet_counts(self, pages, filters):
        return self.by_facet

    def count_without(self, pages, filters, key):
        return self.totals[key]


def facet_values(pages, filters, counted=None):
    """The facet values of ``pages`` (ids): counted by the search engine when it is Elasticsearch or
    OpenSearch, else fetched from the database. The counts are asked of ``counted`` of them (all by
    default): the engine counts those alone."""
    backend = search_backend()
    if not hasattr(backend, "es"):
        return FacetValues(id_list(pages))
    try:
        return EngineFacetValues(backend, pages, filters, counted)
    except Exception as error:
        logger.exception("Facet counts from %s failed", type(backend).__name__)
        raise SearchUnavailable(str(error)) from error
