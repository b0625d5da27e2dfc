"""The site's main navigation, read from the page tree of the active language."""

from django import template
from django.conf import settings
from django.utils.translation import get_language
from wagtail.models import Locale, Page, Site

from core.languages import SOURCE_LANGUAGE
from home.models import SiteTexts
from hosting.cache import shared_fragment
from hosting.generation import content_cache, generation

register = template.Library()


@register.inclusion_tag("components/site_nav.html", takes_context=True)
def site_nav(context):
    """Links to the home page of the visitor's language and its sections shown in menus."""
    request = context.get("request")
    current = context.get("page")
    site = Site.find_for_request(request) if request else None
    home = site.root_page.localized if site else None
    items = []
    if home:
        # On every page, and finding the sections passes over the whole tree: kept until the content changes.
        items = content_cache().get_or_set(
            f"site_nav:{generation()}:{home.pk}",
            lambda: [home, *Page.objects.live().public().in_menu().child_of(home).filter(locale=Locale.get_active())],
            settings.PAGE_CACHE_SECONDS,
        )
    return {"items": items, "current": current}


@register.inclusion_tag("components/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    page = context.get("page")
    if not page or page.depth <= 2:
        return {"ancestors": [], "page": page}
    ancestors = shared_fragment(
        context.get("request"), f"breadcrumbs:{page.pk}", lambda: list(page.get_ancestors().filter(depth__gt=1))
    )
    return {"ancestors": ancestors, "page": page}


@register.simple_tag
def site_texts():
    """The site name and footer text in the active language, else in Finnish, else ``None`` (the
    templates then show the interface's own texts)."""
    texts = SiteTexts.objects.filter(locale__language_code__in=[get_language(), SOURCE_LANGUAGE])
    by_language = {item.locale.language_code: item for item in texts.select_related("locale")}
    return by_language.get(get_language()) or by_language.get(SOURCE_LANGUAGE)
