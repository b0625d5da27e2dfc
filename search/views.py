"""Site search over the published pages of the visitor's language, and the list of pages with a tag."""

from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from taggit.models import Tag
from wagtail.models import Locale, Page

from articles.models import ArticlePage
from models_library.models import DevelopmentEntityPage, OperatingModelPage

from .analysis import analyse_query

MAX_QUERY_LENGTH = 200
TAGGED_PAGE_TYPES = (OperatingModelPage, DevelopmentEntityPage, ArticlePage)


def search_words(text, language="fi"):
    """The analysed tokens of a query: base forms, compound parts and folded forms, letters and digits only.

    Punctuation and operators never reach a search engine, so nothing typed can be misread as syntax.
    """
    return analyse_query(text[:MAX_QUERY_LENGTH], language)


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
