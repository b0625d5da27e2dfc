import pytest
from django.core.cache import caches


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache (the local-memory cache outlives a test's database)."""
    caches["default"].clear()
