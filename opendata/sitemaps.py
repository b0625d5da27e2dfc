"""One sitemap per language, each address with its ``xhtml:link`` hreflang alternates, and the
index at /sitemap.xml naming them. The date of a description is its own last-modified date."""

from collections import defaultdict

from django.utils import timezone
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from core.languages import SOURCE_LANGUAGE

from .representation import LANGUAGE_CODES, page_dates


def lastmod_of(page):
    """A description's or article's own last-modified date; other pages' last publication date."""
    if hasattr(page, "created_date") or hasattr(page, "date"):
        return page_dates(page)[1]
    published = page.last_published_at or page.latest_revision_created_at
    return timezone.localdate(published) if published else None


class LanguageSitemap(Sitemap):
    """The published public pages of one language's tree."""

    def __init__(self, language, request=None):
        super().__init__(request)
        self.language = language

    def items(self):
        return (
            Page.objects.live()
            .public()
            .filter(locale__language_code=self.language, depth__gt=1)
            .order_by("path")
            .defer_streamfields()
            .specific()
        )

    def lastmod(self, page):
        return lastmod_of(page)

    def _urls(self, page, protocol, domain):
        pages = list(self.paginator.page(page).object_list)
        versions = defaultdict(dict)
        others = Page.objects.live().public().filter(translation_key__in=[item.translation_key for item in pages])
        for other in others.select_related("locale"):
            versions[other.translation_key][other.locale.language_code] = other
        urls = []
        for item in pages:
            found = versions[item.translation_key]
            alternates = []
            if len(found) > 1:
                alternates = [
                    {"lang_code": code, "location": found[code].get_full_url(self.request)}
                    for code in LANGUAGE_CODES
                    if code in found
                ]
                if SOURCE_LANGUAGE in found:
                    alternates.append({"lang_code": "x-default", "location": alternates[0]["location"]})
            urls.append(
                {
                    "item": item,
                    "location": item.get_full_url(self.request),
                    "lastmod": self.lastmod(item),
                    "alternates": alternates,
                }
            )
        dates = [url["lastmod"] for url in urls if url["lastmod"]]
        self.latest_lastmod = max(dates) if dates and len(dates) == len(urls) else None
        return urls


def language_sitemaps(request):
    return {code: LanguageSitemap(code, request) for code in LANGUAGE_CODES}
