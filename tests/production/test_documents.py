"""A document reaches the public only through a live page open to everyone that uses it."""

import json

import pytest
from django.contrib.auth.models import User
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import PageViewRestriction

from tests.factories import OperatingModelPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def document(db):
    document = get_document_model()(title="Arviointiraportti")
    document.file.save("arviointi.txt", ContentFile(b"Arvioinnin tulokset"), save=True)
    return document


@pytest.fixture
def model_with_document(library, document):
    attachments = json.dumps([{"type": "document", "value": document.pk}])
    page = OperatingModelPageFactory(parent=library, title="Perheneuvola", attachments=attachments)
    page.save_revision().publish()
    return page


def download(client, document):
    return client.get(document.url)


def test_a_document_of_a_live_public_page_is_served(client, model_with_document, document):
    response = download(client, document)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"Arvioinnin tulokset"


def test_a_document_of_an_unpublished_page_is_refused(client, model_with_document, document):
    model_with_document.unpublish()
    assert download(client, document).status_code == 404


def test_a_document_no_page_uses_is_refused(client, document):
    assert download(client, document).status_code == 404


def test_a_document_of_a_restricted_page_is_refused(client, model_with_document, document):
    PageViewRestriction.objects.create(page=model_with_document, restriction_type="password", password="salainen")
    assert download(client, document).status_code == 404


def test_an_editor_gets_every_document(client, model_with_document, document):
    model_with_document.unpublish()
    client.force_login(User.objects.create_superuser("toimittaja", password="x"))
    assert download(client, document).status_code == 200
