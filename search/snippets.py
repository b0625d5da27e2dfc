"""A short passage of a result with the words that matched the query marked, in the page's language.

A word is marked when its own analysis (base forms, compound parts, folded diacritics) contains a
base form of a query word, so "perhekeskuksissa" and "perhekeskuskehittäjiin" are marked for a
search for "perhekeskus" but "perheiden" is not. When no passage has such a word, the query's
compound parts count too ("väkivaltaosaaminen" for "väkivaltatyö"), as they do in the search.
"""

import functools
import re
import threading

from django.utils.html import escape
from django.utils.safestring import mark_safe

from indexing.analysis import analyse, analyse_query, analyse_words

SNIPPET_WORDS = 40
WORD = re.compile(r"\w+(?:-\w+)*")
# Passages end at a sentence's end and at a line break (paragraphs, list items, fields).
PASSAGE_END = re.compile(r"(?<=[.!?])\s+|\s*\n\s*")
# Enough of a long description to find a matching passage, without analysing all of it.
SCANNED_CHARACTERS = 4_000


@functools.lru_cache(maxsize=256)
def query_terms(query, language):
    """(base forms of the query's words, every token the search looked for); worked out once for the
    twenty results of a page."""
    return frozenset(analyse_words(query, language).split()), frozenset(analyse_query(query, language).split())


@functools.lru_cache(maxsize=100_000)
def word_tokens(word, language):
    return frozenset(analyse(word, language).split())


def _matches(word, wanted, language):
    return not wanted.isdisjoint(word_tokens(word, language))


def _marked(text, wanted, language):
    """HTML of ``text`` cut to SNIPPET_WORDS words, with the words that match ``wanted`` marked."""
    pieces, position = [], 0
    for count, match in enumerate(WORD.finditer(text)):
        if count == SNIPPET_WORDS:
            pieces.append(escape(text[position : match.start()].rstrip()) + "…")
            return "".join(pieces)
        word = match.group()
        if _matches(word, wanted, language):
            pieces.append(f"{escape(text[position : match.start()])}<mark>{escape(word)}</mark>")
            position = match.end()
    pieces.append(escape(text[position:]))
    return "".join(pieces)


def _marks(text, matching):
    """How many of the first SNIPPET_WORDS words of ``text`` are in ``matching``."""
    return sum(1 for word in WORD.findall(text)[:SNIPPET_WORDS] if word in matching)


def _matching_words(words, wanted, language):
    """The distinct ``words`` that match ``wanted``: each word is looked at once."""
    return {word for word in set(words) if _matches(word, wanted, language)}


def passages(text):
    """The sentences and list items of the opening SCANNED_CHARACTERS of ``text``, whitespace
    collapsed; a passage that the limit cuts is left out."""
    found = PASSAGE_END.split(text[:SCANNED_CHARACTERS])
    if len(text) > SCANNED_CHARACTERS:
        found = found[:-1]
    return [" ".join(passage.split()) for passage in found if passage.strip()]


# The passages of the pages marked lately, by content generation (``hosting.generation``) and page:
# reading a page's text (its blocks, its rich text without its tags) is most of a snippet's cost,
# and the same pages come up in many searches. The oldest go first when more are kept.
PASSAGES_KEPT = 2_000
_passages = {}
_passages_lock = threading.Lock()


def page_passages(page, generation=None):
    """``passages`` of the page's text; kept under ``generation`` when it is given."""
    if generation is None:
        return passages(page.fields_text(page.analysed_fields))
    key = (generation, page.pk)
    found = _passages.get(key)
    if found is None:
        found = passages(page.fields_text(page.analysed_fields))
        with _passages_lock:
            _passages[key] = found
            while len(_passages) > PASSAGES_KEPT:
                del _passages[next(iter(_passages))]
    return found


def highlighted_snippet(page, query, language, generation=None):
    """HTML: the summary with matches marked, or else the passage of the page that matches best (the
    page's passages kept under ``generation``, the content generation, when it is given)."""
    summary = " ".join(page.summary_text().split())
    if query:
        sentences = None
        for wanted in query_terms(query, language):
            if _matching_words(WORD.findall(summary)[:SNIPPET_WORDS], wanted, language):
                return mark_safe(_marked(summary, wanted, language))
            if sentences is None:
                sentences = page_passages(page, generation)
            matching = _matching_words(WORD.findall(" ".join(sentences)), wanted, language)
            marks = [_marks(sentence, matching) for sentence in sentences] if matching else []
            if any(marks):
                return mark_safe(_marked(sentences[marks.index(max(marks))], wanted, language))
    return mark_safe(_marked(summary, set(), language))
