"""The eval gate: run evals/questions.jsonl through ``Assistant.ask`` on the article index and fail when a headline
figure falls below (or, for false refusals, rises above) its threshold in evals/thresholds.toml.

The report of this run is written to tests/artifacts/eval-gate/ (git-ignored) for inspection after CI.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EVAL_SET = ROOT / "evals" / "questions.jsonl"
THRESHOLDS = ROOT / "evals" / "thresholds.toml"
ARTIFACTS = ROOT / "tests" / "artifacts" / "eval-gate"


def test_thresholds_cover_every_headline_figure() -> None:
    thresholds = tomllib.loads(THRESHOLDS.read_text())
    named = set(thresholds["minimum"]) | set(thresholds["maximum"])
    required = {"accuracy", "citation_recall", "citation_precision", "verbatim_rate", "abstain_recall",
                "false_refusal_rate", "hit@3", "mrr"}
    assert required <= named, f"thresholds.toml lacks {sorted(required - named)}"
    assert thresholds["minimum"]["verbatim_rate"] == 1.0
    assert set(thresholds) == {"minimum", "maximum", "sets", "conversations"}
    sets = thresholds["sets"]
    assert set(sets) == {"minimum", "maximum", "macro_minimum", "macro_maximum"}
    each = set(sets["minimum"]) | set(sets["maximum"])
    assert {"accuracy", "citation_recall", "verbatim_rate", "abstain_recall", "hit@3", "false_refusal_rate"} <= each
    assert sets["minimum"]["verbatim_rate"] == 1.0
    assert "accuracy" in sets["macro_minimum"]


def test_eval_figures_meet_thresholds(assistant) -> None:
    from assistant.evals.metrics import check_thresholds
    from assistant.evals.report import headline_markdown, write_report
    from assistant.evals.runner import evaluate

    run = evaluate(assistant, EVAL_SET)
    write_report(run, ARTIFACTS)
    print("\n" + headline_markdown(run))
    thresholds = tomllib.loads(THRESHOLDS.read_text())
    failures = check_thresholds(run.systems["ours"].figures, {b: thresholds[b] for b in ("minimum", "maximum")})
    assert not failures, "eval gate failed (see tests/artifacts/eval-gate/report.md):\n" + "\n".join(failures)
