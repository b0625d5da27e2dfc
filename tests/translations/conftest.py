from io import StringIO

import pytest
from django.core.management import call_command

from tests.conftest import SEEDS


@pytest.fixture
def seeded(db):
    """The five seed documents imported as published Finnish pages."""
    call_command("import_descriptions", str(SEEDS), publish=True, stdout=StringIO())
