"""Template helpers that show classifications in the visitor's language."""

from django import template
from wagtail.models import Locale

register = template.Library()


def active_locale(request):
    """The active locale, looked up once per request."""
    if request is None:
        return Locale.get_active()
    if not hasattr(request, "active_locale"):
        request.active_locale = Locale.get_active()
    return request.active_locale


@register.simple_tag(takes_context=True)
def localized_all(context, items):
    """The given classifications in the active language, in one query per call.

    Descriptions link to the Finnish instances; this swaps each for its
    translation where one exists, keeping the original otherwise.
    """
    items = list(items)
    if not items:
        return []
    locale = active_locale(context.get("request"))
    if all(item.locale_id == locale.pk for item in items):
        return items
    model = type(items[0])
    translations = {
        obj.translation_key: obj
        for obj in model.objects.filter(translation_key__in=[item.translation_key for item in items], locale=locale)
    }
    return [translations.get(item.translation_key, item) for item in items]
