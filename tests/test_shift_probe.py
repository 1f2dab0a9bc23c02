"""The topic-shift probe (assistant/evals/shift_probe.py): its pairing and its tally, on hand-built rows."""

from __future__ import annotations

from assistant.evals.schema import EvalQuestion
from assistant.evals.shift_probe import Shift, pairs, tally


def _q(qid: str, split: str, history: list[str] | None = None) -> EvalQuestion:
    return EvalQuestion(id=qid, question=f"question {qid}?", type="factoid", split=split, history=history or [])


def test_each_tune_single_question_follows_the_one_before_it() -> None:
    rows = [_q("a", "tune"), _q("b", "test"), _q("c", "tune"), _q("d", "tune", ["earlier?"]), _q("e", "tune")]
    assert [(x.id, y.id) for x, y in pairs(rows)] == [("a", "c"), ("c", "e")]  # no test row, no follow-up row
    assert [(x.id, y.id) for x, y in pairs(rows, "test")] == []


def test_the_tally_counts_verdicts_the_history_changed() -> None:
    shifts = [Shift("c", "1", "q?", True, True, None), Shift("c", "2", "q?", True, False, "Q searched?"),
              Shift("c", "3", "q?", False, True, None), Shift("c", "4", "q?", True, False, None)]
    assert tally(shifts) == (1, 2)
