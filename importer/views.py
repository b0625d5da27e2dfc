"""Admin report “Incomplete descriptions”: operating models that lack sections a new description must have."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, StatusTagColumn, TitleColumn
from wagtail.admin.views.reports import ReportView

from core.languages import SOURCE_LANGUAGE
from models_library.models import OperatingModelPage


def incomplete_descriptions():
    """Operating models in the source language that lack a required section, by title.

    Such descriptions come from the national library, which published them before this
    site's requirements; their authors are asked to complete them.
    """
    pages = OperatingModelPage.objects.filter(locale__language_code=SOURCE_LANGUAGE).only("pk", "body")
    incomplete = [page.pk for page in pages if page.missing_section_names()]
    return OperatingModelPage.objects.filter(pk__in=incomplete).select_related("organisation").order_by("title", "pk")


class IncompleteDescriptionsReportView(ReportView):
    """Each incomplete operating model with its missing sections, linked to its editor."""

    page_title = _("Incomplete descriptions")
    header_icon = "warning"
    index_url_name = "incomplete_descriptions_report"
    index_results_url_name = "incomplete_descriptions_report_results"
    results_template_name = "importer/admin/incomplete_results.html"
    paginate_by = 50
    list_export = ["title", "missing", "status_string"]
    export_headings = {"title": _("Description"), "missing": _("Missing sections"), "status_string": _("Status")}

    def get_queryset(self):
        return incomplete_descriptions()

    @property
    def columns(self):
        return [
            TitleColumn(
                "title", label=_("Description"), get_url=lambda page: reverse("wagtailadmin_pages:edit", args=[page.pk])
            ),
            Column("missing", label=_("Missing sections")),
            Column("organisation", label=_("Organisation"), accessor=lambda page: page.organisation or ""),
            StatusTagColumn("status_string", label=_("Status"), primary=lambda page: page.live),
        ]

    def decorate_paginated_queryset(self, object_list):
        pages = list(object_list)
        for page in pages:
            page.missing = ", ".join(str(label) for label in page.missing_sections())
        return pages
