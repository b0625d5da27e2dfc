"""Public views: proposing an adoption, contacting a model's people, the library-wide adoption view."""

import logging
from smtplib import SMTPException

from django.contrib import messages
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import Locale

from core.languages import source_locale
from models_library.models import OperatingModelPage
from search.views import csv_response

from . import overview
from .anonymous import tokenless_form
from .forms import AdoptionForm, ContactForm
from .kit import kit_pdf
from .models import ModerationState
from .notifications import notify_reviewers, send_contact_message
from .ratelimit import allow, client_address

logger = logging.getLogger(__name__)


def live_model(page_id):
    return get_object_or_404(OperatingModelPage.objects.live().public(), pk=page_id)


def can_add_directly(user):
    """Signed-in editors and authors record adoptions without moderation."""
    return user.is_authenticated and user.has_perm("adoption.add_adoption")


def propose(request, page_id):
    page = live_model(page_id)
    trusted = can_add_directly(request.user)
    form = AdoptionForm(request.POST or None, proposer_required=not trusted)
    if request.method == "POST" and form.is_valid():
        if form.is_spam():
            messages.error(request, _("Your proposal was refused."))
            return redirect(page.url)
        adoption = form.save(commit=False)
        adoption.operating_model = page
        adoption.proposer_language = translation.get_language()
        adoption.moderation_state = ModerationState.APPROVED if trusted else ModerationState.PENDING
        adoption.save()
        if trusted:
            messages.success(request, _("The adoption was recorded and is shown on the model's page."))
        else:
            notify_reviewers(adoption)
            messages.success(
                request,
                _("Thank you! A reviewer checks your proposal before it is shown; we tell you by e-mail."),
            )
        return redirect(page.url)
    return TemplateResponse(request, "adoption/propose.html", {"model_page": page, "form": form, "trusted": trusted})


@tokenless_form
@require_POST
def contact(request, page_id):
    page = live_model(page_id)
    form = ContactForm(request.POST)
    if not form.is_valid():
        return TemplateResponse(request, "adoption/contact.html", {"model_page": page, "form": form}, status=400)
    if form.is_spam():
        messages.error(request, _("Your message was refused."))
        return redirect(page.url + "#contact")
    keys = [f"contact-email:{form.cleaned_data['email'].lower()}", f"contact-ip:{client_address(request)}"]
    if not allow(keys + [f"contact-model:{page.translation_key}"]):
        messages.error(request, _("Too many messages have been sent just now. Please try again in a minute."))
        return redirect(page.url + "#contact")
    recipients = contact_addresses(page)
    try:
        if not recipients:
            raise SMTPException("no contact address")
        send_contact_message(
            page,
            recipients,
            form.cleaned_data["name"],
            form.cleaned_data["email"],
            form.cleaned_data["message"],
            request.build_absolute_uri(page.url),
        )
    except (SMTPException, OSError):
        logger.exception("Contact message about page %s could not be sent", page.pk)
        messages.error(
            request,
            _("Your message could not be sent. Please try again later; what you wrote is below."),
        )
        return TemplateResponse(request, "adoption/contact.html", {"model_page": page, "form": form}, status=502)
    messages.success(request, _("Your message was sent. A copy was sent to your e-mail."))
    return redirect(page.url + "#contact")


def contact_addresses(page):
    """The private addresses of the model's authors, or else its development entity's contact person.

    A translation whose authors have no address yet (it is brought up to date later) uses those of the
    Finnish page."""
    addresses = [author.email for author in page.authors.all() if author.email]
    source = page.get_translation_or_none(source_locale())
    if not addresses and source is not None:
        addresses = [author.email for author in source.specific.authors.all() if author.email]
    entity = page.development_entity
    if not addresses and entity and entity.contact_email:
        addresses = [entity.contact_email]
    return addresses


def kit(request, page_id):
    page = live_model(page_id)
    response = HttpResponse(kit_pdf(request, page), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{page.slug}.pdf"'
    return response


def adoption_overview(request):
    context = overview.build(Locale.get_active(), request.GET.get("status", ""))
    export = request.GET.get("format")
    if export == "json":
        data = {"status": context["status"], "count": context["total"], "adoptions": context["records"]}
        return JsonResponse(data, json_dumps_params={"ensure_ascii": False})
    if export == "csv":
        return csv_response(context["records"], overview.EXPORT_FIELDS, "adoptions.csv")
    return TemplateResponse(request, "adoption/overview.html", context)
