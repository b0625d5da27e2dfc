"""The OpenAPI 3.1 description of the read API (/api/v2/openapi.json).

Written by hand from what the endpoints return; the tests validate it with openapi-spec-validator
and validate real responses of every endpoint (and the examples here) against its schemas.
"""

from django.conf import settings

from search.facets import SEARCHED_TYPES

from .filters import FILTER_KEYS

STRING = {"type": "string"}
NULLABLE_STRING = {"type": ["string", "null"]}
DATE = {"type": ["string", "null"], "format": "date"}
DATETIME = {"type": ["string", "null"], "format": "date-time"}
NAMES = {
    "type": "object",
    "description": "The name in each language (fi, sv, en) that has one.",
    "additionalProperties": STRING,
}
STREAM = {
    "type": "array",
    "description": "Typed blocks (StreamField JSON): each has a type, an id and a value whose shape the type decides.",
    "items": {"$ref": "#/components/schemas/Block"},
}
RICH_TEXT = {"type": "string", "description": "Rich text as HTML."}


def ref(name):
    return {"$ref": f"#/components/schemas/{name}"}


def array_of(name):
    return {"type": "array", "items": ref(name)}


def listing_of(name):
    """The schema of a listing endpoint's answer whose items are ``name``."""
    return {
        "type": "object",
        "required": ["meta", "items"],
        "properties": {"meta": ref("ListingMeta"), "items": array_of(name)},
    }


# What an image's or a document's ``meta`` holds.
MEDIA_META = {
    "type": "object",
    "properties": {
        "type": STRING,
        "detail_url": STRING,
        "tags": {"type": "array", "items": STRING},
        "download_url": STRING,
    },
}


def media_item(**properties):
    """An image or a document as the API lists it, with ``properties`` of its own."""
    return {
        "type": "object",
        "required": ["id", "meta"],
        "properties": {"id": {"type": "integer"}, "meta": MEDIA_META, "title": STRING, **properties},
    }


def query(name, description, schema=STRING):
    return {"name": name, "in": "query", "required": False, "description": description, "schema": schema}


def json_response(description, schema, example=None):
    content = {"schema": schema}
    if example is not None:
        content["example"] = example
    return {"description": description, "content": {"application/json": content}}


ERROR = json_response("The request could not be served; the message says why.", ref("Error"))
ID_PARAMETER = {"name": "id", "in": "path", "required": True, "schema": {"type": "integer"}}
PAGING = [
    query("limit", "How many items a response holds (at most 100; 20 by default).", {"type": "integer"}),
    query("offset", "How many items to skip, to walk the listing page by page.", {"type": "integer"}),
    query("fields", "Fields to add (`title,body`), remove (`-title`) or all of them (`*`)."),
    query("order", "A field to order by (`-` for descending), or `random`."),
    query("search", "Words to search for."),
]
PAGE_FILTERS = [
    query(
        "type",
        f"Page type: {', '.join(SEARCHED_TYPES)} (or Wagtail's `app.Model`); several separated by commas.",
    ),
    query("language", "Language of the pages.", {"type": "string", "enum": [code for code, _n in settings.LANGUAGES]}),
    query("locale", "Language of the pages (Wagtail's name for it)."),
    query("translation_of", "Only the translations of the page with this id.", {"type": "integer"}),
    query("child_of", "Only the children of the page with this id.", {"type": "integer"}),
    query("descendant_of", "Only the pages under the page with this id.", {"type": "integer"}),
    *[
        query(
            key,
            {
                "area": "Area code (slug); a wellbeing services county includes its municipalities.",
                "theme": "Theme code (slug).",
                "target_group": "Target group code (slug).",
                "stage": "Development stage code (idea, in_development, piloting, ready, established).",
                "funder": "Funder code (slug).",
                "tag": "Tag (slug).",
            }[key]
            + " Repeat the parameter for any of several values.",
        )
        for key in FILTER_KEYS
    ],
]

SCHEMAS = {
    "Error": {"type": "object", "required": ["message"], "properties": {"message": STRING}},
    "ListingMeta": {"type": "object", "required": ["total_count"], "properties": {"total_count": {"type": "integer"}}},
    "Block": {
        "type": "object",
        "required": ["type", "value"],
        "properties": {"type": STRING, "id": NULLABLE_STRING, "value": {}},
    },
    "Classification": {
        "type": "object",
        "required": ["code", "names"],
        "properties": {
            "code": {"type": "string", "description": "The code (slug), the same in every language."},
            "names": NAMES,
            "kind": {"type": "string", "enum": ["national", "county", "municipality"]},
            "official_code": {"type": "string", "description": "Statistics Finland's municipality code."},
            "county": {"type": ["string", "null"], "description": "The code of a municipality's county."},
        },
    },
    "Stage": {"type": "object", "required": ["code", "names"], "properties": {"code": STRING, "names": NAMES}},
    "Translation": {
        "type": "object",
        "required": ["language", "id", "title", "html_url"],
        "properties": {"language": STRING, "id": {"type": "integer"}, "title": STRING, "html_url": STRING},
    },
    "License": {"type": "object", "required": ["name", "url"], "properties": {"name": STRING, "url": STRING}},
    "LinkedPage": {
        "type": ["object", "null"],
        "required": ["id", "title"],
        "properties": {"id": {"type": "integer"}, "title": STRING},
    },
    "PageMeta": {
        "type": "object",
        "required": ["type", "detail_url"],
        "properties": {
            "type": {"type": "string", "description": "The page type as `app.Model`."},
            "detail_url": STRING,
            "html_url": NULLABLE_STRING,
            "slug": STRING,
            "locale": STRING,
            "first_published_at": DATETIME,
            "seo_title": STRING,
            "search_description": STRING,
            "show_in_menus": {"type": "boolean"},
            "alias_of": {},
            "parent": {"type": ["object", "null"]},
        },
    },
    "Page": {
        "type": "object",
        "description": "A page. Listings show id, meta and title unless `fields` asks for more; the detail "
        "view shows every field of the page's type.",
        "required": ["id", "meta"],
        "properties": {
            "id": {"type": "integer"},
            "meta": ref("PageMeta"),
            "title": STRING,
            "short_description": STRING,
            "intro": STRING,
            "implementation_place": STRING,
            "created_date": DATE,
            "modified_date": DATE,
            "date": DATE,
            "start_date": DATE,
            "end_date": DATE,
            "areas": array_of("Classification"),
            "themes": array_of("Classification"),
            "target_groups": array_of("Classification"),
            "funders": array_of("Classification"),
            "organisation": {"oneOf": [ref("Classification"), {"type": "null"}]},
            "contact_organisation": {"oneOf": [ref("Classification"), {"type": "null"}]},
            "development_stage": {"oneOf": [ref("Stage"), {"type": "null"}]},
            "development_entity": ref("LinkedPage"),
            "development_path": STREAM,
            "adoption_count": {"type": "integer", "description": "Approved records of the model's adoption."},
            "cover_image": {"type": ["object", "null"]},
            "body": STREAM,
            "attachments": STREAM,
            "main_goals": STREAM,
            "other_sections": STREAM,
            "related_pages": STREAM,
            "purpose_and_goals": RICH_TEXT,
            "actors": RICH_TEXT,
            "starting_point": RICH_TEXT,
            "expected_results": RICH_TEXT,
            "impacts": RICH_TEXT,
            "operating_period_note": STRING,
            "contact_name": STRING,
            "contact_email": STRING,
            "authors": {"type": "string", "description": "An article's authors as one text."},
            "authors_list": {"type": "array", "items": STRING, "description": "The authors (or the organisation)."},
            "translations": array_of("Translation"),
            "permanent_url": {"type": "string", "description": "The address that always leads to the page."},
            "license": ref("License"),
            "tags": {"type": "array", "items": STRING},
        },
    },
    "PageListing": listing_of("Page"),
    "Image": media_item(width={"type": "integer"}, height={"type": "integer"}),
    "ImageListing": listing_of("Image"),
    "Document": media_item(),
    "DocumentListing": listing_of("Document"),
}

LISTING_EXAMPLE = {
    "meta": {"total_count": 1},
    "items": [
        {
            "id": 7,
            "meta": {
                "type": "models_library.OperatingModelPage",
                "detail_url": "http://127.0.0.1:8000/api/v2/pages/7/",
                "html_url": "http://127.0.0.1:8000/fi/toimintamallit/perheneuvo/",
                "slug": "perheneuvo",
                "first_published_at": "2025-03-01T10:00:00+02:00",
                "locale": "fi",
            },
            "title": "Perheneuvo",
            "areas": [
                {
                    "code": "etela-savon-hyvinvointialue",
                    "names": {"fi": "Etelä-Savon hyvinvointialue", "sv": "Södra Savolax välfärdsområde"},
                    "kind": "county",
                    "official_code": "",
                    "county": None,
                }
            ],
            "development_stage": {
                "code": "ready",
                "names": {"fi": "Valmis", "sv": "Färdig", "en": "Ready"},
            },
            "body": [{"type": "core_idea", "id": "0b7c…", "value": "<p>Yksi yhteydenotto riittää.</p>"}],
            "license": {"name": "CC BY 4.0", "url": "https://creativecommons.org/licenses/by/4.0/"},
        }
    ],
}


def endpoint(listing, item, tag, description, filters=()):
    return {
        f"/api/v2/{tag}/": {
            "get": {
                "tags": [tag],
                "summary": f"List {tag}",
                "description": description,
                "parameters": [*PAGING, *filters],
                "responses": {
                    "200": json_response(
                        "One page of the listing.", ref(listing), LISTING_EXAMPLE if tag == "pages" else None
                    ),
                    "400": ERROR,
                },
            }
        },
        f"/api/v2/{tag}/{{id}}/": {
            "get": {
                "tags": [tag],
                "summary": f"One of the {tag}",
                "parameters": [ID_PARAMETER, query("fields", "Fields to add or remove.")],
                "responses": {"200": json_response("The item with its fields.", ref(item)), "404": ERROR},
            }
        },
    }


def openapi_document():
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Toimintamallikirjasto API",
            "version": "2",
            "description": "Read-only access to the operating models, development entities and articles of the "
            "operating model library, without a key. Content licence: " + settings.CONTENT_LICENSE["name"] + ".",
            "license": {"name": settings.CONTENT_LICENSE["name"], "url": settings.CONTENT_LICENSE["url"]},
        },
        "servers": [{"url": settings.SITE_URL}],
        "paths": {
            **endpoint(
                "PageListing",
                "Page",
                "pages",
                "Published public pages: operating models, development entities, articles and the site's own pages.",
                PAGE_FILTERS,
            ),
            **endpoint("ImageListing", "Image", "images", "Images used by the pages."),
            **endpoint("DocumentListing", "Document", "documents", "Documents attached to the pages."),
        },
        "components": {"schemas": SCHEMAS},
    }
