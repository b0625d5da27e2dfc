"""Finding English interface strings on an admin page shown to a Finnish or Swedish user.

An interface string is any English source message of Wagtail's or wagtail-localize's catalogs, the
Python ones (``django.po``) and the script ones (``djangojs.po``), and the upstream script texts the
project's ``djangojs.po`` translates. A text on the page that equals one
of them is English the user sees, unless it is also what some message is in the user's language
("Status" is Swedish too) or a name. Used on server-rendered pages (tests/review/test_admin_language.py)
and on what Chromium shows, React-rendered text included (tests/browser/).
"""

import re
from functools import cache
from pathlib import Path

import polib
import wagtail
import wagtail_localize
from django.conf import settings
from django.utils.translation import trans_real
from django.utils.translation.trans_real import DjangoTranslation

# Words that are the same in Finnish or Swedish, or names.
ALLOWED = {"Wagtail", "OK", "Status", "Info", "Live", "Sidor", "Normal"}
# Placeholders: "%(title)s", "%s" (script messages) and "{date}" (wagtail-localize's Python messages).
PLACEHOLDER = re.compile(r"%\\\(\w+\\\)[sd]|%[sd]|\\\{\w+\\\}")
WORD = re.compile(r"[A-Za-z]{2,}")
MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
ENGLISH_DATE = re.compile(rf"\b\d{{1,2}} ({MONTHS}) \d{{4}}\b|\b({MONTHS}) \d{{1,2}}, \d{{4}}\b")


def catalogs():
    for package in (wagtail, wagtail_localize):
        yield from Path(package.__file__).parent.glob("**/locale/en/LC_MESSAGES/django*.po")
    # The upstream script texts the project translates, such as the translation editor's heading.
    yield Path(settings.LOCALE_PATHS[0]) / "fi" / "LC_MESSAGES" / "djangojs.po"


@cache
def english_messages():
    """The English source messages of the admin's catalogs (Django's own are translated completely).

    Returns the plain messages, and patterns for those with placeholders
    ("Wagtail %(current_version)s editor guide", "Uses %s version").
    """
    messages = {entry.msgid for catalog in catalogs() for entry in polib.pofile(catalog) if not entry.obsolete}
    plain = {message for message in messages if len(message) > 3 and "%" not in message and "{" not in message}
    patterns = {}
    for message in messages:
        escaped = re.escape(message).replace("%%", "%")
        if PLACEHOLDER.search(escaped) and len(WORD.findall(PLACEHOLDER.sub("", escaped))) >= 2:
            patterns[message] = re.compile("^" + PLACEHOLDER.sub(".+", escaped) + "$")
    return plain, patterns


@cache
def translations(language_code):
    """What each message is in the language, through the Python and the script catalogs (none: untranslated)."""
    catalogs = [trans_real.translation(language_code)._catalog, DjangoTranslation(language_code, "djangojs")._catalog]
    plain, patterns = english_messages()
    return {
        message: {catalog[message] for catalog in catalogs if message in catalog} for message in plain | set(patterns)
    }


def english_strings(texts, language_code, untranslated_only=False):
    """The texts (each a whole text or attribute on the page) that are English interface strings or dates.

    ``untranslated_only`` counts only the messages that have no translation in the language: for a page
    as the server sends it, before review.upstream_wagtail's script translates the labels Wagtail's
    templates leave in English.
    """
    plain, patterns = english_messages()
    translated = translations(language_code)
    in_language = set().union(*translated.values())
    english = {
        text
        for text in texts & plain
        if text not in ALLOWED and (not translated[text] if untranslated_only else text not in in_language)
    }
    english |= {
        text
        for message, pattern in patterns.items()
        if not (translated[message] and untranslated_only) and message not in translated[message]
        for text in texts
        if pattern.match(text)
    }
    english |= {text for text in texts if ENGLISH_DATE.search(text)}
    return sorted(english)
