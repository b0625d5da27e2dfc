"""The read API: Wagtail's API v2 at /api/v2/ (pages, images, documents), open to every origin.

Pages come with their structured sections as typed blocks (StreamField JSON), their classifications
with codes and names in every language, their translations, permanent address and licence. Besides
Wagtail's own parameters the pages endpoint filters by ``type`` (also the search's keys
``operating_model`` (or ``model``), ``entity``, ``article``), ``language`` and the search's facets
(``area``: a county includes its municipalities, ``theme``, ``target_group``, ``stage``, ``funder``, ``tag``).
"""

from django.core.exceptions import FieldDoesNotExist
from rest_framework import serializers
from wagtail.api import APIField
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Page

from articles.models import ArticlePage
from models_library.models import DevelopmentEntityPage, DevelopmentStage, OperatingModelPage

from .filters import FILTER_KEYS, filter_pages, filters_from, models_for_types
from .representation import (
    LANGUAGE_CODES,
    author_names,
    choice_data,
    classification_data,
    license_data,
    permanent_url,
)


class ClassificationsField(serializers.Field):
    """Areas, themes, target groups or funders: codes and names in every language."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, value):
        return classification_data(value.select_related("parent") if hasattr(value.model, "parent") else value.all())


class ClassificationField(serializers.Field):
    """One classification (the organisation)."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, value):
        return classification_data([value])[0]


class StageField(serializers.Field):
    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, value):
        return choice_data(value, DevelopmentStage.choices)


class PageField(serializers.Field):
    """A field computed from the whole page."""

    def __init__(self, function, **kwargs):
        self.function = function
        super().__init__(read_only=True, source="*", **kwargs)

    def to_representation(self, page):
        return self.function(page, self.context["request"])


class PageLinkField(serializers.Field):
    """A linked page (the development entity) as its id and title, when it is published."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, page):
        return {"id": page.pk, "title": page.title} if page.live else None


def translations(page, request):
    """The published versions of the page in the other languages."""
    versions = Page.objects.live().public().filter(translation_key=page.translation_key).exclude(pk=page.pk)
    return [
        {"language": other.locale.language_code, "id": other.pk, "title": other.title, "html_url": other.get_full_url()}
        for other in versions.select_related("locale").order_by("locale__language_code")
    ]


def field(name, serializer):
    return APIField(name, serializer=serializer)


def common_fields():
    return [
        field("translations", PageField(translations)),
        field("authors_list", PageField(lambda page, request: author_names(page))),
        field("permanent_url", PageField(lambda page, request: permanent_url(page))),
        field("license", PageField(lambda page, request: license_data())),
        field("tags", PageField(lambda page, request: [tag.slug for tag in page.tags.all()])),
    ]


def description_fields():
    return [
        "short_description",
        "created_date",
        "modified_date",
        field("areas", ClassificationsField()),
        field("themes", ClassificationsField()),
        field("target_groups", ClassificationsField()),
        field("funders", ClassificationsField()),
        field("organisation", ClassificationField()),
    ]


def adoption_count(page):
    """The approved adoption records of an operating model, in any of its languages (through the
    reverse relation the adoption app adds; 0 without it)."""
    adoptions = getattr(page, "adoptions", None)
    if adoptions is None:
        return 0
    return adoptions.model.objects.approved().of_model(page).count()


def has_field(model, name):
    try:
        model._meta.get_field(name)
    except FieldDoesNotExist:
        return False
    return True


def api_fields(model):
    """The fields the API shows of each page type, beyond Wagtail's own."""
    if issubclass(model, OperatingModelPage):
        fields = [
            *description_fields(),
            "implementation_place",
            field("development_stage", StageField()),
            field("development_entity", PageLinkField()),
            "cover_image",
            "body",
            "attachments",
        ]
        # The development path, once the page type has one.
        fields += [name for name in ("development_path",) if has_field(model, name)]
        fields.append(field("adoption_count", PageField(lambda page, request: adoption_count(page))))
    elif issubclass(model, DevelopmentEntityPage):
        fields = [
            *description_fields(),
            "purpose_and_goals",
            "start_date",
            "end_date",
            "operating_period_note",
            "actors",
            "contact_name",
            "contact_email",
            field("contact_organisation", ClassificationField()),
            "starting_point",
            "main_goals",
            "expected_results",
            "impacts",
            "other_sections",
        ]
    elif issubclass(model, ArticlePage):
        fields = ["intro", "date", "authors", "body", "related_pages"]
    else:
        return []
    return fields + common_fields()


class LibraryPagesAPIViewSet(PagesAPIViewSet):
    known_query_parameters = PagesAPIViewSet.known_query_parameters.union(["language", *FILTER_KEYS])

    @classmethod
    def get_body_fields(cls, model):
        return cls._convert_api_fields(cls.body_fields + list(getattr(model, "api_fields", ())) + api_fields(model))

    def get_queryset(self):
        request = self.request
        models = models_for_types(request.GET.get("type", ""))
        if models:
            public = self.get_base_queryset().values_list("pk", flat=True)
            queryset = (
                models[0].objects.filter(pk__in=public) if len(models) == 1 else self.get_base_queryset().type(*models)
            )
        else:
            queryset = super().get_queryset()
        if language := request.GET.get("language"):
            if language not in LANGUAGE_CODES:
                raise BadRequestError(f"language must be one of: {', '.join(LANGUAGE_CODES)}")
            queryset = queryset.filter(locale__language_code=language)
        return filter_pages(queryset, filters_from(request.GET))


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", LibraryPagesAPIViewSet)
api_router.register_endpoint("images", ImagesAPIViewSet)
api_router.register_endpoint("documents", DocumentsAPIViewSet)
