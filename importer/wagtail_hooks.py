"""Admin: the report of incomplete descriptions, under Reports."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .views import IncompleteDescriptionsReportView


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("reports/incomplete/", IncompleteDescriptionsReportView.as_view(), name="incomplete_descriptions_report"),
        path(
            "reports/incomplete/results/",
            IncompleteDescriptionsReportView.as_view(results_only=True),
            name="incomplete_descriptions_report_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_incomplete_descriptions_menu_item():
    return MenuItem(
        gettext_lazy("Incomplete descriptions"),
        reverse("incomplete_descriptions_report"),
        name="incomplete-descriptions",
        icon_name="warning",
        order=9200,
    )
