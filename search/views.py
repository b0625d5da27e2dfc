"""Site search over the published pages of the visitor's language."""

import re

from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from wagtail.models import Locale, Page

MAX_QUERY_LENGTH = 200
WORD = re.compile(r"\w+(?:-\w+)*")


def search_words(text):
    """The words of a query, without punctuation or operators that a search engine could misread."""
    return " ".join(WORD.findall(text[:MAX_QUERY_LENGTH]))


def search(request):
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    words = search_words(query)
    results = Page.objects.none()
    if words:
        results = (
            Page.objects.live().public().filter(locale=Locale.get_active()).specific().search(words, operator="or")
        )
    page_obj = Paginator(results, 20).get_page(request.GET.get("page"))
    return TemplateResponse(request, "search/search.html", {"search_query": query, "page_obj": page_obj})
