"""The library's browsing, done by the search: the library page lists the operating models with the
search's facets, count, order and paging, and the home page shows what the library holds.

The content apps do not import the search; their templates load these tags.
"""

from django import template
from wagtail.models import Locale

from core.languages import SOURCE_LANGUAGE
from models_library.models import OperatingModelPage
from taxonomy.models import Area

from ..query import SearchParams, SearchUnavailable, run_search

register = template.Library()

OPERATING_MODELS = {"type": ["operating_model"]}


@register.simple_tag(takes_context=True)
def library_search(context):
    """The search for the library page's address; operating models unless the address says otherwise.

    ``None`` when the search backend is down (the page then says so)."""
    request = context["request"]
    params = SearchParams.from_querydict(request.GET)
    if not params.query and "sort" not in request.GET:
        params.sort = "newest"
    params.filters = {**OPERATING_MODELS, **params.filters}
    try:
        return run_search(params, Locale.get_active())
    except SearchUnavailable:
        return None


@register.simple_tag
def library_overview():
    """What the library holds in the active language (untranslated Finnish models included): the number
    of operating models, of the counties and organisations they come from, and the themes and counties
    to browse by, each with its number of models and its filter's query string."""
    try:
        outcome = run_search(SearchParams(filters=dict(OPERATING_MODELS), sort="newest"), Locale.get_active())
    except SearchUnavailable:
        return None
    facets = {facet.key: facet.options for facet in outcome.facets}
    national = set(Area.objects.filter(kind=Area.Kind.NATIONAL).values_list("slug", flat=True))
    counties = [option for option in facets.get("area", []) if option["depth"] == 0 and option["value"] not in national]
    shown_pks = list(outcome.page_obj.paginator.object_list)
    organisations = (
        OperatingModelPage.objects.filter(pk__in=shown_pks, organisation__isnull=False)
        .values("organisation__translation_key")
        .distinct()
        .count()
    )
    return {
        "operating_models": outcome.count,
        "counties": len(counties),
        "organisations": organisations,
        "county_options": counties,
        "theme_options": facets.get("theme", []),
        "source_language": SOURCE_LANGUAGE,
    }
