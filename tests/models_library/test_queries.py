"""A page's SQL query count does not grow with the size of the library."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.models import ArticlePage
from models_library.models import DevelopmentEntityPage, OperatingModelPage
from taxonomy.models import Area, Funder
from tests.factories import ArticlePageFactory, DevelopmentEntityPageFactory, OperatingModelPageFactory

pytestmark = pytest.mark.django_db


def count_queries(client, url):
    client.get(url)  # warm caches that live for the process, such as the site root
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def fill_library(library, count, entity):
    areas = list(Area.objects.filter(locale__language_code="fi", kind="county")[:3])
    funders = list(Funder.objects.filter(locale__language_code="fi")[:2])
    for _ in range(count):
        page = OperatingModelPageFactory(parent=library, development_entity=entity)
        page.areas.set(areas)
        page.funders.set(funders)
        page.tags.add("perhekeskus", "varhainen tuki")
        page.save()


@pytest.mark.parametrize("page_type", [OperatingModelPage, DevelopmentEntityPage, ArticlePage])
def test_a_page_makes_the_same_number_of_queries_with_2_and_50_models(client, library, article_index, page_type):
    # Two, so that a model page has a related model to show in both cases.
    entity = DevelopmentEntityPageFactory(parent=library)
    article = ArticlePageFactory(parent=article_index)
    fill_library(library, 2, entity)
    target = {
        OperatingModelPage: OperatingModelPage.objects.first(),
        DevelopmentEntityPage: entity,
        ArticlePage: article,
    }[page_type]
    with_two = count_queries(client, target.url)
    # The entity page lists its own models, so it is measured against other entities' models.
    other_entity = DevelopmentEntityPageFactory(parent=library)
    fill_library(library, 48, other_entity)
    with_fifty = count_queries(client, target.url)
    assert with_two == with_fifty, f"{page_type.__name__}: {with_two} queries with 2 models, {with_fifty} with 50"


def test_listing_pages_make_the_same_number_of_queries_with_1_and_50_models(client, library):
    entity = DevelopmentEntityPageFactory(parent=library)
    fill_library(library, 1, entity)
    with_one = (count_queries(client, library.url), count_queries(client, "/fi/"))
    fill_library(library, 49, entity)
    with_fifty = (count_queries(client, library.url), count_queries(client, "/fi/"))
    assert with_one == with_fifty
