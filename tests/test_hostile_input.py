"""Bad input gets a clear error and breaks nothing: scripts in text, fake and huge images, odd searches."""

import io
from io import StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from PIL import Image
from wagtail.images import get_image_model
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from models_library.models import OperatingModelPage
from tests.factories import OperatingModelPageFactory

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert('xss')</script>"


def test_a_script_in_text_fields_is_shown_as_text_not_run(client, library):
    page = OperatingModelPageFactory(parent=library, title=f"Malli {SCRIPT}", short_description=f"Kuvaus {SCRIPT}")
    html = client.get(page.url).content.decode()
    assert SCRIPT not in html
    assert "&lt;script&gt;alert(&#x27;xss&#x27;)&lt;/script&gt;" in html


def test_a_script_in_rich_text_written_in_the_admin_is_dropped(admin_client, library):
    url = reverse("wagtailadmin_pages:add", args=["models_library", "operatingmodelpage", library.pk])
    data = nested_form_data(
        {
            "title": "Skriptimalli",
            "slug": "skriptimalli",
            "short_description": "Lyhyt kuvaus.",
            "authors": inline_formset([]),
            "created_date": "2024-01-01",
            "development_stage": "ready",
            "attachments": streamfield([]),
            "body": streamfield([("core_idea", rich_text(f"<p>Perusidea{SCRIPT}</p>"))]),
            "development_path": streamfield([]),
        }
    )
    admin_client.post(url, data)
    page = OperatingModelPage.objects.get(slug="skriptimalli").get_latest_revision_as_object()
    assert "<script" not in page.body.raw_data[0]["value"]


def test_a_script_in_an_imported_file_is_kept_as_text(tmp_path, client, library):
    path = tmp_path / "skripti.txt"
    path.write_text(
        "Toimintamallin nimi\nSkriptimalli\n\nToimintamallin lyhyt kuvaus\nKuvaus.\n\n"
        f"Ratkaisun perusidea\n\nIdea {SCRIPT} loppuu.\n"
    )
    call_command("import_descriptions", str(path), stdout=StringIO())
    page = OperatingModelPage.objects.get().get_latest_revision_as_object()
    assert "&lt;script&gt;" in page.body.raw_data[0]["value"]
    assert SCRIPT not in page.body.raw_data[0]["value"]


def upload(admin_client, name, content, content_type):
    return admin_client.post(
        reverse("wagtailimages:add"),
        {"title": name, "file": SimpleUploadedFile(name, content, content_type=content_type), "collection": 1},
    )


def test_a_fake_image_is_refused_with_a_message(admin_client):
    response = upload(admin_client, "kuva.png", b"this is not a picture", "image/png")
    assert response.status_code == 200
    assert "Lähettämäsi tiedosto ei ole kuva" in str(response.context["form"].errors["file"])
    assert get_image_model().objects.count() == 0


def test_a_huge_image_is_refused_with_a_message(admin_client, settings):
    buffer = io.BytesIO()
    Image.new("1", (8000, 6000)).save(buffer, format="PNG")  # 48 megapixels, a small file
    response = upload(admin_client, "valtava.png", buffer.getvalue(), "image/png")
    assert response.status_code == 200
    assert "liian monta kuvapistettä (48000000)" in str(response.context["form"].errors["file"])
    assert get_image_model().objects.count() == 0


@pytest.mark.parametrize(
    "query",
    [
        '"; DROP TABLE wagtailcore_page; --',
        "' OR 1=1 --",
        SCRIPT,
        '"perhe',
        "!!!???...",
        "👨‍👩‍👧 perhekeskus",
        "perhekeskus " * 200,
    ],
)
def test_hostile_searches_get_a_normal_page(client, library, query):
    OperatingModelPageFactory(parent=library, title="Perhekeskus kaikille")
    response = client.get("/fi/search/", {"q": query})
    assert response.status_code == 200
    assert SCRIPT not in response.content.decode()
    assert OperatingModelPage.objects.count() == 1


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_html_lang_matches_the_language(client, language):
    response = client.get(f"/{language}/search/")
    assert f'<html lang="{language}">' in response.content.decode()


def test_the_front_door_sends_a_visitor_to_their_language(client):
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="sv").headers["Location"] == "/sv/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="de").headers["Location"] == "/fi/"
