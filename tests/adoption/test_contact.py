"""Contacting a model's authors: the e-mail goes out, their address stays hidden, spam is refused."""

from smtplib import SMTPException
from unittest import mock

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale

from tests.factories import DevelopmentEntityPageFactory

from .conftest import AUTHOR_EMAIL

pytestmark = pytest.mark.django_db


def contact_url(page, language="fi"):
    with translation.override(language):
        return reverse("adoption:contact", args=[page.pk])


def message(**fields):
    return {
        "name": "Ville Vierailija",
        "email": "ville@example.fi",
        "message": "Miten aloititte?",
        "website": "",
        **fields,
    }


def test_the_message_reaches_the_authors_and_the_sender_gets_a_copy(client, model_page):
    page_html = client.get(model_page.url).content.decode()
    assert 'id="contact"' in page_html and AUTHOR_EMAIL not in page_html
    response = client.post(contact_url(model_page), message(), follow=True)
    assert "Viestisi lähetettiin. Kopio lähetettiin sähköpostiisi." in response.content.decode()
    assert AUTHOR_EMAIL not in response.content.decode()
    to_authors, copy = mail.outbox
    assert to_authors.to == [AUTHOR_EMAIL] and to_authors.reply_to == ["ville@example.fi"]
    assert "Miten aloititte?" in to_authors.body and "Perheneuvo" in to_authors.subject
    assert copy.to == ["ville@example.fi"] and AUTHOR_EMAIL not in copy.body + copy.subject


def test_without_author_addresses_the_development_entity_contact_gets_the_message(client, library, model_page):
    for author in model_page.authors.all():
        author.email = ""
    entity = DevelopmentEntityPageFactory(parent=library, contact_email="hanke@example.fi")
    model_page.development_entity = entity
    model_page.save_revision().publish()
    client.post(contact_url(model_page), message())
    assert mail.outbox[0].to == ["hanke@example.fi"]


def test_the_sixth_message_in_a_minute_is_refused(client, model_page):
    for number in range(5):
        client.post(
            contact_url(model_page), message(email=f"lahettaja{number}@example.fi"), REMOTE_ADDR=f"10.0.0.{number}"
        )
    assert len(mail.outbox) == 10
    response = client.post(
        contact_url(model_page), message(email="kuudes@example.fi"), REMOTE_ADDR="10.0.0.9", follow=True
    )
    assert "liian monta viestiä" in response.content.decode()
    assert len(mail.outbox) == 10


def test_one_address_is_limited_across_models(client, library, model_page):
    for _ in range(5):
        client.post(contact_url(model_page), message())
    response = client.post(contact_url(model_page, "sv"), message(), follow=True)
    assert "För många meddelanden" in response.content.decode()
    assert len(mail.outbox) == 10


def test_the_honeypot_refuses_a_message(client, model_page):
    response = client.post(contact_url(model_page), message(website="http://spam.example"), follow=True)
    assert "Viestiäsi ei otettu vastaan." in response.content.decode()
    assert not mail.outbox


def test_a_failed_send_says_so_in_the_visitors_language_and_keeps_the_text(client, model_page):
    with mock.patch("adoption.notifications.EmailMessage.send", side_effect=SMTPException("down")):
        response = client.post(contact_url(model_page, "en"), message())
    html = response.content.decode()
    assert response.status_code == 502
    assert "Your message could not be sent." in html and "Miten aloititte?" in html


def test_invalid_input_gives_clear_messages(client, model_page):
    response = client.post(contact_url(model_page, "sv"), message(email="ei-osoite", message=""))
    html = response.content.decode()
    assert response.status_code == 400
    assert '<html lang="sv">' in html
    assert "Rätta fälten som markerats nedan." in html
    # Django's wording (the project catalog), not Django REST framework's Swedish "Ange en giltig mejladress.".
    assert "Fyll i en giltig e-postadress." in html and "Detta fält måste fyllas i." in html
    assert not mail.outbox


def test_a_translation_whose_authors_have_no_address_yet_reaches_the_finnish_pages_authors(client, model_page):
    swedish = model_page.copy_for_translation(Locale.objects.get(language_code="sv"), copy_parents=True)
    swedish.authors.update(email="")  # the translation was made before the address was given
    swedish.save_revision().publish()
    response = client.post(contact_url(swedish, "sv"), message(), follow=True)
    assert "Ditt meddelande skickades." in response.content.decode()
    assert mail.outbox[0].to == [AUTHOR_EMAIL]
