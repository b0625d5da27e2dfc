"""Swedish and English analysis (Snowball stems), and the cross-language glossary."""

import functools
import threading

import snowballstemmer

from . import lexicon
from .text import fold, is_token, unique, words

_VOWELS = set("aeiouyåäöé")


class SnowballAnalyser:
    """Snowball stems for Swedish or English, with folded variants at index time."""

    def __init__(self, language: str, cache_size: int = 200_000):
        self.language = language
        self._stemmer = snowballstemmer.stemmer({"sv": "swedish", "en": "english"}[language])
        self._stopwords = lexicon.SWEDISH_STOPWORDS if language == "sv" else lexicon.ENGLISH_STOPWORDS
        self._lock = threading.Lock()
        self.key = functools.lru_cache(maxsize=cache_size)(self._key)

    def _key(self, word: str) -> str:
        with self._lock:
            stem = self._stemmer.stemWord(word)
        if self.language == "sv":
            stem = swedish_syncope(stem)
        return stem

    def word_tokens(self, word: str) -> list[str]:
        parts = [part for part in word.split("-") if part]
        candidates = parts + (["".join(parts)] if len(parts) > 1 else [])
        return [self.key(part) for part in candidates if part not in self._stopwords]

    def analyse(self, text: str, query: bool = False) -> list[str]:
        """Stems; folded: the stem of the folded word too, as Snowball strips "-ade" but not "-åde"."""
        tokens = []
        for word in words(text):
            stems = self.word_tokens(word.text)
            folded = [fold(stem) for stem in stems] + self.word_tokens(fold(word.text))
            word_tokens = folded if query else stems + folded
            tokens.extend(unique(token for token in word_tokens if is_token(token)))
        return unique(tokens) if query else tokens


def swedish_syncope(stem: str) -> str:
    """Swedish drops the e of -er/-el/-en before an ending (center, centret, centren; cykel, cykeln), and Snowball
    strips different endings from such forms (familjecenter -> familjecent, familjecentren -> familjecentr).
    Strip a left-over definite -et and a final r/l/n after a consonant, so that all forms meet."""
    if len(stem) > 6 and stem.endswith("et"):
        stem = stem[:-2]
    if len(stem) > 4 and stem[-1] in "rln" and stem[-2] not in _VOWELS and stem[-2] != stem[-1]:
        stem = stem[:-1]
    return stem


class Glossary:
    """Swedish and English terms of the domain glossary, matched on stems, give the Finnish base form."""

    def __init__(self, swedish: SnowballAnalyser, english: SnowballAnalyser):
        self._swedish = swedish
        self._english = english
        self._terms = {}  # (language, tuple of stems) -> finnish base form
        self.longest = 1
        for finnish, swedish_terms, english_terms in lexicon.GLOSSARY:
            for language, analyser, terms in (("sv", swedish, swedish_terms), ("en", english, english_terms)):
                for term in terms:
                    key = tuple(analyser.key(word) for word in term.split())
                    self._terms[(language, key)] = finnish
                    self.longest = max(self.longest, len(key))

    def finnish_terms(self, word_list: list[str], eligible: list[bool], languages=("sv", "en")) -> list[str]:
        """The Finnish base forms of the glossary terms among the words (only runs of eligible words)."""
        found = []
        keys = {
            "sv": [self._swedish.key(w) for w in word_list] if "sv" in languages else None,
            "en": [self._english.key(w) for w in word_list] if "en" in languages else None,
        }
        for start in range(len(word_list)):
            for length in range(1, self.longest + 1):
                end = start + length
                if end > len(word_list) or not all(eligible[start:end]):
                    break
                for language in languages:
                    finnish = self._terms.get((language, tuple(keys[language][start:end])))
                    if finnish:
                        found.append(finnish)
        return found
