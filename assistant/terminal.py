"""What the ``assistant`` command shows in a terminal: progress bars, index-run summaries, answers with sources.

Terminal-safe: a document's control characters (escape sequences) are shown as \ufffd, never sent to the terminal.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console

    from assistant.indexer import IndexReport
    from assistant.schema import Answer


def progress_bar() -> tuple[Callable[[str, int, int], None], Callable[[], None]]:
    """A rich progress display fed by the indexer's (stage, newly done, total) callbacks: a bar per stage with the
    count, rate and time left (``assistant.progress``); in logs and pipes, a plain line every tenth of the way."""
    from rich.progress import BarColumn, Progress, TextColumn

    from assistant.progress import UNITS, RunProgress

    console = _console(stderr=True)
    state = RunProgress()
    bar = Progress(TextColumn("{task.description}"), BarColumn(), TextColumn("{task.fields[status]}"),
                   transient=True, console=console)
    tasks: dict[str, int] = {}

    def update(stage: str, newly_done: int, total: int) -> None:
        if not total:  # nothing to do in this stage (an empty corpus): no bar, no line
            return
        before = state.stages[stage].done if stage in state.stages else -1
        state.update(stage, newly_done, total)
        done = state.stages[stage].done
        if not console.is_terminal:  # logs and pipes: a plain line at the start and every tenth of the way
            step = max(1, total // 10)
            if before < 0 or done == total or done // step != before // step:
                print(state.line(stage), file=sys.stderr, flush=True)
            return
        if stage not in tasks:
            bar.start()
            tasks[stage] = bar.add_task(UNITS.get(stage, stage), total=total, status="")
        bar.update(tasks[stage], completed=done, total=total, status=state.status(stage))

    def stop() -> None:  # a bar never started must print nothing (rich would print an empty line)
        if tasks and console.is_terminal:
            bar.stop()

    return update, stop


def _console(stderr: bool = False) -> Console:
    from rich.console import Console

    return Console(stderr=stderr, highlight=False)


def print_report(report: IndexReport) -> None:
    """One summary block for an index run."""
    console = _console()
    console.print(
        f"indexed in {report.seconds:.2f}s: {len(report.added)} added, {len(report.updated)} updated, "
        f"{len(report.removed)} removed, {len(report.unchanged)} unchanged documents; "
        f"{report.chunks_total} chunks ({report.chunks_embedded} embedded, {report.chunks_deleted} deleted); "
        f"{report.sentences_embedded} sentences embedded",
        soft_wrap=True,
    )
    for reason in report.skipped.values():
        console.print(f"[yellow]skipped[/yellow] {reason}", soft_wrap=True)


def terminal_safe(text: str) -> str:
    """Text with control characters (a document's terminal escape sequences) shown as \ufffd, lines kept."""
    return "".join(ch if ch.isprintable() or ch in "\n\t" else "\ufffd" for ch in text)


def render_answer(answer: Answer) -> str:
    """The answer and a numbered source list, for a human (terminal-safe: no escape sequence gets through)."""
    lines = [answer.answer, ""]
    if answer.notice:
        lines[:0] = [f"({answer.notice})", ""]
    if answer.searched:
        lines[:0] = [f"(searched as: \u201c{answer.searched}\u201d)", ""]
    if answer.citations:
        lines.append("Nearest passages:" if answer.abstained else "Sources:")
        for c in answer.citations:
            where = f"{c.source} [{c.start}:{c.end}]" + (f", p. {c.page}" if c.page else "")
            where += f" — {c.section}" if c.section else ""
            lines.append(f"  [{c.n}] {where}\n      \u201c{' '.join(c.quote.split())}\u201d")
    return terminal_safe("\n".join(lines))
