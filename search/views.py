"""Site search over the published pages of the visitor's language, and the list of pages with a tag."""

from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from taggit.models import Tag
from wagtail.models import Locale, Page

from articles.models import ArticlePage
from models_library.models import DevelopmentEntityPage, OperatingModelPage

from .analysis import analyse_query

MAX_QUERY_LENGTH = 200
MAX_RESULTS = 500
TAGGED_PAGE_TYPES = (OperatingModelPage, DevelopmentEntityPage, ArticlePage)


def search_words(text, language="fi"):
    """The analysed tokens of a query: base forms, compound parts and folded forms, letters and digits only.

    Punctuation and operators never reach a search engine, so nothing typed can be misread as syntax.
    """
    return analyse_query(text[:MAX_QUERY_LENGTH], language)


def base_forms(text, language="fi"):
    """The base form of each word typed (its first analysed token); stop words give none."""
    forms = (analyse_query(chunk, language).split() for chunk in text[:MAX_QUERY_LENGTH].split())
    return [tokens[0] for tokens in forms if tokens]


def ranked_search(queryset, query, language):
    """Pages with every word of the query first (their base forms), then pages that share any token.

    The second pass brings compound parts, other base forms and folded spellings; both passes run
    on whichever backend is configured, so the order rule is the same everywhere.
    """
    strict = " ".join(base_forms(query, language))
    loose = search_words(query, language)
    results, seen = [], set()
    passes = [(strict, "and"), (loose, "or")] if strict else [(loose, "or")]
    for terms, operator in passes:
        for page in queryset.search(terms, operator=operator)[:MAX_RESULTS]:
            if page.pk not in seen and len(results) < MAX_RESULTS:
                seen.add(page.pk)
                results.append(page)
    return results


def tagged_pages(tag):
    """Published pages of every tagged page type that carry the tag, in the active language."""
    ids = set()
    for model in TAGGED_PAGE_TYPES:
        ids.update(model.objects.filter(tags=tag).values_list("pk", flat=True))
    return Page.objects.live().public().filter(pk__in=ids, locale=Locale.get_active()).specific().order_by("title")


def search(request):
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    words = search_words(query, Locale.get_active().language_code)
    tag = Tag.objects.filter(slug=request.GET.get("tag", "")[:100]).first()
    results = Page.objects.none()
    if tag:
        results = tagged_pages(tag)
    elif words:
        results = (
            Page.objects.live().public().filter(locale=Locale.get_active()).specific().search(words, operator="or")
        )
    page_obj = Paginator(results, 20).get_page(request.GET.get("page"))
    return TemplateResponse(request, "search/search.html", {"search_query": query, "tag": tag, "page_obj": page_obj})
