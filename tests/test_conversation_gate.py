"""The conversations gate: the frozen test parts of the follow-up sets (each question asked with its history) must
meet ``[conversations]`` of evals/thresholds.toml: the article's evals/conversations.jsonl on its own, the collections'
conversations.jsonl as a macro average. Reports go to tests/artifacts/conversation-gate/ (git-ignored).
"""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ARTICLE_SET = ROOT / "evals" / "conversations.jsonl"
SETS = ROOT / "evals" / "sets"
THRESHOLDS = ROOT / "evals" / "thresholds.toml"
ARTIFACTS = ROOT / "tests" / "artifacts" / "conversation-gate"


def _gate() -> dict:
    return tomllib.loads(THRESHOLDS.read_text())["conversations"]


def test_article_follow_ups_meet_thresholds(assistant) -> None:
    from assistant.evals.metrics import check_thresholds
    from assistant.evals.report import headline_markdown, write_report
    from assistant.evals.runner import evaluate

    run = evaluate(assistant, ARTICLE_SET, split="test")
    write_report(run, ARTIFACTS / "article")
    print("\n" + headline_markdown(run))
    assert all(r.type == "followup" for r in run.systems["ours"].results)
    failures = check_thresholds(run.systems["ours"].figures, _gate()["article"])
    assert not failures, "conversation gate (article) failed:\n" + "\n".join(failures)


def test_collection_follow_ups_meet_macro_thresholds() -> None:
    from assistant.evals.sets import run_sets
    from assistant.evals.summary import MACRO, sets_failures, write_sets_report
    from assistant.settings import Settings

    run = run_sets(Settings(), SETS, "test", conversations=True)
    write_sets_report(run, ARTIFACTS / "sets")
    assert sorted(run.runs) == sorted(p.parent.name for p in SETS.glob("*/conversations.jsonl"))
    failures = sets_failures(run, _gate()["sets"])
    assert not failures[MACRO], "conversation gate (collections' macro average) failed:\n" + "\n".join(failures[MACRO])
