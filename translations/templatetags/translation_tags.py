"""The language versions of the current page, for the language switcher and hreflang links."""

from dataclasses import dataclass

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from django.utils.translation import gettext, gettext_noop
from wagtail.models import Page

from core.languages import SOURCE_LANGUAGE
from hosting.cache import shared_fragment
from translations.state import state_of_translation

register = template.Library()

# Shown in the language they are about (Swedish text for the Swedish item), so translated late.
NOT_TRANSLATED = gettext_noop("not translated yet")
READ_FINNISH = gettext_noop("read the Finnish page")
CLOSEST_PAGE = gettext_noop("go to the closest English page")


@dataclass
class LanguageVersion:
    """One language in the switcher: the page in that language, or a plain note that it is missing."""

    code: str
    name: str
    current: bool = False
    url: str = ""
    full_url: str = ""
    # When the page has no translation in this language: a sentence saying so, in that
    # language, and the Finnish page to read instead (unless that is the page shown).
    missing_text: str = ""
    fallback_url: str = ""
    fallback_text: str = ""
    fallback_code: str = ""


def _in_language(code, message):
    with translation.override(code):
        return gettext(message)


def _page_versions(request, page):
    translations = {
        other.locale.language_code: other
        for other in Page.objects.filter(translation_key=page.translation_key).live().public().select_related("locale")
    }
    source = translations.get(SOURCE_LANGUAGE)
    current_code = page.locale.language_code
    versions = []
    for code, name in settings.LANGUAGES:
        version = LanguageVersion(code, name, current=code == current_code)
        shown = page if version.current else translations.get(code)
        if shown is not None:
            version.url = shown.get_url(request)
            version.full_url = shown.get_full_url(request)
        else:
            version.missing_text = _in_language(code, NOT_TRANSLATED)
            if source is not None and source.pk != page.pk:
                version.fallback_url = source.get_url(request)
                version.fallback_text = _in_language(code, READ_FINNISH)
                version.fallback_code = SOURCE_LANGUAGE
        versions.append(version)
    unanswered = [version for version in versions if not version.url and not version.fallback_url]
    if unanswered:
        closest = _closest_translated_ancestors(page, [version.code for version in unanswered])
        for version in unanswered:
            if version.code in closest:
                version.fallback_url = closest[version.code].get_url(request)
                version.fallback_text = _in_language(version.code, CLOSEST_PAGE)
                version.fallback_code = version.code
    return versions


def _closest_translated_ancestors(page, codes):
    """``{language code: the live translation of the page's nearest ancestor that has one}``."""
    ancestors = {ancestor.translation_key: ancestor.depth for ancestor in page.get_ancestors().filter(depth__gt=1)}
    found = {}
    translations = (
        Page.objects.live()
        .public()
        .filter(translation_key__in=ancestors, locale__language_code__in=codes)
        .select_related("locale")
    )
    for candidate in translations:
        code = candidate.locale.language_code
        if code not in found or ancestors[candidate.translation_key] > ancestors[found[code].translation_key]:
            found[code] = candidate
    return found


def _view_versions(request):
    """Views outside the page tree (search) exist in every language at the translated path."""
    current_code = translation.get_language()
    path = request.get_full_path()
    versions = []
    for code, name in settings.LANGUAGES:
        url = translate_url(path, code)
        versions.append(
            LanguageVersion(code, name, current=code == current_code, url=url, full_url=request.build_absolute_uri(url))
        )
    return versions


@register.simple_tag(takes_context=True)
def language_versions(context):
    """The current page (or view) in each language of the site, in the order of ``LANGUAGES``."""
    request = context.get("request")
    if request is None:
        return []
    page = context.get("page")
    if isinstance(page, Page) and page.pk:
        # The same for every visitor of the page: kept in the cache until the content changes (a translation
        # published or unpublished starts a new generation).
        return shared_fragment(request, f"language-versions:{page.pk}", lambda: _page_versions(request, page))
    return _view_versions(request)


@register.inclusion_tag("components/translation_lag_note.html", takes_context=True)
def translation_lag_note(context):
    """A note on a translated page that is behind its Finnish source, with a link to the source."""
    page = context.get("page")
    if not isinstance(page, Page) or not page.pk:
        return {"state": None}
    state = state_of_translation(page)
    if state is None or not state.lags_behind or not state.source_page.live:
        return {"state": None}
    return {
        "state": state,
        "source_page": state.source_page,
        "source_url": state.source_page.get_url(context.get("request")),
    }
