"""The ``assistant eval`` face: a progress bar while the set runs, the report files, the headline table."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.evals.schema import EvalSetError

if TYPE_CHECKING:
    from assistant.service import Assistant

EXIT_OK, EXIT_ERROR = 0, 1


def run_eval(assistant: Assistant, set_path: Path, out: Path, baseline: bool = False) -> int:
    """Run the set (and the baseline), write report.json/.md/.png and results.jsonl, print the headline table."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from assistant.evals.report import headline_markdown, write_report
    from assistant.evals.runner import evaluate

    bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                   transient=True, console=Console(stderr=True, highlight=False))
    tasks: dict[str, Any] = {}

    def update(system: str, done: int, total: int) -> None:
        if system not in tasks:
            tasks[system] = bar.add_task(f"eval {system}", total=total)
        bar.update(tasks[system], completed=done)

    try:
        with bar:
            run = evaluate(assistant, set_path, baseline, update)
    except EvalSetError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    paths = write_report(run, out)
    print(headline_markdown(run))
    print(f"\nreport: {paths['md']} (also {', '.join(p.name for k, p in paths.items() if k not in ('md', 'results-ours'))})")
    return EXIT_OK
