"""Template tags the operating model page includes: adoptions, lineage, the contact form."""

from django import template
from wagtail.models import Page

from models_library.models import OperatingModelPage
from taxonomy.models import Area
from taxonomy.templatetags.classification_tags import active_locale

from ..compare import selection
from ..forms import ContactForm
from ..models import IN_USE, Adoption

register = template.Library()


@register.simple_tag(takes_context=True)
def model_adoptions(context, page):
    """The approved adoptions of a model grouped by county, and how many counties use or pilot it.

    Two queries whatever the number of adoptions: the adoptions with their areas, and the
    counties' names in the visitor's language.
    """
    adoptions = list(Adoption.objects.approved().of_model(page).select_related("area__parent").order_by("organisation"))
    counties = {adoption.county.translation_key: adoption.county for adoption in adoptions}
    if counties:
        locale = active_locale(context.get("request"))
        names = {
            area.translation_key: area for area in Area.objects.filter(translation_key__in=counties, locale=locale)
        }
        counties = {key: names.get(key, county) for key, county in counties.items()}
    groups = {}
    for adoption in adoptions:
        groups.setdefault(adoption.county.translation_key, []).append(adoption)
    by_county = sorted(((counties[key], items) for key, items in groups.items()), key=lambda pair: pair[0].name)
    in_use = {adoption.county.translation_key for adoption in adoptions if adoption.status in IN_USE}
    return {"by_county": by_county, "regions_in_use": len(in_use), "count": len(adoptions)}


@register.simple_tag
def lineage(page):
    """The model this one was derived from (in the page's language where translated) and those derived from it."""
    source = page.derived_from if page.derived_from_id else None
    if source is not None and not source.live:
        source = None
    # Looked up by their indexed ``derived_from`` (this model in any language), the language picked
    # here: with the language in the query a database may pass over every page of the language.
    sources = Page.objects.filter(translation_key=page.translation_key).values_list("pk", flat=True)
    derived = OperatingModelPage.objects.live().public().filter(derived_from__in=list(sources)).order_by("title")
    derived = [model for model in derived if model.locale_id == page.locale_id]
    return {"source": source, "derived": derived}


@register.simple_tag
def contact_form():
    return ContactForm()


@register.simple_tag(takes_context=True)
def comparable(context, page):
    """``"chosen"`` for a model already in the comparison, ``"available"`` for another model, else ``""``."""
    if not page.pk or not issubclass(page.specific_class or type(page), OperatingModelPage):
        return ""
    request = context.get("request")
    chosen = request is not None and str(page.translation_key) in selection(request)
    return "chosen" if chosen else "available"
