"""Each language's Locale looked up once per request.

Wagtail asks for the active locale (``Locale.objects.get_for_language``) from page routing, the
language switcher, snippets' ``localized`` and template tags: five identical queries on an
operating model page. During a request the answer is kept; outside requests nothing changes.
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


def install():
    LocaleManager.get_for_language = get_for_language


class LocaleLookupMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _locales.set({})
        try:
            return self.get_response(request)
        finally:
            _locales.reset(token)
