"""The follow-up gate: whether an answer to a resolved follow-up should be refused after all.

A resolved follow-up borrows words from the earlier question ("how long had *Edi Rama* been PM by then?"), and
the answerer counts them as matched: the previous answer's passage covers them, so a question the documents cannot
answer is answered with that passage again. The gate knows which of the searched words came from the history and
weighs named signs of that (``gate_features``) with a logistic model fitted on the conversations' tuning parts
(``python -m assistant.followup_gate_fit`` writes ``followup_gate.json`` beside this module).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import BaseModel, Field

from assistant.answer.matching import coverage, sentence_stems, term_match
from assistant.answer.params import LinearModel
from assistant.answer.wording import plain_wording
from assistant.followup import apostrophes

if TYPE_CHECKING:
    from collections.abc import Sequence

    from assistant.answer.draft import Draft
    from assistant.answer.matching import TermWeights
    from assistant.answer.pipeline import AnswerPipeline
    from assistant.schema import Hit, Span

GATE_PATH = Path(__file__).with_name("followup_gate.json")
GATE_VERSION = 1
FEATURES = ("refusal_resolved", "refusal_new", "history_share", "new_matched", "repeats_previous", "same_document",
            "as_typed")
"""The gate's inputs (see ``gate_features``)."""


class GateParams(BaseModel):
    """The fitted gate: refuse a follow-up's answer when the model's probability is at least ``threshold``."""

    version: int = GATE_VERSION
    fitted_on: list[str] = Field(default_factory=list, description="Conversation sets (tuning parts) the fit used.")
    model: LinearModel = Field(description="P(follow-up should be refused) from the gate's features.")
    threshold: float = Field(1.0, description="Refuse when the probability is at least this (above 1: never).")
    held_out: dict[str, float] = Field(default_factory=dict, description="Leave-one-collection-out figures at the "
                                       "threshold: refusals of unanswerable, false refusals of answered follow-ups.")


@lru_cache(maxsize=2)
def load_gate(path: Path = GATE_PATH) -> GateParams:
    """The fitted gate (read once per process)."""
    return GateParams.model_validate_json(path.read_text(encoding="utf-8"))


@dataclass(frozen=True)
class FollowupTurn:
    """What the gate reads of one answered follow-up."""

    question: str  # as asked
    searched: str  # the standalone question searched
    previous: str  # the previous question, standalone
    previous_cited: Sequence[Span]  # the spans the previous answer cited (none when it was refused)


def own_terms(query_terms: list[str], asked_terms: list[str]) -> list[str]:
    """The searched terms the follow-up itself typed (the rest came from the history)."""
    asked = frozenset(asked_terms)
    return [t for t in query_terms if term_match(t, asked)]


def new_terms(asked_terms: list[str], previous_terms: list[str]) -> list[str]:
    """The follow-up's terms the previous question did not use: what it newly asks about."""
    before = frozenset(previous_terms)
    return [t for t in asked_terms if not term_match(t, before)]


def history_share(query_terms: list[str], own: list[str], weights: TermWeights) -> float:
    """Share of the searched terms' idf mass that the history supplied."""
    total = sum(weights.idf(t) for t in query_terms)
    borrowed = sum(weights.idf(t) for t in query_terms if t not in own)
    return borrowed / total if total else 0.0


def repeats_previous(cited: Sequence[Span], previous: Sequence[Span]) -> float:
    """Share of the answer's sentences that overlap a span the previous answer cited."""
    if not cited:
        return 0.0
    again = [s for s in cited if any(p.source == s.source and p.start < s.end and s.start < p.end for p in previous)]
    return len(again) / len(cited)


def same_document(cited: Sequence[Span], previous: Sequence[Span]) -> float:
    """Share of the answer's sentences from a document the previous answer cited (1 when it cited nothing: no
    sign either way)."""
    if not previous:
        return 1.0
    if not cited:
        return 0.0
    sources = {p.source for p in previous}
    return sum(s.source in sources for s in cited) / len(cited)


def gate_features(pipeline: AnswerPipeline, turn: FollowupTurn, hits: list[Hit], draft: Draft) -> dict[str, float]:
    """The gate's named signs for an answered follow-up (``hits`` and ``draft``: what answering ``turn.searched``
    retrieved and chose).

    - refusal_resolved: the answerer's refusal probability for the searched question;
    - refusal_new: the same with the searched terms cut to the follow-up's new ones (those the previous question
      did not use; its own ones when it has none), on the same passages;
    - history_share: share of the searched terms' idf mass supplied by the history;
    - new_matched: how much of the new terms' idf mass the cited sentences hold (1 when there are none);
    - repeats_previous: share of the cited sentences the previous answer cited too;
    - same_document: share of the cited sentences from a document the previous answer cited (1 if it cited none);
    - as_typed: 1 when the follow-up leans on the history but was searched as typed (nothing to tie it to), else 0.
    """
    answerer = pipeline.answerer
    searched = plain_wording(turn.searched)  # as ``AnswerPipeline.run`` read it
    query, vector = answerer.analyse(searched), pipeline.embed([searched])[0]
    seen = answerer.inspect(searched, hits, vector, query)
    resolved = seen.refusal_probability if seen is not None else 1.0
    asked = answerer.analyse(plain_wording(apostrophes(turn.question))).terms
    own = own_terms(query.terms, asked)
    new = new_terms(asked, answerer.analyse(plain_wording(turn.previous)).terms) or own
    narrowed = answerer.inspect(searched, hits, vector, replace(query, terms=new)) if new else None
    stems = frozenset().union(*(sentence_stems(s.text) for s in draft.sentences))
    return {
        "refusal_resolved": resolved,
        "refusal_new": narrowed.refusal_probability if narrowed is not None else resolved,
        "history_share": history_share(query.terms, own, answerer.weights),
        "new_matched": coverage(new, answerer.weights, stems)[0] if new else 1.0,
        "repeats_previous": repeats_previous(draft.sentences, turn.previous_cited),
        "same_document": same_document(draft.sentences, turn.previous_cited),
        "as_typed": float(turn.searched == turn.question),
    }


def refuses(params: GateParams, features: dict[str, float]) -> bool:
    """Whether the gate refuses an answer with these features."""
    return params.model.probability(features) >= params.threshold
