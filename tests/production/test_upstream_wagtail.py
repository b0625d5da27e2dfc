"""The gap ``hosting.upstream_wagtail`` covers: Wagtail looks the active locale up by a query each time."""

import pytest
from wagtail.models import Locale

from hosting.upstream_wagtail import LocaleLookupMiddleware

pytestmark = pytest.mark.django_db


def test_wagtail_still_queries_the_active_locale_every_time(django_assert_num_queries):
    """Fails when Wagtail caches the look-up itself: ``hosting.upstream_wagtail`` can then go."""
    with django_assert_num_queries(2):
        assert Locale.get_active() == Locale.get_active()


def test_during_a_request_each_language_is_looked_up_once(rf, django_assert_num_queries):
    def view(request):
        return [Locale.get_active(), Locale.get_active(), Locale.objects.get_for_language("sv")]

    with django_assert_num_queries(2):
        active, again, swedish = LocaleLookupMiddleware(view)(rf.get("/"))
    assert active == again and swedish.language_code == "sv"
