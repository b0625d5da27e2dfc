"""The library's pages as plain data: classifications with their codes and names in every language,
authors, dates, the permanent address and the licence. Shared by the API, the structured data,
the citations and the search JSON, so that they all say the same thing."""

from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import strip_tags
from wagtail.models import Page

from core.languages import SOURCE_LANGUAGE
from models_library.models import DevelopmentStage

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


def names_by_language(model, items):
    """``{translation_key: {language: name}}`` of classification items, in one query."""
    names = {}
    rows = model.objects.filter(translation_key__in=[item.translation_key for item in items]).values_list(
        "translation_key", "locale__language_code", "name"
    )
    for key, language, name in sorted(rows, key=lambda row: LANGUAGE_CODES.index(row[1])):
        names.setdefault(key, {})[language] = name
    return names


def classification_data(items):
    """Each item as its code (the slug, the same in every language) and its name in each language."""
    items = list(items)
    if not items:
        return []
    names = names_by_language(type(items[0]), items)
    data = []
    for item in items:
        entry = {"code": item.slug, "names": names.get(item.translation_key, {SOURCE_LANGUAGE: item.name})}
        if hasattr(item, "kind"):  # an area: its kind, official code and county
            entry.update(kind=item.kind, official_code=item.code, county=item.parent.slug if item.parent_id else None)
        data.append(entry)
    return data


def choice_data(value, choices):
    """A machine value (a development stage) with its label in each language."""
    if not value:
        return None
    label = dict(choices).get(value, value)
    names = {}
    for code in LANGUAGE_CODES:
        with translation.override(code):
            names[code] = str(label)
    return {"code": value, "names": names}


def localized_name(item):
    """A classification's name in the active language, or its Finnish name."""
    return item.localized.name if item is not None else ""


def author_people(page):
    """The names of the people who wrote a page (an article's authors are one text)."""
    authors = getattr(page, "authors", None)
    if isinstance(authors, str):
        return [name.strip() for name in authors.replace(" ja ", ", ").split(",") if name.strip()]
    return [author.name for author in authors.all()] if authors is not None else []


def author_names(page):
    """The people (or else the organisation) who wrote a page, as shown in citations."""
    people = author_people(page)
    if not people and getattr(page, "organisation", None) is not None:
        return [localized_name(page.organisation)]
    return people


def page_dates(page):
    """(created, last modified) of a description or an article, as dates."""
    if hasattr(page, "last_modified"):  # a description
        return page.created_date, page.last_modified or page.created_date
    published = timezone.localdate(page.last_published_at) if page.last_published_at else None
    first = timezone.localdate(page.first_published_at) if page.first_published_at else None
    created = getattr(page, "date", None) or first
    return created, published or created


def source_page(page):
    """The Finnish (source) version of a page, or the page itself when it has none (looked up once
    per page object: the structured data, the citation and its block all ask)."""
    if not hasattr(page, "_source_page"):
        source = (
            Page.objects.filter(translation_key=page.translation_key, locale__language_code=SOURCE_LANGUAGE)
            .only("pk")
            .first()
        )
        page._source_page = source or page
    return page._source_page


def permanent_url(page):
    """The short address that always leads to the page, in the reader's language (``/m/<id>/``);
    none for a page not saved yet (the preview of a new page)."""
    pk = source_page(page).pk
    return settings.SITE_URL + reverse("permanent_address", args=[pk]) if pk else ""


def license_data():
    return dict(settings.CONTENT_LICENSE)


def search_result_data(page):
    """What the search JSON tells of a result beyond its title and address: the snippet (plain text),
    dates, areas, themes, development stage and organisation."""
    created, modified = page_dates(page)
    organisation = getattr(page, "organisation", None)
    return {
        "snippet": strip_tags(str(getattr(page, "search_snippet", "") or "")),
        "created": created.isoformat() if created else None,
        "modified": modified.isoformat() if modified else None,
        "areas": classification_data(page.areas.all()) if hasattr(page, "areas") else [],
        "themes": classification_data(page.themes.all()) if hasattr(page, "themes") else [],
        "stage": choice_data(getattr(page, "development_stage", ""), DevelopmentStage.choices),
        "organisation": classification_data([organisation])[0] if organisation else None,
    }
