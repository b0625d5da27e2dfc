"""Admin report: every description with the state of its translation into each language."""

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Locale, Page

from core.languages import SOURCE_LANGUAGE
from models_library.models import DevelopmentEntityPage, OperatingModelPage

from .state import translation_states


class TranslationStateColumn(Column):
    """One language's translation state of the row's description."""

    cell_template_name = "translations/admin/state_cell.html"

    def __init__(self, locale, label):
        super().__init__(f"translation_{locale.language_code}", label=label)
        self.locale = locale

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        state = instance.translation_states.get(self.locale.language_code)
        context["state"] = state
        if state and state.translation is not None:
            context["edit_url"] = reverse("wagtailadmin_pages:edit", args=[state.translation.pk])
        if state and state.source is not None and state.state == "outdated":
            context["sync_url"] = reverse("wagtail_localize:update_translations", args=[state.source.pk])
        return context


class TranslationStateReportView(ReportView):
    """Descriptions in the source language, newest first, with a column per translation language."""

    page_title = _("Translation state of descriptions")
    header_icon = "site"
    index_url_name = "translation_state_report"
    index_results_url_name = "translation_state_report_results"
    results_template_name = "translations/admin/report_results.html"
    paginate_by = 50

    def get_queryset(self):
        return (
            Page.objects.type(OperatingModelPage, DevelopmentEntityPage)
            .filter(locale__language_code=SOURCE_LANGUAGE)
            .select_related("content_type")
            .order_by("title", "pk")
        )

    @property
    def target_locales(self):
        languages = dict(settings.LANGUAGES)
        return [
            (locale, languages.get(locale.language_code, locale.language_code))
            for locale in Locale.objects.exclude(language_code=SOURCE_LANGUAGE).order_by("pk")
        ]

    @property
    def columns(self):
        return [
            TitleColumn(
                "title",
                label=_("Description"),
                get_url=self.editor_url,
            ),
            Column("type", label=_("Type"), accessor="content_type.name"),
        ] + [TranslationStateColumn(locale, name) for locale, name in self.target_locales]

    def editor_url(self, page):
        """The editor the user may open: the Finnish page's, else that of a translation of it
        (a translator's own language), else none."""
        user = self.request.user
        for candidate in [page, *(state.translation for state in page.translation_states.values())]:
            if candidate is not None and candidate.permissions_for_user(user).can_edit():
                return reverse("wagtailadmin_pages:edit", args=[candidate.pk])
        return None

    def decorate_paginated_queryset(self, object_list):
        pages = list(object_list)
        states = translation_states(pages, [locale for locale, _name in self.target_locales])
        for page in pages:
            page.translation_states = states[page.pk]
        return pages
