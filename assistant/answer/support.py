"""Does a source span support a generated sentence? Hard facts must match exactly, wording may vary a little.

A *claim* is one generated sentence. A span supports it when every number (dates included), month and name of the
claim occurs in the span, a negated claim meets a negation in the span, and the claim's content words are covered:
almost all of them (idf-weighted, with stems and near forms), or most of them when the span also means nearly the
same (MiniLM cosine); and at most two content words may go unmatched whatever their weight.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from assistant.answer.matching import TermWeights, term_match
from assistant.terms import STOPWORDS, content_stems, stem, words

FULL_COVERAGE = 0.85  # share of the claim's content (idf mass) a span must cover on words alone
SOFT_COVERAGE = 0.7  # ...or this much, when the span is also this close in meaning:
SOFT_SIMILARITY = 0.75
MAX_UNMATCHED = 2  # and never more content words than this without a match (an added clause is a new claim)

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_NUMBER_WORDS = {w: str(i) for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())}
_MONTHS = {m[:3]: m for m in "january february march april may june july august september october november december".split()}
_MONTH_WORD = re.compile(r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?=\s+\d|\s*,?\s+\d{4})", re.I)
_NAME = re.compile(r"\b[A-Z][\w'’-]*")
_NEGATION = re.compile(r"\b(?:not|no|never|none|nor|neither|without|cannot)\b|n[’']t\b", re.I)
META_STEMS = frozenset(stem(w) for w in (
    "passage passages source sources according article text document mention mentioned answer question "
    "happen happened occur occurred".split()))  # words about the text, or too light to be a claim


def numbers(text: str) -> frozenset[str]:
    """Numbers in ``text``, normalised ("1,000" → "1000", "two" → "2", "15th" → "15")."""
    found = {m.group(0).replace(",", "").rstrip(".") for m in _NUMBER.finditer(text)}
    found |= {_NUMBER_WORDS[w] for w in words(text) if w in _NUMBER_WORDS}
    return frozenset(found)


def months(text: str) -> frozenset[str]:
    """Month names used in dates ("Sept. 7" → "september")."""
    return frozenset(_MONTHS[m.group(1).lower()] for m in _MONTH_WORD.finditer(text))


@dataclass(frozen=True)
class Facts:
    """What a piece of text says, in the forms the support check compares."""

    stems: frozenset[str]
    numbers: frozenset[str]
    months: frozenset[str]
    words: frozenset[str]
    negated: bool

    @classmethod
    def of(cls, text: str, context: str = "") -> Facts:
        """The facts of a source span; names may also come from ``context`` (its section heading and document
        title, which a citation shows), so "the Balkan country" under "... Albania Iran Relations" can back "Albania"."""
        return cls(frozenset(content_stems(text)), numbers(text), months(text), frozenset(words(f"{text} {context}")),
                   bool(_NEGATION.search(text)))

    def __or__(self, other: Facts) -> Facts:
        return Facts(self.stems | other.stems, self.numbers | other.numbers, self.months | other.months,
                     self.words | other.words, self.negated or other.negated)


@dataclass(frozen=True)
class Claim:
    """A generated sentence, reduced to what must be found in a supporting span."""

    text: str
    stems: tuple[str, ...]
    numbers: frozenset[str]
    months: frozenset[str]
    names: frozenset[str]
    negated: bool

    @classmethod
    def of(cls, text: str) -> Claim:
        """The claim made by one generated sentence (marker-free)."""
        stems = tuple(dict.fromkeys(s for s in content_stems(text) if s not in META_STEMS))
        first = re.search(r"\w", text)
        names = {
            w for m in _NAME.finditer(text) if first is None or m.start() != first.start()
            for w in words(m.group(0)) if w not in STOPWORDS
        }
        return cls(text, stems, numbers(text), months(text), frozenset(names), bool(_NEGATION.search(text)))


def _name_found(name: str, span_words: frozenset[str]) -> bool:
    if name in span_words:
        return True
    for word in span_words:
        short, long_ = (name, word) if len(name) <= len(word) else (word, name)
        if len(short) >= 4 and long_.startswith(short) and len(long_) - len(short) <= 4:
            return True  # Iran/Iranian, Albania/Albanians
    return False


@dataclass(frozen=True)
class Match:
    """How well one span supports a claim."""

    coverage: float
    missing_facts: tuple[str, ...]
    missing_words: tuple[str, ...]

    @property
    def facts_ok(self) -> bool:
        """Every number, month, name and negation of the claim was found."""
        return not self.missing_facts


def match(claim: Claim, facts: Facts, weights: TermWeights) -> Match:
    """Coverage of the claim's content words by the span, and the hard facts the span lacks."""
    missing: list[str] = [f"number {n}" for n in sorted(claim.numbers - facts.numbers)]
    missing += [f"month {m}" for m in sorted(claim.months - facts.months)]
    missing += [f"name {n}" for n in sorted(claim.names) if not _name_found(n, facts.words)]
    if claim.negated and not facts.negated:
        missing.append("negation")
    total = got = 0.0
    unmatched: list[str] = []
    for term in claim.stems:
        idf = weights.idf(term)
        total += idf
        hit = term_match(term, facts.stems)
        got += hit * idf
        if not hit:
            unmatched.append(term)
    coverage = got / total if total else 0.0
    return Match(round(coverage, 4), tuple(missing), tuple(unmatched))


def supports(m: Match, similarity: float | None) -> bool:
    """The decision: hard facts all found, and content covered (fully, or mostly and close in meaning)."""
    if not m.facts_ok or m.coverage <= 0 or len(m.missing_words) > MAX_UNMATCHED:
        return False
    if m.coverage >= FULL_COVERAGE:
        return True
    return m.coverage >= SOFT_COVERAGE and similarity is not None and similarity >= SOFT_SIMILARITY


def cosine(a: np.ndarray, b: np.ndarray) -> float:
    """Cosine of two vectors (unit-length inputs give a dot product)."""
    na, nb = float(np.linalg.norm(a)), float(np.linalg.norm(b))
    return float(a @ b) / (na * nb) if na and nb else 0.0
