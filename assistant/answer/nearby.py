"""Where the grounding guard may look beyond the passages shown: the sentences next to them in their documents.

A right answer may state a fact its source gives a sentence or two past the chunk retrieval put in the prompt (the
day the attack happened, the end of a list, the alias named after it). When no span of the passages shown supports
a sentence, the guard may join one such *nearby* span (``nearby_blocks``, cited as exact words of its document like
any other) to the shown spans that carry the sentence, and only when (``nearby_fits``):

- the sentence states no negation (a negation in one span of a cover says nothing of what another span gives);
- the shown spans alone cover at least ``nearby_coverage`` of the sentence (the nearby span completes an answer the
  passages give; it never carries one alone), and the nearby span joins one shown span, not two
  (``NEARBY_COVER_SPANS``: a sentence gathered from three places, one of them outside the passages, was mostly a
  wrong one: "Yes, /etc/debian_version contains ..." for whether an apt-mark hold can expire);
- no number only the nearby span gives is contradicted by a shown span giving another number of the same thing
  (``conflicting_value``: "currently 5" where the passage shown says "currently 3");
- every name is said of what its spans say it of (``misplaced_name``: "at the behest of the Farsi" where the
  spans' behest is the United States').

The same value check holds inside any cover of several spans (``split_value``): when one span gives the claim's
number and another gives a different number of the same thing, the spans disagree and the cover supports nothing
("The default for ndots is 2" joining "The default for n is 1" and another option's "currently 2").

A wider pool lends support to more wrong sentences too (a value swapped for one the document gives elsewhere, a
true sentence of another answer): these conditions keep the wrong answers let through where they were.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from assistant.answer.claim_rules import HEDGES, LIGHT_WORDS, lemma_stems
from assistant.answer.matching import sentence_stems
from assistant.answer.name_forms import capitalised, name_found
from assistant.answer.number_contexts import ARITHMETIC_CUES, CLAUSE_BREAK, SPAN_CLAUSE_BREAK, name_contexts
from assistant.answer.prompts import Passage
from assistant.answer.support import Claim, Facts, Match
from assistant.schema import Span
from assistant.store import Snapshot
from assistant.structure import term_above
from assistant.terms import STOPWORDS, content_stems, stem, words

NEARBY_PER_COVER = 1
"""Nearby spans one sentence may join to the shown spans that carry it."""
NEARBY_COVER_SPANS = 2
"""Spans a cover holding a nearby span may have in all: the nearby span completes one shown span; a sentence
spread over two shown spans and one from outside the passages is more likely words gathered from here and there."""
CLAIM_NAME_WINDOW, SPAN_NAME_WINDOW = 3, 6
"""Content words around a name that say what it is of, in a claim and in a span (as for numbers)."""


@dataclass(frozen=True)
class Block:
    """Consecutive sentence rows of one document the guard may cite: a passage shown, or sentences next to one."""

    passage: int
    rows: tuple[int, ...]
    section: str
    shown: bool


def shown_blocks(passages: tuple[Passage, ...], snapshot: Snapshot) -> list[Block]:
    """The sentence rows of each passage shown to the model."""
    return [Block(p.n, tuple(snapshot.sentence_row[sid] for sid in p.hit.chunk.sentence_ids
                             if sid in snapshot.sentence_row), p.hit.chunk.section, True) for p in passages]


def nearby_blocks(blocks: list[Block], snapshot: Snapshot, reach: int) -> list[Block]:
    """Up to ``reach`` sentences before and after each shown block, in the same document, that no shown block holds;
    each run takes the number of the passage it neighbours."""
    if reach <= 0:
        return []
    taken = {r for b in blocks for r in b.rows}
    out: list[Block] = []
    for block in blocks:
        if not block.rows:
            continue
        doc = snapshot.document_rows.get(snapshot.meta.sentences[block.rows[0]].source)
        if doc is None:
            continue
        before = range(max(block.rows[0] - reach, doc.start), block.rows[0])
        after = range(block.rows[-1] + 1, min(block.rows[-1] + reach + 1, doc.stop))
        for run in (before, after):
            for rows in _contiguous([r for r in run if r not in taken]):
                taken.update(rows)
                out.append(Block(block.passage, rows, snapshot.meta.sentences[rows[0]].section, False))
    return out


def _contiguous(rows: list[int]) -> list[tuple[int, ...]]:
    """Sorted rows cut into runs of consecutive ones."""
    runs: list[list[int]] = []
    for r in rows:
        if runs and runs[-1][-1] + 1 == r:
            runs[-1].append(r)
        else:
            runs.append([r])
    return [tuple(run) for run in runs]


@dataclass(frozen=True)
class SpanCandidate:
    """A citable span: one sentence or two adjacent ones, of a passage shown to the model (``shown``) or next to one."""

    passage: int
    source: str
    start: int
    end: int
    section: str
    page: int | None
    facts: Facts
    row: tuple[int, ...]
    around: frozenset[str] = frozenset()  # the stems of its neighbour sentences in the passage and of its heading
    shown: bool = True


_MID_SENTENCE_NAME = re.compile(r"(?<=[a-z0-9,;] )[A-Z][\w'’-]*")


_TITLE_CASE_SHARE = 0.6  # of a line's longer words capitalised: a heading, a list of titles (hand-set)


@lru_cache(maxsize=64)
def _names_in(text: str) -> frozenset[str]:
    """The words a document writes capitalised in mid-sentence (lower case), title-case lines left out: its names,
    not the common words its headings capitalise."""
    found: set[str] = set()
    for line in text.splitlines():
        longer = [w for w in line.split() if len(w) > 3]
        if longer and sum(w[:1].isupper() for w in longer) >= _TITLE_CASE_SHARE * len(longer):
            continue
        found.update(w.lower() for w in _MID_SENTENCE_NAME.findall(line))
    return frozenset(found)


def named_context(context: str, text: str) -> str:
    """The words of a span's heading and document title that are names in the document ("Albania" in "The Roots of
    Discord: MEK's Presence in Albania"; not "Roots", which only the title case capitalises): a claim may take a
    name from the heading a citation shows, not make a name of a heading's common word ("Roots is a NATO member")."""
    names = _names_in(text)
    return " ".join(w for w in words(context) if w in names)


def candidates(passages: tuple[Passage, ...], snapshot: Snapshot, reach: int = 0) -> list[SpanCandidate]:
    """Single sentences and adjacent pairs of the passages shown to the model, then of the ``reach`` sentences
    before and after each (``nearby_blocks``), each span once."""
    out: list[SpanCandidate] = []
    seen: set[tuple[str, int, int]] = set()
    shown = shown_blocks(passages, snapshot)
    for block in shown + nearby_blocks(shown, snapshot, reach):
        rows = block.rows
        sentences = [snapshot.meta.sentences[r] for r in rows]
        runs = [(i,) for i in range(len(rows))] + [(i, i + 1) for i in range(len(rows) - 1)]
        stems = [sentence_stems(s.text) | lemma_stems(list(s.tags.lemmas) if s.tags else []) for s in sentences]
        for run in runs:
            around = frozenset(content_stems(block.section)).union(
                *stems[max(run[0] - 1, 0):run[0]], *stems[run[-1] + 1:run[-1] + 2])
            first, last = sentences[run[0]], sentences[run[-1]]
            key = (first.source, first.start, last.end)
            if key in seen:
                continue
            seen.add(key)
            doc = snapshot.meta.documents[first.source]
            lemmas = [lemma for i in run if (tags := sentences[i].tags) for lemma in tags.lemmas]
            term = term_above(doc.text, first.start, first.section)
            said = doc.text[first.start:last.end]
            context = named_context(f"{first.section} {doc.title}", doc.text)
            facts = Facts.of(f"{term}: {said}" if term else said, context, lemmas)
            out.append(SpanCandidate(block.passage, first.source, first.start, last.end, first.section, first.page,
                                     facts, tuple(rows[i] for i in run), around, block.shown))
    return out


def conflicting_value(claim: Claim, supplied: frozenset[str], shown: Facts) -> str | None:
    """A number of the claim that only a nearby span gives (``supplied``; not a date's or a bound's) while the
    passages shown (``shown``) give another number beside a word the claim puts next to it ("the default is 3072
    rounds" where a passage says "16 rounds" and the nearby span "the default is 3072 bits"): the passages state the
    value, the nearby span's is of something else."""
    for n in sorted(supplied - claim.fixed):
        said = {s for v, s in claim.contexts if v == n} - HEDGES - ARITHMETIC_CUES - LIGHT_WORDS
        if any(v != n and v not in claim.numbers and s in said for v, s in shown.contexts):
            return n
    return None


def split_value(claim: Claim, spans: list[Facts]) -> str | None:
    """A number of the claim that some spans of a cover give and the others do not, while those others give a
    different number beside a word both the claim and the spans giving it put next to it (not a name: "Debian 1.1"
    and "Debian 1.2" are two things, not two values of one): the cover's spans disagree on the value."""
    for n in sorted(claim.numbers - claim.fixed):
        giving = [s for s in spans if n in s.numbers]
        others = [s for s in spans if n not in s.numbers]
        if not giving or not others:
            continue
        said = ({w for v, w in claim.contexts if v == n} & {w for s in giving for v, w in s.contexts if v == n}
                - {stem(word) for word in capitalised(claim.text)})
        others_facts = others[0]
        for facts in others[1:]:
            others_facts = others_facts | facts
        if conflicting_value(replace(claim, contexts=frozenset((n, w) for w in said)), frozenset({n}), others_facts):
            return n
    return None


def agrees(claim: Claim, spans: list[Facts]) -> bool:
    """Whether a cover's spans agree on every value of the claim (``split_value`` finds no disagreement)."""
    return split_value(claim, spans) is None


_VALUE_FACTS = ("number ", "date ", "month ")  # the missing facts a lent value accounts for (``support.match``)


def borrowed_value(claim: Claim, giving: Facts, rest: Facts, without: Match, whole: Match) -> bool:
    """Whether one span of a cover (``giving``) lends the claim only values: the cover's other spans (``rest``,
    matching the claim as ``without``) cover its words as well as the whole cover (``whole``) and lack only numbers
    ``giving`` has (and the dates and months they write), while holding a number the claim lacks. The claim put a
    value from a span about something else in place of theirs: "In 2014 (anonymously, to Tirana Times)" or "speaking
    to Tirana Times in September 8, 2022" where the span says "told Tirana Times in 2023" and the value comes from a
    sentence about another event."""
    lacking = [f.removeprefix("number ") for f in without.missing_facts if f.startswith("number ")]
    return (bool(lacking) and all(f.startswith(_VALUE_FACTS) for f in without.missing_facts)
            and set(lacking) <= giving.numbers & claim.numbers and without.coverage >= whole.coverage
            and bool(rest.numbers - claim.numbers))


_FRAME_WORDS = 2  # words around a borrowed name that another name of the spans must also stand next to


def borrowed_name(claim: Claim, without: Match, placed: frozenset[tuple[str, str]], stems: frozenset[str]) -> bool:
    """Whether one span of a cover lends the claim only names (the others' match, ``without``, lacks nothing but
    them), one of which no span places next to the claim's words around it (``misplaced_name``; ``placed``: the
    spans' ``name_places``) while a span places another name next to all of them (``_FRAME_WORDS`` at least): "It
    is the Khalq, which Albania considers its closest partner" joined from "... the United States, which it now
    considers its closest partner" and "... its Farsi name, the Mujahedin-e Khalq"."""
    lacking = {f.removeprefix("name ") for f in without.missing_facts}
    if not lacking or any(not f.startswith("name ") for f in without.missing_facts) \
            or not set(without.missing_words) <= {stem(n) for n in lacking}:
        return False
    name = _misplaced_among(replace(claim, names=frozenset(lacking)), placed, stems)
    if name is None:
        return False
    near = {s for w, s in name_contexts(claim.text, CLAIM_NAME_WINDOW, CLAUSE_BREAK) if w == name} & stems
    others = {w for w, _ in placed if w not in claim.names and w not in STOPWORDS}
    return len(near) >= _FRAME_WORDS and any(all((w, s) in placed for s in near) for w in others)


def name_places(span_texts: Iterable[str]) -> frozenset[tuple[str, str]]:
    """(name word, stem) for each word the spans put next to a name (``name_contexts``): where they place names."""
    return frozenset().union(*(name_contexts(t, SPAN_NAME_WINDOW, SPAN_CLAUSE_BREAK) for t in span_texts))


def misplaced_name(claim: Claim, span_texts: Iterable[str], stems: frozenset[str]) -> str | None:
    """A name of the claim that its spans never put next to any of the words (that the spans have) the claim puts
    next to it: a name attached to the wrong subject ("the behest of the Farsi" where the spans say "the behest of
    the United States"), as ``misplaced`` finds for numbers."""
    return _misplaced_among(claim, name_places(span_texts), stems)


def _misplaced_among(claim: Claim, placed: frozenset[tuple[str, str]], stems: frozenset[str]) -> str | None:
    """``misplaced_name`` with the spans' ``name_places`` already read."""
    said_of = name_contexts(claim.text, CLAIM_NAME_WINDOW, CLAUSE_BREAK)
    for name in sorted(claim.names):
        near = ({s for w, s in said_of if w == name} - HEDGES - LIGHT_WORDS) & stems
        if near and not any(s in near and name_found(name, frozenset([w])) for w, s in placed):
            return name
    return None


def nearby_fits(claim: Claim, cover: Facts, cover_coverage: float, passages: Facts, spans: Facts,
                span_texts: list[str], min_coverage: float) -> bool:
    """Whether a cover joining a nearby span may support the claim: it states no negation (a negation found in one
    span of a cover says nothing of a fact another gives: "Albania is not a member of NATO"), its shown spans
    (``cover``) cover at least ``min_coverage`` of it alone (``cover_coverage``), no value they lack conflicts with
    one the passages shown give (``passages``: all their spans), and every name sits where the cover's spans
    (``spans``, ``span_texts``) put it."""
    return (not claim.negated and cover_coverage >= min_coverage
            and conflicting_value(claim, claim.numbers - cover.numbers, passages) is None
            and misplaced_name(claim, span_texts, spans.stems) is None)


def union_facts(spans: list[SpanCandidate]) -> Facts:
    """The facts of several spans together."""
    facts = spans[0].facts
    for span in spans[1:]:
        facts = facts | span.facts
    return facts


def within_reach(spans: list[SpanCandidate], others: Sequence[Span | SpanCandidate], reach: int) -> bool:
    """Whether one of ``spans`` lies at or within ``reach`` characters of one of ``others`` in the same document."""
    return any(s.source == o.source and s.start < o.end + reach and o.start - reach < s.end
               for s in spans for o in others)
