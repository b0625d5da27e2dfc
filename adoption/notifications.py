"""E-mails of the adoption features, each written in its recipient's language."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage, send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from core.languages import SOURCE_LANGUAGE
from review.roles import REVIEWERS


def render_mail(template, context, language):
    """The subject (first line) and body of a message template, rendered in the given language."""
    with translation.override(language or SOURCE_LANGUAGE):
        text = render_to_string(template, context).strip()
    subject, _blank, body = text.partition("\n")
    return subject.strip(), body.strip() + "\n"


def send_moderation_result(adoption):
    subject, body = render_mail("adoption/email/moderated.txt", {"adoption": adoption}, adoption.proposer_language)
    send_mail(subject, body, None, [adoption.proposer_email])


def notify_reviewers(adoption):
    """Reviewers hear of a proposal that awaits them in the admin."""
    reviewers = get_user_model().objects.filter(groups__name=REVIEWERS, is_active=True).exclude(email="")
    addresses = sorted({user.email for user in reviewers})
    if not addresses:
        return
    edit_url = reverse("wagtailsnippets_adoption_adoption:edit", args=[adoption.pk])
    context = {"adoption": adoption, "admin_url": settings.WAGTAILADMIN_BASE_URL + edit_url}
    subject, body = render_mail("adoption/email/proposed.txt", context, SOURCE_LANGUAGE)
    send_mail(subject, body, None, addresses)


def send_contact_message(page, recipients, sender_name, sender_email, message, page_url):
    """The visitor's message to the model's people (Reply-To: the visitor), and a copy to the visitor.

    The recipients' addresses are never shown to the visitor: the copy goes in a separate message.
    """
    context = {"page": page, "name": sender_name, "email": sender_email, "message": message, "url": page_url}
    subject, body = render_mail("adoption/email/contact.txt", context, SOURCE_LANGUAGE)
    EmailMessage(subject, body, None, recipients, reply_to=[sender_email]).send()
    subject, body = render_mail("adoption/email/contact_copy.txt", context, translation.get_language())
    EmailMessage(subject, body, None, [sender_email]).send()


def follow_links(item, base_url):
    with translation.override(item.language):
        return {
            "confirm_url": base_url + reverse("adoption:follow_confirm", args=[item.token]),
            "unsubscribe_url": base_url + reverse("adoption:unsubscribe", args=[item.token]),
            "search_url": base_url + reverse("search") + f"?{item.query}" if item.query else "",
        }


def send_follow_message(item, template, context, base_url):
    links = follow_links(item, base_url)
    subject, body = render_mail(template, {"follow": item, **links, **context}, item.language)
    headers = {
        "List-Unsubscribe": f"<{links['unsubscribe_url']}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }
    EmailMessage(subject, body, None, [item.email], headers=headers).send()


def send_follow_confirmation(item, request):
    base_url = request.build_absolute_uri("/").rstrip("/")
    send_follow_message(item, "adoption/email/follow_confirm.txt", {"page": item.operating_model}, base_url)


def send_follow_alert(item, page, changed):
    base_url = page.get_site().root_url.rstrip("/")
    context = {"page": page, "changed": changed, "page_url": page.full_url}
    send_follow_message(item, "adoption/email/follow_alert.txt", context, base_url)
