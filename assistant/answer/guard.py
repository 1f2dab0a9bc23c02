"""The grounding guard: every generated sentence must be backed by a span of the passages the model was shown.

Each sentence of the model's reply is aligned to the source span that best supports it: one sentence of a
passage, a run of two adjacent sentences, or (for a sentence that joins two facts) two separate sentences. The
model's own ``[n]`` markers are only hints for breaking ties; the citations are rebuilt from the alignment with
exact offsets (``quote == document text[start:end]``) and numbered in order of first use, so every marker resolves
and every citation is used. A sentence with no supporting span is dropped (or kept, marked unsupported, when
``keep_unsupported``); when no sentence survives the answer abstains.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import numpy as np

from assistant.answer.cite import citation_for
from assistant.answer.matching import TermWeights
from assistant.answer.prompts import Passage
from assistant.answer.support import SOFT_COVERAGE, Claim, Facts, Match, cosine, match, supports
from assistant.schema import Citation
from assistant.store import Snapshot
from assistant.structure import split_sentences

Embed = Callable[[list[str]], np.ndarray]
UNSUPPORTED = "[unsupported]"
_MARKERS = re.compile(
    r"\s*(?:\[(?:passages?|sources?|p)?\s*(\d+(?:\s*(?:,|;|and|-|–)\s*\d+)*)\]|\((?:passages?|sources?)\s+(\d+)\))", re.IGNORECASE
)
_LEADING_MARKERS = re.compile(r"^(?:\s*\[[^\]\w]*(?:passages?|sources?|p)?\s*\d[\d\s,;–-]*\])+", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r",?\s+(?:and|while|but|whereas)\s+|;\s+", re.IGNORECASE)
_PREFIX = re.compile(r"^\s*(?:answer|response)\s*:\s*", re.IGNORECASE)
_LEAD_IN = re.compile(r"^(?i:(?:the )?answer(?: to (?:this|the) question)? is)(?:\s*:\s*|\s+(?=[A-Z0-9\"“]))")
_BULLET = re.compile(r"^\s*(?:[-*•]|\d{1,2}[.)])\s+")
_REFUSAL = re.compile(
    r"\b(?:i don[’']?t know|i do not know|(?:does|do) not (?:say|mention|answer|contain|provide|specify)|"
    r"not (?:mentioned|stated|provided|specified|given)|no information|cannot (?:be )?answer|can[’']t answer)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Unit:
    """One generated sentence: its text without markers and the passage numbers the model put after it."""

    text: str
    hints: tuple[int, ...] = ()


def _hint_numbers(group: str) -> list[int]:
    nums = [int(x) for x in re.findall(r"\d+", group)]
    if re.search(r"[-–]", group) and len(nums) == 2 and 0 < nums[1] - nums[0] < 10:
        return list(range(nums[0], nums[1] + 1))
    return nums


def split_answer(reply: str) -> list[Unit]:
    """The model's reply as sentences; markers that open a sentence belong to the one before."""
    units: list[Unit] = []
    for line in _PREFIX.sub("", reply.strip()).splitlines():
        line = _BULLET.sub("", line).strip()
        for start, end in split_sentences(line, 0, len(line)):
            piece = line[start:end]
            lead = _LEADING_MARKERS.match(piece)
            if lead:
                if units:
                    units[-1] = Unit(units[-1].text, units[-1].hints + tuple(_hint_numbers(lead.group(0))))
                piece = piece[lead.end():]
            hints = [n for m in _MARKERS.finditer(piece) for n in _hint_numbers(m.group(1) or m.group(2))]
            text = _LEAD_IN.sub("", re.sub(r"\s+([.,;:!?])", r"\1", _MARKERS.sub("", piece)).strip())
            if re.search(r"\w", text):
                units.append(Unit(text, tuple(hints)))
    return units


@dataclass(frozen=True)
class SpanCandidate:
    """A citable span: one passage sentence or two adjacent ones."""

    passage: int
    source: str
    start: int
    end: int
    section: str
    page: int | None
    facts: Facts
    row: tuple[int, ...]


def candidates(passages: tuple[Passage, ...], snapshot: Snapshot) -> list[SpanCandidate]:
    """Single sentences and adjacent pairs of the passages shown to the model, each span once."""
    out: list[SpanCandidate] = []
    seen: set[tuple[str, int, int]] = set()
    for p in passages:
        rows = [snapshot.sentence_row[sid] for sid in p.hit.chunk.sentence_ids if sid in snapshot.sentence_row]
        sentences = [snapshot.meta.sentences[r] for r in rows]
        runs = [(i,) for i in range(len(rows))] + [(i, i + 1) for i in range(len(rows) - 1)]
        for run in runs:
            first, last = sentences[run[0]], sentences[run[-1]]
            key = (first.source, first.start, last.end)
            if key in seen:
                continue
            seen.add(key)
            doc = snapshot.meta.documents[first.source]
            facts = Facts.of(doc.text[first.start:last.end], f"{first.section} {doc.title}")
            out.append(SpanCandidate(p.n, first.source, first.start, last.end, first.section, first.page, facts,
                                     tuple(rows[i] for i in run)))
    return out


@dataclass
class Alignment:
    """The spans chosen for one claim (empty when nothing supports it) and how well the best one matched."""

    spans: list[SpanCandidate]
    match: Match | None
    score: float = 0.0


@dataclass
class GuardResult:
    """The guarded answer: text with ``[n]`` markers, its citations, the dropped sentences, and whether it abstains."""

    text: str
    citations: list[Citation]
    dropped: list[str]
    abstained: bool


@dataclass
class Guard:
    """Aligns generated sentences one at a time (so a stream can be guarded as it arrives) and numbers citations."""

    passages: tuple[Passage, ...]
    snapshot: Snapshot
    weights: TermWeights
    embed: Embed | None = None
    keep_unsupported: bool = False
    parts: list[str] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)
    supported: int = 0

    def __post_init__(self) -> None:
        self._spans = candidates(self.passages, self.snapshot)
        self._numbers: dict[tuple[str, int, int], int] = {}

    def align(self, unit: Unit) -> Alignment:
        """The best-supported span for one sentence, else one span for each of its two clauses; else no span."""
        claim = Claim.of(unit.text)
        if not claim.stems or unit.text.rstrip().endswith("?"):
            return Alignment([], None)
        found, best = self._best(claim, unit.hints)
        if found:
            return Alignment([found[1]], found[0], found[0].coverage)
        for match_ in _CLAUSE_BREAK.finditer(unit.text):
            left, right = unit.text[:match_.start()], unit.text[match_.end():]
            if min(len(left.split()), len(right.split())) < 3:
                continue
            a, _ = self._best(Claim.of(left), unit.hints)
            b, _ = self._best(Claim.of(right), unit.hints)
            if a and b:
                spans = sorted({a[1], b[1]}, key=lambda c: (c.source, c.start))
                return Alignment(spans, best, min(a[0].coverage, b[0].coverage))
        return Alignment([], best)

    def _best(self, claim: Claim, hints: tuple[int, ...]) -> tuple[tuple[Match, SpanCandidate] | None, Match | None]:
        """Among the closest spans that support the claim: one sentence before two, then the model's hint, then
        coverage, then the earlier passage. Also the closest match, even when none supports the claim."""
        if not claim.stems:
            return None, None
        scored = [(match(claim, c.facts, self.weights), c) for c in self._spans]
        scored.sort(key=lambda mc: (mc[0].facts_ok, mc[0].coverage, -len(mc[1].row)), reverse=True)
        vector: list[np.ndarray | None] = []  # embedded only when a match needs the meaning check
        good = []
        for m, cand in scored[:8]:
            if m.facts_ok and m.coverage >= SOFT_COVERAGE and not vector:
                vector.append(self._vector(claim.text))
            if supports(m, self._similarity(vector[0] if vector else None, cand.row)):
                good.append((m, cand))
        closest = scored[0][0] if scored else None
        if not good:
            return None, closest
        preferred = max(good, key=lambda mc: (len(mc[1].row) == 1, mc[1].passage in hints, mc[0].coverage, -mc[1].passage))
        return preferred, closest

    def _vector(self, text: str) -> np.ndarray | None:
        return self.embed([text])[0] if self.embed is not None else None

    def _similarity(self, vector: np.ndarray | None, rows: tuple[int, ...]) -> float | None:
        if vector is None:
            return None
        span_vector = self.snapshot.sentence_vectors[list(rows)].sum(axis=0)
        return cosine(vector, span_vector)

    def add(self, unit: Unit) -> tuple[str, list[Citation]]:
        """Guard one sentence: the text to show (``""`` when dropped) and the citations it introduced."""
        if _REFUSAL.search(unit.text):
            return "", []
        alignment = self.align(unit)
        if not alignment.spans:
            self.dropped.append(unit.text)
            if not self.keep_unsupported:
                return "", []
            text = f"{unit.text} {UNSUPPORTED}"
            self.parts.append(text)
            return text, []
        new: list[Citation] = []
        markers = []
        for span in alignment.spans:
            key = (span.source, span.start, span.end)
            if key not in self._numbers:
                self._numbers[key] = len(self.citations) + 1
                citation = citation_for(self._numbers[key], span, self.snapshot, alignment.score)
                self.citations.append(citation)
                new.append(citation)
            markers.append(f"[{self._numbers[key]}]")
        text = f"{unit.text} {''.join(markers)}"
        self.parts.append(text)
        self.supported += 1
        return text, new

    def result(self) -> GuardResult:
        """The whole guarded answer so far; abstains when no sentence is supported."""
        if not self.supported:
            return GuardResult("", [], list(self.dropped), True)
        return GuardResult(" ".join(self.parts), list(self.citations), list(self.dropped), False)


class SentenceStream:
    """Turns text deltas into complete sentences: a sentence is complete once the next one has begun."""

    def __init__(self) -> None:
        self.buffer = ""
        self.emitted = 0

    def feed(self, delta: str) -> Iterator[Unit]:
        """Sentences completed by this delta."""
        self.buffer += delta
        units = split_answer(self.buffer)
        while self.emitted < len(units) - 1:
            self.emitted += 1
            yield units[self.emitted - 1]

    def close(self) -> Iterator[Unit]:
        """The sentences left when the reply ends."""
        units = split_answer(self.buffer)
        while self.emitted < len(units):
            self.emitted += 1
            yield units[self.emitted - 1]


def guard_answer(reply: str, guard: Guard) -> GuardResult:
    """Guard a whole reply."""
    for unit in split_answer(reply):
        guard.add(unit)
    return guard.result()
