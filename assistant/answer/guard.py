"""The grounding guard: every generated sentence must be backed by a span of the passages the model was shown.

Each sentence of the model's reply is aligned to the source span that best supports it: one sentence of a
passage, a run of two adjacent sentences, or (for a sentence that joins facts) the fewest separate spans that
together support it; and it must answer the question asked (see ``Guard``). The
model's own ``[n]`` markers are only hints for breaking ties; the citations are rebuilt from the alignment with
exact offsets (``quote == document text[start:end]``) and numbered in order of first use, so every marker resolves
and every citation is used. A sentence with no supporting span, or one that does not answer the question, is
dropped (or kept, marked unsupported, when ``keep_unsupported``); when no sentence survives the answer abstains.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cached_property

import numpy as np

from assistant.answer.asked_forms import asked_value, main_question
from assistant.answer.asked_names import (
    asks_named_kind, asks_person_by_role, asks_who, names_one, names_person,
)
from assistant.answer.bare_value import asked_kinds, names_someone, value_of_another_event, value_told
from assistant.answer.cite import citation_for
from assistant.answer.claim_rules import corrects_premise
from assistant.answer.guard_checks import gives_asked, misplaces_facts, off_question, wrong_value_kind
from assistant.answer.guard_params import GuardParams, load_guard_params
from assistant.answer.matching import TermWeights, cosine, coverage, question_terms, sentence_stems
from assistant.answer.nearby import (
    NEARBY_COVER_SPANS, NEARBY_PER_COVER, SpanCandidate, agrees, borrowed_name, borrowed_value, candidates, name_places,
    nearby_fits, split_value, union_facts, within_reach)
from assistant.answer.polarity import gives_polarity, polar_claim
from assistant.answer.prompts import Passage
from assistant.answer.query import question_parts
from assistant.answer.qtypes import QUESTION_FILLER, asks_yes_no, expected_type
from assistant.answer.reply import NOT_GIVEN, SAYS_UNKNOWN, Unit, split_answer, without_asides
from assistant.answer.relevance import (
    asks_how_to, has_own_subject, main_subjects, points_back, states, told_of, unframed, without_other_dotted,
)
from assistant.answer.support import META_STEMS, Claim, Facts, Match, lends, match, supports
from assistant.answer.value_binding import held_sentences
from assistant.answer.wording import plain_wording
from assistant.schema import Citation, Span
from assistant.store import Snapshot
from assistant.terms import content_stems

Embed = Callable[[list[str]], np.ndarray]
UNSUPPORTED = "[unsupported]"
_GIVES_REASON = re.compile(r"(?i:because|since|as a result|in (?:retaliation|response)|due to|so that|in order to|to avoid)\b")
_NAMED = re.compile(r"\s*(?!(?:For|The|A|An|In|On|At|It|This|That|So|And|But|Or|Yes|No)\b)[A-Z]")
_BARE_POLARITY = re.compile(r"(?i:yes|no)[.!]?")
_SUBJECT_PRONOUN = re.compile(r"\W*(?:it|they|he|she)\b", re.IGNORECASE)
"""A sentence opening with a pronoun subject ("It acted on ..."): in a why-answer, the subject the question asks about."""


@dataclass
class Alignment:
    """The spans chosen for one claim (empty when nothing supports it) and how well they matched."""

    spans: list[SpanCandidate]
    match: Match | None
    score: float = 0.0
    claim: str = ""


@dataclass
class GuardResult:
    """The guarded answer: text with ``[n]`` markers, its citations, the dropped sentences, and whether it abstains."""

    text: str
    citations: list[Citation]
    dropped: list[str]
    abstained: bool


@dataclass
class Guard:
    """Aligns generated sentences one at a time (so a stream can be guarded as it arrives) and numbers citations.

    A sentence is kept when a span of the passages (or the union of a few, for a sentence joining facts) supports
    it (a word the span lacks but its passage or the question has earns ``context_credit``), and it answers
    ``question``: it meets enough of the question's terms or meaning, or cites text at one of the ``anchors`` (the
    sentences the extractive answerer found for the question) or next to a span an earlier kept sentence cites, and
    until one kept sentence holds the date or quantity a "when" or "how many" question asks for, a sentence without
    one is dropped.
    """

    passages: tuple[Passage, ...]
    snapshot: Snapshot
    weights: TermWeights
    embed: Embed | None = None
    keep_unsupported: bool = False
    question: str = ""
    params: GuardParams = field(default_factory=load_guard_params)
    anchors: tuple[Span, ...] = ()
    chosen: tuple[Span, ...] = ()  # the sentences the extractive answer itself gave (none when it refused)
    memo: dict[tuple[object, ...], Match] = field(default_factory=dict)  # matches made; the fit shares one per reply
    parts: list[str] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)
    supported: int = 0
    refused: bool = False

    def __post_init__(self) -> None:
        self.question = plain_wording(self.question)  # read as the extractive answerer reads it ("how come": why)
        spans = candidates(self.passages, self.snapshot, self.params.nearby_reach)
        self._spans = [c for c in spans if c.shown]
        self._nearby = [c for c in spans if not c.shown]
        self._numbers: dict[tuple[str, int, int], int] = {}
        self._kind = expected_type(self.question) if self.question else "other"
        self._value_kinds = asked_kinds(self.question, question_parts(self.question)) if self.question else frozenset()
        self._terms = [t for t in question_terms(unframed(self.question), QUESTION_FILLER) if t not in META_STEMS]
        main = main_question(self.question)
        self._needs = asked_value(main, expected_type(main) if main != self.question else self._kind)
        self._answered = self._needs is None
        # the check a sentence must pass to name what is asked for; None once asked for nothing, or once named
        self._names = (names_person if asks_person_by_role(self.question) else names_one if asks_named_kind(self.question)
                       else names_someone if asks_who(self.question) else None)
        self._yes_no = asks_yes_no(self.question)
        self._stated, self._spoke = not self._yes_no, False  # a yes/no still owed; no sentence kept yet
        self._reasoned = self._kind != "reason"
        self._subjects = main_subjects(self.question) if not self._reasoned else frozenset()
        self._instructed = not asks_how_to(self.question)
        self._vectors: dict[str, np.ndarray | None] = {}
        self._pending: str | None = None
        self._kept: list[SpanCandidate] = []
        self._asked = frozenset(content_stems(self.question))
        self._relevance = {c: coverage(self._terms, self.weights, c.facts.stems)[0] if self._terms else 1.0
                           for c in self._spans}  # read only when choosing among shown spans (_align_shown)

    def align(self, unit: Unit) -> Alignment:
        """The best-supported span for one sentence, else the fewest spans that support it together; else, when the
        shown spans carry most of it, those with one nearby span (``nearby_fits``); else none."""
        claim = polar_claim(unit.text) if self._yes_no else Claim.of(unit.text)
        if claim.negated and corrects_premise(claim.text, self.question):
            claim = replace(claim, negated=False)
        if not (claim.stems or claim.numbers) or unit.text.rstrip().endswith("?"):
            return Alignment([], None)
        if len(claim.stems) < 2 and not (claim.numbers or claim.names or _NAMED.match(claim.text)):
            return Alignment([], None)  # "For example," or a stray word: no claim to check ("Turkey." is one)
        found = self._align_shown(claim, unit)
        if found.spans or not self._nearby:
            return found
        wider = self._cover(claim, self._scored(claim, self._spans + self._nearby), self._spans + self._nearby)
        shown = [s for s in wider.spans if s.shown]
        if shown and nearby_fits(claim, union_facts(shown), self._match(claim, shown).coverage, self._shown_facts,
                                 union_facts(wider.spans), [self._text(s) for s in wider.spans],
                                 self.params.nearby_coverage):
            return wider
        return found

    @cached_property
    def _shown_facts(self) -> Facts:
        """What all the passages shown say together."""
        return union_facts(self._spans)

    def _scored(self, claim: Claim, spans: list[SpanCandidate]) -> list[tuple[Match, SpanCandidate]]:
        return sorted(((self._match(claim, [c]), c) for c in spans),
                      key=lambda mc: (mc[0].facts_ok, mc[0].coverage, -len(mc[1].row)), reverse=True)

    def _align_shown(self, claim: Claim, unit: Unit) -> Alignment:
        """The best-supported span of the passages shown, else the fewest of them that support the claim together."""
        scored = self._scored(claim, self._spans)
        if not scored:
            return Alignment([], None)
        good = [(m, c) for m, c in scored if m.facts_ok and self._supported(m, claim.text, [c])]
        if good:  # a short answer ("In 2001.") fits many spans: the one about the question comes first
            m, c = max(good, key=lambda mc: (-len(mc[0].credited), self._relevance[mc[1]] >= self.params.relevance,
                                             len(mc[1].row) == 1,
                                             mc[1].passage in unit.hints, mc[0].coverage, self._relevance[mc[1]],
                                             -mc[1].passage))
            return Alignment([c], m, m.coverage, claim.text)
        return self._cover(claim, scored, self._spans)

    def _cover(self, claim: Claim, scored: list[tuple[Match, SpanCandidate]], pool: list[SpanCandidate]) -> Alignment:
        """Spans of ``pool`` added one at a time, each the one that most improves the match, until together they
        support the claim (at most ``max_spans``, of them ``NEARBY_PER_COVER`` nearby, and with a nearby span at most
        ``NEARBY_COVER_SPANS`` in all; every span must add
        something, and by itself a number, name or two words: ``lends``; the spans must not disagree on a value:
        ``split_value``, and of equally good spans one that ``agrees`` is added; none may lend only a value in place of
        the others': ``borrowed_value``)."""
        def gain(m: Match) -> tuple[int, float]:
            return -len(m.missing_facts), m.coverage

        scored = [(m, c) for m, c in scored if lends(claim, m, c.facts)]  # a span that only lends "time" joins no fact
        if not scored:
            return Alignment([], None)
        pool = [c for c in pool if lends(claim, self._match(claim, [c]), c.facts)]
        best_match, chosen = scored[0]
        spans = [chosen]
        while len(spans) < (self.params.max_spans if all(s.shown for s in spans) else NEARBY_COVER_SPANS):
            full = sum(not s.shown for s in spans) >= NEARBY_PER_COVER or len(spans) >= NEARBY_COVER_SPANS
            extra = [c for c in pool if (c.shown or not full)
                     and all(c.row != s.row and not set(c.row) & set(s.row) for s in spans)]
            if not extra:
                break
            top_match, top = max(((self._match(claim, [*spans, c]), c) for c in extra),  # of equal gains: one whose
                                 key=lambda mc: (*gain(mc[0]), agrees(claim, [s.facts for s in (*spans, mc[1])])))
            if gain(top_match) <= gain(best_match):
                break
            spans.append(top)
            best_match = top_match
            if self._supported(best_match, claim.text, spans) and split_value(claim, [s.facts for s in spans]) is None \
                    and not self._borrows(claim, spans, best_match):
                return Alignment(sorted(spans, key=lambda c: (c.source, c.start)), best_match, best_match.coverage,
                                 claim.text)
        return Alignment([], best_match)

    def _borrows(self, claim: Claim, spans: list[SpanCandidate], whole: Match) -> bool:
        """Whether a span of the cover lends the claim only a value or a name in place of the others'
        (``borrowed_value``, ``borrowed_name``)."""
        placed = name_places(self._text(s) for s in spans)  # once for the cover, not for each span left out
        stems = frozenset().union(*(s.facts.stems for s in spans))
        return any(borrowed_value(claim, s.facts, union_facts(rest), without := self._match(claim, rest), whole)
                   or borrowed_name(claim, without, placed, stems)
                   for s in spans if (rest := [o for o in spans if o is not s]))

    def _match(self, claim: Claim, spans: list[SpanCandidate]) -> Match:
        """``match`` of the claim against the spans, with their neighbour sentences, headings and the question as
        what is around."""
        key = (claim, tuple((s.source, s.start, s.end) for s in spans), self.params.context_credit)
        if key not in self.memo:
            around = self._asked.union(*(s.around for s in spans))
            self.memo[key] = match(claim, union_facts(spans), self.weights, around, self.params.context_credit)
        return self.memo[key]

    def _supported(self, m: Match, text: str, spans: list[SpanCandidate]) -> bool:
        """``supports``, embedding the claim only when its words alone do not decide."""
        on_words = supports(m, None, self.params)
        if on_words or m.coverage < self.params.soft_coverage:
            return on_words
        return supports(m, self._similarity(self._vector(text), spans), self.params)

    def _vector(self, text: str) -> np.ndarray | None:
        """The MiniLM vector of ``text``, embedded on first need and kept."""
        if self.embed is None or not text:
            return None
        if text not in self._vectors:
            self._vectors[text] = self.embed([text])[0]
        return self._vectors[text]

    def _similarity(self, vector: np.ndarray | None, spans: list[SpanCandidate]) -> float | None:
        if vector is None:
            return None
        span_vector = self.snapshot.sentence_vectors[[r for s in spans for r in s.row]].sum(axis=0)
        return cosine(vector, span_vector)

    def answers(self, unit: Unit, alignment: Alignment) -> bool:
        """Whether a supported sentence answers the question: it is on the question (``off_question``), keeps its
        spans' facts in their places (``misplaces_facts``), meets the question's terms (with its spans) or its
        meaning (one term is enough for a why-answer that opens with a reason, "Because ..."), and carries the date
        (or, for a present-tense "when", a condition), quantity, place or (for a yes/no question) statement asked
        for unless an earlier kept sentence did, a bare date or number from the sentence of a span about the question
        that holds it (``value_of_another_event``, ``value_told``), and the kind of value asked (``wrong_value_kind``).
        A why-answer's first sentence must itself meet one of the question's terms, unless it opens with a reason or
        with a pronoun subject ("It acted on ...") standing for the question's subject (its spans name it:
        ``told_of``), goes on from a kept sentence, or cites where the answer was found without naming a subject of
        its own ("On humanitarian grounds ...", not "Passing --tb=native might help": ``has_own_subject``):
        "Firstly, it underscores the threat of cyber warfare ..." does not say why Iran admitted anything, though its
        span names Iran and Albania."""
        if off_question(unit.text, alignment.claim, self.question, self.weights, self.params,
                        why_open=not self._reasoned, how_open=not self._instructed, first=not self._spoke,
                        kind=self._kind):
            return False
        texts = [self._text(s) for s in alignment.spans]
        if misplaces_facts(unit.text, texts, frozenset().union(*(s.facts.words for s in alignment.spans)),
                           self.question, held_sentences(self.snapshot.meta.sentences,
                                                         [r for s in alignment.spans for r in s.row])):
            return False
        if self._terms:
            own = sentence_stems(without_other_dotted(unit.text, self.question))
            topic = frozenset().union(*(self._topic(s) for s in alignment.spans))
            met = coverage(self._terms, self.weights, own | topic)[0]
            anchored, continues = self._anchored(alignment.spans), self._continues(alignment.spans)
            because = self._kind == "reason" and bool(_GIVES_REASON.match(unit.text))  # "Because ...": a term met
            if not (anchored or continues) and (met < self.params.relevance and not because or not met) and \
                    not self._close(alignment):
                return False
            if not because and not self._reasoned and not coverage(self._terms, self.weights, own)[0] and not (
                    _SUBJECT_PRONOUN.match(unit.text) and told_of(self._subjects, topic) or continues
                    or anchored and not has_own_subject(unit.text) or self._restates_chosen(alignment.spans)):
                return False
        if self._needs and not self._answered and not gives_asked(unit.text, self._needs, self.question):
            return False
        if self._terms and value_of_another_event(
                unit.text, lambda stems: bool(coverage(self._terms, self.weights, stems)[1]),
                value_told(unit.text, [self.snapshot.meta.sentences[r].text for s in alignment.spans for r in s.row])):
            return False
        if wrong_value_kind(unit.text, self.question, self._names, self._value_kinds):
            return False
        if not self._stated and not (states(unit.text) or gives_polarity(unit.text) and self._meets(unit.text)):
            return False
        self._answered = self._reasoned = self._instructed = self._stated = self._spoke = True
        self._names = None
        return True

    def _meets(self, text: str) -> bool:
        """Whether the sentence's own words meet one of the question's terms ("Yes, click.version_option()." to a
        question on a "--version option")."""
        return bool(coverage(self._terms, self.weights, sentence_stems(text))[0])

    def _text(self, span: SpanCandidate) -> str:
        return self.snapshot.meta.documents[span.source].text[span.start:span.end]

    def _topic(self, span: SpanCandidate) -> frozenset[str]:
        """The stems a span is about: its own, and those of the sentence before it when it points back
        (``points_back``), since that sentence names its topic."""
        first = self.snapshot.meta.sentences[span.row[0]]
        if span.row[0] == 0 or not points_back(first.text):
            return span.facts.stems
        before = self.snapshot.meta.sentences[span.row[0] - 1]
        return span.facts.stems | sentence_stems(before.text) if before.source == first.source else span.facts.stems

    def _continues(self, spans: list[SpanCandidate]) -> bool:
        """A span at or next to one an earlier kept sentence cites (same document): the answer goes on where the
        sources go on ("You might wish to invoke VACUUM ..." after the sentence that answered)."""
        return self.params.continuation_reach > 0 and within_reach(spans, self._kept, self.params.continuation_reach)

    def _anchored(self, spans: list[SpanCandidate]) -> bool:
        """A span at or next to a sentence the extractive answerer chose (or found nearest) for this question; never
        for a question none of whose terms the corpus knows (its nearest sentences are near nothing)."""
        if self._terms and not any(self.weights.known(t) for t in self._terms):
            return False
        return within_reach(spans, self.anchors, self.params.anchor_reach)

    def _restates_chosen(self, spans: list[SpanCandidate]) -> bool:
        """A span on the sentence the extractive answer itself opened with: a sentence restating it answers as
        that one did, in its own words or none of the question's."""
        return within_reach(spans, self.chosen[:1], 0)

    def _close(self, alignment: Alignment) -> bool:
        """The sentence, or its spans, mean nearly what the question asks (MiniLM cosine)."""
        q = self._vector(self.question)
        vector = self._vector(alignment.claim)
        if q is None or vector is None:
            return False
        span = self._similarity(q, alignment.spans) or 0.0
        return max(cosine(q, vector), span) >= self.params.relevance_similarity

    def add(self, unit: Unit) -> tuple[str, list[Citation]]:
        """Guard one sentence: the text to show (``""`` when dropped) and the citations it introduced. "... is not
        specified" is a refusal only when no span supports the sentence ("NULLS LAST is the default when DESC is not
        specified" states a fact of its span)."""
        if SAYS_UNKNOWN.search(unit.text):
            self.refused = True
            return "", []
        if self._yes_no and _BARE_POLARITY.fullmatch(unit.text.strip()):
            self._pending = unit.text.strip()  # "No." stands only in front of a kept sentence
            return "", []
        alignment = self.align(unit)
        if not alignment.spans and NOT_GIVEN.search(unit.text):
            self.refused = True
            return "", []
        lead, self._pending = self._pending, None
        kept = bool(alignment.spans) and self.answers(unit, alignment)
        if not kept and (bare := without_asides(unit.text)) != unit.text:  # the sentence without an aside
            aside = replace(unit, text=bare)
            if (trimmed := self.align(aside)).spans and self.answers(aside, trimmed):
                unit, alignment, kept = aside, trimmed, True
        if not kept:
            self.dropped += [t for t in (lead, unit.text) if t]
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
        text = f"{lead + ' ' if lead else ''}{unit.text} {''.join(markers)}"
        self.parts.append(text)
        self.supported += 1
        self._kept += alignment.spans
        return text, new

    def result(self) -> GuardResult:
        """The whole guarded answer so far; abstains when no sentence is supported."""
        dropped = self.dropped + ([self._pending] if self._pending else [])
        if not self.supported:
            return GuardResult("", [], dropped, True)
        return GuardResult(" ".join(self.parts), list(self.citations), dropped, False)


def guard_answer(reply: str, guard: Guard) -> GuardResult:
    """Guard a whole reply."""
    for unit in split_answer(reply):
        guard.add(unit)
    return guard.result()
