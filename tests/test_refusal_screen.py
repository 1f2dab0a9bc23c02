"""Screening candidate refusal evidence (``assistant.answer.refusal_screen``) on hand-built tuning samples: a sign
that tells refusals apart gains under the fit's own held-out judgement, one that does not, does not."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from assistant.answer.fit import QuestionSample
from assistant.answer.params import LinearModel
from assistant.answer.refusal_screen import load_sign, screen
from test_answer_features import candidate, question, ranked, sentence


@dataclass(frozen=True)
class SaysNotStated:
    """A stand-in sign for the test: the question carries a marker exactly when it should be refused."""

    name: str = "says_not_stated"

    def __call__(self, q, cands) -> float:
        return float("(not stated)" in q.query.text)


@dataclass(frozen=True)
class EvenLength:
    """A stand-in sign that knows nothing: whether the question's length is even."""

    name: str = "even_length"

    def __call__(self, q, cands) -> float:
        return float(len(q.query.text) % 2 == 0)


def _samples() -> list[QuestionSample]:
    out = []
    for group in ("manual", "faq", "history", "licence"):
        for i in range(24):
            refuse = i % 3 == 0
            text = f"what does option {i} of the {group} set{' (not stated)' if refuse else ''}?"
            sample = QuestionSample(group, f"{group}{i}", refuse, view=question(text))
            sample.ranked = ranked(candidate(sentence(f"Option {i} sets the {group} value.")))
            out.append(sample)
    return out


def test_an_informative_sign_gains_and_an_empty_one_does_not() -> None:
    figures = screen(_samples(), LinearModel(weights={}), [SaysNotStated(), EvenLength()])
    assert set(figures) == {"", "says_not_stated", "even_length"}
    base = figures[""]
    assert figures["says_not_stated"].refused == 1.0 and figures["says_not_stated"].false_refusals == 0.0
    assert figures["says_not_stated"].score > base.score + 0.5
    assert figures["even_length"].score <= base.score + 0.1


def test_a_sign_is_named_by_module_and_attribute() -> None:
    sign = load_sign("assistant.answer.refusal_premise:AsksHowTo")
    assert sign.name == "asks_how_to"
    with pytest.raises(AttributeError):
        load_sign("assistant.answer.refusal_premise:NoSuchSign")
