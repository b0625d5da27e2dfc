"""``{% related_models page as related %}``: models like this one, for the operating model page."""

from django import template

from search.related import related_models as find_related

register = template.Library()


@register.simple_tag
def related_models(page, limit=4):
    return find_related(page, limit)
