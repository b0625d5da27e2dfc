"""Django's LocaleMiddleware, except that a 404 of an address outside the language prefix stays a 404.

Django answers a 404 of an unprefixed address with a redirect to the same address under the
language prefix when that address resolves; Wagtail's page route resolves every address, so a
missing API item, permanent address or sitemap would become a redirect to an HTML "not found"
page. The API's clients need the API's own JSON 404.
"""

from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware

UNPREFIXED = ("/api/", "/m/", "/sitemap", "/robots.txt")


class LocaleMiddleware(DjangoLocaleMiddleware):
    def process_response(self, request, response):
        if response.status_code == 404 and request.path_info.startswith(UNPREFIXED):
            response.headers.setdefault("Content-Language", request.LANGUAGE_CODE)
            return response
        return super().process_response(request, response)
