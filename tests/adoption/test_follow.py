"""Following a model or a search: confirmation, alert and unsubscribe through the e-mails."""

import datetime
import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation

from adoption.models import Follow
from tests.factories import OperatingModelPageFactory

pytestmark = pytest.mark.django_db


def follow_url():
    with translation.override("fi"):
        return reverse("adoption:follow")


def link(message, word):
    return next(url for url in re.findall(r"https?://\S+", message.body) if word in url)


def path(url):
    return url.split("testserver", 1)[-1].split("localhost", 1)[-1]


def test_following_a_model_confirm_alert_and_unsubscribe(client, model_page):
    html = client.get(model_page.url).content.decode()
    assert "Seuraa tätä mallia sähköpostilla" in html
    response = client.post(follow_url(), {"email": "seuraaja@example.fi", "model": model_page.pk}, follow=True)
    assert "Melkein valmista" in response.content.decode()
    confirmation = mail.outbox[-1]
    assert confirmation.to == ["seuraaja@example.fi"] and "Vahvista" in confirmation.subject

    model_page.save_revision().publish()
    assert len(mail.outbox) == 1, "no alert before the address is confirmed"
    assert "Seuraaminen vahvistettu" in client.get(path(link(confirmation, "/confirm/"))).content.decode()

    model_page.title = "Perheneuvo uudistettuna"
    model_page.save_revision().publish()
    alert = mail.outbox[-1]
    assert "Perheneuvo uudistettuna" in alert.subject and alert.to == ["seuraaja@example.fi"]
    assert alert.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    assert "Osoitteesi poistettiin" in client.get(path(link(alert, "/unsubscribe/"))).content.decode()
    assert not Follow.objects.exists()
    model_page.save_revision().publish()
    assert mail.outbox[-1] is alert


def test_following_a_search_alerts_once_when_a_matching_model_is_published(client, library, model_page):
    html = client.get("/fi/search/", {"q": "vauvaperhe"}).content.decode()
    assert "Seuraa tätä hakua sähköpostilla" in html
    client.post(follow_url(), {"email": "haku@example.fi", "q": "vauvaperhe", "page": "2"})
    item = Follow.objects.get()
    assert item.query == "q=vauvaperhe" and item.operating_model is None
    client.get(path(link(mail.outbox[-1], "/confirm/")))

    OperatingModelPageFactory(parent=library, title="Sähköinen ajanvaraus", short_description="Ajanvaraus verkossa.")
    new = OperatingModelPageFactory(parent=library, title="Vauvaperhetyö", short_description="Vauvaperheiden tuki.")
    assert len(mail.outbox) == 1
    new.save_revision().publish()
    alert = mail.outbox[-1]
    assert alert.to == ["haku@example.fi"] and "Vauvaperhetyö" in alert.subject
    new.save_revision().publish()
    assert len(mail.outbox) == 2, "a search's alert for a model is sent once"


def test_a_one_click_post_unsubscribes_without_a_form(client, model_page):
    item = Follow.objects.create(email="x@example.fi", operating_model=model_page, language="fi", confirmed=True)
    with translation.override("fi"):
        url = reverse("adoption:unsubscribe", args=[item.token])
    assert client.post(url).status_code == 204
    assert not Follow.objects.exists()


def test_an_invalid_address_is_refused_with_a_message(client, model_page):
    response = client.post(follow_url(), {"email": "ei-osoite", "model": model_page.pk}, follow=True)
    assert "Anna kelvollinen sähköpostiosoite" in response.content.decode()
    assert not Follow.objects.exists() and not mail.outbox


def test_addresses_never_confirmed_are_deleted_after_a_week(client, model_page):
    old = Follow.objects.create(email="vanha@example.fi", operating_model=model_page, language="fi")
    Follow.objects.filter(pk=old.pk).update(created_at=timezone.now() - datetime.timedelta(days=8))
    kept = Follow.objects.create(
        email="vahvistettu@example.fi", operating_model=model_page, language="fi", confirmed=True
    )
    Follow.objects.filter(pk=kept.pk).update(created_at=timezone.now() - datetime.timedelta(days=30))
    client.post(follow_url(), {"email": "uusi@example.fi", "model": model_page.pk})
    assert sorted(Follow.objects.values_list("email", flat=True)) == ["uusi@example.fi", "vahvistettu@example.fi"]
