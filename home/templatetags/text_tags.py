"""``{{ heading|hyphenate }}``: soft hyphens in long Finnish words, so that narrow screens break
compounds where Finnish does ("Toiminta­malli­kirjasto"), not mid-syllable or off the screen.

Browsers have no Finnish hyphenation dictionary, so ``hyphens: auto`` does nothing for Finnish;
Voikko's hyphenator does it here, server-side. Other languages are left to the browser.
"""

import functools
import os
import threading

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


@functools.lru_cache(maxsize=20_000)
def hyphenated_word(word):
    """The word with soft hyphens where Voikko would hyphenate it (the word itself without Voikko)."""
    voikko = _hyphenator()
    if voikko is None or len(word) < MIN_LENGTH or not word.isalpha():
        return word
    with _lock:  # a Voikko handle is not thread-safe
        return voikko.hyphenate(word, SOFT_HYPHEN, False)


def hyphenated(text):
    return " ".join(hyphenated_word(word) for word in text.split(" "))


@register.filter(needs_autoescape=True)
def hyphenate(text, language=None, autoescape=True):
    """Escaped ``text`` with soft hyphens in its long Finnish words (``language`` defaults to the active one)."""
    text = str(text or "")
    if (language or get_language() or "")[:2] == "fi":
        text = hyphenated(text)
    return mark_safe(conditional_escape(text) if autoescape else text)
