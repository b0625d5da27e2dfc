"""Shared fixtures. The test database is built by the migrations, so the fi, sv and en locales
and the classifications (areas, funders, themes, target groups) exist in every test."""

import json
from pathlib import Path

import pytest
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.cache import caches
from django.db import connection
from django.utils import translation
from wagtail.models import Locale

from core.languages import SOURCE_LANGUAGE
from home.sections import site_sections

SEEDS = Path(__file__).resolve().parent.parent / "demo" / "seeds"
SEED_ENTITY = SEEDS / "000_a500a5903890c3e1.txt"
SEED_MODEL = SEEDS / "003_89e9e5dc8afde3f3.txt"
MIGRATED_DATA = []
SEED_ARTICLES = [
    SEEDS / name for name in ("001_a3e0565db6a0145d.txt", "002_d4dc7358566895e3.txt", "004_4ab8f75e28d00df6.txt")
]


@pytest.fixture(autouse=True)
def empty_caches():
    """Every test starts with empty caches: the page cache, Wagtail's site root paths and the rate
    limits would otherwise carry one test's pages and counts over to the next."""
    for cache in caches.all():
        cache.clear()


@pytest.fixture(autouse=True)
def source_language_active():
    """Every test starts in Finnish: Django's LocaleMiddleware leaves the language of a test client's
    request active in the thread, which would otherwise carry over to the next test."""
    translation.activate(SOURCE_LANGUAGE)
    yield
    translation.activate(SOURCE_LANGUAGE)


@pytest.fixture
def locales(db):
    return {locale.language_code: locale for locale in Locale.objects.all()}


@pytest.fixture
def sections(db):
    """The model library and the article index under the Finnish home page."""
    return site_sections()


@pytest.fixture
def library(sections):
    return sections[0]


@pytest.fixture
def article_index(sections):
    return sections[1]


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Keep a copy of what the data migrations created (locales, classifications, home page).

    A transactional test (the browser tests with a live server) empties the tables when
    it ends; ``migrated_data`` puts this copy back. Django's ``serialized_rollback`` keeps
    its copy on the connection object, and under Playwright's greenlets a later test can
    get a new connection object without it, so the copy is kept here instead.
    """
    with django_db_blocker.unblock():
        MIGRATED_DATA.append(connection.creation.serialize_db_to_string())


@pytest.fixture
def migrated_data(transactional_db):
    """For transactional tests: the data migrations' content, restored if an earlier test flushed it.

    The flush re-creates content types and permissions (with new keys); they are replaced by
    the copied ones, loaded first, so that every reference in the copy holds.
    """
    if not Locale.objects.exists():
        Permission.objects.all().delete()
        ContentType.objects.all().delete()
        ContentType.objects.clear_cache()
        first = ("contenttypes.contenttype", "auth.permission")
        objects = sorted(json.loads(MIGRATED_DATA[0]), key=lambda obj: obj["model"] not in first)
        connection.creation.deserialize_db_from_string(json.dumps(objects))
