"""Comparing two to four operating models side by side: the selection lives in the visitor's session."""

from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import Locale

from models_library.blocks import DescriptionBlock
from models_library.models import OperatingModelPage

from .anonymous import tokenless_form

# The description's sections in the national order; "other" sections have headings of their own.
SECTION_BLOCKS = {name: block for name, block in DescriptionBlock().child_blocks.items() if name != "extra"}
SESSION_KEY = "compare"
MAX_MODELS = 4


def selection(request):
    """The translation keys of the chosen models, in the order they were added."""
    return request.session.get(SESSION_KEY, [])


def chosen_models(request):
    """The chosen models in the visitor's language where translated, else in Finnish."""
    keys = selection(request)
    pages = OperatingModelPage.objects.live().public().filter(translation_key__in=keys).select_related("locale")
    locale = Locale.get_active()
    by_key = {}
    for page in pages:
        if page.translation_key not in by_key or page.locale_id == locale.pk:
            by_key[str(page.translation_key)] = page
    return [by_key[key] for key in keys if key in by_key]


def back(request, fallback):
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return redirect(target)
    return redirect(fallback)


@tokenless_form
@require_POST
def add(request, page_id):
    page = OperatingModelPage.objects.live().public().filter(pk=page_id).first()
    keys = selection(request)
    if page is None:
        messages.error(request, _("That operating model cannot be compared."))
    elif str(page.translation_key) in keys:
        messages.info(request, _("“%(title)s” is already in the comparison.") % {"title": page.title})
    elif len(keys) >= MAX_MODELS:
        messages.error(request, _("You can compare at most four models. Remove one first."))
    else:
        request.session[SESSION_KEY] = keys + [str(page.translation_key)]
        messages.success(request, _("“%(title)s” was added to the comparison.") % {"title": page.title})
    return back(request, page.url if page else "/")


@require_POST
def remove(request, page_id):
    page = OperatingModelPage.objects.filter(pk=page_id).first()
    if page is not None:
        request.session[SESSION_KEY] = [key for key in selection(request) if key != str(page.translation_key)]
    return back(request, "adoption:compare")


def compare(request):
    models = chosen_models(request)
    rows = []
    for name, block in SECTION_BLOCKS.items():
        cells = [next((section for section in model.body if section.block_type == name), None) for model in models]
        if any(cells):
            rows.append({"name": name, "label": block.label, "cells": list(zip(models, cells, strict=True))})
    context = {"models": models, "rows": rows, "enough": len(models) >= 2, "max_models": MAX_MODELS}
    return TemplateResponse(request, "adoption/compare.html", context)
