"""Screening candidate ranker features (``assistant.answer.ranker_screen``) on hand-built tuning samples: a feature
that points at the gold sentence lifts the held-out top-1, one that knows nothing does not."""

from __future__ import annotations

from dataclasses import dataclass

from assistant.answer.fit import QuestionSample
from assistant.answer.ranker_screen import screen, with_feature
from test_answer_features import candidate, question, ranked, sentence


@dataclass(frozen=True)
class MarksGold:
    """A stand-in feature for the test: the candidate carries a marker exactly when it is the gold sentence."""

    name: str = "marks_gold"

    def __call__(self, q, c) -> float:
        return float("(gold)" in c.sentence.text)


@dataclass(frozen=True)
class EvenLength:
    """A stand-in feature that knows nothing: whether the candidate's length is even."""

    name: str = "even_length"

    def __call__(self, q, c) -> float:
        return float(len(c.sentence.text) % 2 == 0)


def _samples() -> list[QuestionSample]:
    out = []
    for group in ("manual", "faq", "history", "licence"):
        for i in range(21):
            gold = i % 3
            texts = [f"Option {i} of the {group} set, line {k}{' (gold)' if k == gold else ''}." for k in range(3)]
            sample = QuestionSample(group, f"{group}{i}", False, view=question(f"what does option {i} do?"))
            sample.ranked = ranked(*(candidate(sentence(t)) for t in texts))
            sample.features = [{} for _ in texts]
            sample.labels = [int(k == gold) for k in range(3)]
            out.append(sample)
    return out


def test_a_feature_pointing_at_gold_lifts_the_held_out_top1_and_an_empty_one_does_not() -> None:
    figures = screen(_samples(), [MarksGold(), EvenLength()])
    assert set(figures) == {"", "marks_gold", "even_length"}
    base = figures[""].mean
    assert abs(base - 1 / 3) < 0.01  # no feature tells the candidates apart: the first one, gold a third of the time
    assert set(figures["marks_gold"].per_collection) == {"manual", "faq", "history", "licence"}
    assert figures["marks_gold"].mean == 1.0
    assert figures["even_length"].mean < 0.6


def test_standings_add_the_features_rank_and_gap_among_the_candidates() -> None:
    samples = _samples()[:1]
    names = with_feature(samples, MarksGold(), standings=True)
    assert names == ["marks_gold", "marks_gold_rank", "marks_gold_gap"]
    rows = samples[0].features
    assert [r["marks_gold"] for r in rows] == [1.0, 0.0, 0.0]
    assert rows[0]["marks_gold_rank"] == 1.0 and rows[0]["marks_gold_gap"] == 0.0
    assert rows[1]["marks_gold_gap"] == -1.0
