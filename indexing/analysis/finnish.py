"""Finnish analysis: Voikko base forms and compound parts, with fallbacks for what Voikko does not know.

For each word:
1. a domain word list (abbreviations and new terms Voikko lacks: sote, THL, STEA, puheeksiotto, ...);
2. Voikko's analyses: base form, compound parts (from STRUCTURE, named by WORDBASES) and runs of parts
   ("perhekeskustoimintamalli" -> perhekeskus, toimintamalli, perhe, keskus, toiminta, malli);
3. a word Voikko does not know and that has no ä/ö: its diacritics restored ("vakivaltatyo" -> väkivaltatyö);
4. hyphenated words part by part ("stea-rahoitteinen");
5. a word made of two known words ("sotekeskuksissa" -> sote + keskus, "vauvaperheilleriittävää");
6. otherwise the word itself, and the Snowball stem.
A coordinated compound ("kasvatus- ja perheneuvonta") is read as both compounds (kasvatusneuvonta, perheneuvonta).

At index time every token also gives its folded form (ä -> a), and an unknown word its Snowball stem. At query
time a word Voikko knows gives its analysis; an unknown one gives its folded forms and stem, which match the folded
forms in the index. (Snowball stems of known words measured no gain for 39% more tokens.)

Each step is a method of ``FinnishAnalyser``, so that ``benchmarks.ablation`` can switch steps off
to measure what each one gives; the site itself always runs them all.
"""

import functools
import itertools
import logging
import os
import threading
from dataclasses import dataclass

import snowballstemmer

from . import lexicon
from .text import fold, is_token, unique, words

logger = logging.getLogger(__name__)

try:  # the libvoikko package needs Debian's libvoikko1 and voikko-fi
    import libvoikko
except ImportError:  # pragma: no cover - depends on the machine
    libvoikko = None

CONJUNCTIONS = frozenset({"ja", "tai", "sekä", "eli", "ynnä", "taikka"})
# A word without ä/ö is tried with its a/o turned into ä/ö when Voikko does not know it; up to this many letters.
MAX_RESTORE_POSITIONS = 8


@dataclass(frozen=True)
class WordAnalysis:
    tokens: tuple[str, ...]  # base forms, parts and runs of parts; lowercase, no hyphens
    compounds: tuple[tuple[str, ...], ...]  # the parts of each reading, the last as its base form (for coordination)
    known: bool  # recognised by Voikko or the word list (possibly after restoring diacritics or splitting)
    lemmas: tuple[str, ...] = ()  # the base forms only


UNKNOWN = WordAnalysis((), (), False)


class FinnishAnalyser:
    """Finnish words to index and search tokens: the steps of the module docstring, each cached per word."""

    # Conjunctions that words() reads as joining a coordinated compound ("vauva-ja perheneuvonta").
    conjunctions = CONJUNCTIONS
    stopwords = lexicon.FINNISH_STOPWORDS

    def __init__(self, cache_size: int = 200_000):
        self._voikko = self.open_voikko()
        self._lock = threading.Lock()
        self._stemmer = snowballstemmer.stemmer("finnish")
        self._stem_lock = threading.Lock()
        self._domain_exact, self._domain_long = self.domain_word_forms()
        self._synonyms = self.synonym_heads()
        self.word = functools.lru_cache(maxsize=cache_size)(self._word)
        self.stem = functools.lru_cache(maxsize=cache_size)(self._stem)
        self._index_word = functools.lru_cache(maxsize=cache_size)(self._index_tokens)
        self._query_word = functools.lru_cache(maxsize=cache_size)(self._query_tokens)

    def open_voikko(self):
        """Voikko's Finnish analyser, or None when the machine lacks it."""
        if libvoikko is None:
            return None
        try:
            return libvoikko.Voikko("fi", path=os.environ.get("VOIKKO_DICTIONARY_PATH"))
        except Exception as error:  # pragma: no cover - depends on the machine
            logger.warning("Voikko is not available, Finnish search falls back to Snowball stems: %s", error)
            return None

    def domain_word_forms(self):
        """The domain word list: {exact inflected form: (lemma, parts)}, [(long form, lemma, parts)] longest first."""
        exact, long = {}, []
        for lemma, (forms, parts) in lexicon.DOMAIN_WORDS.items():
            for form in forms:
                if len(form) >= 8:
                    long.append((form, lemma, parts))
                else:
                    for ending in lexicon.FINNISH_CASE_ENDINGS:
                        exact.setdefault(form + ending, (lemma, parts))
        long.sort(key=lambda entry: -len(entry[0]))
        return exact, long

    def synonym_heads(self):
        """{word: the first word of its synonym group}."""
        heads = {}
        for group in lexicon.SYNONYM_GROUPS:
            for member in group[1:]:
                heads[member] = group[0]
            heads[group[0]] = group[0]
        return heads

    @property
    def voikko_available(self) -> bool:
        return self._voikko is not None

    def suggest(self, word: str) -> list[str]:
        """Voikko's spelling suggestions for a word it does not know (none when it knows it, or without Voikko)."""
        if self._voikko is None or not word or self.word(word.lower()).known:
            return []
        with self._lock:
            return self._voikko.suggest(word)

    # ------------------------------------------------------------------ text level

    def analyse(self, text: str, query: bool = False) -> list[str]:
        """Tokens of a text, in order; at index time repeated as often as the words are (term frequency)."""
        per_word = self._query_word if query else self._index_word
        tokens = []
        pending = []  # prefixes of a coordinated compound: "kasvatus-", "sosiaali-"
        for word in words(text, self.conjunctions):
            if word.prefix:
                pending.append(word.text)
                continue
            if word.text in CONJUNCTIONS and pending:
                tokens.extend(per_word(word.text))
                continue
            if pending:
                for prefix in pending:
                    tokens.extend(per_word(prefix))
                    tokens.extend(self._finish(self._coordinated(prefix, word.text), query))
                pending = []
            tokens.extend(per_word(word.text))
        for prefix in pending:
            tokens.extend(per_word(prefix))
        return tokens if not query else unique(tokens)

    def _coordinated(self, prefix: str, word: str) -> list[str]:
        """ "kasvatus-" with "perheneuvonta" -> kasvatusneuvonta; "vauva-" with "väkivaltatyö" -> vauvatyö and
        vauvavaltatyö (which part of the second word the first replaces is not known, so all are tried)."""
        head = prefix.replace("-", "")
        combined = []
        for parts in self.word(word).compounds:
            for start in range(1, len(parts)):
                combined.append(head + "".join(parts[start:]))
        return [token for token in unique(combined) if is_token(token)]

    # ------------------------------------------------------------------ word level, per side

    def _index_tokens(self, word: str) -> tuple[str, ...]:
        analysis = self.word(word)
        if self._is_stopword(analysis):
            return ()
        tokens = list(analysis.tokens) + self._stems_of(word, analysis, query=False)
        return tuple(self._finish(tokens, query=False))

    def _query_tokens(self, word: str) -> tuple[str, ...]:
        analysis = self.word(word)
        if self._is_stopword(analysis):
            return ()
        tokens = list(analysis.tokens) + self._stems_of(word, analysis, query=True)
        if not analysis.known:  # matches the folded forms in the index
            tokens = self.folded(tokens)
        return tuple(self._finish(tokens, query=True))

    def _stems_of(self, word: str, analysis: WordAnalysis, query: bool) -> list[str]:
        """Snowball stems of a word Voikko does not know (those of known words measured no gain)."""
        return [] if analysis.known else self._stems(word)

    def folded(self, tokens) -> list[str]:
        """Each token folded (ä -> a): what a query typed without diacritics matches."""
        return [fold(token) for token in tokens]

    def _finish(self, tokens, query: bool) -> list[str]:
        tokens = [token for token in tokens if is_token(token) and token not in self.stopwords]
        if self._synonyms:
            tokens = tokens + [self._synonyms[t] for t in tokens if t in self._synonyms]
        if not query:
            tokens = tokens + self.folded(tokens)
        return unique(tokens)

    def _is_stopword(self, analysis: WordAnalysis) -> bool:
        return bool(analysis.lemmas) and all(lemma in self.stopwords for lemma in analysis.lemmas)

    def _stems(self, word: str) -> list[str]:
        parts = [part for part in word.split("-") if part]
        stems = [self.stem(part) for part in parts]
        if len(parts) > 1:
            stems.append(self.stem("".join(parts)))
        return stems

    def _stem(self, word: str) -> str:
        with self._stem_lock:
            return self._stemmer.stemWord(word)

    # ------------------------------------------------------------------ word level, shared

    def _word(self, word: str) -> WordAnalysis:
        """The analysis of one lowercase word (cached)."""
        if any(c.isdigit() for c in word):
            parts = [part for part in word.split("-") if part]
            tokens = parts + (["".join(parts)] if len(parts) > 1 else [])
            return WordAnalysis(tuple(unique(tokens)), (), True, ())
        analysis = self._known(word)
        if analysis.known:
            return analysis
        domain = self._domain_prefix(word)
        if domain.known:
            return domain
        for fallback in (self._restore, self._hyphenated, self._split):
            analysis = fallback(word)
            if analysis.known:
                return analysis
        return WordAnalysis((word.replace("-", ""),) + tuple(p for p in word.split("-") if p), (), False, ())

    def _known(self, word: str) -> WordAnalysis:
        """Domain word list (exact forms), then Voikko."""
        if word in self._domain_exact:
            return self._domain_analysis(*self._domain_exact[word])
        return self._voikko_analysis(word)

    def _domain_analysis(self, lemma: str, parts: tuple[str, ...]) -> WordAnalysis:
        compound = (tuple(parts),) if len(parts) > 1 else ((lemma,),)
        tokens = (lemma, *self._part_tokens(parts))
        return WordAnalysis(tuple(unique(tokens)), compound, True, (lemma,))

    def _domain_prefix(self, word: str) -> WordAnalysis:
        for form, lemma, parts in self._domain_long:
            if word.startswith(form) and len(word) - len(form) <= 8 and (word[len(form) :].isalpha() or word == form):
                return self._domain_analysis(lemma, parts)
        return UNKNOWN

    def _analyze(self, word: str) -> list[dict]:
        if self._voikko is None or len(word) > 60:
            return []
        with self._lock:
            return self._voikko.analyze(word)

    def _voikko_analysis(self, word: str, harmonic_only: bool = False) -> WordAnalysis:
        readings = []
        for analysis in self._analyze(word):
            reading = _reading(word, analysis)
            if reading is not None and (reading.harmonic or not harmonic_only):
                readings.append(reading)
        if not readings:
            return UNKNOWN
        return self._from_readings(self._pruned(readings))

    def _pruned(self, readings):
        """Without the compound readings of a word that has a plain one ("kuri+kassa" for "Kurikassa")."""
        if min(reading.inner_boundaries for reading in readings) == 0:
            return [reading for reading in readings if reading.inner_boundaries == 0]
        return readings

    def _from_readings(self, readings) -> WordAnalysis:
        tokens, lemmas, compounds = [], [], []
        for reading in readings:
            lemma = reading.base.replace("-", "")
            lemmas.append(lemma)
            tokens.append(lemma)
            parts = reading.parts
            compounds.append(tuple(surface for surface, _ in parts[:-1]) + (parts[-1][1],) if parts else (lemma,))
            if len(parts) < 2:
                continue
            tokens.extend(self._part_tokens([part_lemma for _, part_lemma in parts]))
            tokens.extend(self._span_tokens(parts))
        return WordAnalysis(tuple(unique(tokens)), tuple(unique(compounds)), True, tuple(unique(lemmas)))

    def _part_tokens(self, part_lemmas) -> list[str]:
        """Compound parts as tokens ("väki", "valta", "työ")."""
        return list(part_lemmas)

    def _span_tokens(self, parts, edges_only: bool = True) -> list[str]:
        """Runs of parts that start or end the word: "perhekeskus" and "toimintamalli" in "perhekeskustoimintamalli"."""
        tokens = []
        last = len(parts) - 1
        for start in range(len(parts)):
            for end in range(start + 1, len(parts)):
                if (start == 0 and end == last) or (edges_only and start != 0 and end != last):
                    continue
                span = "".join(surface for surface, _ in parts[start:end])
                tokens.append(span + (parts[end][1] if end == last else parts[end][0]))
        return tokens

    def _restore(self, word: str) -> WordAnalysis:
        """A word typed without ä/ö: the variants with the fewest changes that Voikko knows."""
        if any(c in word for c in "äöå") or self._voikko is None:
            return UNKNOWN
        positions = [i for i, c in enumerate(word) if c in "ao"]
        if not positions or len(positions) > MAX_RESTORE_POSITIONS:
            return UNKNOWN
        for changes in range(1, len(positions) + 1):
            found = []
            for chosen in itertools.combinations(positions, changes):
                letters = list(word)
                for i in chosen:
                    letters[i] = "ä" if letters[i] == "a" else "ö"
                candidate = "".join(letters)
                if candidate in self._domain_exact:
                    analysis = self._domain_analysis(*self._domain_exact[candidate])
                else:  # only readings whose parts keep vowel harmony: not "monitoimi+jäisella"
                    analysis = self._voikko_analysis(candidate, harmonic_only=True)
                if analysis.known:
                    found.append(analysis)
            if found:
                return _merge(found)
        return UNKNOWN

    def _hyphenated(self, word: str) -> WordAnalysis:
        if "-" not in word:
            return UNKNOWN
        parts = [part for part in word.split("-") if part]
        analyses = [self.word(part) for part in parts]
        if not any(analysis.known for analysis in analyses):
            return UNKNOWN
        tokens = [token for analysis in analyses for token in analysis.tokens]
        last = analyses[-1]
        head = "".join(parts[:-1])
        lemmas = [head + lemma for lemma in last.lemmas] or ["".join(parts)]
        compounds = [tuple(parts[:-1]) + (compound[-1],) for compound in last.compounds] or [tuple(parts)]
        return WordAnalysis(tuple(unique(lemmas + tokens)), tuple(unique(compounds)), True, tuple(unique(lemmas)))

    def _split(self, word: str) -> WordAnalysis:
        """A word Voikko does not know, made of two words it knows: "sotekeskuksissa" (sote + keskuksissa), or two
        words run together ("vauvaperheilleriittävää"). The longest known first word wins."""
        if len(word) < 6 or "-" in word:
            return UNKNOWN
        for cut in range(len(word) - 3, 2, -1):
            left, right = word[:cut], word[cut:]
            right_analysis = self._known(right)
            if not right_analysis.known:
                continue
            left_analysis = self._known(left)
            if not left_analysis.known:
                continue
            tokens = list(left_analysis.tokens) + list(right_analysis.tokens)
            if left in left_analysis.lemmas:  # a base form first: a compound (sote + keskus -> sotekeskus)
                readings = [
                    _Reading(left + "".join(compound), [(left, left)] + [(part, part) for part in compound], 1)
                    for compound in right_analysis.compounds
                ]
                compound_analysis = self._from_readings(readings)
                return WordAnalysis(
                    tuple(unique(list(compound_analysis.tokens) + tokens)),
                    compound_analysis.compounds,
                    True,
                    compound_analysis.lemmas,
                )
            return WordAnalysis(tuple(unique(tokens)), (), True, left_analysis.lemmas + right_analysis.lemmas)
        return UNKNOWN


class WholeWordFinnishAnalyser(FinnishAnalyser):
    """Base forms of whole words only, without compound parts: which words of a text a query matched."""

    def _part_tokens(self, part_lemmas) -> list[str]:
        return []

    def _span_tokens(self, parts, edges_only: bool = True) -> list[str]:
        return []


class _Reading:
    """One Voikko reading of a word: base form and parts [(surface in the word, base form of the part)]."""

    __slots__ = ("base", "parts", "inner_boundaries", "harmonic")

    def __init__(self, base, parts, inner_boundaries, harmonic=True):
        self.base = base
        self.parts = parts
        self.inner_boundaries = inner_boundaries
        self.harmonic = harmonic  # no part of the word as written mixes ä/ö with a/o/u


def _reading(word: str, analysis: dict):
    base = (analysis.get("BASEFORM") or "").lower()
    if not base:
        return None
    structure = analysis.get("STRUCTURE") or ""
    if len(structure.replace("=", "")) != len(word):
        return _Reading(base, [(base, base)], 0)
    boundaries = []
    position = 0
    inner = 0
    for i, char in enumerate(structure):
        if char == "=":
            if position > 0:
                boundaries.append(position)
                if structure[i - 1] != "-":
                    inner += 1
        else:
            position += 1
    last = boundaries[-1] if boundaries else 0
    if not base.startswith(word[:last]):
        return _Reading(base, [(base, base)], 0)
    part_bases = _wordbases(analysis.get("WORDBASES") or "")
    parts = []
    starts = [0] + boundaries
    ends = boundaries + [len(word)]
    harmonic = all(_harmonic(word[start:end]) for start, end in zip(starts, ends, strict=True))
    for start, end in zip(starts, ends, strict=True):
        if end == len(word):
            surface = base[start:].strip("-")
            lemma = surface
        else:
            surface = word[start:end].strip("-")
            lemma = part_bases.get(surface, surface)
        if surface:
            parts.append((surface, lemma))
    return _Reading(base, parts, inner, harmonic)


def _harmonic(segment: str) -> bool:
    return not (any(c in segment for c in "äö") and any(c in segment for c in "aou"))


def _wordbases(wordbases: str) -> dict[str, str]:
    """ "+lasten(lapsi)+suojel(suojella)+u(+u)" -> {"lasten": "lapsi", ...}: the base form of each part that has one
    of its own (not of derivational endings, not of parts with their own inner parts)."""
    result = {}
    i = 0
    text = wordbases
    while i < len(text):
        if text[i] != "+":
            i += 1
            continue
        j = i + 1
        while j < len(text) and text[j] not in "+(":
            j += 1
        surface = text[i + 1 : j].lower()
        if j < len(text) and text[j] == "(":
            k = text.find(")", j)
            if k < 0:
                break
            part_base = text[j + 1 : k].lower()
            if surface and part_base and not part_base.startswith("+") and "=" not in part_base:
                result.setdefault(surface, part_base)
            i = k + 1
        else:
            i = j
    return result


def _merge(analyses: list[WordAnalysis]) -> WordAnalysis:
    return WordAnalysis(
        tuple(unique(t for a in analyses for t in a.tokens)),
        tuple(unique(c for a in analyses for c in a.compounds)),
        True,
        tuple(unique(lemma for a in analyses for lemma in a.lemmas)),
    )
