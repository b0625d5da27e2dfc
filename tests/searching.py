"""Reading the search page's results and facet counts in tests."""


def titles(response):
    """The titles of the results on a search page response, in order."""
    return [page.title for page in response.context["outcome"].results]


def facet_counts(response, key):
    """``{value: count}`` of one facet on a search page response."""
    return {
        option["value"]: option["count"]
        for facet in response.context["outcome"].facets
        if facet.key == key
        for option in facet.options
    }
