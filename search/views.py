"""The search page (also as JSON), tag pages and title suggestions for the search box."""

import csv

from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils import timezone
from taggit.models import Tag
from wagtail import hooks
from wagtail.models import Locale

from .query import SearchParams, SearchUnavailable, run_search, title_suggestions

# Apps above the search add to it through these hooks: what the JSON says of each result
# (``hook(page) -> dict``), and other formats of the same search (``hook(request, outcome) -> response or None``).
SEARCH_RESULT_HOOK = "search_result_data"
SEARCH_RESPONSE_HOOK = "search_response"


def search(request, tag_slug=None):
    """The search page; ``format=json`` or ``format=csv`` gives the same search for other systems."""
    tag = get_object_or_404(Tag, slug=tag_slug) if tag_slug else None
    params = SearchParams.from_querydict(request.GET, **({"tag": [tag.slug]} if tag else {}))
    locale = Locale.get_active()
    as_json = request.GET.get("format") in ("json", "csv")
    try:
        outcome = run_search(params, locale)
    except SearchUnavailable:
        if as_json:
            return JsonResponse({"error": "search unavailable"}, status=503)
        context = {"search_query": params.query, "unavailable": True}
        return TemplateResponse(request, "search/search.html", context, status=503)
    if request.GET.get("format") == "csv":
        return csv_response(json_outcome(request, outcome, locale)["results"], RESULT_FIELDS, "search.csv")
    if as_json:
        return JsonResponse(json_outcome(request, outcome, locale), json_dumps_params={"ensure_ascii": False})
    for respond in hooks.get_hooks(SEARCH_RESPONSE_HOOK):
        response = respond(request, outcome)
        if response is not None:
            return response
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
        # False when the full matches fill a page and the partial ones are left out (``partial=1`` lists them).
        "partial_listed": outcome.partial_listed,
        "page": outcome.page_obj.number,
        "pages": outcome.page_obj.paginator.num_pages,
        "results": [
            {
                "title": page.title,
                "url": page.get_full_url(request),
                "type": page.type_key,
                "language": page.locale.language_code,
                "score": page.search_score,
                "partial": page.search_partial,
                **{key: value and value.isoformat() for key, value in source_dates(page).items()},
                **result_extras(page),
            }
            for page in outcome.results
        ],
        "facets": {
            facet.key: [{"value": o["value"], "label": str(o["label"]), "count": o["count"]} for o in facet.options]
            for facet in outcome.facets
        },
        "suggestion": outcome.suggestion,
    }


def result_extras(page):
    """What the apps above the search add to a result in the JSON (the open data: snippet, areas...)."""
    extras = {}
    for add in hooks.get_hooks(SEARCH_RESULT_HOOK):
        extras.update(add(page))
    return extras


def source_dates(page):
    """A result's own dates (a description's created and last modified, an article's date), never its import."""
    created = getattr(page, "created_date", None)
    if created is None and page.first_published_at:
        created = timezone.localdate(page.first_published_at)
    return {"created": created, "modified": getattr(page, "modified_date", None)}


RESULT_FIELDS = ("title", "url", "type", "language", "score", "created", "modified")


def csv_response(rows, fieldnames, filename):
    """Rows (dicts) as a CSV download: UTF-8 with a byte order mark, so that spreadsheets read it right."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")
    writer = csv.DictWriter(response, fieldnames=fieldnames, extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    return response


def suggest(request):
    """Titles for the search box as the visitor types (JSON)."""
    return JsonResponse(
        {"suggestions": title_suggestions(request.GET.get("q", ""), Locale.get_active())},
        json_dumps_params={"ensure_ascii": False},
    )
