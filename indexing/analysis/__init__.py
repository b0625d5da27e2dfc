"""Text analysis for search, the same on every search backend.

`analyse(text, language)` turns a text to be indexed into a string of normalised tokens, and
`analyse_query(text, language)` turns what a visitor typed into the tokens to look for. Index the first in a plain
text field (no stemming of its own: SQLite's database backend, PostgreSQL's "simple" configuration, OpenSearch's
whitespace or standard analyser) and search it with the second using OR: a page matches when it shares any token.

Finnish ("fi") is analysed with Voikko (Debian's libvoikko1 and voikko-fi, PyPI's libvoikko): base forms, compound
parts, coordinated compounds, a domain word list and restored diacritics; see `finnish`. Swedish ("sv") and English
("en") get Snowball stems. Tokens are lowercase letters and digits only. Index tokens come with their folded forms
(ä -> a), so a query typed without diacritics matches.

Per-word results are cached, so indexing many descriptions costs the analysis of each distinct word once.
"""

import functools

from core.languages import ALL_LANGUAGES, SOURCE_LANGUAGE, TRANSLATION_LANGUAGES

from .finnish import FinnishAnalyser, WholeWordFinnishAnalyser
from .stemming import Glossary, SnowballAnalyser
from .text import fold, is_token, unique, words

__all__ = [
    "analyse",
    "analyse_query",
    "analyse_words",
    "Analyser",
    "spelling_suggestions",
    "voikko_available",
]


class Analyser:
    """The analysis for all languages: Voikko for Finnish (``finnish``), Snowball for Swedish and English."""

    def __init__(self, finnish: FinnishAnalyser | None = None):
        self.finnish = finnish or FinnishAnalyser()
        self.swedish = SnowballAnalyser("sv")
        self.english = SnowballAnalyser("en")
        self.glossary = Glossary(self.swedish, self.english)

    def tokens(self, text: str, language: str = "fi", query: bool = False) -> list[str]:
        if not isinstance(text, str) or not text:
            return []
        language = _language(language)
        if language == "fi":
            tokens = self.finnish.analyse(text, query=query)
        elif language in TRANSLATION_LANGUAGES:
            tokens = (self.swedish if language == "sv" else self.english).analyse(text, query=query)
        else:
            tokens = []
            for word in words(text):
                parts = [part for part in word.text.split("-") if part]
                candidates = parts + (["".join(parts)] if len(parts) > 1 else [])
                tokens.extend(fold(part) if query else part for part in candidates if is_token(part))
                if not query:
                    tokens.extend(fold(part) for part in candidates if is_token(part) and fold(part) != part)
        if self.glossary is not None:
            tokens = tokens + self._glossary_terms(text, language, query)
        return unique(tokens) if query else tokens

    def _glossary_terms(self, text: str, language: str, query: bool) -> list[str]:
        word_list = [word.text for word in words(text)]
        if language == "fi":  # Swedish or English words in Finnish text: only words Voikko does not know
            eligible = [not self.finnish.word(word).known for word in word_list]
        else:
            eligible = [True] * len(word_list)
        if not any(eligible):
            return []
        languages = (language,) if language in TRANSLATION_LANGUAGES else TRANSLATION_LANGUAGES
        terms = self.glossary.finnish_terms(word_list, eligible, languages)
        if not query:
            terms = terms + [
                folded for term, folded in zip(terms, self.finnish.folded(terms), strict=True) if folded != term
            ]
        return terms


def _language(language) -> str:
    code = (language or SOURCE_LANGUAGE).lower().replace("_", "-").split("-")[0]
    return code if code in ALL_LANGUAGES else code or SOURCE_LANGUAGE


@functools.lru_cache(maxsize=1)
def default_analyser() -> Analyser:
    return Analyser()


def analyse(text: str, language: str = "fi") -> str:
    """The tokens to index for a text, space-separated: lowercase, deterministic, folded variants included."""
    return " ".join(default_analyser().tokens(text, language, query=False))


def analyse_query(text: str, language: str = "fi") -> str:
    """The tokens to search for (with OR) for what a visitor typed, space-separated and without repeats."""
    return " ".join(default_analyser().tokens(text, language, query=True))


@functools.lru_cache(maxsize=1)
def whole_word_analyser() -> Analyser:
    return Analyser(WholeWordFinnishAnalyser())


def analyse_words(text: str, language: str = "fi") -> str:
    """Like `analyse_query`, but only the base forms of the words as typed, without their compound parts."""
    return " ".join(whole_word_analyser().tokens(text, language, query=True))


def voikko_available() -> bool:
    """Whether Finnish is analysed with Voikko (otherwise with Snowball stems and the word list only)."""
    return default_analyser().finnish.voikko_available


def spelling_suggestions(text: str, language: str = "fi", limit: int = 5) -> list[str]:
    """Respellings of the text, most likely first: each misspelt Finnish word replaced by Voikko's n-th suggestion."""
    if _language(language) != "fi":
        return []
    finnish = default_analyser().finnish
    words = text.split()
    options = [finnish.suggest(word.strip(".,;:!?\"'()"))[:limit] for word in words]
    if not any(options):
        return []
    return unique(
        " ".join(
            choices[min(n, len(choices) - 1)] if choices else word for word, choices in zip(words, options, strict=True)
        )
        for n in range(max(len(choices) for choices in options))
    )
