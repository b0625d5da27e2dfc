"""The Finnish analysis with some of its steps switched off, to measure what each step gives.

``benchmarks.analysis`` compares these variants; the site always runs every step
(``indexing.analysis.finnish.FinnishAnalyser``), so the switches live here, not in the runtime code.
"""

from dataclasses import dataclass

from indexing.analysis import Analyser
from indexing.analysis.finnish import UNKNOWN, FinnishAnalyser


@dataclass(frozen=True)
class Options:
    """Which steps of the Finnish analysis run; the defaults are the site's analysis."""

    parts: bool = True  # compound parts as tokens ("väki", "valta", "työ")
    spans: str = "edges"  # runs of parts: "none", "edges" (those at either end of the word) or "all"
    prune: bool = True  # drop compound readings of a word that has a plain one ("kuri+kassa" for "Kurikassa")
    domain_words: bool = True
    restore_diacritics: bool = True
    split_unknown: bool = True
    coordination: bool = True
    stopwords: bool = True
    synonyms: bool = True
    index_stems: bool = False  # Snowball stem of known words at index time too (unknown words always get theirs)
    query_stems: bool = False  # Snowball stem of known words at query time too
    fold: bool = True  # folded variants at index time, folded unknown words at query time
    use_voikko: bool = True


class AblatedFinnishAnalyser(FinnishAnalyser):
    """``FinnishAnalyser`` with the steps that ``options`` switch off skipped."""

    def __init__(self, options: Options):
        self.options = options
        if not options.coordination:
            self.conjunctions = frozenset()
        if not options.stopwords:
            self.stopwords = frozenset()
        super().__init__()

    def open_voikko(self):
        return super().open_voikko() if self.options.use_voikko else None

    def domain_word_forms(self):
        return super().domain_word_forms() if self.options.domain_words else ({}, [])

    def synonym_heads(self):
        return super().synonym_heads() if self.options.synonyms else {}

    def _stems_of(self, word, analysis, query):
        stem_known = self.options.query_stems if query else self.options.index_stems
        return self._stems(word) if stem_known or not analysis.known else []

    def folded(self, tokens):
        return super().folded(tokens) if self.options.fold else list(tokens)

    def _pruned(self, readings):
        return super()._pruned(readings) if self.options.prune else readings

    def _part_tokens(self, part_lemmas):
        return super()._part_tokens(part_lemmas) if self.options.parts else []

    def _span_tokens(self, parts, edges_only=True):
        if self.options.spans == "none":
            return []
        return super()._span_tokens(parts, edges_only=self.options.spans == "edges")

    def _restore(self, word):
        return super()._restore(word) if self.options.restore_diacritics else UNKNOWN

    def _split(self, word):
        return super()._split(word) if self.options.split_unknown else UNKNOWN


class AblatedAnalyser(Analyser):
    """The analysis for all languages with the Finnish steps of ``options``, and without the sv/en glossary."""

    def __init__(self, options: Options | None = None, glossary: bool = True):
        super().__init__(AblatedFinnishAnalyser(options or Options()))
        if not glossary:
            self.glossary = None
