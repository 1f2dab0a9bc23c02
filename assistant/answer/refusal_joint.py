"""Refusal evidence read from other evidence: signs that mean more together than each alone.

A joint rule reads the values of the question's other refusal rules (``refusal.refusal_evidence``), never the
candidates again, and returns a number like any rule (1.0 meaning "strong sign"); the fitted model weighs it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Protocol


class JointRule(Protocol):
    """A named sign computed from the other rules' values."""

    name: str

    def __call__(self, evidence: Mapping[str, float]) -> float: ...


@dataclass(frozen=True)
class PremiseDoubted:
    """The question takes something for granted ("why does X ...", "since X, how ...": ``takes_for_granted``) and
    other evidence speaks against it: a close candidate denies it (``contradicted``), a term of it is in no document
    (``unseen_terms``) or a thing it names is in none of the first candidates (``question_entities_absent``). The
    question's shape alone is common to answerable why-questions; a premise with evidence against it is not."""

    name: str = "premise_doubted"
    premise: str = "takes_for_granted"
    doubts: tuple[str, ...] = ("contradicted", "unseen_terms", "question_entities_absent")

    def __call__(self, evidence: Mapping[str, float]) -> float:
        return float(evidence[self.premise] > 0 and any(evidence[d] > 0 for d in self.doubts))


JOINT_RULES: tuple[JointRule, ...] = (PremiseDoubted(),)
