"""Answers computed from two cited values: the time between two dated events ("how many days between A and B",
"which came first?") and the difference of two numbers ("how many more X did A have than B")."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from assistant.answer import arithmetic, comparison
from assistant.answer.counted import counted_head
from assistant.answer.draft import Draft
from assistant.answer.evidence import Evidence
from assistant.answer.features import Candidate, QuestionView
from assistant.answer.matching import coverage, question_terms, sentence_stems
from assistant.answer.params import AnswerParams
from assistant.answer.qtypes import QUESTION_FILLER


class ComputedAnswers:
    """A gap or a difference computed from the sentence that fits each side best, chosen jointly."""

    def __init__(
        self, evidence: Evidence, params: AnswerParams, embed: Callable[[list[str]], np.ndarray] | None = None,
    ) -> None:
        self.evidence = evidence
        self.params = params
        self._embed = embed

    def interval(self, question: str, candidates: list[Candidate]) -> Draft | None:
        """"How many days between A and B": a dated sentence for each event, and the computed gap. The pair of
        sentences (two different dates whose gap can be computed) is chosen jointly, by how well each fits its
        event: "On <date> B happened; A was its cause" must not stand for A while a sentence dating A exists."""
        unit = arithmetic.interval_unit(question)  # None: an order question ("which came first, A or B?"), or none
        parts = arithmetic.question_parts(question) if unit else arithmetic.order_parts(question)
        if len(parts) < 2:
            return None
        part_vectors = self._embed(parts[:2]) if self._embed else None
        fits = [self._event_fits(part, part_vectors[p] if part_vectors is not None else None, candidates)
                for p, part in enumerate(parts[:2])]
        units = [unit, "years"] if unit and arithmetic.unit_unstated(question) else [unit]  # a year alone: years
        best: tuple[float, int, int, int, str | None] | None = None  # (joint fit, gap, candidate of A, of B, unit)
        for a, (dates_a, fit_a) in fits[0].items():
            for b, (dates_b, fit_b) in fits[1].items():
                if a == b or not dates_a or not dates_b or min(fit_a, fit_b) < self.params.interval_min_fit:
                    continue
                count, counted = arithmetic.gap(dates_a[0], dates_b[0], units)  # None: too vague; 0: one date
                if count and (best is None or fit_a + fit_b > best[0]):
                    best = (fit_a + fit_b, count, a, b, counted)
        if best is None:
            return None
        _, count, a, b, unit = best
        d1, d2 = fits[0][a][0][0], fits[1][b][0][0]
        cited = [self.evidence.with_earlier_year(candidates[i].sentence) for i in (a, b)]
        ordered = sorted(zip(cited, (d1, d2)), key=lambda p: p[1].value)
        template = arithmetic.phrase(count, unit, d1, d2) if unit else arithmetic.order_phrase(
            parts, d1, d2, arithmetic.asks_relative(question))
        return Draft([sentence for sentence, _ in ordered], False, template=template)

    def _event_fits(
        self, part: str, vector: np.ndarray | None, candidates: list[Candidate]
    ) -> dict[int, tuple[list[arithmetic.DatedValue], float]]:
        """For one event of an interval question: each candidate's dates (those of a date the event names, if it
        names one) and how well it fits the event (``_part_fit``)."""
        literal = arithmetic.find_dates(part)
        out = {}
        for i, (cand, fit) in enumerate(zip(candidates, self._part_fits(part, vector, candidates))):
            dates = arithmetic.event_dates(self.evidence.with_earlier_year(cand.sentence).text, part)
            if literal:
                dates = [d for d in dates if arithmetic.same_day(d, literal[0])]
            out[i] = (dates, fit)
        return out

    def _part_fits(self, part: str, vector: np.ndarray | None, candidates: list[Candidate]) -> list[float]:
        """How well each candidate fits one side of a computed answer: the mean of term coverage and dense
        similarity of the sentence, or of its paragraph window less a discount ("It was in this year that ..."
        dates its neighbour's event, but a sentence that states the event itself comes first)."""
        terms = question_terms(part, QUESTION_FILLER)
        out = []
        for cand in candidates:
            weights = self.evidence.document_weights(cand.sentence.source)
            own = coverage(terms, weights, sentence_stems(cand.sentence.text))[0] + (
                self.evidence.similarity(cand.sentence, vector) if vector is not None else cand.view.dense)
            near = coverage(terms, weights, cand.window)[0] + (
                self.evidence.window_similarity(cand.sentence, vector) if vector is not None else cand.view.dense)
            out.append(max(own / 2, near / 2 - self.params.interval_window_discount))
        return out

    def difference(self, view: QuestionView, candidates: list[Candidate]) -> Draft | None:
        """"How many more X did A have than B": the sentence giving each side's number, chosen jointly by how
        well each fits its side, and the computed difference."""
        parts = comparison.compared_parts(view.query.text)
        if not parts:
            return None
        head = counted_head(view)
        vectors = self._embed(parts) if self._embed else None
        sides = []
        for p, part in enumerate(parts):
            fits = self._part_fits(part, vectors[p] if vectors is not None else None, candidates)
            sides.append({i: (value, fit) for i, fit in enumerate(fits) if fit >= self.params.interval_min_fit
                          and (value := comparison.value_for(candidates[i].sentence.text, part, head))})
        pairs = [(fa + fb, a, b) for a, (va, fa) in sides[0].items() for b, (vb, fb) in sides[1].items()
                 if a != b and va.value != vb.value]
        if not pairs:
            return None
        _, a, b = max(pairs)
        return Draft([candidates[a].sentence, candidates[b].sentence], False,
                     template=comparison.phrase(sides[0][a][0], sides[1][b][0]))
