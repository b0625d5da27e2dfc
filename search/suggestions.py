"""Title suggestions for the search box, read from the prefixes of the published titles (``TitleWord``).

A suggestion is a published page of the language (or a Finnish page not translated into it) whose
title has a word starting with each word typed; titles that start with the whole text come first,
then the shortest, then in alphabetical order. A prefix can be shared by thousands of titles, so
sorting the titles that match would cost more the larger the library; instead each title's word
prefixes are stored with the title's length and the title in one index, and the few suggestions
are the first rows of that index for what was typed:

- the titles that start with the text: the rows of the titles' own beginnings (``TitleWord.Kind.TITLE``);
- then the others: the rows of the longest word typed (the fewest titles share it), each checked
  for the other words typed.

Up to ``TitleWord.PREFIX_LENGTH`` characters a word is looked up by its prefix alone; a longer one
by its first ``PREFIX_LENGTH`` characters, checked against the rest of the title stored with them.
A search in Swedish or English reads the rows of its language and those of the Finnish pages with no
live translation into it, and keeps the best of both.

The rows follow the pages: they are written again when a page is published, unpublished or moved,
or a section's view restriction changes; a deleted page's rows go with it; ``manage.py
rebuild_title_words`` writes them all again.
"""

from django.db import DEFAULT_DB_ALIAS, connection, transaction
from django.db.models import Exists, OuterRef, Q
from django.db.models.signals import post_delete, post_save
from wagtail import signals
from wagtail.models import Page, PageViewRestriction

from core.languages import SOURCE_LANGUAGE, source_locale

from .facets import SEARCHED_TYPES
from .models import TitleWord

PREFIX_LENGTH = TitleWord.PREFIX_LENGTH
SHORTEST = 2  # the shortest prefix stored of a word (a word of one character has its own row)
WORD_START = " -"  # a word starts the title or follows one of these
CHUNK = 1000


def listed_pages():
    """The pages whose titles are suggested: published, public and of the searched types."""
    return Page.objects.live().public().type(*SEARCHED_TYPES.values())


def prefixes(text, kind, length):
    """(kind, prefix, rest) of the prefixes of ``text`` up to ``length`` characters (at most ``PREFIX_LENGTH``)."""
    for size in range(min(SHORTEST, length), min(PREFIX_LENGTH, length) + 1):
        yield kind, text[:size], text if size == PREFIX_LENGTH else ""


def title_prefixes(title):
    """The rows of a title as (kind, prefix, rest): its beginning's prefixes and each word's."""
    upper = title.upper()
    rows = set(prefixes(upper, TitleWord.Kind.TITLE, len(upper)))
    for position, character in enumerate(upper):
        if character != " " and (position == 0 or upper[position - 1] in WORD_START):
            rest = upper[position:]
            rows.update(prefixes(rest, TitleWord.Kind.WORD, len(rest.split(" ", 1)[0])))
    return sorted(rows)


def add_title_words(pages):
    """Stores the rows of ``pages``, given as (page id, locale id, title).

    Written with ``COPY`` on PostgreSQL and ``executemany`` on SQLite rather than ``bulk_create``:
    a library has tens of rows a page, and making a model instance of each would take most of the
    time of a rebuild.
    """
    columns = ", ".join(("page_id", "locale_id", "kind", "prefix", "rest", "length", "title"))
    rows = [
        (pk, locale_id, int(kind), prefix, rest, len(title), title)
        for pk, locale_id, title in pages
        for kind, prefix, rest in title_prefixes(title)
    ]
    if not rows:
        return
    table = TitleWord._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({', '.join(['%s'] * 7)})", rows)


def refresh_title_words(page_ids):
    """Writes again the rows of these pages as they are now: none for a page that is no longer listed."""
    page_ids = list(page_ids)
    for first in range(0, len(page_ids), CHUNK):
        chunk = page_ids[first : first + CHUNK]
        with transaction.atomic():
            TitleWord.objects.filter(page_id__in=chunk).delete()
            add_title_words(listed_pages().filter(pk__in=chunk).values_list("pk", "locale_id", "title"))


def rebuild_title_words():
    """Writes every row again from the listed pages; returns how many pages have rows."""
    count = 0
    with transaction.atomic():
        TitleWord.objects.all().delete()
        pages = listed_pages().order_by("pk").values_list("pk", "locale_id", "title").iterator(chunk_size=CHUNK)
        batch = []
        for page in pages:
            batch.append(page)
            if len(batch) == CHUNK:
                add_title_words(batch)
                count, batch = count + len(batch), []
        add_title_words(batch)
    return count + len(batch)


def filled_after_migrate(sender, using=DEFAULT_DB_ALIAS, **kwargs):
    """After ``migrate``: a database whose published pages have no title prefixes yet (pages from before the
    suggestions were read from them) gets them at once, rather than an empty search box until someone runs
    ``rebuild_title_words``."""
    if using != DEFAULT_DB_ALIAS or TitleWord._meta.db_table not in connection.introspection.table_names():
        return
    if not TitleWord.objects.exists() and listed_pages().exists():
        rebuild_title_words()


# ---------------------------------------------------------------- suggesting


def matching(word):
    """Rows for titles with a word, or a beginning, that starts with ``word`` (upper-cased)."""
    if len(word) > PREFIX_LENGTH:
        return Q(prefix=word[:PREFIX_LENGTH], rest__startswith=word)
    if len(word) >= SHORTEST:
        return Q(prefix=word)
    return Q(prefix__startswith=word)  # a single letter among other words: a word of any length


def first_pages(rows, limit, skip=()):
    """{page id: (length, title)} of the first ``limit`` pages of ``rows`` not in ``skip``, in their order.

    ``rows`` is read a few at a time, in the order of the index: a title can have more than one
    matching row (two of its words starting alike), so a page already seen is passed over.
    """
    rows = rows.order_by("length", "title", "page_id").values_list("page_id", "length", "title")
    found, offset, chunk = {}, 0, 2 * limit
    while True:
        batch = list(rows[offset : offset + chunk])
        for pk, length, title in batch:
            if pk not in skip and pk not in found:
                found[pk] = (length, title)
                if len(found) == limit:
                    return found
        if len(batch) < chunk:
            return found
        offset += chunk


def best_in(rows, text, limit):
    """The first ``limit`` suggestions among ``rows`` (a language's) as (0 if the title starts with
    ``text`` else 1, length, title, page id), in order."""
    starting = first_pages(rows.filter(matching(text), kind=TitleWord.Kind.TITLE), limit)
    words = list(dict.fromkeys(text.split(" ")))
    scanned = max(words, key=len)  # the longest word typed: the fewest titles share it
    others = rows.filter(matching(scanned), kind=TitleWord.Kind.WORD)
    for word in words:
        if word != scanned:
            same_page = TitleWord.objects.filter(page_id=OuterRef("page_id"), kind=TitleWord.Kind.WORD)
            others = others.filter(Exists(same_page.filter(matching(word))))
    other = first_pages(others, limit - len(starting), skip=starting) if len(starting) < limit else {}
    return [(0, *row, pk) for pk, row in starting.items()] + [(1, *row, pk) for pk, row in other.items()]


def suggested_pages(text, locale, limit):
    """The ids of the pages suggested for ``text`` (words separated by single spaces) in ``locale``."""
    text = text.upper()
    found = best_in(TitleWord.objects.filter(locale=locale), text, limit)
    if locale.language_code != SOURCE_LANGUAGE:
        translated = Page.objects.filter(translation_key=OuterRef("page__translation_key"), locale=locale, live=True)
        untranslated = TitleWord.objects.filter(locale=source_locale()).filter(~Exists(translated))
        # Merged in the titles' code-point order: SQLite's and the C.UTF-8 collation's (scripts/postgres.sh).
        found = sorted(found + best_in(untranslated, text, limit))
    return [pk for *_key, pk in found[:limit]]


# ---------------------------------------------------------------- keeping the rows

SEARCHED = tuple(SEARCHED_TYPES.values())


def page_published(sender, instance, **kwargs):
    if isinstance(instance, SEARCHED):
        refresh_title_words([instance.pk])


def page_unpublished(sender, instance, **kwargs):
    """An unpublished page has no rows. (Wagtail also sends this just before deleting a live page, whose
    row then still says it is live: reading it again would store rows that the deletion leaves behind.)"""
    TitleWord.objects.filter(page_id=instance.pk).delete()


def pages_under(page_id):
    """The ids of the searched pages at or below a page (moved, or restricted), if it still exists."""
    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        return []
    return Page.objects.descendant_of(page, inclusive=True).type(*SEARCHED).values_list("pk", flat=True)


def page_moved(sender, instance, **kwargs):
    """A move can take pages into or out of a section that only some can see."""
    refresh_title_words(pages_under(instance.pk))


def restriction_changed(sender, instance, **kwargs):
    refresh_title_words(pages_under(instance.page_id))


def connect():
    uid = "search.suggestions"
    signals.page_published.connect(page_published, dispatch_uid=f"{uid}.published")
    signals.page_unpublished.connect(page_unpublished, dispatch_uid=f"{uid}.unpublished")
    signals.post_page_move.connect(page_moved, dispatch_uid=f"{uid}.moved")
    post_save.connect(restriction_changed, sender=PageViewRestriction, dispatch_uid=f"{uid}.restricted")
    post_delete.connect(restriction_changed, sender=PageViewRestriction, dispatch_uid=f"{uid}.unrestricted")
