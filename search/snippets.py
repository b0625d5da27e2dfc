"""A short passage of a result with the words that matched the query marked, in the page's language.

A word is marked when its own analysis (base forms, compound parts, folded diacritics) contains a
base form of a query word, so "perhekeskuksissa" and "perhekeskuskehittäjiin" are marked for a
search for "perhekeskus" but "perheiden" is not. When no passage has such a word, the query's
compound parts count too ("väkivaltaosaaminen" for "väkivaltatyö"), as they do in the search.
"""

import functools
import re

from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe

from .analysis import analyse, analyse_query, analyse_words

SNIPPET_WORDS = 40
WORD = re.compile(r"\w+(?:-\w+)*")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
# Enough of a long description to find a matching passage, without analysing all of it.
SCANNED_CHARACTERS = 20_000


def summary_text(page):
    """The page's own summary: a description's short description, an article's introduction."""
    return strip_tags(getattr(page, "short_description", "") or getattr(page, "intro", "") or "")


def page_text(page):
    """The analysed fields of a page as plain text (what the search index holds, before analysis)."""
    from .indexing import field_text

    return "\n".join(text for name in getattr(page, "analysed_fields", ()) for text in field_text(page, name))


def query_terms(query, language):
    """(base forms of the query's words, every token the search looked for)."""
    return set(analyse_words(query, language).split()), set(analyse_query(query, language).split())


@functools.lru_cache(maxsize=100_000)
def word_tokens(word, language):
    return frozenset(analyse(word, language).split())


def _matches(word, wanted, language):
    return not wanted.isdisjoint(word_tokens(word, language))


def _marked(text, wanted, language):
    """(html, number of marked words) for ``text`` cut to SNIPPET_WORDS words."""
    pieces, marked, count, position = [], 0, 0, 0
    for match in WORD.finditer(text):
        if count == SNIPPET_WORDS:
            pieces.append(escape(text[position : match.start()].rstrip()) + "…")
            position = len(text)
            break
        pieces.append(escape(text[position : match.start()]))
        word = match.group()
        if _matches(word, wanted, language):
            pieces.append(f"<mark>{escape(word)}</mark>")
            marked += 1
        else:
            pieces.append(escape(word))
        position = match.end()
        count += 1
    pieces.append(escape(text[position:]))
    return "".join(pieces), marked


def highlighted_snippet(page, query, language):
    """HTML: the summary with matches marked, or else the passage of the page that matches best."""
    summary = " ".join(summary_text(page).split())
    if not query:
        return mark_safe(_marked(summary, set(), language)[0])
    sentences = None
    for wanted in query_terms(query, language):
        html, marked = _marked(summary, wanted, language)
        if marked:
            return mark_safe(html)
        if sentences is None:
            sentences = SENTENCE_END.split(" ".join(page_text(page)[:SCANNED_CHARACTERS].split()))
        best, best_marked = "", 0
        for sentence in sentences:
            candidate, candidate_marked = _marked(sentence, wanted, language)
            if candidate_marked > best_marked:
                best, best_marked = candidate, candidate_marked
        if best_marked:
            return mark_safe(best)
    return mark_safe(_marked(summary, set(), language)[0])
