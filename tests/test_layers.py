"""The layers of the project's packages (pyproject.toml, [tool.importlinter]) hold: no import goes up."""

from importlinter import cli


def test_import_linter_contracts_are_kept():
    assert cli.lint_imports(no_cache=True) == cli.EXIT_STATUS_SUCCESS
