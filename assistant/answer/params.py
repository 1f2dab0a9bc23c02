"""The answer pipeline's fitted parameters: one typed, versioned file (``params.json`` beside this module).

``assistant tune`` (``python -m assistant.answer.fit``) writes it deterministically from the tuning parts of the
eval collections; nothing in the answer code carries a weight or threshold of its own.
"""

from __future__ import annotations

import math
from functools import cached_property, lru_cache
from pathlib import Path

from pydantic import BaseModel, Field

PARAMS_PATH = Path(__file__).with_name("params.json")
PARAMS_VERSION = 1


class LinearModel(BaseModel):
    """A logistic model over named features: ``sigmoid(bias + sum(weight * value))``. Inputs are standardised
    with the stored means and scales so that weights compare across features."""

    weights: dict[str, float]
    bias: float = 0.0
    mean: dict[str, float] = Field(default_factory=dict)
    scale: dict[str, float] = Field(default_factory=dict)

    @cached_property
    def _terms(self) -> tuple[tuple[str, float, float, float], ...]:
        """(name, weight, mean, scale) per feature, looked up once (the model is read-only once loaded)."""
        return tuple((name, weight, self.mean.get(name, 0.0), self.scale.get(name, 1.0) or 1.0)
                     for name, weight in self.weights.items())

    def logit(self, values: dict[str, float]) -> float:
        """The model's log-odds for one input (unknown features count as 0, missing ones as their mean)."""
        total = self.bias
        for name, weight, mean, scale in self._terms:
            total += weight * (values.get(name, mean) - mean) / scale
        return total

    def probability(self, values: dict[str, float]) -> float:
        """The model's probability for one input."""
        return sigmoid(self.logit(values))


def sigmoid(logit: float) -> float:
    """The probability of a log-odds (clamped to +-30)."""
    z = max(min(logit, 30.0), -30.0)
    return 1.0 / (1.0 + math.exp(-z))


class AnswerParams(BaseModel):
    """Everything fitted: the sentence ranker, the refusal model and its threshold, and how answers grow."""

    version: int = PARAMS_VERSION
    fitted_on: list[str] = Field(default_factory=list, description="Collections (tuning parts) the fit used.")
    ranker: LinearModel = Field(description="P(sentence overlaps gold evidence) from candidate features.")
    refusal: LinearModel = Field(description="P(question should be refused) from refusal evidence.")
    refusal_fitted_on: list[str] = Field(default_factory=list, description="Collections the refusal model was "
                                         "refitted on alone (``assistant tune --refusal-only``); empty: ``fitted_on``.")
    refusal_threshold: float = Field(0.5, description="Refuse when the refusal probability is at least this.")
    extra_sentence_ratio: float = Field(0.8, description="A further sentence joins when its ranker probability is "
                                        "at least this share of the best one's.")
    interval_min_fit: float = Field(0.35, description="'How many days between A and B': each event's dated sentence "
                                    "needs at least this mean of term coverage and dense similarity. Hand-set: the "
                                    "collections hold too few such questions to fit it.")
    interval_window_discount: float = Field(0.1, description="'How many days between A and B': an event matched "
                                            "only with the dated sentence's paragraph neighbours fits this much "
                                            "less than one its own sentence states. Hand-set, as interval_min_fit.")
    sentences_per_part: int = Field(2, description="For each part of a multi-part question, its best this many "
                                    "sentences join the answer. Chosen on the tuning parts: 1 -> 2 gave +1/-0.")
    part_answer_sentences: int = Field(3, description="For each part of a multi-part question, the best this many "
                                       "sentences of the part's own answer (asked alone: its own retrieval and "
                                       "refusal) join the answer when it lacks them. Chosen on the tuning parts: 1, 2 "
                                       "and 3 each gave +4/-0 when it came in, 1 kept answers shortest; at stop 67 "
                                       "(with many more multi-part questions) 2 gave +3/-0 and 3 +6/-0 over 1, its "
                                       "multi-part answers 147 -> 173 words on average.")
    extras_must_add_terms: bool = Field(True, description="A further sentence must also match a question term the "
                                        "answer so far lacks (or give a reason for a why-question).")

    def growth(self) -> dict[str, float | bool]:
        """How answers grow (the fields the fit's end-to-end grid chooses), to carry into another fit."""
        return {"extra_sentence_ratio": self.extra_sentence_ratio, "extras_must_add_terms": self.extras_must_add_terms}


@lru_cache(maxsize=4)
def load_params(path: Path = PARAMS_PATH) -> AnswerParams:
    """The fitted parameters (read once per process)."""
    return AnswerParams.model_validate_json(path.read_text(encoding="utf-8"))
