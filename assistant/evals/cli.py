"""The ``assistant eval`` face: a progress bar while the set runs, the report files, the headline table."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.evals.schema import EvalSetError

if TYPE_CHECKING:
    from rich.progress import Progress as Bar

    from assistant.evals.runner import Progress
    from assistant.service import Assistant
    from assistant.settings import Settings

EXIT_OK = 0


def _progress_bar(prefix: str) -> tuple[Bar, Progress]:
    """A transient rich bar on stderr and its (task, done, total) callback; a task is shown as prefix + task."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeElapsedColumn
    from rich.progress import Progress as RichProgress

    console = Console(stderr=True, highlight=False)
    bar = RichProgress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                       transient=True, console=console)
    tasks: dict[str, Any] = {}
    shown: dict[str, int] = {}

    def update(task: str, done: int, total: int) -> None:
        if not console.is_terminal:  # logs and pipes: a plain line at the start and every tenth of the way
            step = max(1, total // 10)
            if task not in shown or done == total or done // step != shown[task] // step:
                print(f"{prefix}{task}: {done}/{total}", file=sys.stderr, flush=True)
            shown[task] = done
            return
        if task not in tasks:
            tasks[task] = bar.add_task(f"{prefix}{task}", total=total)
        bar.update(tasks[task], completed=done, total=total)

    return bar, update


def run_eval(assistant: Assistant, set_path: Path, out: Path, baseline: bool = False, split: str = "all") -> int:
    """Run the set (and the baseline), write report.json/.md/.png and results.jsonl, print the headline table."""
    from assistant.evals.report import headline_markdown, write_report
    from assistant.evals.runner import evaluate

    bar, update = _progress_bar("eval ")
    with bar:  # EvalSetError: one line from the CLI's main
        run = evaluate(assistant, set_path, baseline, update, split)
    paths = write_report(run, out)
    print(headline_markdown(run))
    print(f"\nreport: {paths['md']} (also {', '.join(p.name for k, p in paths.items() if k not in ('md', 'results-ours'))})")
    return EXIT_OK


def run_sets_eval(
    settings: Settings, sets_dir: Path, split: str, names: Sequence[str] | None, out: Path, baseline: bool = False,
    conversations: bool = False,
) -> int:
    """Run every collection's ``split`` part on its cached scratch index, write the reports, print the table."""
    from assistant.evals.sets import run_sets
    from assistant.evals.summary import summary_markdown, write_sets_report

    bar, update = _progress_bar("eval ")
    with bar:  # EvalSetError: one line from the CLI's main
        run = run_sets(settings, sets_dir, split, names, baseline, progress=update, conversations=conversations)
    for name, why in run.skipped.items():
        print(f"skipped {name}: {why}", file=sys.stderr)
    if not run.runs:
        raise EvalSetError(f"no collection under {sets_dir} has a {'conversations' if conversations else 'questions'}.jsonl")
    paths = write_sets_report(run, out)
    print(summary_markdown(run))
    print(f"\nsummary: {paths['md']} (also {paths['json'].name}; per collection: {out}/<name>/report.md)")
    return EXIT_OK


def run_llm_reference_eval(sets_dir: Path, split: str, out: Path, pairings: int = 1) -> int:
    """Measure the grounding guard with the reference stand-ins on every collection and the article; print the table."""
    from assistant.evals.llm_reference import run_reference_eval
    from assistant.settings import Settings

    bar, update = _progress_bar("guard ")
    with bar:
        text = run_reference_eval(Settings(), sets_dir, split, out, update, pairings)
    print(text)
    print(f"report: {out}/llm-reference-{split}.md (also .json)")
    return EXIT_OK
