"""``{% related_operating_models page as related %}``: operating models like this one, for its page."""

from django import template

from search.related import related_operating_models as find_related

register = template.Library()


@register.simple_tag
def related_operating_models(page, limit=4):
    return find_related(page, limit)
