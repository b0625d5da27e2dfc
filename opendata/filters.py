"""Narrowing a set of pages by the search's facets (area, theme, target group, stage, funder, tag).

The values are the facets' own (slugs, stage keys), and a county finds the pages of its
municipalities, exactly as in the search: the values come from ``search.facets``.
"""

from search.facets import FACETS, SEARCHED_TYPES, VALUE_ALIASES

FILTER_KEYS = [key for key in FACETS if key != "type"]


def filters_from(querydict):
    """The facet filters in a query string: ``{key: [values]}``."""
    return {key: values for key in FILTER_KEYS if (values := [v for v in querydict.getlist(key) if v])}


def filter_pages(queryset, filters):
    """The pages of ``queryset`` that have one of the chosen values of every filter."""
    for key, wanted in filters.items():
        values = FACETS[key].values(queryset.order_by().values("pk"))
        queryset = queryset.filter(pk__in=[pk for pk, found in values.items() if not found.isdisjoint(wanted)])
    return queryset


def models_for_types(types):
    """The page models of the search's type keys (``operating_model``, ``entity``, ``article``; the
    earlier ``model`` still accepted), or None."""
    keys = [VALUE_ALIASES["type"].get(key, key) for key in types.split(",") if key]
    if keys and all(key in SEARCHED_TYPES for key in keys):
        return [SEARCHED_TYPES[key] for key in keys]
    return None
