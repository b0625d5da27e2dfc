"""The search page (also as JSON), tag pages and title suggestions for the search box."""

from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from taggit.models import Tag
from wagtail.models import Locale

from .facets import SEARCHED_TYPES
from .query import SearchParams, SearchUnavailable, run_search, title_suggestions


def search(request, tag_slug=None):
    tag = get_object_or_404(Tag, slug=tag_slug) if tag_slug else None
    params = SearchParams.from_querydict(request.GET, **({"tag": [tag.slug]} if tag else {}))
    locale = Locale.get_active()
    as_json = request.GET.get("format") == "json"
    try:
        outcome = run_search(params, locale)
    except SearchUnavailable:
        if as_json:
            return JsonResponse({"error": "search unavailable"}, status=503)
        context = {"search_query": params.query, "unavailable": True}
        return TemplateResponse(request, "search/search.html", context, status=503)
    if as_json:
        return JsonResponse(json_outcome(request, outcome, locale), json_dumps_params={"ensure_ascii": False})
    context = {"search_query": params.query, "tag": tag, "outcome": outcome, "page_obj": outcome.page_obj}
    return TemplateResponse(request, "search/search.html", context)


def json_outcome(request, outcome, locale):
    """The results in rank order with the facet counts, for other systems."""
    return {
        "query": outcome.params.query,
        "filters": outcome.params.filters,
        "sort": outcome.params.sort,
        "count": outcome.count,
        "partial_count": outcome.partial_count,
        "page": outcome.page_obj.number,
        "pages": outcome.page_obj.paginator.num_pages,
        "results": [
            {
                "title": page.title,
                "url": request.build_absolute_uri(page.url),
                "type": type_key(page),
                "language": locale.language_code,
                "score": page.search_score,
                "partial": page.search_partial,
            }
            for page in outcome.results
        ],
        "facets": {
            facet.key: [{"value": o["value"], "label": str(o["label"]), "count": o["count"]} for o in facet.options]
            for facet in outcome.facets
        },
        "suggestion": outcome.suggestion,
    }


def type_key(page):
    """The content type of a page as the ``type`` filter names it."""
    return next((key for key, model in SEARCHED_TYPES.items() if isinstance(page, model)), page._meta.model_name)


def suggest(request):
    """Titles for the search box as the visitor types (JSON)."""
    return JsonResponse(
        {"suggestions": title_suggestions(request.GET.get("q", ""), Locale.get_active())},
        json_dumps_params={"ensure_ascii": False},
    )
