"""Offline evaluation of text analyses for Finnish search over the seed documents.

Indexes each seed file (demo/seeds/*.txt) as one document with each candidate analysis, ranks with BM25 (OR of the
query tokens) and prints nDCG@10, recall@10, how many queries have all their grade-2 documents in the top 3, and
how many find nothing, over the judged query sets.

    .venv/bin/python -m benchmarks.analysis                 # both query sets, all candidates
    .venv/bin/python -m benchmarks.analysis --queries FILE  # another judged set (query<TAB>FILE:GRADE,...)
    .venv/bin/python -m benchmarks.analysis --show full     # per-query ranking of one candidate
    .venv/bin/python -m benchmarks.analysis --speed         # words per second of the chosen analysis

No Django needed. Candidates that need a missing package are reported as unavailable, not skipped silently.
"""

import argparse
import dataclasses
import math
import re
import sys
import time
from collections import Counter
from pathlib import Path

from benchmarks.ablation import AblatedAnalyser, Options
from indexing.analysis import Analyser
from indexing.analysis.text import fold

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "demo" / "seeds"
JUDGED = Path(__file__).resolve().parent / "judged_queries.tsv"
DEV_QUERIES = REPO / "demo" / "dev_queries.tsv"

# Web-page noise in the seeds (see the domain notes): removed before indexing.
NOISE = re.compile(
    r"icon/chevron-down Created with Sketch\.|Hyppää pääsisältöön|Koko: px|Aloita esitys sivulta:|Transkriptio"
)
PLAIN_WORD = re.compile(r"[^\W_]+")


# ---------------------------------------------------------------- data


def load_documents(folder: Path = SEEDS) -> dict[str, str]:
    return {path.name: NOISE.sub(" ", path.read_text(encoding="utf-8")) for path in sorted(folder.glob("*.txt"))}


def load_queries(path: Path) -> list[tuple[str, dict[str, int]]]:
    queries = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        query, _, judged = line.partition("\t")
        grades = {}
        for item in judged.split(","):
            name, _, grade = item.strip().rpartition(":")
            if name:
                grades[name] = int(grade)
        queries.append((query.strip(), grades))
    return queries


# ---------------------------------------------------------------- ranking and metrics


class BM25:
    def __init__(self, documents: dict[str, list[str]], k1: float = 1.2, b: float = 0.75):
        self.k1, self.b = k1, b
        self.frequencies = {name: Counter(tokens) for name, tokens in documents.items()}
        self.lengths = {name: len(tokens) for name, tokens in documents.items()}
        self.average = sum(self.lengths.values()) / max(1, len(self.lengths))
        document_frequency = Counter(token for counts in self.frequencies.values() for token in counts)
        total = len(documents)
        self.idf = {t: math.log(1 + (total - df + 0.5) / (df + 0.5)) for t, df in document_frequency.items()}

    def rank(self, query_tokens: list[str]) -> list[tuple[str, float]]:
        scores = {}
        for name, counts in self.frequencies.items():
            norm = self.k1 * (1 - self.b + self.b * self.lengths[name] / self.average)
            score = 0.0
            for token in set(query_tokens):
                tf = counts.get(token, 0)
                if tf:
                    score += self.idf[token] * tf * (self.k1 + 1) / (tf + norm)
            if score > 0:  # OR: a document matches when it shares a token
                scores[name] = score
        return sorted(scores.items(), key=lambda item: (-item[1], item[0]))


def ndcg(ranking: list[str], grades: dict[str, int], k: int = 10) -> float:
    dcg = sum((2 ** grades.get(name, 0) - 1) / math.log2(i + 2) for i, name in enumerate(ranking[:k]))
    ideal = sorted(grades.values(), reverse=True)[:k]
    idcg = sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(ideal))
    return dcg / idcg if idcg else 0.0


def recall(ranking: list[str], grades: dict[str, int], k: int = 10) -> float:
    relevant = [name for name, grade in grades.items() if grade > 0]
    return sum(1 for name in relevant if name in ranking[:k]) / max(1, len(relevant))


def evaluate(candidate, documents, queries):
    index = BM25({name: candidate.index(text) for name, text in documents.items()})
    totals = {"ndcg": 0.0, "recall": 0.0, "top3": 0, "top3_of": 0, "empty": 0}
    details = []
    for query, grades in queries:
        ranking = [name for name, _ in index.rank(candidate.query(query))]
        totals["ndcg"] += ndcg(ranking, grades)
        totals["recall"] += recall(ranking, grades)
        best = [name for name, grade in grades.items() if grade == 2]
        if best:
            totals["top3_of"] += 1
            totals["top3"] += all(name in ranking[:3] for name in best[:3])
        totals["empty"] += not ranking
        details.append((query, grades, ranking))
    count = max(1, len(queries))
    return {
        "ndcg": totals["ndcg"] / count,
        "recall": totals["recall"] / count,
        "top3": f"{totals['top3']}/{totals['top3_of']}",
        "empty": totals["empty"],
        "details": details,
    }


# ---------------------------------------------------------------- candidates


class Candidate:
    name = ""
    note = ""

    def index(self, text: str) -> list[str]:
        raise NotImplementedError

    def query(self, text: str) -> list[str]:
        return self.index(text)


class Plain(Candidate):
    name, note = "plain", "lowercase words, no analysis"

    def index(self, text):
        return PLAIN_WORD.findall(text.lower())


class PlainFolded(Candidate):
    name, note = "plain+fold", "lowercase words, folded variants in the index, folded query"

    def index(self, text):
        words = PLAIN_WORD.findall(text.lower())
        return words + [fold(w) for w in words if fold(w) != w]

    def query(self, text):
        return [fold(w) for w in PLAIN_WORD.findall(text.lower())]


class Snowball(Candidate):
    name, note = "snowball", "Snowball Finnish stems (snowballstemmer)"

    def __init__(self):
        import snowballstemmer

        self.stemmer = snowballstemmer.stemmer("finnish")

    def words(self, text):
        return [self.stemmer.stemWord(w) for w in PLAIN_WORD.findall(text.lower())]

    index = words


class Simplemma(Candidate):
    name, note = "simplemma", "simplemma Finnish lemmas"

    def __init__(self):
        import simplemma

        self.simplemma = simplemma

    def words(self, text):
        return [self.simplemma.lemmatize(w, lang="fi").lower() for w in PLAIN_WORD.findall(text.lower())]

    index = words


class GreedySplit(Candidate):
    """Snowball stems or simplemma lemmas, plus the parts of compounds found by a greedy splitter whose dictionary
    is every stem or lemma of at least 4 letters seen in the corpus."""

    def __init__(self, base: Candidate, documents: dict[str, str]):
        self.base = base
        self.name = base.name + "+split"
        self.note = base.note + " + greedy corpus-dictionary compound splitting"
        self.vocabulary = {t for text in documents.values() for t in base.index(text) if len(t) >= 4}
        self.cache = {}

    def split(self, token, depth=0):
        if depth > 4 or len(token) < 7:
            return []
        for cut in range(len(token) - 3, 3, -1):
            head, tail = token[:cut], token[cut:]
            if head in self.vocabulary:
                if tail in self.vocabulary:
                    return [head, tail]
                rest = self.split(tail, depth + 1)
                if rest:
                    return [head, *rest]
        return []

    def expand(self, tokens):
        result = []
        for token in tokens:
            if token not in self.cache:
                self.cache[token] = self.split(token)
            result.append(token)
            result.extend(self.cache[token])
        return result

    def index(self, text):
        return self.expand(self.base.index(text))


class Module(Candidate):
    """indexing.analysis with some of its steps switched off (benchmarks.ablation)."""

    def __init__(self, name, note, options=None, glossary=True):
        self.name, self.note = name, note
        self.analyser = AblatedAnalyser(options or Options(), glossary=glossary)

    def index(self, text):
        return self.analyser.tokens(text, "fi", query=False)

    def query(self, text):
        return self.analyser.tokens(text, "fi", query=True)


OFF = Options(
    parts=False,
    spans="none",
    prune=False,
    domain_words=False,
    restore_diacritics=False,
    split_unknown=False,
    coordination=False,
    stopwords=False,
    synonyms=False,
    index_stems=False,
    query_stems=False,
    fold=False,
)


def candidates(documents):
    made, failed = [], []

    def attempt(factory, label):
        try:
            made.append(factory())
        except Exception as error:  # report, do not hide
            failed.append((label, f"{type(error).__name__}: {error}"))

    attempt(Plain, "plain")
    attempt(PlainFolded, "plain+fold")
    attempt(Snowball, "snowball")
    attempt(Simplemma, "simplemma")
    attempt(lambda: GreedySplit(Snowball(), documents), "snowball+split")
    attempt(lambda: GreedySplit(Simplemma(), documents), "simplemma+split")
    full = Options()
    variants = [
        ("voikko", "Voikko base forms only", OFF, False),
        ("voikko+parts", "Voikko base forms + compound parts", dataclasses.replace(OFF, parts=True), False),
        (
            "voikko+parts+runs",
            "+ runs of parts at the word's edges (perhekeskus in perhekeskustoimintamalli)",
            dataclasses.replace(OFF, parts=True, spans="edges", prune=True),
            False,
        ),
        ("full", "CHOSEN: indexing.analysis defaults", full, True),
        (
            "full-restore",
            "full without diacritic restoration",
            dataclasses.replace(full, restore_diacritics=False),
            True,
        ),
        ("full-fold", "full without folded variants", dataclasses.replace(full, fold=False), True),
        ("full-split", "full without splitting unknown words", dataclasses.replace(full, split_unknown=False), True),
        ("full-domain", "full without the domain word list", dataclasses.replace(full, domain_words=False), True),
        ("full-coord", "full without coordinated compounds", dataclasses.replace(full, coordination=False), True),
        ("full-stopwords", "full keeping stop words", dataclasses.replace(full, stopwords=False), True),
        ("full-synonyms", "full without abbreviation synonyms", dataclasses.replace(full, synonyms=False), True),
        ("full-glossary", "full without the sv/en glossary", full, False),
        (
            "full+stems",
            "full + Snowball stems of known words in the index",
            dataclasses.replace(full, index_stems=True),
            True,
        ),
        (
            "full+qstems",
            "full + Snowball stems of known query words",
            dataclasses.replace(full, query_stems=True),
            True,
        ),
        ("full-parts", "full with runs of parts but no single parts", dataclasses.replace(full, parts=False), True),
        ("full-runs", "full with single parts but no runs", dataclasses.replace(full, spans="none"), True),
        ("full+allruns", "full with all runs of parts (also inner ones)", dataclasses.replace(full, spans="all"), True),
        ("full-prune", "full keeping compound readings of plain words", dataclasses.replace(full, prune=False), True),
    ]
    for name, note, options, glossary in variants:
        attempt(lambda n=name, t=note, o=options, g=glossary: Module(n, t, o, g), name)
    probe = Analyser()
    if not probe.finnish.voikko_available:
        failed.append(("voikko*/full*", "Voikko is not available: these rows ran on the Snowball fallback"))
    return made, failed


# ---------------------------------------------------------------- reports


def report(sets, documents):
    made, failed = candidates(documents)
    header = (
        f"{'candidate':<20}"
        + "".join(f" | {label[:18]:^34}" for label, _ in sets)
        + "\n"
        + f"{'':<20}"
        + " | nDCG@10 rec@10 g2-top3 empty" * len(sets)
    )
    print(header)
    print("-" * len(header.splitlines()[1]))
    for candidate in made:
        line = f"{candidate.name:<20}"
        for _, queries in sets:
            result = evaluate(candidate, documents, queries)
            line += f" |  {result['ndcg']:.3f}   {result['recall']:.3f} {result['top3']:>7} {result['empty']:>5}"
        print(line + f"   {candidate.note}")
    for label, error in failed:
        print(f"FAILED {label}: {error}")


def show(name, sets, documents):
    made, _ = candidates(documents)
    candidate = next((c for c in made if c.name == name), None)
    if candidate is None:
        sys.exit(f"no candidate {name!r}; one of: {', '.join(c.name for c in made)}")
    for label, queries in sets:
        result = evaluate(candidate, documents, queries)
        print(f"== {label}: nDCG@10 {result['ndcg']:.3f}")
        for query, grades, ranking in result["details"]:
            score = ndcg(ranking, grades)
            marks = " ".join(f"{name[:3]}{'*' * grades.get(name, 0)}" for name in ranking)
            wanted = " ".join(f"{n[:3]}:{g}" for n, g in sorted(grades.items()))
            print(f"{score:.2f}  {query:<45} -> {marks:<28} want {wanted}   [{' '.join(candidate.query(query))}]")


def speed(documents):
    texts = list(documents.values())
    words = sum(len(PLAIN_WORD.findall(text)) for text in texts)
    analyser = Analyser()
    start = time.perf_counter()
    for text in texts:
        analyser.tokens(text, "fi")
    cold = time.perf_counter() - start
    distinct = len({w.lower() for text in texts for w in PLAIN_WORD.findall(text)})
    rounds = 20
    start = time.perf_counter()
    for _ in range(rounds):
        for text in texts:
            analyser.tokens(text, "fi")
    warm = (time.perf_counter() - start) / rounds
    print(f"seed corpus: {words} words, {distinct} distinct")
    print(f"cold cache: {cold:.2f} s = {words / cold:,.0f} words/s ({cold / distinct * 1000:.2f} ms per distinct word)")
    print(f"warm cache: {warm:.3f} s = {words / warm:,.0f} words/s")
    tokens = sum(len(analyser.tokens(text, "fi")) for text in texts)
    print(f"index tokens per word: {tokens / words:.1f}")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--queries", type=Path, action="append", help="judged query file(s)")
    parser.add_argument("--seeds", type=Path, default=SEEDS)
    parser.add_argument("--show", metavar="CANDIDATE", help="per-query rankings of one candidate")
    parser.add_argument("--speed", action="store_true", help="throughput of the chosen analysis")
    args = parser.parse_args(argv)
    documents = load_documents(args.seeds)
    if args.speed:
        speed(documents)
        return
    paths = args.queries or [DEV_QUERIES, JUDGED]
    sets = [(f"{path.stem} ({len(load_queries(path))})", load_queries(path)) for path in paths]
    if args.show:
        show(args.show, sets, documents)
    else:
        report(sets, documents)


if __name__ == "__main__":
    main()
