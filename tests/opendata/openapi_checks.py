"""Responses validated against the schemas of the API's own OpenAPI document."""

from jsonschema import Draft202012Validator

from opendata.openapi import openapi_document


def assert_matches(data, schema_name, document=None):
    """``data`` is valid against ``#/components/schemas/<schema_name>`` (formats checked too)."""
    document = document or openapi_document()
    schema = {**document, "$ref": f"#/components/schemas/{schema_name}"}
    validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
    errors = sorted(validator.iter_errors(data), key=lambda error: list(error.path))
    assert not errors, "\n".join(f"{list(error.path)}: {error.message}" for error in errors[:5])
