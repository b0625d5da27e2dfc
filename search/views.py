"""Site search over the published pages of the visitor's language."""

from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from wagtail.models import Locale, Page

MAX_QUERY_LENGTH = 200


def search(request):
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    results = Page.objects.none()
    if query:
        results = (
            Page.objects.live().public().filter(locale=Locale.get_active()).specific().search(query, operator="or")
        )
    page_obj = Paginator(results, 20).get_page(request.GET.get("page"))
    return TemplateResponse(request, "search/search.html", {"search_query": query, "page_obj": page_obj})
