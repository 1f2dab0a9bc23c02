"""A multi-collection eval on paper and against the gate: reports per collection, summary.json/.md, thresholds."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from assistant.evals.metrics import check_thresholds
from assistant.evals.report import environment, write_report
from assistant.evals.sets import SetsRun

COLUMNS = ("questions", "accuracy", "citation_recall", "abstain_recall", "false_refusal_rate", "hit@3", "mrr",
           "retrieved_words_top3_median", "answer_words_median")
BASELINE_COLUMNS = ("accuracy", "hit@3", "mrr", "retrieved_words_top3_median", "answer_words_median")
SHORT = {"questions": "questions", "accuracy": "accuracy", "citation_recall": "citation recall",
         "abstain_recall": "abstain recall", "false_refusal_rate": "false refusals", "hit@3": "hit@3", "mrr": "MRR",
         "retrieved_words_top3_median": "words in top 3 (median)", "answer_words_median": "answer words (median)"}
MACRO = "macro average"


def _cell(value: float | int | None, name: str) -> str:
    if value is None:
        return "—"
    return f"{round(value, 1):g}" if name in ("questions", "answer_words_median", "retrieved_words_top3_median") else f"{value:.2f}"


def summary_rows(run: SetsRun) -> list[tuple[str, dict[str, float | int | None], dict[str, float | int | None] | None]]:
    """(collection, our figures, baseline figures or None) per collection, then the macro average row."""
    rows: list[tuple[str, dict[str, float | int | None], dict[str, float | int | None] | None]] = []
    for name, eval_run in run.runs.items():
        base = eval_run.systems.get("baseline")
        rows.append((name, eval_run.systems["ours"].figures, base.figures if base else None))
    with_baseline = any(base is not None for _, _, base in rows)
    total = sum(len(r.questions) for r in run.runs.values())
    rows.append((MACRO, {**run.macro(), "questions": total}, run.macro("baseline") if with_baseline else None))
    return rows


def summary_markdown(run: SetsRun) -> str:
    """The table: one row per collection (ours, and the baseline's headline beside it), then the macro average."""
    rows = summary_rows(run)
    with_baseline = any(base is not None for _, _, base in rows)
    header = ["collection", *(SHORT[c] for c in COLUMNS)]
    if with_baseline:
        header += [f"baseline {SHORT[c]}" for c in BASELINE_COLUMNS]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for name, ours, base in rows:
        cells = [f"**{name}**" if name == MACRO else name, *(_cell(ours.get(c), c) for c in COLUMNS)]
        if with_baseline:
            cells += [_cell(base.get(c) if base else None, c) for c in BASELINE_COLUMNS]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def summary_data(run: SetsRun) -> dict[str, Any]:
    """Everything in summary.json: per collection (set, figures per system), macro averages, skipped folders."""
    systems = sorted({name for r in run.runs.values() for name in r.systems}, key=lambda n: n != "ours")
    return {
        "sets_dir": str(run.sets_dir), "split": run.split,
        "collections": {name: {"set": {"path": str(r.set_path), "sha256": r.set_sha256, "questions": len(r.questions)},
                               "started": r.started,
                               "figures": {s: r.systems[s].figures for s in r.systems}}
                        for name, r in run.runs.items()},
        "macro": {s: run.macro(s) for s in systems},
        "skipped": run.skipped,
        "environment": environment(),
    }


def write_sets_report(run: SetsRun, out: Path) -> dict[str, Path]:
    """Each collection's report in ``out/<name>/``, and summary.json and summary.md in ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    for name, eval_run in run.runs.items():
        write_report(eval_run, out / name)
    paths = {"json": out / "summary.json", "md": out / "summary.md"}
    paths["json"].write_text(json.dumps(summary_data(run), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    skipped = [f"- {name}: skipped ({why})" for name, why in run.skipped.items()]
    parts = ["# Grounding eval over collections", "",
             f"The {run.split} split of {len(run.runs)} collection(s) under `{run.sets_dir}`; the macro average weighs "
             "each collection the same. Each collection's full report is in its folder (`<name>/report.md`).", "",
             summary_markdown(run), "", *skipped]
    paths["md"].write_text("\n".join(parts).rstrip() + "\n", encoding="utf-8")
    return paths


def sets_failures(run: SetsRun, thresholds: Mapping[str, Mapping[str, float]]) -> dict[str, list[str]]:
    """Gate breaches per collection and for the macro average (key ``MACRO``); empty lists when all pass.

    ``thresholds`` is the ``[sets]`` table: ``minimum``/``maximum`` hold for every collection,
    ``macro_minimum``/``macro_maximum`` for the macro average.
    """
    each = {bound: thresholds[bound] for bound in ("minimum", "maximum") if bound in thresholds}
    macro = {bound: thresholds[f"macro_{bound}"] for bound in ("minimum", "maximum") if f"macro_{bound}" in thresholds}
    failures = {name: check_thresholds(r.systems["ours"].figures, each) for name, r in run.runs.items()}
    failures[MACRO] = check_thresholds(run.macro(), macro)
    return failures

