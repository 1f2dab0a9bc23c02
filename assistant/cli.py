"""The ``assistant`` command: a thin face over ``Assistant``. Heavy imports stay inside the subcommands."""

from __future__ import annotations

import argparse
import gc
import os
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
        before = state.stages[stage].done if stage in state.stages else -1
        state.update(stage, newly_done, total)
        done = state.stages[stage].done
        if not console.is_terminal:
            step = max(1, total // 10)
            if before < 0 or done == total or done // step != before // step:
                print(state.line(stage), file=sys.stderr, flush=True)
            return
        if stage not in tasks:
            bar.start()
            tasks[stage] = bar.add_task(UNITS.get(stage, stage), total=total, status="")
        bar.update(tasks[stage], completed=done, total=total, status=state.status(stage))

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
        f"{report.chunks_total} chunks ({report.chunks_embedded} embedded, {report.chunks_deleted} deleted); "
        f"{report.sentences_embedded} sentences embedded",
        soft_wrap=True,
    )
    for reason in report.skipped.values():
        console.print(f"[yellow]skipped[/yellow] {reason}", soft_wrap=True)


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
    """Build or update the index (of the whole corpus, or of the paths given)."""
    assistant = _assistant()
    paths = [Path(p) for p in args.paths] or None
    return _run_indexing(lambda progress: assistant.index(progress, args.wait, paths))


def _run_indexing(run: Callable[[Callable[[str, int, int], None]], IndexReport]) -> int:
    """Run an index operation with a progress bar, print its summary; exit 3 when something was skipped."""
    update, stop = _progress_bar()
    try:
        report = run(update)
    finally:
        stop()
    print_report(report)
    return EXIT_SKIPPED if report.skipped else EXIT_OK


def cmd_add(args: argparse.Namespace) -> int:
    """Copy files or folders into the corpus (or fetch URLs into it) and index them."""
    assistant = _assistant()
    status = EXIT_OK
    for target in args.targets:
        status = max(status, _run_indexing(lambda progress, t=target: assistant.add(t, progress, args.wait)))
    return status


def cmd_remove(args: argparse.Namespace) -> int:
    """Delete sources from the corpus and their chunks from the index."""
    assistant = _assistant()
    status = EXIT_OK
    for source in args.sources:
        status = max(status, _run_indexing(lambda progress, s=source: assistant.remove(s, progress, args.wait)))
    return status


def terminal_safe(text: str) -> str:
    """Text with control characters (a document's terminal escape sequences) shown as \ufffd, lines kept."""
    return "".join(ch if ch.isprintable() or ch in "\n\t" else "\ufffd" for ch in text)


def render_answer(answer: Answer) -> str:
    """The answer and a numbered source list, for a human (terminal-safe: no escape sequence gets through)."""
    lines = [answer.answer, ""]
    if answer.notice:
        lines[:0] = [f"({answer.notice})", ""]
    if answer.citations:
        lines.append("Nearest passages:" if answer.abstained else "Sources:")
        for c in answer.citations:
            where = f"{c.source} [{c.start}:{c.end}]" + (f", p. {c.page}" if c.page else "")
            where += f" — {c.section}" if c.section else ""
            lines.append(f"  [{c.n}] {where}\n      \u201c{' '.join(c.quote.split())}\u201d")
    return terminal_safe("\n".join(lines))


def _answer_json(answer: Answer) -> str:
    return answer.model_dump_json()


def cmd_ask(args: argparse.Namespace) -> int:
    """Answer one question, or a JSON-lines batch."""
    from assistant.service import QuestionError

    assistant = _assistant()
    ensure_index(assistant)
    assistant.warm_up()
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
    assistant.warm_up()
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
    docs = assistant.sources()
    if args.json:
        for doc in docs:
            print(json.dumps({"source": doc.source, "title": doc.title, "chunks": len(doc.chunk_ids),
                              "sha256": doc.sha256, "size": doc.size, "indexed_at": doc.indexed_at,
                              "origin": doc.origin, "pages": len(doc.pages) or None}))
        return EXIT_OK
    for doc in docs:
        origin = f"\tfrom {doc.origin}" if doc.origin else ""
        print(f"{doc.source}\t{len(doc.chunk_ids)} chunks\t{doc.sha256[:12]}\t{doc.indexed_at}\t{doc.title}{origin}")
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    """Check the index against itself and the corpus; exit 1 when something is inconsistent."""
    check = _assistant().check()
    if args.json:
        print(json.dumps({**check.model_dump(), "ok": check.ok}))
    else:
        print(f"{'consistent' if check.ok else 'INCONSISTENT'}: {check.documents} documents, {check.chunks} chunks, "
              f"{check.chroma_rows} Chroma rows, {check.bm25_rows} BM25 rows")
        for problem in check.problems:
            print(f"  problem: {problem}")
    return EXIT_OK if check.ok else EXIT_ERROR


def cmd_tune(args: argparse.Namespace) -> int:
    """Fit params.json on the tuning parts (``python -m assistant.answer.fit``) and print the report."""
    from assistant.answer.fit import main as fit_main

    return fit_main(["--sets", args.sets, "--report", args.report, *(["--out", args.out] if args.out else [])])


def cmd_eval(args: argparse.Namespace) -> int:
    """Run an eval set, or every collection of a sets folder, through ``ask`` (and the llama-index baseline)."""
    if args.sets:
        from assistant.evals.cli import run_sets_eval
        from assistant.settings import Settings

        out = Path(args.out or "evals/reports/sets")
        return run_sets_eval(Settings(), Path(args.sets), args.split or "test", args.only, out, args.baseline)
    from assistant.evals.cli import run_eval

    if args.split or args.only:
        print("error: --split and --only go with --sets", file=sys.stderr)
        return EXIT_ERROR
    if not Path(args.set).is_file():
        print(f"error: no eval set at {args.set}", file=sys.stderr)
        return EXIT_ERROR
    assistant = _assistant()
    ensure_index(assistant)
    return run_eval(assistant, Path(args.set), Path(args.out or "evals/reports"), args.baseline)


def cmd_serve(args: argparse.Namespace) -> int:
    """The chat UI (Gradio, imported only here) on host:port; a non-loopback host needs a login or ``--no-auth``."""
    from assistant.ui.exposure import decide
    from assistant.ui.server import serve

    assistant = _assistant()
    host = args.host or assistant.settings.serve_host
    exposure = decide(host, assistant.settings, args.no_auth)  # refuse before building anything
    ensure_index(assistant)
    try:
        serve(host, args.port or assistant.settings.serve_port, assistant, exposure=exposure)
    except KeyboardInterrupt:  # Ctrl-C while starting up (once serving, Gradio handles it): stop, no traceback
        print("Stopped.", file=sys.stderr)
    return EXIT_OK


def cmd_bench(args: argparse.Namespace) -> int:
    """Run the benchmark (assistant/bench), write bench.json and bench.md."""
    from assistant.bench.cli import run

    return run(args)


def _bench_arguments(parser: argparse.ArgumentParser) -> None:
    from assistant.bench.cli import add_arguments  # light: argparse only

    add_arguments(parser)


def build_parser() -> argparse.ArgumentParser:
    """All subcommands."""
    parser = argparse.ArgumentParser(prog="assistant", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    index = sub.add_parser("index", help="build or update the index from the corpus folder (or only PATHs)")
    index.add_argument("paths", nargs="*", metavar="PATH",
                       help="files or folders: inside the corpus they are (re)indexed, outside it copied in first")
    add = sub.add_parser("add", help="copy files (or fetch http(s) URLs) into the corpus and index them")
    add.add_argument("targets", nargs="+", metavar="PATH|URL")
    remove = sub.add_parser("remove", help="delete sources from the corpus and the index")
    remove.add_argument("sources", nargs="+", metavar="SOURCE", help="a name as listed by `assistant sources`")
    for parser_ in (index, add, remove):
        parser_.add_argument("--wait", type=float, default=0.0, metavar="SECONDS",
                             help="wait this long for another index run to finish (default: refuse at once)")
    index.set_defaults(run=cmd_index)
    add.set_defaults(run=cmd_add)
    remove.set_defaults(run=cmd_remove)
    ask = sub.add_parser("ask", help="answer a question with citations")
    ask.add_argument("question", nargs="*", help="the question")
    ask.add_argument("--json", action="store_true", help="print the JSON answer contract")
    ask.add_argument("--batch", metavar="FILE", help="JSON lines with id and question ('-' for stdin)")
    ask.set_defaults(run=cmd_ask)
    sub.add_parser("chat", help="interactive questions in the terminal").set_defaults(run=cmd_chat)
    sources = sub.add_parser("sources", help="list indexed documents: chunks, content hash, when indexed, origin")
    sources.add_argument("--json", action="store_true", help="one JSON object per document")
    sources.set_defaults(run=cmd_sources)
    check = sub.add_parser("check", help="check that Chroma, BM25, the snapshot and the corpus agree")
    check.add_argument("--json", action="store_true", help="print the result as JSON")
    check.set_defaults(run=cmd_check)
    evals = sub.add_parser("eval", help="score answers on an eval set (no LLM judge) and write a report")
    which = evals.add_mutually_exclusive_group()
    which.add_argument("--set", default="evals/questions.jsonl", help="JSON-lines eval set (default: %(default)s)")
    which.add_argument("--sets", metavar="DIR", help="a folder of collections (<name>/corpus, <name>/questions.jsonl), "
                       "each run on its own cached scratch index, e.g. evals/sets")
    evals.add_argument("--split", choices=("tune", "test", "all"),
                       help="with --sets: the part of each collection to run (default: test)")
    evals.add_argument("--only", nargs="+", metavar="NAME", help="with --sets: only these collections")
    evals.add_argument("--out", help="report folder (default: evals/reports, with --sets evals/reports/sets)")
    evals.add_argument("--baseline", action="store_true", help="also run the llama-index baseline side by side")
    evals.set_defaults(run=cmd_eval)
    tune = sub.add_parser("tune", help="fit the answerer's weights and thresholds on the collections' tuning parts")
    tune.add_argument("--sets", default="evals/sets", help="folder of eval collections (default: %(default)s)")
    tune.add_argument("--out", help="parameters file to write (default: the package's answer/params.json)")
    tune.add_argument("--report", default="evals/reports/tune.md", help="fit report (default: %(default)s)")
    tune.set_defaults(run=cmd_tune)
    serve = sub.add_parser("serve", help="the chat UI in the browser (default http://127.0.0.1:7860)")
    serve.add_argument("--host", help="interface to listen on (default: settings.serve_host, 127.0.0.1)")
    serve.add_argument("--port", type=int, help="port (default: settings.serve_port, 7860)")
    serve.add_argument("--no-auth", action="store_true",
                       help="serve a non-loopback host without a login (prints a warning); otherwise "
                            "ASSISTANT_AUTH_USER and ASSISTANT_AUTH_PASSWORD are required there")
    serve.set_defaults(run=cmd_serve)
    bench = sub.add_parser("bench", help="benchmark speed, memory and retrieval against the llama-index baseline")
    _bench_arguments(bench)
    bench.set_defaults(run=cmd_bench)
    return parser


def entry() -> None:
    """The ``assistant`` script and ``python -m assistant``: ``main``, then a quick exit."""
    code = main()
    # What is left is freed by the process exit: skip the interpreter's final collection over every object
    # chromadb, pydantic and numpy created (0.2-0.3 s of each CLI run).
    gc.freeze()
    sys.exit(code)


def main(argv: list[str] | None = None) -> int:
    """Run the ``assistant`` command line ``argv`` and return its exit code."""
    from assistant.corpus import SourceNotFound
    from assistant.documents import UnreadableSource
    from assistant.embedder import EmbedderUnavailable
    from assistant.faults import StoreUnavailable
    from assistant.indexer import IndexBusy
    from assistant.store import IndexMissing
    from assistant.ui.exposure import ExposureRefused

    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except (EmbedderUnavailable, IndexBusy, IndexMissing, SourceNotFound, UnreadableSource, StoreUnavailable,
            ExposureRefused) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:  # `assistant sources | head`: the reader left; not an error of ours
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
