"""The library in figures: operating models by county, theme, development stage and year, and what the
apps above the content add through the ``statistics_sections`` hook (the adoption app its adoptions).

The counts are the search's facet counts over every operating model of the visitor's language (the
untranslated Finnish ones included), so they agree with what the library's filters show. Each is
drawn as a bar chart in SVG, server-side, with the same figures as a table.
"""

from collections import Counter
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.models import Locale

from models_library.models import OperatingModelPage
from search.query import SearchParams, run_search
from taxonomy.models import Area

# Each function registered under this name takes the request and returns a section of HTML (or nothing).
STATISTICS_SECTIONS_HOOK = "statistics_sections"
BAR_HEIGHT = 28
LABEL_WIDTH = 300
CHART_WIDTH = 640


@dataclass
class Bar:
    label: str
    count: int
    y: int = 0
    width: float = 0


@dataclass
class Chart:
    """One chart and its table: a heading, bars with their label and count, and the SVG geometry."""

    key: str
    title: str
    dimension: str  # the table's first column: what the bars are
    bars: list

    def __post_init__(self):
        most = max((bar.count for bar in self.bars), default=0) or 1
        for position, bar in enumerate(self.bars):
            bar.y = position * BAR_HEIGHT
            bar.width = round((CHART_WIDTH - LABEL_WIDTH - 50) * bar.count / most, 1)

    @property
    def height(self):
        return len(self.bars) * BAR_HEIGHT

    label_width = LABEL_WIDTH
    width = CHART_WIDTH


def library_charts(locale=None):
    """The charts of the library's operating models in ``locale`` (the active one by default)."""
    locale = locale or Locale.get_active()
    outcome = run_search(SearchParams(filters={"type": ["operating_model"]}, sort="newest"), locale)
    options = {facet.key: facet.options for facet in outcome.facets}
    national = set(Area.objects.filter(kind=Area.Kind.NATIONAL).values_list("slug", flat=True))
    counties = [o for o in options.get("area", []) if o["depth"] == 0 and o["value"] not in national]
    pks = list(outcome.page_obj.paginator.object_list)
    years = Counter(
        created.year for created in OperatingModelPage.objects.filter(pk__in=pks).values_list("created_date", flat=True)
    )
    charts = [
        Chart(
            "county", _("Operating models by wellbeing services county"), _("Wellbeing services county"), bars(counties)
        ),
        Chart("theme", _("Operating models by theme"), _("Theme"), bars(options.get("theme", []))),
        Chart(
            "stage", _("Operating models by development stage"), _("Development stage"), bars(options.get("stage", []))
        ),
        Chart(
            "year",
            _("Operating models by the year they were described"),
            _("Year"),
            [Bar(str(year), count) for year, count in sorted(years.items())],
        ),
    ]
    return outcome.count, [chart for chart in charts if chart.bars]


def bars(options):
    return [Bar(str(option["label"]), option["count"]) for option in options]


def hooked_sections(request):
    """The sections other apps add to the page, in the hooks' order."""
    return [section for add in hooks.get_hooks(STATISTICS_SECTIONS_HOOK) if (section := add(request))]
