"""Adoptions counted by wellbeing services county and by operating model, with a bar chart's geometry."""

from collections import Counter
from dataclasses import dataclass, field

from models_library.models import OperatingModelPage
from taxonomy.models import Area

from .models import Adoption, AdoptionStatus

BAR_HEIGHT = 24
BAR_GAP = 10
LABEL_WIDTH = 260
CHART_WIDTH = 720
EXPORT_FIELDS = ("operating_model", "url", "organisation", "county", "area", "status", "start_date", "based_on")


@dataclass
class Row:
    label: str
    url: str = ""
    counts: Counter = field(default_factory=Counter)
    note: object = None

    @property
    def total(self):
        return sum(self.counts.values())

    def by_status(self):
        return [self.counts[status] for status in AdoptionStatus.values]


def localized(objects, locale, model):
    """``{translation_key: the object in the locale}``, in one query."""
    keys = {obj.translation_key for obj in objects}
    found = model.objects.filter(translation_key__in=keys, locale=locale)
    if model is OperatingModelPage:
        found = found.live().public()
    return {obj.translation_key: obj for obj in found}


def build(locale, status=""):
    """The approved adoptions (of one status, if given) counted by county and by model, with the totals by
    status, and listed one by one."""
    adoptions = Adoption.objects.approved().select_related("area__parent", "operating_model__derived_from")
    if status in AdoptionStatus.values:
        adoptions = adoptions.filter(status=status)
    adoptions = list(adoptions.order_by("operating_model__title", "organisation"))
    counties = [adoption.county for adoption in adoptions]
    area_names = localized(counties + [adoption.area for adoption in adoptions], locale, Area)
    models = localized([adoption.operating_model for adoption in adoptions], locale, OperatingModelPage)
    by_county, by_model, records = {}, {}, []
    for adoption, county in zip(adoptions, counties, strict=True):
        name = area_names.get(county.translation_key, county).name
        by_county.setdefault(name, Row(name)).counts[adoption.status] += 1
        page = models.get(adoption.operating_model.translation_key, adoption.operating_model)
        if page.pk not in by_model:
            by_model[page.pk] = Row(page.title, page.url or "", note=page.derived_from)
        by_model[page.pk].counts[adoption.status] += 1
        records.append(record(adoption, page, name, area_names.get(adoption.area.translation_key, adoption.area)))
    county_rows = sorted(by_county.values(), key=lambda row: (-row.total, row.label))
    model_rows = sorted(by_model.values(), key=lambda row: (-row.total, row.label))
    return {
        "statuses": AdoptionStatus.choices,
        "county_rows": county_rows,
        "model_rows": model_rows,
        "chart": chart(county_rows),
        "status_totals": Row("", counts=Counter(adoption.status for adoption in adoptions)),
        "total": len(adoptions),
        "records": records,
        "status": status if status in AdoptionStatus.values else "",
    }


def record(adoption, page, county_name, area):
    """One adoption as a row of the CSV and JSON exports."""
    return {
        "operating_model": page.title,
        "url": page.full_url or "",
        "organisation": adoption.organisation,
        "county": county_name,
        "area": area.name,
        "status": adoption.status,
        "start_date": adoption.start_date.isoformat() if adoption.start_date else "",
        "based_on": page.derived_from.title if page.derived_from_id else "",
    }


def chart(rows):
    """Stacked horizontal bars, one a county, one segment a status; the table says the same in text."""
    longest = max((row.total for row in rows), default=0) or 1
    scale = (CHART_WIDTH - LABEL_WIDTH - 40) / longest
    bars = []
    for index, row in enumerate(rows):
        y = index * (BAR_HEIGHT + BAR_GAP)
        x = LABEL_WIDTH
        segments = []
        for status, count in zip(AdoptionStatus.values, row.by_status(), strict=True):
            if count:
                segments.append({"status": status, "x": x, "width": count * scale, "count": count})
                x += count * scale
        bars.append({"row": row, "y": y, "text_y": y + BAR_HEIGHT * 0.7, "segments": segments, "end": x + 6})
    height = max(len(rows), 1) * (BAR_HEIGHT + BAR_GAP)
    return {"bars": bars, "width": CHART_WIDTH, "height": height, "label_x": LABEL_WIDTH - 8, "bar": BAR_HEIGHT}
