"""One search: text matching in the search backend, then filters, facet counts, order and paging in SQL.

The backend (SQLite, PostgreSQL or OpenSearch) ranks the pages that share a token with the analysed
query; at most ``SEARCH_MATCH_LIMIT`` of the best are kept. The filters (content type, area, theme,
target group, stage, funder, tag) and their counts are worked out by the database over those pages,
so every backend filters and counts the same way and the counts always agree with what a click on
them shows. Without a query the search lists every published page of the language, newest first.
"""

import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.db.models import Count, F, Q
from django.db.models.functions import Coalesce
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag
from wagtail.models import Locale, Page

from articles.models import ArticlePage
from models_library.models import DevelopmentEntityPage, DevelopmentStage, OperatingModelPage
from taxonomy.models import Area, Funder, TargetGroup, Theme

from .analysis import analyse_query, analyse_words, spelling_suggestions
from .engine import SearchUnavailable, ranked_matches
from .snippets import highlighted_snippet

logger = logging.getLogger(__name__)

MAX_QUERY_LENGTH = 200
PAGE_SIZE = 20
# How many of the best matches a search keeps; more than anyone pages through, few enough to stay fast.
MATCH_LIMIT = getattr(settings, "SEARCH_MATCH_LIMIT", 1000)
DESCRIPTION_TYPES = (OperatingModelPage, DevelopmentEntityPage)
SEARCHED_TYPES = {"model": OperatingModelPage, "entity": DevelopmentEntityPage, "article": ArticlePage}
SORTS = ("relevance", "newest")

__all__ = ["FACETS", "SearchParams", "SearchUnavailable", "run_search", "title_suggestions"]


@dataclass
class SearchParams:
    """Everything that decides a search; it round-trips through the address, so a search can be shared."""

    query: str = ""
    filters: dict[str, list[str]] = field(default_factory=dict)
    sort: str = "relevance"
    page: int = 1

    @classmethod
    def from_querydict(cls, data, **preset):
        filters = {
            key: [value[:100] for value in data.getlist(key) if value][:20] for key in FACETS if data.getlist(key)
        }
        for key, values in preset.items():
            filters[key] = values
        sort = data.get("sort", "")
        try:
            page = max(1, int(data.get("page", 1)))
        except ValueError:
            page = 1
        return cls(
            query=data.get("q", "").strip()[:MAX_QUERY_LENGTH],
            filters=filters,
            sort=sort if sort in SORTS else "relevance",
            page=page,
        )

    def querystring(self, **changes):
        """The address's query string for these parameters with some changed (``None`` removes a key)."""
        data = QueryDict(mutable=True)
        values = {"q": self.query, **self.filters, "sort": self.sort if self.sort != "relevance" else ""}
        values.update(changes)
        order = ["q", *FACETS, "sort", "page"]
        for key, value in sorted(values.items(), key=lambda item: order.index(item[0]) if item[0] in order else 99):
            if value:
                data.setlist(key, value if isinstance(value, list) else [value])
        return data.urlencode()

    def without(self, key, value=None):
        """Query string without one filter value (or the whole filter)."""
        remaining = [v for v in self.filters.get(key, []) if value is not None and v != value]
        return self.querystring(**{key: remaining or None})

    def toggled(self, key, value):
        """Query string with one filter value added, or removed when it is already chosen."""
        chosen = self.filters.get(key, [])
        if value in chosen:
            return self.without(key, value)
        return self.querystring(**{key: chosen + [value]})


# ---------------------------------------------------------------------------------------------- facets


class Facet:
    """A way to narrow a search, with the values the matching pages have and how many pages have each."""

    label = ""

    def __init__(self, key):
        self.key = key

    def filter(self, pages, values):
        """``pages`` (a Page queryset) narrowed to those with any of ``values`` (slugs)."""
        raise NotImplementedError

    def counts(self, pages):
        """``{value: count}`` for the pages of ``pages``."""
        raise NotImplementedError

    def options(self, pages, chosen):
        """(value, label, count, depth) in display order; chosen values are kept even with no pages."""
        raise NotImplementedError


class TypeFacet(Facet):
    label = _("Content type")

    def filter(self, pages, values):
        models = [SEARCHED_TYPES[value] for value in values if value in SEARCHED_TYPES]
        return pages.type(*models) if models else pages.none()

    def counts(self, pages):
        ids = {model: ContentType.objects.get_for_model(model).pk for model in SEARCHED_TYPES.values()}
        rows = dict(
            pages.order_by().values_list("content_type").annotate(n=Count("pk")).values_list("content_type", "n")
        )
        return {key: rows.get(ids[model], 0) for key, model in SEARCHED_TYPES.items()}

    def options(self, pages, chosen):
        counts = self.counts(pages)
        return [
            (key, model._meta.verbose_name_plural, counts[key], 0)
            for key, model in SEARCHED_TYPES.items()
            if counts[key] or key in chosen
        ]


class RelationFacet(Facet):
    """A classification that descriptions link to through a many-to-many field of the same name."""

    def __init__(self, key, model, field_name):
        super().__init__(key)
        self.model = model
        self.field_name = field_name
        self.label = model._meta.verbose_name

    def links(self, page_model):
        """The through model of ``page_model``'s field, with the names of its page and item columns."""
        relation = page_model._meta.get_field(self.field_name)
        return relation.remote_field.through, relation.m2m_field_name(), relation.m2m_reverse_field_name()

    def item_ids(self, values):
        return set(
            self.model.objects.filter(slug__in=values, locale__language_code=settings.LANGUAGE_CODE).values_list(
                "pk", flat=True
            )
        )

    def filter(self, pages, values):
        ids = self.item_ids(values)
        condition = Q(pk__in=[])
        for page_model in DESCRIPTION_TYPES:
            through, page_column, item_column = self.links(page_model)
            linked = through.objects.filter(**{f"{item_column}__in": ids}).values(page_column)
            condition |= Q(pk__in=linked)
        return pages.filter(condition)

    def grouped_rows(self, pages, group_by):
        """Per through model: (group, count of distinct pages) for the pages of ``pages``."""
        counts = {}
        for page_model in DESCRIPTION_TYPES:
            through, page_column, item_column = self.links(page_model)
            rows = (
                through.objects.filter(**{f"{page_column}__in": pages.values("pk")})
                .order_by()
                .annotate(group=group_by(item_column))
                .values("group")
                .annotate(n=Count(page_column, distinct=True))
                .values_list("group", "n")
            )
            for group, n in rows:  # a page is one type only, so the types' counts add up
                counts[group] = counts.get(group, 0) + n
        return counts

    def counts(self, pages):
        return self.grouped_rows(pages, F)

    def items(self, ids):
        """The classifications with these ids, each with ``label`` in the active language."""
        items = list(self.model.objects.filter(pk__in=ids))
        locale = Locale.get_active()
        names = dict(
            self.model.objects.filter(
                translation_key__in=[item.translation_key for item in items], locale=locale
            ).values_list("translation_key", "name")
        )
        for item in items:
            item.label = names.get(item.translation_key, item.name)
        return items

    def options(self, pages, chosen):
        counts = self.counts(pages)
        chosen_ids = self.item_ids(chosen)
        items = self.items({pk for pk, n in counts.items() if n} | chosen_ids)
        items.sort(key=lambda item: (-counts.get(item.pk, 0), item.label))
        return [(item.slug, item.label, counts.get(item.pk, 0), 0) for item in items]


class AreaFacet(RelationFacet):
    """Areas: a county counts (and finds) the descriptions of its municipalities too."""

    def item_ids(self, values):
        ids = super().item_ids(values)
        return ids | set(Area.objects.filter(parent_id__in=ids).values_list("pk", flat=True))

    def options(self, pages, chosen):
        counties = self.grouped_rows(pages, lambda column: Coalesce(f"{column}__parent_id", f"{column}_id"))
        own = self.counts(pages)
        chosen_ids = set(
            Area.objects.filter(slug__in=chosen, locale__language_code=settings.LANGUAGE_CODE).values_list(
                "pk", flat=True
            )
        )
        items = {item.pk: item for item in self.items({pk for pk in counties} | set(own) | chosen_ids)}
        top = sorted(
            (item for item in items.values() if item.parent_id is None),
            key=lambda item: (item.kind != Area.Kind.NATIONAL, item.label),
        )
        options = []
        for area in top:
            options.append((area.slug, area.label, counties.get(area.pk, 0), 0))
            children = sorted(
                (item for item in items.values() if item.parent_id == area.pk), key=lambda item: item.label
            )
            options += [(child.slug, child.label, own.get(child.pk, 0), 1) for child in children]
        return options


class StageFacet(Facet):
    label = _("Development stage")

    def filter(self, pages, values):
        return pages.filter(pk__in=OperatingModelPage.objects.filter(development_stage__in=values).values("pk"))

    def counts(self, pages):
        return dict(
            OperatingModelPage.objects.filter(pk__in=pages.values("pk"))
            .order_by()
            .values_list("development_stage")
            .annotate(n=Count("pk"))
            .values_list("development_stage", "n")
        )

    def options(self, pages, chosen):
        counts = self.counts(pages)
        return [
            (stage.value, stage.label, counts.get(stage.value, 0), 0)
            for stage in DevelopmentStage
            if counts.get(stage.value) or stage.value in chosen
        ]


class TagFacet(Facet):
    label = _("Tag")
    SHOWN = 20

    def throughs(self):
        """The tag link model of each tagged page type."""
        return [model._meta.get_field("tags").remote_field.through for model in SEARCHED_TYPES.values()]

    def filter(self, pages, values):
        condition = Q(pk__in=[])
        for through in self.throughs():
            condition |= Q(pk__in=through.objects.filter(tag__slug__in=values).values("content_object_id"))
        return pages.filter(condition)

    def counts(self, pages):
        counts = {}
        for through in self.throughs():
            rows = (
                through.objects.filter(content_object_id__in=pages.values("pk"))
                .order_by()
                .values_list("tag__slug")
                .annotate(n=Count("content_object_id", distinct=True))
                .values_list("tag__slug", "n")
            )
            for slug, n in rows:
                counts[slug] = counts.get(slug, 0) + n
        return counts

    def options(self, pages, chosen):
        counts = self.counts(pages)
        slugs = sorted(counts, key=lambda slug: (-counts[slug], slug))[: self.SHOWN]
        slugs += [slug for slug in chosen if slug not in slugs]
        names = dict(Tag.objects.filter(slug__in=slugs).values_list("slug", "name"))
        return [(slug, names[slug], counts.get(slug, 0), 0) for slug in slugs if slug in names]


FACETS = {
    "type": TypeFacet("type"),
    "area": AreaFacet("area", Area, "areas"),
    "theme": RelationFacet("theme", Theme, "themes"),
    "target_group": RelationFacet("target_group", TargetGroup, "target_groups"),
    "stage": StageFacet("stage"),
    "funder": RelationFacet("funder", Funder, "funders"),
    "tag": TagFacet("tag"),
}


@dataclass
class FacetResult:
    key: str
    label: str
    options: list  # dicts: value, label, count, depth, selected, querystring


# ---------------------------------------------------------------------------------------------- search


@dataclass
class SearchOutcome:
    params: SearchParams
    results: list  # the requested page of results: specific pages with search_score and search_snippet
    count: int
    page_obj: object
    facets: list = field(default_factory=list)
    capped: bool = False  # the query matched more than MATCH_LIMIT pages; only the best are shown
    suggestion: str = ""  # a spelling suggestion when nothing matched
    relaxations: list = field(default_factory=list)  # (label, querystring, count): fewer filters, more results


def published_pages(locale):
    """Every page the search covers: published, public, of the searched types, in the language."""
    return Page.objects.live().public().filter(locale=locale).type(*SEARCHED_TYPES.values())


def narrowed(pages, filters, skip=None):
    for key, values in filters.items():
        if key != skip and values:
            pages = FACETS[key].filter(pages, values)
    return pages


def run_search(params, locale=None):
    """The results, facets and help for ``params`` in ``locale`` (the active one by default)."""
    locale = locale or Locale.get_active()
    words = analyse_query(params.query, locale.language_code)
    if params.query and not words:  # only punctuation or symbols: nothing to look for
        return SearchOutcome(params, [], 0, Paginator([], PAGE_SIZE).get_page(1))
    pages = published_pages(locale)
    ranked = []
    if words:
        ranked = ranked_matches(pages, words, MATCH_LIMIT)
        pages = Page.objects.filter(pk__in=[pk for pk, _score in ranked])
    matching = narrowed(pages, params.filters)

    if words and params.sort == "relevance":
        kept = set(matching.values_list("pk", flat=True))
        ordered = [(pk, score) for pk, score in ranked if pk in kept]
    else:
        scores = dict(ranked)
        ordered = [
            (pk, scores.get(pk)) for pk in matching.order_by("-first_published_at", "-pk").values_list("pk", flat=True)
        ]
    page_obj = Paginator(ordered, PAGE_SIZE).get_page(params.page)
    results = page_results(page_obj.object_list, params.query, locale.language_code)

    outcome = SearchOutcome(params, results, page_obj.paginator.count, page_obj, capped=len(ranked) >= MATCH_LIMIT)
    outcome.facets = facet_results(params, pages)
    if not outcome.count and params.query:
        outcome.suggestion = suggestion_with_results(params, locale)
        outcome.relaxations = relaxations(params, pages)
    return outcome


def page_results(ranked_page, query, language):
    """The pages of one result page, in order, with their score and a highlighted snippet."""
    specific = Page.objects.filter(pk__in=[pk for pk, _score in ranked_page]).specific().in_bulk()
    results = []
    for pk, score in ranked_page:
        page = specific.get(pk)
        if page is None:
            continue
        page.search_score = score
        page.search_snippet = highlighted_snippet(page, query, language)
        results.append(page)
    return results


def facet_results(params, pages):
    """Each facet's options counted over the matches narrowed by the other facets' choices."""
    results = []
    for key, facet in FACETS.items():
        chosen = params.filters.get(key, [])
        options = [
            {
                "value": value,
                "label": label,
                "count": count,
                "depth": depth,
                "selected": value in chosen,
                "querystring": params.toggled(key, value),
            }
            for value, label, count, depth in facet.options(narrowed(pages, params.filters, skip=key), chosen)
        ]
        if options:
            results.append(FacetResult(key, facet.label, options))
    return results


def relaxations(params, pages):
    """For a search with filters and no results: how many results dropping each filter would give."""
    options = []
    for key, values in params.filters.items():
        count = narrowed(pages, params.filters, skip=key).count()
        if values and count:
            options.append((FACETS[key].label, params.without(key), count))
    return options


def suggestion_with_results(params, locale):
    """The first of Voikko's respellings of the query whose words themselves (not just parts) are found."""
    for suggestion in spelling_suggestions(params.query, locale.language_code):
        words = analyse_words(suggestion, locale.language_code)
        if words and ranked_matches(published_pages(locale), words, 1):
            return suggestion
    return ""


def title_suggestions(text, locale=None, limit=8):
    """Titles that start with what was typed so far (each word a prefix), for the search box."""
    locale = locale or Locale.get_active()
    text = " ".join(text.split())[:MAX_QUERY_LENGTH]
    if len(text) < 2:
        return []
    pages = published_pages(locale).specific(defer=True)
    try:
        found = list(pages.autocomplete(text, fields=["title"])[:limit])
    except Exception as error:  # the search server is down or refused the query
        logger.warning("Title suggestions failed: %s", error)
        return []
    return [{"title": page.title, "url": page.url} for page in found]
