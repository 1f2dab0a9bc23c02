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
    """A rich progress bar fed by the indexer's (stage, done, total) callbacks."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    console = _console(stderr=True)
    bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                   transient=True, console=console)
    tasks: dict[str, int] = {}
    done: dict[str, int] = {}

    def update(stage: str, newly_done: int, total: int) -> None:
        before = done.get(stage, 0)
        done[stage] = before + newly_done
        if not console.is_terminal:  # logs and pipes: a plain line at the start and every tenth of the way
            step = max(1, total // 10)
            if stage not in tasks or done[stage] == total or done[stage] // step != before // step:
                tasks[stage] = 0
                print(f"embedding {stage}: {done[stage]}/{total}", file=sys.stderr, flush=True)
            return
        if stage not in tasks:
            bar.start()
            tasks[stage] = bar.add_task(f"embedding {stage}", total=total)
        bar.update(tasks[stage], completed=done[stage])

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
