"""schema.org JSON-LD, Open Graph and the canonical address of a page."""

import json

from django.conf import settings
from django.utils.html import _json_script_escapes
from django.utils.safestring import mark_safe

from articles.models import ArticlePage
from models_library.models import DescriptionPage, OperatingModelPage

from .representation import author_names, author_people, localized_name, page_dates, permanent_url


def summary(page):
    return getattr(page, "short_description", "") or getattr(page, "intro", "") or page.search_description


def is_citable(page):
    """Descriptions and articles have permanent addresses, citations and structured data."""
    return isinstance(page, (DescriptionPage, ArticlePage))


def structured_data(page, request):
    """The page as a schema.org ``CreativeWork`` (an ``Article`` for articles)."""
    created, modified = page_dates(page)
    people = author_people(page)
    authors = [{"@type": "Person", "name": name} for name in people] or [
        {"@type": "Organization", "name": name} for name in author_names(page)
    ]
    data = {
        "@context": "https://schema.org",
        "@type": "Article" if isinstance(page, ArticlePage) else "CreativeWork",
        "@id": permanent_url(page),
        "name": page.title,
        "headline": page.title,
        "description": summary(page),
        "url": page.get_full_url(request),
        "inLanguage": page.locale.language_code,
        "license": settings.CONTENT_LICENSE["url"],
        "dateCreated": created.isoformat() if created else None,
        "dateModified": modified.isoformat() if modified else None,
        "author": authors,
        "publisher": {"@type": "Organization", "name": settings.WAGTAIL_SITE_NAME, "url": settings.SITE_URL},
    }
    if isinstance(page, DescriptionPage):
        data["funder"] = [{"@type": "Organization", "name": localized_name(f)} for f in page.funders.all()]
        data["spatialCoverage"] = [
            {"@type": "AdministrativeArea", "name": localized_name(area)} for area in page.areas.all()
        ]
        data["keywords"] = [localized_name(theme) for theme in page.themes.all()]
        data["audience"] = [
            {"@type": "Audience", "audienceType": localized_name(group)} for group in page.target_groups.all()
        ]
    if isinstance(page, OperatingModelPage) and page.development_entity and page.development_entity.live:
        entity = page.development_entity.localized
        data["isPartOf"] = {"@type": "CreativeWork", "name": entity.title, "url": entity.get_full_url(request)}
    return {key: value for key, value in data.items() if value not in (None, [], "")}


def json_ld(data):
    """JSON for a ``<script type="application/ld+json">`` element, with <, > and & escaped."""
    return mark_safe(json.dumps(data, ensure_ascii=False).translate(_json_script_escapes))
