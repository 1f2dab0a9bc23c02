"""The collections gate: the frozen test split of every collection under evals/sets/ runs through ``run_sets`` (each
collection on its cached scratch index in evals/.cache/, built once and reused while its corpus and the index
settings are unchanged), and every collection, then the macro average, must meet the ``[sets]`` thresholds of
evals/thresholds.toml.

The reports of this run are written to tests/artifacts/eval-sets/ (git-ignored) for inspection after CI.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SETS = ROOT / "evals" / "sets"
THRESHOLDS = ROOT / "evals" / "thresholds.toml"
ARTIFACTS = ROOT / "tests" / "artifacts" / "eval-sets"
COLLECTIONS = sorted(p.name for p in SETS.iterdir() if (p / "questions.jsonl").is_file()) if SETS.is_dir() else []


@pytest.fixture(scope="module")
def failures() -> dict[str, list[str]]:
    """Gate breaches per collection and for the macro average, from one run of every collection's test split."""
    from assistant.evals.sets import run_sets
    from assistant.evals.summary import sets_failures, summary_markdown, write_sets_report
    from assistant.settings import Settings

    if not COLLECTIONS:
        pytest.skip("no collection under evals/sets has a questions.jsonl yet")
    run = run_sets(Settings(), SETS, "test")
    write_sets_report(run, ARTIFACTS)
    print("\n" + summary_markdown(run))
    assert sorted(run.runs) == COLLECTIONS
    return sets_failures(run, tomllib.loads(THRESHOLDS.read_text())["sets"])


@pytest.mark.parametrize("name", COLLECTIONS)
def test_collection_meets_thresholds(failures: dict[str, list[str]], name: str) -> None:
    assert not failures[name], (f"collection {name} failed the gate (see tests/artifacts/eval-sets/{name}/report.md):\n"
                                + "\n".join(failures[name]))


def test_macro_average_meets_thresholds(failures: dict[str, list[str]]) -> None:
    from assistant.evals.summary import MACRO

    assert not failures[MACRO], ("the macro average failed the gate (see tests/artifacts/eval-sets/summary.md):\n"
                                 + "\n".join(failures[MACRO]))
