"""Soft, idf-weighted matching of question terms against sentences (stems, prefixes, compounds, demonyms), and the
cosine of two embedding vectors."""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache
from typing import Any

import numpy as np

from assistant.answer.synonyms import synonyms
from assistant.terms import content_stems, stem, words


class TermWeights:
    """Inverse document frequency of stems over the indexed chunks; unseen stems weigh the most."""

    def __init__(self, df: dict[str, int], n_chunks: int) -> None:
        """``df``: how many of the ``n_chunks`` chunks contain each stem."""
        self.n = max(n_chunks, 1)
        self._df = df
        self._idf: dict[str, float] = {}
        self._by_initial: dict[str, list[str]] = {}
        for term in self._df:
            self._by_initial.setdefault(term[:1], []).append(term)

    @classmethod
    def of_bm25(cls, bm25: Any, n_chunks: int) -> TermWeights:
        """Weights over the whole corpus, read from its BM25 index."""
        vocab = getattr(bm25, "vocab_dict", None) or {}
        indptr = np.asarray(bm25.scores["indptr"]) if vocab else np.zeros(1)
        counts = np.diff(indptr) if len(indptr) > 1 else np.zeros(0)
        return cls({t: int(counts[i]) for t, i in vocab.items() if i < len(counts) and counts[i] > 0}, n_chunks)

    @classmethod
    def of_texts(cls, texts: list[str]) -> TermWeights:
        """Weights over these texts alone: a document's own chunks, so that its topic words ("Albania" in an
        article about Albania) weigh as little as they do when it is the whole corpus, whatever else is indexed."""
        df: Counter[str] = Counter()
        for text in texts:
            df.update(set(content_stems(text)))
        return cls(dict(df), len(texts))

    def vocab_by_initial(self, initial: str) -> list[str]:
        """Corpus stems starting with ``initial``."""
        return self._by_initial.get(initial, [])

    def known(self, term: str) -> bool:
        """Whether the stem, or a near form of it (Albania/Albanian), occurs in the corpus."""
        return bool(self.df(term)) or any(_prefix_match(term, t) for t in self.vocab_by_initial(term[:1]))

    def df(self, term: str) -> int:
        """Chunks containing the stem."""
        return self._df.get(term, 0)

    def word_weight(self, word: str) -> float:
        """How telling a word is in this corpus: its stem's idf when the corpus holds it, else 0 (what the follow-up
        resolution weighs candidate words by)."""
        term = stem(word)
        return self.idf(term) if self.known(term) else 0.0

    def idf(self, term: str) -> float:
        """BM25-style idf, always positive (remembered per term: the weights never change once built)."""
        value = self._idf.get(term)
        if value is None:
            df = self.df(term)
            value = self._idf[term] = math.log((self.n - df + 0.5) / (df + 0.5) + 1.0)
        return value


@lru_cache(maxsize=20000)
def sentence_stems(text: str) -> frozenset[str]:
    """Distinct content stems of a sentence (cached: sentences repeat across questions)."""
    return frozenset(content_stems(text))


def _prefix_match(term: str, other: str) -> bool:
    """albania/albanian: one stem starts the other, a few letters left over. A number the question's ``term`` ends
    on is no ending: "debconf22" is not found as "debconf" (while "trace" is found as "trace5")."""
    short, long_ = (term, other) if len(term) <= len(other) else (other, term)
    left = long_[len(short):]
    return (len(short) >= 5 and long_.startswith(short) and len(left) <= 4
            and not (len(term) > len(other) and any(c.isdigit() for c in left)))


def _shared_root(term: str, other: str) -> bool:
    """communism/communist: a common start of 6+ letters with at most 3 letters left on either side, the question's
    ``term`` not ending on a number ("debconf22" shares no root with "debconf13")."""
    n = 0
    for x, y in zip(term, other):
        if x != y:
            break
        n += 1
    return n >= 6 and len(term) - n <= 3 and len(other) - n <= 3 and not any(c.isdigit() for c in term[n:])


def term_match(term: str, stems: frozenset[str]) -> float:
    """1.0 for the same stem; 0.8 for a near form (Albania/Albanian); 0.9 for a split compound (cyberattack)."""
    if term in stems:
        return 1.0
    best = 0.0  # the best of all near forms, whatever order the set iterates in (it varies between processes)
    head = term[:4]
    for other in stems:
        if other[:4] != head:  # every near form below shares the term's first four letters
            continue
        if len(other) >= 4 and term.startswith(other) and term[len(other):] in stems:
            return 0.9
        if _prefix_match(term, other):
            best = max(best, 0.8)
        elif _shared_root(term, other):
            best = max(best, 0.7)
    return best


def holds(term: str, stems: frozenset[str]) -> bool:
    """Whether ``stems`` hold ``term``: the same stem, a near form (Albania/Albanian, ``term_match``) or a synonym."""
    return term_match(term, stems) > 0 or bool(synonyms(term) & stems)


def coverage(terms: list[str], weights: TermWeights, stems: frozenset[str]) -> tuple[float, set[str]]:
    """Share of the terms' idf mass found in ``stems``, and which terms matched."""
    total = sum(weights.idf(t) for t in terms)
    if not total:
        return 0.0, set()
    got, matched = 0.0, set()
    for term in terms:
        m = term_match(term, stems) or (0.7 if synonyms(term) & stems else 0.0)
        if m:
            got += m * weights.idf(term)
            matched.add(term)
    return got / total, matched


_REGARDING_SUFFIX = re.compile(r"(?<=\w)-wise\b", re.IGNORECASE)  # "europe-wise", "price-wise"
_FUNCTION_CONTRACTION = re.compile(r"n't$|'(?:re|ve|ll|d|m)$")  # can't, isn't, they're, we've: stopwords contracted


def question_terms(text: str, filler: frozenset[str]) -> list[str]:
    """Distinct content stems of a question, minus generic question filler, in order; a word with the suffix
    "-wise" ("europe-wise": as regards Europe) is the word it is made from."""
    seen: list[str] = []
    for w in words(_REGARDING_SUFFIX.sub("", text)):
        s = stem(w)
        if s in filler or s in seen or _FUNCTION_CONTRACTION.search(w):
            continue
        if s in sentence_stems(w):
            seen.append(s)
    return seen


def cosine(a: np.ndarray, b: np.ndarray) -> float:
    """Cosine of two vectors (unit-length inputs give a dot product)."""
    na, nb = float(np.linalg.norm(a)), float(np.linalg.norm(b))
    return float(a @ b) / (na * nb) if na and nb else 0.0
