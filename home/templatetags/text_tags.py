"""``{{ heading|hyphenate }}``: soft hyphens in long Finnish and Swedish words, so that narrow screens
break compounds where the language does ("Toiminta­malli­kirjasto", "Verk­sam­hets­mo­dell­bib­li­o­te­ket"),
not mid-syllable or off the screen.

Browsers have no Finnish hyphenation dictionary, and Chromium on Linux often none for Swedish, so
``hyphens: auto`` does nothing for them; Voikko's hyphenator (Finnish) and Pyphen's LibreOffice
dictionary (Swedish) do it here, server-side. English is left to the browser.
"""

import functools
import os
import threading

import pyphen  # WeasyPrint's hyphenator; its dictionaries come with it
from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

try:  # the libvoikko package needs Debian's libvoikko1 and voikko-fi
    import libvoikko
except ImportError:  # pragma: no cover - depends on the machine
    libvoikko = None

register = template.Library()

SOFT_HYPHEN = "\u00ad"
# Words shorter than this fit on any screen.
MIN_LENGTH = 12
_lock = threading.Lock()


@functools.cache
def _hyphenator():
    if libvoikko is None:
        return None
    try:
        return libvoikko.Voikko("fi", path=os.environ.get("VOIKKO_DICTIONARY_PATH"))
    except Exception:  # pragma: no cover - depends on the machine
        return None


@functools.cache
def _swedish_hyphenator():
    return pyphen.Pyphen(lang="sv")


@functools.lru_cache(maxsize=20_000)
def hyphenated_word(word, language="fi"):
    """The word with soft hyphens where Voikko (Finnish) or Pyphen (Swedish) would hyphenate it."""
    if len(word) < MIN_LENGTH or not word.isalpha():
        return word
    if language == "sv":
        return _swedish_hyphenator().inserted(word, hyphen=SOFT_HYPHEN)
    voikko = _hyphenator()
    if voikko is None:
        return word
    with _lock:  # a Voikko handle is not thread-safe
        return voikko.hyphenate(word, SOFT_HYPHEN, False)


def hyphenated(text, language="fi"):
    return " ".join(hyphenated_word(word, language) for word in text.split(" "))


@register.filter(needs_autoescape=True)
def hyphenate(text, language=None, autoescape=True):
    """Escaped ``text`` with soft hyphens in its long Finnish or Swedish words (``language`` defaults to the
    active one)."""
    text = str(text or "")
    language = (language or get_language() or "")[:2]
    if language in ("fi", "sv"):
        text = hyphenated(text, language)
    return mark_safe(conditional_escape(text) if autoescape else text)
