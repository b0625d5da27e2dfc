"""Result cards (``components/result_card.html``).

A listing's cards (no query: the library and the search without words) are the same for every
visitor without a session until the content changes, so each card's HTML is kept in the cache under
the content generation, the language and the page's pk: a page of the library then renders and reads
from the database only the cards not seen since the last change, however large the library. The
comparison button is the visitor's own (it sends them back to the address they are on) and is
rendered on each request from what the cache keeps of the page.
"""

from dataclasses import dataclass

from django import template
from django.template import Context
from django.utils import translation
from django.utils.safestring import mark_safe

from hosting.cache import shared_view
from hosting.generation import content_cache, generation

from ..query import ListedPages

register = template.Library()

BODY = "components/result_card_body.html"
CARD = "components/result_card.html"
CARD_SECONDS = 3600


@dataclass(frozen=True)
class ComparedPage:
    """What the comparison button needs of a page (``adoption_tags.comparable``)."""

    pk: int
    translation_key: object
    title: str
    specific_class: type


@dataclass(frozen=True)
class Card:
    lang: str  # the card's language when it is not the page's
    body: str
    page: object


def new_card(context, result):
    """``result``'s card, rendered from scratch."""
    with context.push(result=result):
        body = context.template.engine.get_template(BODY).render(context)
    language = result.locale.language_code
    page = ComparedPage(result.pk, result.translation_key, result.title, result.specific_class)
    return Card("" if language == context.get("LANGUAGE_CODE") else language, mark_safe(body), page)


def listed_cards(context, results):
    """The cards of a listing's page of results, from the cache when seen since the content changed."""
    prefix = f"search:card:{generation()}:{results.locale.pk}:{translation.get_language()}"
    keys = {pk: f"{prefix}:{pk}" for pk in results.pks}
    cards = content_cache().get_many(keys.values())
    missing = [pk for pk in results.pks if keys[pk] not in cards]
    if missing:
        new = {keys[page.pk]: new_card(context, page) for page in results.fetch(missing)}
        content_cache().set_many(new, CARD_SECONDS)
        cards.update(new)
    return [cards[keys[pk]] for pk in results.pks if keys[pk] in cards]


@register.simple_tag(takes_context=True)
def result_cards(context, results):
    """The HTML of ``results``' cards (a listing's from the cache for a visitor without a session)."""
    request = context.get("request")
    if isinstance(results, ListedPages) and request is not None and shared_view(request):
        cards = listed_cards(context, results)
    else:
        cards = [new_card(context, result) for result in results]
    # Each card in a context of its own with only what the card reads: in the page's deep context every
    # variable is looked up through all its layers, which cost more than the card itself.
    card_template = context.template.engine.get_template(CARD)
    own = {"request": request, "LANGUAGE_CODE": context.get("LANGUAGE_CODE")}
    html = [card_template.render(Context({**own, "card": card}, autoescape=context.autoescape)) for card in cards]
    return mark_safe("".join(html))
