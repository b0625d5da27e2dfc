"""Tokenising and folding shared by the language analysers."""

import re
import unicodedata
from dataclasses import dataclass

# Longest word that is analysed; longer runs of letters are no words (a pasted hash, a URL fragment) and are skipped.
MAX_WORD_LENGTH = 64
# Longest text that is analysed; the rest is ignored (a description is a few thousand characters).
MAX_TEXT_LENGTH = 1_000_000

_HYPHENS = "-\u2010\u2011"
_WORD = re.compile(r"[^\W_]+(?:[-\u2010\u2011:'\u2019][^\W_]+)*(?:[-\u2010\u2011](?![^\W_]))?")
_HYPHEN_TRANSLATION = str.maketrans({"\u2010": "-", "\u2011": "-", "\u2019": None, "'": None})
_TOKEN = re.compile(r"^[^\W_]+$")


@dataclass(frozen=True)
class Word:
    """A word of a text: lowercase, hyphens kept inside, `prefix` when it ended in a hyphen ("kasvatus-")."""

    text: str
    prefix: bool = False


def normalise(text: str) -> str:
    return unicodedata.normalize("NFKC", text[:MAX_TEXT_LENGTH]).lower()


def fold(token: str) -> str:
    """The token without diacritics: ä -> a, ö -> o, å -> a, é -> e."""
    if token.isascii():
        return token
    decomposed = unicodedata.normalize("NFKD", token)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def is_token(token: str) -> bool:
    """Whether a search engine will keep this token whole: letters and digits only, at least two of them."""
    return 2 <= len(token) <= MAX_WORD_LENGTH and bool(_TOKEN.match(token))


def words(text: str, conjunctions: frozenset[str] = frozenset()) -> list[Word]:
    """The words of a text, lowercase. "THL:n" gives "thl"; "vauva-ja" gives "vauva-" and "ja" when "ja" is a
    conjunction, so that coordinated compounds can be read."""
    result = []
    for match in _WORD.finditer(normalise(text)):
        raw = match.group(0).translate(_HYPHEN_TRANSLATION)
        prefix = raw.endswith("-")
        core = raw.rstrip("-")
        if ":" in core:
            head, _, tail = core.partition(":")
            # An abbreviation with a case ending (THL:n, ETKL:ssä) is the abbreviation.
            core = head if len(tail) <= 4 and ":" not in tail else core.replace(":", "-")
        if not core or len(core) > MAX_WORD_LENGTH:
            continue
        if "-" in core and conjunctions:
            head, _, last = core.rpartition("-")
            if last in conjunctions and head:
                result.append(Word(head, prefix=True))
                result.append(Word(last, prefix=prefix))
                continue
        result.append(Word(core, prefix=prefix))
    return result


def unique(tokens) -> list[str]:
    seen = set()
    result = []
    for token in tokens:
        if token not in seen:
            seen.add(token)
            result.append(token)
    return result
