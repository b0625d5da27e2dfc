"""The OpenAPI document is valid OpenAPI 3.1 and its example answers match its own schemas."""

import pytest
from openapi_spec_validator import validate

from .openapi_checks import assert_matches

pytestmark = pytest.mark.django_db


def test_the_openapi_document_is_valid(client):
    response = client.get("/api/v2/openapi.json", HTTP_HOST="127.0.0.1:8000")
    assert response.status_code == 200
    document = response.json()
    validate(document)
    assert document["servers"] == [{"url": "http://127.0.0.1:8000"}]
    assert {"/api/v2/pages/", "/api/v2/pages/{id}/", "/api/v2/images/", "/api/v2/documents/"} <= set(document["paths"])
    filters = {parameter["name"] for parameter in document["paths"]["/api/v2/pages/"]["get"]["parameters"]}
    assert {"type", "language", "area", "theme", "target_group", "stage", "funder"} <= filters


def test_every_example_in_the_document_matches_its_schema(client):
    document = client.get("/api/v2/openapi.json", HTTP_HOST="127.0.0.1:8000").json()
    examples = 0
    for path in document["paths"].values():
        for response in path["get"]["responses"].values():
            content = response.get("content", {}).get("application/json", {})
            if "example" in content:
                assert_matches(content["example"], content["schema"]["$ref"].rsplit("/", 1)[-1], document)
                examples += 1
    assert examples >= 1
