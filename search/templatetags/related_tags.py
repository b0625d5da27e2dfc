"""``{% related_models page as related %}``: models like this one, for the operating model page (stored)."""

from django import template

from search.related import stored_related

register = template.Library()


@register.simple_tag
def related_models(page, limit=4):
    return stored_related(page, limit)
