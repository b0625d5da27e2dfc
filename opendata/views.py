"""Permanent addresses, citation downloads, robots.txt and the OpenAPI description."""

from django.conf import settings
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import translation
from django.views.decorators.http import require_safe
from wagtail.models import Locale, Page

from core.languages import SOURCE_LANGUAGE

from .citation import Citation
from .openapi import openapi_document
from .structured_data import is_citable


def citable_page(page_id, language):
    """The published public page (description or article) of this id, in ``language`` if translated,
    else in Finnish. The id is that of any language version (the Finnish one in permanent addresses)."""
    page = get_object_or_404(Page, pk=page_id)
    versions = Page.objects.live().public().filter(translation_key=page.translation_key).select_related("locale")
    by_language = {version.locale.language_code: version for version in versions}
    found = by_language.get(language) or by_language.get(SOURCE_LANGUAGE) or next(iter(by_language.values()), None)
    if found is None or not is_citable(found.specific):
        raise Http404
    return found.specific


@require_safe
def permanent_address(request, page_id):
    """``/m/<id>/``: the page now, wherever it has moved and whatever it is called, in the visitor's language."""
    language = translation.get_language_from_request(request)
    return redirect(citable_page(page_id, language).get_url(request))


@require_safe
def citation_download(request, page_id, file_format):
    page = citable_page(page_id, Locale.get_active().language_code)
    citation = Citation.of(page)
    if file_format == "ris":
        response = HttpResponse(citation.ris(), content_type="application/x-research-info-systems; charset=utf-8")
    else:
        response = HttpResponse(citation.bibtex(), content_type="application/x-bibtex; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{citation.key}.{file_format}"'
    return response


@require_safe
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /django-admin/",
        f"Sitemap: {settings.SITE_URL}{reverse('sitemap_index')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@require_safe
def openapi_json(request):
    return JsonResponse(openapi_document(), json_dumps_params={"ensure_ascii": False, "indent": 2})
