"""The accessibility statement and its feedback form, the statistics page, and the site's icons."""

import datetime

from django.core.mail import mail_managers
from django.http import HttpResponseRedirect, JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.templatetags.static import static
from django.utils.translation import get_language, gettext

from .forms import AccessibilityFeedbackForm
from .statistics import hooked_sections, library_charts

# When the statement was last reviewed; shown on the page as the national model asks.
STATEMENT_REVIEWED = datetime.date(2026, 11, 29)


def accessibility_statement(request):
    form = AccessibilityFeedbackForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        feedback = form.save(commit=False)
        feedback.language = get_language()
        feedback.save()
        mail_managers(
            gettext("Accessibility feedback"),
            f"{feedback.message}\n\n{feedback.page_address}\n{feedback.email}",
            fail_silently=True,
        )
        return HttpResponseRedirect(f"{request.path}?sent=1#feedback")
    context = {"form": form, "sent": request.GET.get("sent") == "1", "reviewed": STATEMENT_REVIEWED}
    return TemplateResponse(request, "about/accessibility_statement.html", context, status=400 if form.errors else 200)


def statistics(request):
    total, charts = library_charts()
    context = {"total": total, "charts": charts, "sections": hooked_sections(request)}
    return TemplateResponse(request, "about/statistics.html", context)


def web_manifest(request):
    """The web app manifest: the site's name and icons for a phone's home screen."""
    name = gettext("Operating model library")
    return JsonResponse(
        {
            "name": name,
            "short_name": name,
            "lang": get_language(),
            "start_url": f"/{get_language()}/",
            "display": "browser",
            "background_color": "#f7f8f8",
            "theme_color": "#00357a",
            "icons": [
                {"src": static("icons/icon-192.png"), "sizes": "192x192", "type": "image/png"},
                {"src": static("icons/icon-512.png"), "sizes": "512x512", "type": "image/png"},
                {"src": static("icons/icon.svg"), "sizes": "any", "type": "image/svg+xml"},
            ],
        },
        content_type="application/manifest+json",
        json_dumps_params={"ensure_ascii": False},
    )


def favicon(request):
    return redirect(static("icons/favicon.ico"), permanent=True)
