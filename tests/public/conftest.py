"""The translated operating model of the translation tests, shared here."""

from tests.about.conftest import finnish_afterwards  # noqa: F401 (fixture)
from tests.translations.test_translations import commit, model_page  # noqa: F401 (fixtures)
