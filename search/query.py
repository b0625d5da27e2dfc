"""One search: text matching in the search backend, then filters, facet counts, order and paging in SQL.

The backend (SQLite, PostgreSQL, OpenSearch or Elasticsearch) ranks the pages that share a token
with the analysed query; at most ``SEARCH_MATCH_LIMIT`` of the best are kept, the pages with every
word first (the full matches, counted) and then the others (partial matches). The filters (content
type, area, theme, target group, stage, funder, tag) and their counts are worked out over those
pages, by the search engine's aggregations or by the database (``facets``), the same way on every
backend, so the counts always agree with what a click on them shows.

Full and partial matches (``SearchOutcome``): the count is that of the full matches, and so are the
facets' counts, so choosing a facet value shows as many results as it said. A search with no full
match at all counts its partial matches instead (they are then all it has to show). Partial matches
are listed after the full ones when the full matches do not fill a page; when they do, the full
matches suffice and the partial ones are left out, unless the address asks for them (``partial=1``).
Without a query the search lists every published page of the language, newest first.
"""

import functools
import hashlib
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.db.models import DateField, F
from django.db.models.functions import Coalesce, TruncDate
from django.utils import translation
from django.utils.functional import SimpleLazyObject
from wagtail.models import Locale, Page
from wagtail.search.query import And, PlainText

from core.languages import SOURCE_LANGUAGE, source_locale
from hosting.generation import content_cache, generation
from indexing.analysis import analyse_query, analyse_words, spelling_suggestions
from models_library.languages import in_language_or_finnish

from .engine import SearchUnavailable, ranked_matches
from .facets import FACETS, SEARCHED_TYPES, VALUE_ALIASES, FacetValues, facet_values, id_list
from .glossary import in_finnish
from .snippets import highlighted_snippet
from .suggestions import suggested_pages

MAX_QUERY_LENGTH = 200
PAGE_SIZE = 20
# How many of the best matches a search keeps; more than anyone pages through, few enough to stay fast.
MATCH_LIMIT = getattr(settings, "SEARCH_MATCH_LIMIT", 500)
SORTS = ("relevance", "newest")
PARAMETER_ORDER = ("q", *FACETS, "sort", "partial", "page")

__all__ = ["FACETS", "SearchParams", "SearchUnavailable", "run_search", "title_suggestions"]


@functools.lru_cache(maxsize=4096)
def encoded_parameter(key, values):
    """``key=a&key=b`` for one parameter of the address; a search page's facet links repeat the same
    few hundred times, so each is encoded once."""
    return urlencode([(key, value) for value in values if value])


@dataclass
class SearchParams:
    """Everything that decides a search; it round-trips through the address, so a search can be shared."""

    query: str = ""
    filters: dict[str, list[str]] = field(default_factory=dict)
    sort: str = "relevance"
    page: int = 1
    partial: bool = False  # list the partial matches even when the full matches fill a page

    @classmethod
    def from_querydict(cls, data, **preset):
        filters = {
            key: [VALUE_ALIASES.get(key, {}).get(value, value[:100]) for value in data.getlist(key) if value][:20]
            for key in FACETS
            if data.getlist(key)
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
            partial=data.get("partial") == "1",
        )

    def querystring(self, **changes):
        """The address's query string for these parameters with some changed (``None`` removes a key)."""
        values = {"q": self.query, **self.filters, "sort": self.sort if self.sort != "relevance" else ""}
        values["partial"] = "1" if self.partial else ""
        values.update(changes)
        parts = (
            encoded_parameter(key, tuple(value) if isinstance(value, list) else (value,))
            for key in PARAMETER_ORDER
            if (value := values.get(key))
        )
        return "&".join(part for part in parts if part)

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
    partial_count: int = 0  # matches of only some of the words or only of parts of them, listed after the others
    partial_listed: bool = False  # the partial matches follow the full ones in the list (else they are left out)
    capped: bool = False  # the query matched more than MATCH_LIMIT pages; only the best are shown
    suggestion: str = ""  # a spelling suggestion when nothing matched
    relaxations: list = field(default_factory=list)  # (label, querystring, count): fewer filters, more results
    listing_key: str = ""  # without a query: the cache key of the listing, for the facets' rendered HTML

    @property
    def result_groups(self):
        """``[(partial, results), ...]``: this page's full matches, then its partial matches (found only
        through some of the words or through parts of them), the groups that have results. None for a
        listing, whose results are one list (``ListedPages``) and all full matches."""
        if self.listing_key:
            return []
        groups = [
            (partial, [page for page in self.results if page.search_partial == partial]) for partial in (False, True)
        ]
        return [(partial, results) for partial, results in groups if results]

    @property
    def partial_querystring(self):
        """The address that lists the partial matches left out, at the page where they begin."""
        return self.params.querystring(partial="1", page=str(self.count // PAGE_SIZE + 1))


def searched_pages():
    """The published, public pages of the searched types (the private sections are looked up now)."""
    return Page.objects.live().public().type(*SEARCHED_TYPES.values())


def pages_in(locale, searched=None):
    """The published, public pages of the searched types written in ``locale`` (of ``searched``, by default
    ``searched_pages()``)."""
    return (searched_pages() if searched is None else searched).filter(locale=locale)


def own_date(types=None):
    """A page's own date, for ordering pages of the ``types`` newest first: a description's last-modified
    date (its source's when it was imported), an article's date, else the day it was first published here.

    An import publishes hundreds of descriptions in a minute; their order is their source's dates, not that minute.
    """
    dates = [
        f"{model._meta.model_name}__{'modified_date' if hasattr(model, 'modified_date') else 'date'}"
        for model in types or SEARCHED_TYPES.values()
    ]
    return Coalesce(*dates, TruncDate("first_published_at"), output_field=DateField())


def pks(pages):
    return list(pages.values_list("pk", flat=True))


def newest_first(pages, types=None):
    """``pages`` (of the searched ``types``, all by default) by their own date (``own_date``), the newest first; on
    the same day, the last published first."""
    return pages.annotate(own_date=own_date(types)).order_by(
        F("own_date").desc(nulls_last=True), F("first_published_at").desc(nulls_last=True), "-pk"
    )


def published_pages(locale, searched=None):
    """Every page the search covers: published, public, of the searched types, in the language, and
    the Finnish pages not translated into it (every description can be found in every language)."""
    return in_language_or_finnish(searched_pages() if searched is None else searched, locale)


def appended(ranked, more, limit):
    """``ranked`` followed by the pages of ``more`` it lacks, their scores scaled below its lowest."""
    seen = {pk for pk, _score in ranked}
    more = [(pk, score) for pk, score in more if pk not in seen]
    if ranked and more:
        scale = min(score for _pk, score in ranked) / max(max(score for _pk, score in more), 1e-9) * 0.999
        more = [(pk, score * scale) for pk, score in more]
    return ranked + more[: limit - len(ranked)]


def language_matches(query, locale, limit, searched=None):
    """``(ranked, full)``: the best matches in the visitor's language and then, for a translation language,
    those of the Finnish pages, searched for in Finnish with the glossary's terms put in Finnish; and the
    ids of the full matches among them. ``searched``: the pages to search (``searched_pages()``)."""
    searched = searched_pages() if searched is None else searched
    ranked, full = tiered_matches(pages_in(locale, searched), query, locale.language_code, limit)
    if locale.language_code != SOURCE_LANGUAGE and len(ranked) < limit:
        finnish_pages = pages_in(source_locale(), searched)
        finnish, finnish_full = tiered_matches(finnish_pages, in_finnish(query), SOURCE_LANGUAGE, limit)
        ranked = appended(ranked, finnish, limit)
        full |= finnish_full
    return ranked, full


def tiered_matches(pages, query, language, limit):
    """The best matches, in tiers: the pages with all the words typed, then with some, then with parts.

    The first tier looks for pages with a base form of every word as typed ("vauvaperhe" and one
    of "tuki", "tukea", for "vauvaperheiden tuki"), the second for any of them, the third for every
    analysed token, compound parts included ("perhe", "keskus" for "perhekeskus"). Each tier adds
    the pages the earlier ones did not find, ranked by the engine, so a page with the words a
    visitor typed ranks above one that merely shares some of them or parts of them, the same way
    on every backend. A later tier's scores are scaled below the earlier tiers' lowest, so scores
    fall along the list.

    Returns the ranked ``[(page id, score), ...]`` and the set of the first tier's pages: the full
    matches; the others are partial matches.
    """
    per_word = [tokens for tokens in (analyse_words(word, language) for word in query.split()) if tokens]
    words = " ".join(per_word)
    tiers = [And([PlainText(tokens, operator="or") for tokens in per_word])] if len(per_word) > 1 else []
    tiers += [PlainText(tokens, operator="or") for tokens in (words, analyse_query(query, language)) if tokens]
    ranked, searched, full = [], set(), None
    for tier in tiers:
        if len(ranked) >= limit or repr(tier) in searched:
            continue
        searched.add(repr(tier))
        ranked = appended(ranked, ranked_matches(pages, tier, limit), limit)
        if full is None:  # the first tier's pages have all the words
            full = {pk for pk, _score in ranked}
    return ranked, full or set()


def run_search(params, locale=None):
    """The results, facets and help for ``params`` in ``locale`` (the active one by default)."""
    locale = locale or Locale.get_active()
    words = analyse_query(params.query, locale.language_code)
    if params.query and not words:  # only punctuation or symbols: nothing to look for
        return SearchOutcome(params, [], 0, Paginator([], PAGE_SIZE).get_page(1))
    if not words:
        key = listing_key(params, locale)
        matching, facets = listing(params, locale, key)
        page_obj = Paginator(matching, PAGE_SIZE).get_page(params.page)
        results = ListedPages(page_obj.object_list, locale)
        return SearchOutcome(params, results, len(matching), page_obj, facets=facets, listing_key=key)
    searched = searched_pages()
    published = published_pages(locale, searched)
    ranked, full = language_matches(params.query, locale, MATCH_LIMIT, searched)
    scores = dict(ranked)
    # Narrowed again in the database: an index that missed an update never shows an unpublished page.
    # With each page's type, so that the page of results loads its pages with one query per type.
    kept = dict(published.filter(pk__in=id_list(scores)).values_list("pk", "content_type"))
    candidates = [pk for pk, _score in ranked if pk in kept]
    if params.sort == "newest":
        candidates = pks(newest_first(published.filter(pk__in=id_list(candidates))))
    # The full matches first, each part in its order; the count and the facets count the full matches,
    # or the partial ones when there is no full match.
    counted = [pk for pk in candidates if pk in full]
    candidates = counted + [pk for pk in candidates if pk not in full]
    counted = counted or candidates
    values = facet_values(candidates, params.filters, counted)

    matching = values.matching(candidates, params.filters)
    full_matching = [pk for pk in matching if pk in full]
    partial_count = len(matching) - len(full_matching)
    partial_listed = partial_count > 0 and (params.partial or len(full_matching) < PAGE_SIZE)
    page_obj = Paginator(matching if partial_listed else full_matching, PAGE_SIZE).get_page(params.page)
    ranked_page = [(pk, scores.get(pk)) for pk in page_obj.object_list]
    results = page_results(ranked_page, params.query, locale, full, kept)
    outcome = SearchOutcome(
        params,
        results,
        len(full_matching),
        page_obj,
        partial_count=partial_count,
        partial_listed=partial_listed,
        capped=len(scores) >= MATCH_LIMIT,
    )
    outcome.facets = facet_results(params, values, counted)
    if not matching and params.query:
        outcome.suggestion = suggestion_with_results(params, locale)
        outcome.relaxations = relaxations(params, values, counted)
    return outcome


def listing_key(params, locale):
    """The listing's cache key: the content's generation (``hosting.generation``), the language and the
    address without the page number."""
    address = hashlib.md5(params.querystring().encode(), usedforsecurity=False).hexdigest()
    return f"search:listing:{generation()}:{locale.pk}:{translation.get_language()}:{address}"


def listing(params, locale, key):
    """Without a query: the ids of every published page of the language (``published_pages``), newest
    first, narrowed by the filters, and the facets.

    The answer is the same for every visitor until the content changes, and working it out passes
    over every page, so it is kept in the cache under ``key``: the library's pages, deep ones too,
    then cost their own twenty pages at any size of the library (the templates keep the facets'
    HTML under the same key). The facets, which grow with the classifications in use, are kept
    apart and read only when used (``listed_facets``): their HTML mostly comes from the cache.
    """
    matching = content_cache().get(key)
    if matching is None:
        return worked_out_listing(params, locale, key)
    return matching, SimpleLazyObject(lambda: listed_facets(params, locale, key))


def worked_out_listing(params, locale, key):
    published = published_pages(locale)
    values = FacetValues(published.values("pk"))
    candidates = pks(newest_first(published))
    matching, facets = values.matching(candidates, params.filters), facet_results(params, values, candidates)
    content_cache().set_many({key: matching, f"{key}:facets": facets}, settings.PAGE_CACHE_SECONDS)
    return matching, facets


def listed_facets(params, locale, key):
    facets = content_cache().get(f"{key}:facets")
    if facets is None:  # dropped from the cache before the listing
        facets = worked_out_listing(params, locale, key)[1]
    return facets


class ListedPages(Sequence):
    """A listing's page of results (``page_results`` without a query), read from the database only when
    used: their cards may all come from the cache (``search.templatetags.result_tags``)."""

    def __init__(self, pks, locale):
        self.pks, self.locale = list(pks), locale

    @functools.cached_property
    def pages(self):
        return self.fetch(self.pks)

    def fetch(self, pks):
        return page_results([(pk, None) for pk in pks], "", self.locale)

    def __getitem__(self, index):
        return self.pages[index]

    def __len__(self):
        return len(self.pages)

    def __bool__(self):
        return bool(self.pks)


def specific_pages(pks, types=None):
    """``{pk: specific page}`` for these ids, with one query per page type; ``types`` (``{pk: content
    type id}``) saves the query that finds the types when it is known."""
    if types is None:
        types = dict(Page.objects.filter(pk__in=pks).values_list("pk", "content_type"))
    by_type = defaultdict(list)
    for pk in pks:
        if pk in types:
            by_type[types[pk]].append(pk)
    pages = {}
    for content_type, ids in by_type.items():
        model = ContentType.objects.get_for_id(content_type).model_class()
        if model is not None:
            pages.update(model.objects.in_bulk(ids))
    return pages


def page_results(ranked_page, query, locale, full=None, types=None):
    """The pages of one result page, in order, with their score, a highlighted snippet, their locale
    (a Finnish page in a Swedish or English search is marked as Finnish) and whether they are partial
    matches (not in ``full``, the full matches, when there is a query). ``types``: ``specific_pages``'.

    The pages' passages for the snippets are kept under the content generation (``hosting.generation``)."""
    specific = specific_pages([pk for pk, _score in ranked_page], types)
    current = generation()
    finnish = None
    results = []
    for pk, score in ranked_page:
        page = specific.get(pk)
        if page is None:
            continue
        if page.locale_id == locale.pk:
            page.locale = locale
        else:
            page.locale = finnish = finnish or source_locale()
        words = query if page.locale is locale else in_finnish(query)
        page.search_snippet = highlighted_snippet(page, words, page.locale.language_code, current)
        page.search_score = score
        page.type_key = type_key(page)
        page.search_partial = full is not None and pk not in full
        results.append(page)
    return results


def type_key(page):
    """The content type of a page as the ``type`` filter names it."""
    return next((key for key, model in SEARCHED_TYPES.items() if isinstance(page, model)), page._meta.model_name)


def facet_results(params, values, candidates):
    """Each facet's options counted over ``candidates`` (the counted matches) narrowed by the other
    facets' choices."""
    results = []
    all_counts = values.facet_counts(candidates, params.filters)
    for key, facet in FACETS.items():
        chosen = params.filters.get(key, [])
        counts = all_counts[key]
        options = [
            {
                "value": value,
                "label": label,
                "count": count,
                "depth": depth,
                "selected": value in chosen,
                "querystring": params.toggled(key, value),
            }
            for value, label, count, depth in facet.options(counts, chosen)
        ]
        if options:
            results.append(FacetResult(key, facet.label, options))
    return results


def relaxations(params, values, candidates):
    """For a search with filters and no results: how many results dropping each filter would give."""
    options = []
    for key, chosen in params.filters.items():
        count = values.count_without(candidates, params.filters, key) if key in FACETS else 0
        if chosen and count:
            options.append((FACETS[key].label, params.without(key), count))
    return options


def suggestion_with_results(params, locale):
    """The first of Voikko's respellings of the query whose words themselves (not just parts) are found."""
    for suggestion in spelling_suggestions(params.query, locale.language_code):
        words = analyse_words(suggestion, locale.language_code)
        if words and ranked_matches(pages_in(locale), words, 1):
            return suggestion
    return ""


def title_suggestions(text, locale=None, limit=8):
    """Titles with a word that starts with each word typed so far, for the search box.

    From the database rather than the engine, so suggestions are the same on every backend: an
    engine's prefix matching needs analysis modules that a minimal or managed Elasticsearch may lack.
    Titles that start with what was typed come first, then the shortest (``search.suggestions``).
    """
    locale = locale or Locale.get_active()
    text = " ".join(text.split())[:MAX_QUERY_LENGTH]
    if len(text) < 2:
        return []
    ids = suggested_pages(text, locale, limit)
    pages = Page.objects.select_related("locale").only("title", "url_path", "locale").in_bulk(ids)
    return [{"title": pages[pk].title, "url": pages[pk].url} for pk in ids if pk in pages]
