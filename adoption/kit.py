"""The adoption kit: a PDF of an operating model, made with WeasyPrint and cached until the page changes."""

from django.contrib.staticfiles import finders
from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils import timezone, translation

from .models import Adoption

CACHE_SECONDS = 60 * 60 * 24


def cache_key(page, adoption_count, today):
    """Changes when the page is published again, its adoptions change, or the printing date changes."""
    language = translation.get_language()
    return f"adoption-kit:{page.pk}:{page.live_revision_id}:{adoption_count}:{language}:{today}"


def kit_pdf(request, page):
    adoptions = Adoption.objects.approved().of_model(page)
    today = timezone.localdate()
    key = cache_key(page, adoptions.count(), today)
    pdf = cache.get(key)
    if pdf is None:
        pdf = render_pdf(request, page, adoptions, today)
        cache.set(key, pdf, CACHE_SECONDS)
    return pdf


def render_pdf(request, page, adoptions, today):
    # Imported here: WeasyPrint loads Pango when imported, which only this view needs.
    from weasyprint import CSS, HTML

    context = {
        "page": page,
        "address": request.build_absolute_uri(page.url),
        "printed": today,
        "adoption_count": adoptions.count(),
        "regions_in_use": adoptions.in_use_regions(),
    }
    html = render_to_string("adoption/kit.html", context, request=request)
    stylesheet = CSS(filename=finders.find("adoption/kit.css"))
    return HTML(string=html, base_url=request.build_absolute_uri("/")).write_pdf(stylesheets=[stylesheet])
