import pytest
from django.conf import settings
from django.utils import translation


@pytest.fixture(autouse=True)
def finnish_afterwards():
    """A request in another language leaves that language active in the thread; later tests expect Finnish."""
    yield
    translation.activate(settings.LANGUAGE_CODE)
