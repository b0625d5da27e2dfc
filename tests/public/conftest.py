"""The translated operating model of the translation tests, shared here."""

from tests.translations.test_translations import commit, model_page  # noqa: F401 (fixtures)
