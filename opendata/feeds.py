"""Atom feeds of new and updated descriptions, each language its own: the whole library, one theme,
area (a county includes its municipalities) or tag, and any search (``/search/?…&format=atom``)."""

import datetime

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import Http404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from taggit.models import Tag
from wagtail.models import Locale, Page

from models_library.models import SOURCE_LOCALE, DescriptionPage, DevelopmentEntityPage, OperatingModelPage
from search.query import newest_first
from taxonomy.models import Area, Theme

from .filters import filter_pages
from .representation import author_names, localized_name, page_dates
from .structured_data import summary

FEED_SIZE = 50
SCOPES = {"theme": Theme, "area": Area, "tag": Tag}


def description_pages(locale):
    """The published public descriptions of a language, the most recently modified first (by their own dates:
    an imported description's are its source's)."""
    types = (OperatingModelPage, DevelopmentEntityPage)
    return newest_first(Page.objects.live().public().filter(locale=locale).type(*types), types)


def at_midnight(day):
    """A date as the start of that day, as Atom's dates are times."""
    return datetime.datetime.combine(day, datetime.time()) if day else None


class PageFeed(Feed):
    """What every feed of pages shares: Atom, entries with summary, authors, dates and themes."""

    feed_type = Atom1Feed

    def link(self, obj):
        return settings.SITE_URL + obj["link"]

    def feed_url(self, obj):
        return settings.SITE_URL + obj["feed_url"]

    def title(self, obj):
        return obj["title"]

    def items(self, obj):
        return obj["pages"]

    def item_title(self, page):
        return page.title

    def item_description(self, page):
        return summary(page)

    def item_link(self, page):
        return page.get_full_url()

    def item_guid(self, page):
        return page.get_full_url()

    def item_author_name(self, page):
        return ", ".join(author_names(page)) or None

    def item_pubdate(self, page):
        """The page's own creation date (an imported description's is its source's), not its publication here."""
        return at_midnight(page_dates(page)[0])

    def item_updateddate(self, page):
        return at_midnight(page_dates(page)[1])

    def item_categories(self, page):
        if isinstance(page, DescriptionPage):
            return [localized_name(theme) for theme in page.themes.all()]
        return []


class DescriptionsFeed(PageFeed):
    """The library's descriptions, or those of one theme, area or tag."""

    def get_object(self, request, kind=None, slug=None):
        locale = Locale.get_active()
        pages = description_pages(locale)
        title = _("Operating model library: new and updated descriptions")
        if kind:
            lookup = {"slug": slug} if kind == "tag" else {"slug": slug, **SOURCE_LOCALE}
            item = SCOPES[kind].objects.filter(**lookup).first()
            if item is None:
                raise Http404(_("No such classification."))
            pages = filter_pages(pages, {kind: [slug]})
            name = item.name if kind == "tag" else localized_name(item)
            title = f"{title}: {name}"
        return {
            "title": title,
            "link": reverse("search") + (f"?{kind}={slug}" if kind else ""),
            "feed_url": request.path,
            "pages": list(pages.specific()[:FEED_SIZE]),
        }


class SearchFeed(PageFeed):
    """The first page of a search's results, in the search's order."""

    def get_object(self, request, outcome=None):
        query = outcome.params.querystring()
        return {
            "title": _("Operating model library: search %(query)s") % {"query": outcome.params.query or "*"},
            "link": reverse("search") + (f"?{query}" if query else ""),
            "feed_url": request.get_full_path(),
            "pages": outcome.results,
        }


def search_feed(request, outcome):
    """The Atom feed of a search (the search view's ``format=atom``)."""
    return SearchFeed()(request, outcome=outcome)


def feed_links(request):
    """(title, address) of the feeds that fit the current address, for ``<link rel="alternate">``."""
    links = [(_("New and updated descriptions"), reverse("descriptions_feed"))]
    match = request.resolver_match
    if match and match.url_name == "tag":
        slug = match.kwargs["tag_slug"]
        links.append((_("Descriptions with this tag"), reverse("scoped_feed", args=["tag", slug])))
    elif match and match.url_name == "search":
        query = request.GET.copy()
        query["format"] = "atom"
        query.pop("page", None)
        links.append((_("This search"), f"{request.path}?{query.urlencode()}"))
    return links
