"""The ``assistant`` command: a thin face over ``Assistant``. Heavy imports stay inside the subcommands."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from assistant.indexer import IndexReport
    from assistant.schema import Answer
    from assistant.service import Assistant

EXIT_OK, EXIT_ERROR, EXIT_SKIPPED = 0, 1, 3


def _assistant() -> Assistant:
    from assistant.service import Assistant

    return Assistant.from_settings()


def _progress_bar() -> tuple[Callable[[str, int, int], None], Callable[[], None]]:
    """A rich progress bar fed by the indexer's (stage, done, total) callbacks."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                   transient=True, console=_console(stderr=True))
    tasks: dict[str, int] = {}

    def update(stage: str, done: int, total: int) -> None:
        if stage not in tasks:
            bar.start()
            tasks[stage] = bar.add_task(f"embedding {stage}", total=total)
        else:
            bar.advance(tasks[stage], done)

    return update, bar.stop


def _console(stderr: bool = False):  # noqa: ANN202 - rich type stays lazy
    from rich.console import Console

    return Console(stderr=stderr, highlight=False)


def print_report(report: IndexReport) -> None:
    """One summary block for an index run."""
    console = _console()
    console.print(
        f"indexed in {report.seconds:.2f}s: {len(report.added)} added, {len(report.updated)} updated, "
        f"{len(report.removed)} removed, {len(report.unchanged)} unchanged documents; "
        f"{report.chunks_total} chunks ({report.chunks_embedded} embedded, {report.chunks_deleted} deleted)"
    )
    for reason in report.skipped.values():
        console.print(f"[yellow]skipped[/yellow] {reason}")


def ensure_index(assistant: Assistant) -> None:
    """Build the index first when it is missing, with a progress bar."""
    if assistant.has_index():
        return
    print("No index yet: building it first.", file=sys.stderr)
    update, stop = _progress_bar()
    try:
        report = assistant.ensure_index(update)
    finally:
        stop()
    if report:
        print_report(report)


def cmd_index(args: argparse.Namespace) -> int:
    """Build or update the index."""
    assistant = _assistant()
    update, stop = _progress_bar()
    try:
        report = assistant.index(update)
    finally:
        stop()
    print_report(report)
    return EXIT_SKIPPED if report.skipped else EXIT_OK


def render_answer(answer: Answer) -> str:
    """The answer and a numbered source list, for a human."""
    lines = [answer.answer, ""]
    if answer.citations:
        lines.append("Nearest passages:" if answer.abstained else "Sources:")
        for c in answer.citations:
            where = f"{c.source} [{c.start}:{c.end}]" + (f" — {c.section}" if c.section else "")
            lines.append(f"  [{c.n}] {where}\n      \u201c{' '.join(c.quote.split())}\u201d")
    return "\n".join(lines)


def _answer_json(answer: Answer) -> str:
    return answer.model_dump_json()


def cmd_ask(args: argparse.Namespace) -> int:
    """Answer one question, or a JSON-lines batch."""
    from assistant.service import QuestionError

    assistant = _assistant()
    ensure_index(assistant)
    if args.batch:
        return _ask_batch(assistant, Path(args.batch), args.json)
    if not args.question:
        print("error: give a QUESTION or --batch FILE", file=sys.stderr)
        return 2
    try:
        answer = assistant.ask(" ".join(args.question))
    except QuestionError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(_answer_json(answer) if args.json else render_answer(answer))
    return EXIT_OK


def _ask_batch(assistant: Assistant, path: Path, as_json: bool) -> int:
    from assistant.service import QuestionError

    status = EXIT_OK
    stream = sys.stdin if str(path) == "-" else path.open(encoding="utf-8")
    with stream:
        for number, line in enumerate(stream, start=1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
                answer = assistant.ask(str(item["question"]), id=str(item.get("id", number)))
                print(_answer_json(answer) if as_json else render_answer(answer) + "\n", flush=True)
            except (ValueError, KeyError, TypeError, QuestionError) as exc:
                status = EXIT_ERROR
                ident = item.get("id") if isinstance(locals().get("item"), dict) else None
                print(json.dumps({"id": ident, "line": number, "error": str(exc)}), flush=True)
    return status


def cmd_chat(args: argparse.Namespace) -> int:
    """An interactive prompt in the terminal."""
    from assistant.service import QuestionError

    assistant = _assistant()
    ensure_index(assistant)
    print("Ask about the documents (empty line or Ctrl-D to quit).")
    while True:
        try:
            question = input("\n? ").strip()
        except (EOFError, KeyboardInterrupt):
            return EXIT_OK
        if not question:
            return EXIT_OK
        try:
            print(render_answer(assistant.ask(question)))
        except QuestionError as exc:
            print(f"error: {exc}")


def cmd_sources(args: argparse.Namespace) -> int:
    """List indexed documents."""
    assistant = _assistant()
    ensure_index(assistant)
    for doc in assistant.sources():
        print(f"{doc.source}\t{len(doc.chunk_ids)} chunks\t{doc.sha256[:12]}\t{doc.indexed_at}\t{doc.title}")
    return EXIT_OK


def cmd_eval(args: argparse.Namespace) -> int:
    """Run an eval set through ``ask`` (and the llama-index baseline), write the report, print the headline."""
    from assistant.evals.cli import run_eval

    assistant = _assistant()
    ensure_index(assistant)
    return run_eval(assistant, Path(args.set), Path(args.out), args.baseline)


def build_parser() -> argparse.ArgumentParser:
    """All subcommands."""
    parser = argparse.ArgumentParser(prog="assistant", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("index", help="build or update the index from the corpus folder").set_defaults(run=cmd_index)
    ask = sub.add_parser("ask", help="answer a question with citations")
    ask.add_argument("question", nargs="*", help="the question")
    ask.add_argument("--json", action="store_true", help="print the JSON answer contract")
    ask.add_argument("--batch", metavar="FILE", help="JSON lines with id and question ('-' for stdin)")
    ask.set_defaults(run=cmd_ask)
    sub.add_parser("chat", help="interactive questions in the terminal").set_defaults(run=cmd_chat)
    sub.add_parser("sources", help="list indexed documents").set_defaults(run=cmd_sources)
    evals = sub.add_parser("eval", help="score answers on an eval set (no LLM judge) and write a report")
    evals.add_argument("--set", default="evals/questions.jsonl", help="JSON-lines eval set (default: %(default)s)")
    evals.add_argument("--out", default="evals/reports", help="report folder (default: %(default)s)")
    evals.add_argument("--baseline", action="store_true", help="also run the llama-index baseline side by side")
    evals.set_defaults(run=cmd_eval)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``assistant`` script and ``python -m assistant``."""
    from assistant.embedder import EmbedderUnavailable
    from assistant.indexer import IndexBusy
    from assistant.store import IndexMissing

    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except (EmbedderUnavailable, IndexBusy, IndexMissing) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_ERROR
