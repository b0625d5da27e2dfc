"""Listing pages in a visitor's language, with the Finnish pages not translated into it.

Finnish is the source language: every description is written in Finnish first and some are
translated. A Swedish or English reader is shown the translations and, for the rest, the Finnish
page (marked as Finnish in the templates), so that every description can be reached in every
language.
"""

from django.db.models import Q
from wagtail.models import Page

from core.languages import SOURCE_LANGUAGE, source_locale


def in_language_or_finnish(pages, locale):
    """``pages`` (a queryset of live pages) in ``locale`` and, for a translation language, the Finnish
    pages that have no live translation in it; with their locale, for the language marks."""
    pages = pages.select_related("locale")
    if locale.language_code == SOURCE_LANGUAGE:
        return pages.filter(locale=locale)
    translated = Page.objects.live().filter(locale=locale).values("translation_key")
    untranslated_finnish = Q(locale__language_code=SOURCE_LANGUAGE) & ~Q(translation_key__in=translated)
    return pages.filter(Q(locale=locale) | untranslated_finnish)


def below(page):
    """A filter for the pages below ``page`` or below its Finnish source: a translated list page lists
    its own pages and the untranslated Finnish ones, which live in the Finnish tree."""
    pages = [page]
    if page.locale.language_code != SOURCE_LANGUAGE:
        source = page.get_translation_or_none(source_locale())
        pages += [source] if source else []
    condition = Q(pk__in=[])
    for parent in pages:
        condition |= Q(path__startswith=parent.path, depth__gt=parent.depth)
    return condition
