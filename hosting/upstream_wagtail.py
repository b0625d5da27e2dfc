"""Covers a gap in Wagtail: the active locale is looked up by a query every time it is asked for.

``Locale.get_active()`` (used by Wagtail's page routing, by ``localized`` on every page and
snippet, and by the project's template tags) runs ``Locale.objects.get_for_language``, one
identical ``SELECT`` each time: four to seven a page. Wagtail offers no cache or hook for it and
the look-up is reached from Wagtail's own code, so the project cannot route it through a helper
of its own. ``LocaleLookupMiddleware`` keeps the answers for the length of one request
(``cache_locale_lookups_per_request`` wraps the manager's method; outside a request it calls
Wagtail's unchanged, so a locale added or removed is seen at once).

``tests/production/test_upstream_wagtail.py`` notices when Wagtail caches the look-up itself;
this module can then go.
"""

from contextvars import ContextVar

from wagtail.models.i18n import LocaleManager

_locales = ContextVar("locales_of_this_request", default=None)
_get_for_language = LocaleManager.get_for_language


def get_for_language(manager, language_code):
    locales = _locales.get()
    if locales is None:
        return _get_for_language(manager, language_code)
    if language_code not in locales:
        locales[language_code] = _get_for_language(manager, language_code)
    return locales[language_code]


def cache_locale_lookups_per_request():
    LocaleManager.get_for_language = get_for_language


class LocaleLookupMiddleware:
    """Each language's Locale looked up at most once during a request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _locales.set({})
        try:
            return self.get_response(request)
        finally:
            _locales.reset(token)
