"""The open data of the page being shown: ``{% opendata_head %}`` in every page's <head> (canonical
address, Open Graph and Twitter card, JSON-LD, feed links) and ``{% citation_block page %}`` on
descriptions and articles (the citation with copy and download, the permanent address, the licence)."""

from django import template
from django.conf import settings
from django.utils.translation import get_language
from wagtail.models import Page

from hosting.cache import shared_fragment

from ..citation import Citation
from ..feeds import feed_links
from ..representation import source_page
from ..structured_data import is_citable, json_ld, structured_data, summary

register = template.Library()

OG_LOCALES = {"fi": "fi_FI", "sv": "sv_FI", "en": "en_GB"}


@register.inclusion_tag("opendata/head.html", takes_context=True)
def opendata_head(context):
    request = context.get("request")
    page = context.get("page")
    if request is None:
        return {}
    if isinstance(page, Page) and page.pk:
        # The same for every visitor of the page: kept in the cache until the content changes.
        return shared_fragment(request, f"opendata-head:{page.pk}", lambda: head_data(request, page))
    return head_data(request, page)


def head_data(request, page):
    is_page = isinstance(page, Page)
    canonical = page.get_full_url(request) if is_page else settings.SITE_URL + request.path
    language = page.locale.language_code if is_page else get_language()
    data = {
        "canonical": canonical,
        "og_type": "article" if is_page and is_citable(page) else "website",
        "title": page.seo_title or page.title if is_page else "",
        "description": summary(page) if is_page else "",
        "og_locale": OG_LOCALES.get(language, "fi_FI"),
        "site_name": settings.WAGTAIL_SITE_NAME,
        "feeds": feed_links(request),
    }
    if is_page and is_citable(page):
        if hasattr(page, "fetch_relations"):  # read once for the page, its structured data and its citation
            page.fetch_relations()
        data["json_ld"] = json_ld(structured_data(page, request))
    return data


@register.inclusion_tag("opendata/citation.html")
def citation_block(page):
    if not page.pk:  # the preview of a page not saved yet has no address to cite
        return {}
    citation = Citation.of(page)
    return {
        "citation": citation,
        "page_id": source_page(page).pk,
        "license": settings.CONTENT_LICENSE,
    }
