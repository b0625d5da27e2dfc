"""Security headers, login throttling, the secret key check, the image pixel limit, unusable tags."""

import io
import os
import secrets
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse
from PIL import Image as PILImage
from taggit.models import Tag
from wagtail.images import get_image_model

from models_library.models import OperatingModelPage
from tests.factories import ArticlePageFactory, DevelopmentEntityPageFactory, OperatingModelPageFactory
from tests.models_library.test_admin import CORE_SECTIONS, AdminTestCase, operating_model_data

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]


def published(factory, parent, **fields):
    page = factory(parent=parent, **fields)
    page.save_revision().publish()
    return page


@pytest.fixture
def site_pages(library, article_index):
    model = published(OperatingModelPageFactory, library, title="Perheneuvola")
    return {
        "home": library.get_parent().url,
        "library": library.url,
        "model": model.url,
        "entity": published(DevelopmentEntityPageFactory, library).url,
        "articles": article_index.url,
        "article": published(ArticlePageFactory, article_index).url,
        "search": "/fi/search/?q=perheneuvola",
        "not found": "/fi/ei-ole/",
        "admin login": "/admin/login/",
    }


def test_every_page_has_a_content_security_policy_without_inline_script(client, site_pages):
    for name, url in site_pages.items():
        response = client.get(url)
        policy = dict(part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";"))
        assert "unsafe" not in policy["default-src"], name
        assert "camera=()" in response["Permissions-Policy"], name
        if name != "admin login":
            assert policy["script-src"] == "'self'" and policy["style-src"] == "'self'", name
            html = response.content.decode()
            assert "<script>" not in html and " style=" not in html and " onclick=" not in html, name


@pytest.fixture
def author(db):
    return User.objects.create_superuser("kirjoittaja", password="oikea-salasana-123")


@override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=5)
@pytest.mark.parametrize(
    "language, message",
    [
        ("fi", "Liian monta epäonnistunutta kirjautumisyritystä"),
        ("sv", "För många misslyckade inloggningsförsök"),
        ("en", "Too many failed sign-in attempts"),
    ],
)
def test_repeated_wrong_passwords_lock_the_username_out(client, author, language, message):
    login = reverse("wagtailadmin_login")
    headers = {"accept_language": language}
    for _ in range(4):
        response = client.post(login, {"username": "kirjoittaja", "password": "väärä"}, headers=headers)
        assert response.status_code == 200  # the form again, with its own error
    response = client.post(login, {"username": "kirjoittaja", "password": "väärä"}, headers=headers)
    assert response.status_code == 429
    response = client.post(login, {"username": "kirjoittaja", "password": "oikea-salasana-123"}, headers=headers)
    assert response.status_code == 429
    assert message in response.content.decode()
    assert "_auth_user_id" not in client.session


@override_settings(AXES_ENABLED=True)
def test_the_right_password_before_the_limit_signs_in(client, author):
    login = reverse("wagtailadmin_login")
    for _ in range(3):
        client.post(login, {"username": "kirjoittaja", "password": "väärä"})
    response = client.post(login, {"username": "kirjoittaja", "password": "oikea-salasana-123"})
    assert response.status_code == 302


def production_start(secret_key):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": secret_key,
        "ALLOWED_HOSTS": "example.org",
        "DATABASE_URL": "sqlite:///:memory:",
        "SITE_URL": "https://example.org",
    }
    code = "import django; django.setup()"
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True)


@pytest.mark.parametrize("weak", ["x", "dev-only-secret-key-not-for-production", "a" * 64])
def test_a_weak_secret_key_stops_the_production_settings(weak):
    result = production_start(weak)
    assert result.returncode != 0
    assert "SECRET_KEY must be set to a random value of at least 50 characters" in result.stderr


def test_a_strong_secret_key_starts():
    result = production_start(secrets.token_urlsafe(50))
    assert result.returncode == 0, result.stderr


def png(width, height):
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), (40, 90, 160)).save(buffer, "PNG")
    return SimpleUploadedFile("kuva.png", buffer.getvalue(), content_type="image/png")


def upload(client, width, height):
    client.force_login(User.objects.create_superuser("kuvaaja", password="x"))
    return client.post(reverse("wagtailimages:add"), {"title": "Kansikuva", "file": png(width, height)})


def test_an_image_over_the_pixel_limit_is_refused_with_a_message(client):
    response = upload(client, 4001, 3000)
    assert response.status_code == 200
    assert "liian monta kuvapistettä" in response.content.decode().lower()
    assert not get_image_model().objects.exists()


def test_an_image_at_the_limit_gets_its_renditions_once_on_upload(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(client, 4000, 3000)
    assert response.status_code == 302
    image = get_image_model().objects.get()
    assert image.renditions.filter(filter_spec="width-960").count() == 1  # made by the upload's task
    started = time.perf_counter()
    image.renditions.all().delete()
    image.get_rendition("width-960")
    assert time.perf_counter() - started < 2


def test_a_rendition_at_the_pixel_limit_stays_under_200_mb(tmp_path, settings):
    """The memory that making the largest allowed image's rendition adds to a process's peak."""
    height = settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS // 4000
    path = tmp_path / "largest.jpg"
    PILImage.effect_noise((4000, height), 60).convert("RGB").save(path, "JPEG", quality=95)
    code = f"""
import resource, django
django.setup()
import willow
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
with open({str(path)!r}, "rb") as file:
    willow.Image.open(file).resize((960, {960 * height // 4000})).save_as_jpeg(open("/dev/null", "wb"))
print((resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) // 1024)
"""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test"}
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert int(result.stdout) < 200


class UnusableTagTests(AdminTestCase):
    def test_a_tag_of_only_emoji_or_punctuation_is_refused_in_the_editor(self):
        data = operating_model_data(CORE_SECTIONS, tags="perheneuvonta, 🎉🎉, ?!")
        response = self.add_page(OperatingModelPage, self.library, data, publish=True)
        self.assertEqual(response.status_code, 200)
        self.assertFieldError(response, "tags", "Tunnisteessa on oltava ainakin yksi kirjain tai numero")
        self.assertFieldError(response, "tags", "🎉🎉")
        self.assertFieldError(response, "tags", "?!")
        self.assertFalse(OperatingModelPage.objects.filter(slug="perheneuvo").exists())

    def test_an_existing_emoji_tag_renders_without_error(self):
        page = OperatingModelPageFactory(parent=self.library, title="Perheneuvola")
        page.tags.add(Tag.objects.create(name="🎉", slug=""), "perheneuvonta")
        page.save_revision().publish()
        self.client.logout()
        response = self.client.get(page.url)
        self.assertEqual(response.status_code, 200)
        self.assertShows(response, "perheneuvonta")
