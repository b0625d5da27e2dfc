"""The open data's additions to the search: richer JSON results and the search as an Atom feed."""

from wagtail import hooks

from search.views import SEARCH_RESPONSE_HOOK, SEARCH_RESULT_HOOK

from .feeds import search_feed
from .representation import search_result_data


@hooks.register(SEARCH_RESULT_HOOK)
def open_data_of_result(page):
    return search_result_data(page)


@hooks.register(SEARCH_RESPONSE_HOOK)
def search_as_atom(request, outcome):
    """``format=atom`` on any search address gives the same search as an Atom feed."""
    if request.GET.get("format") == "atom":
        return search_feed(request, outcome)
    return None
