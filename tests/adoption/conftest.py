"""A published operating model with authors, and users of the roles that record adoptions."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache

from models_library.models import OperatingModelAuthor
from review.roles import AUTHORS, REVIEWERS
from taxonomy.models import Area
from tests.factories import OperatingModelPageFactory

AUTHOR_EMAIL = "taina.paananen@example.fi"


@pytest.fixture(autouse=True)
def empty_cache():
    """Rate limits are counted in the cache; each test starts from zero."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def model_page(library):
    page = OperatingModelPageFactory(parent=library, title="Perheneuvo")
    page.authors.add(OperatingModelAuthor(name="Taina Paananen", email=AUTHOR_EMAIL))
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def area(name):
    return Area.objects.get(locale__language_code="fi", name=name)


@pytest.fixture
def user_in():
    def make(group_name, username):
        user = get_user_model().objects.create_user(username, f"{username}@example.fi", "toimintamallit")
        user.groups.add(Group.objects.get(name=group_name))
        return user

    return make


@pytest.fixture
def author(user_in):
    return user_in(AUTHORS, "author")


@pytest.fixture
def reviewer(user_in):
    return user_in(REVIEWERS, "reviewer")
