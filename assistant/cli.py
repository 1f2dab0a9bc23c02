"""The ``assistant`` command: a thin face over ``Assistant``. Heavy imports stay inside the subcommands.

Errors are caught once, in ``main``: the project's own (``AssistantError``) print one ``error: ...`` line and exit
with the error's code (2: what was typed, 1: the state of files and servers), Ctrl-C prints one line and exits
130, a bad argument prints one line and exits 2. Anything else is a bug and keeps its traceback.
"""

from __future__ import annotations

import argparse
import gc
import os
import json
import signal
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from assistant.cli_index import ensure_index, index_each, run_indexing
from assistant.errors import EXIT_ERROR, EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE, AssistantError, UsageError
from assistant.interrupts import catch_swallowed
from assistant.paths import input_file, input_folder, output_folder
from assistant.terminal import render_answer

if TYPE_CHECKING:
    from assistant.schema import Answer
    from assistant.service import Assistant

QUESTIONS_SET = "evals/questions.jsonl"
CONVERSATIONS_SET = "evals/conversations.jsonl"
SETS_HINT = "a folder of eval collections (<name>/corpus, <name>/questions.jsonl), e.g. evals/sets"
INTERRUPTED = {  # what a Ctrl-C leaves behind, per subcommand (others print just "interrupted")
    **dict.fromkeys(("index", "add", "remove"), "questions are answered from the last complete index; run the "
                    "command again to finish (finished embedding steps are reused)"),
    "eval": "no report was written by this run",
    "serve": "the server was still starting; nothing is served",
}


class _Parser(argparse.ArgumentParser):
    """argparse with its errors on one line (``error: ... (see: assistant ask --help)``), exit 2."""

    def error(self, message: str) -> NoReturn:
        """Print the one-line error and exit 2."""
        self.exit(EXIT_USAGE, f"error: {message} (see: {self.prog} --help)\n")


def _seconds(text: str) -> float:
    """``--wait``: seconds, 0 or more."""
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not value >= 0:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds (0 or more)")
    return value


def _port(text: str) -> int:
    """``--port``: a TCP port number."""
    if not text.isdigit() or not 1 <= int(text) <= 65535:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port number from 1 to 65535")
    return int(text)


def _pairings(text: str) -> int:
    """``--pairings``: how many times to run the wrong stand-in, 1 to 10."""
    if not text.isdigit() or not 1 <= int(text) <= 10:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of pairings from 1 to 10")
    return int(text)


def _assistant() -> Assistant:
    from assistant.service import Assistant

    return Assistant.from_settings()


def cmd_index(args: argparse.Namespace) -> int:
    """Build or update the index (of the whole corpus, or of the paths given)."""
    assistant = _assistant()
    paths = [Path(p) for p in args.paths] or None
    return run_indexing(lambda progress: assistant.index(progress, args.wait, paths), whole_corpus=paths is None)


def cmd_add(args: argparse.Namespace) -> int:
    """Copy files or folders into the corpus (or fetch URLs into it) and index them."""
    assistant = _assistant()
    return index_each(args.targets, lambda target, progress: assistant.add(target, progress, args.wait))


def cmd_remove(args: argparse.Namespace) -> int:
    """Delete sources from the corpus and their chunks from the index."""
    assistant = _assistant()
    return index_each(args.sources, lambda source, progress: assistant.remove(source, progress, args.wait))


def _answer_json(answer: Answer) -> str:
    return answer.model_dump_json()


def cmd_ask(args: argparse.Namespace) -> int:
    """Answer one question, or a JSON-lines batch (checked before the index is opened)."""
    from assistant.batch import FORMAT

    if not args.batch and not args.question:
        raise UsageError("give a QUESTION or --batch FILE (see: assistant ask --help)")
    stream = None
    if args.batch:
        stream = sys.stdin.buffer if args.batch == "-" else input_file(Path(args.batch), "--batch", FORMAT)
    assistant = _assistant()
    ensure_index(assistant)
    assistant.warm_up()
    if stream is not None:
        with stream:
            return _ask_batch(assistant, stream, args.json)
    answer = assistant.ask(" ".join(args.question))
    print(_answer_json(answer) if args.json else render_answer(answer))
    return EXIT_OK


def _ask_batch(assistant: Assistant, lines: Iterable[bytes], as_json: bool) -> int:
    from assistant.batch import BatchLine, error_object, run_batch

    def emit(line: BatchLine, answer: Answer | None, error: str | None) -> None:
        if answer is None:
            print(error_object(line, str(error)), flush=True)
        else:
            print(_answer_json(answer) if as_json else render_answer(answer) + "\n", flush=True)

    failed = run_batch(lines, lambda question, ident, history: assistant.ask(question, id=ident, history=history or None),
                       emit)
    return EXIT_ERROR if failed else EXIT_OK


def cmd_chat(args: argparse.Namespace) -> int:
    """An interactive prompt in the terminal."""
    from assistant.service import QuestionError

    assistant = _assistant()
    ensure_index(assistant)
    assistant.warm_up()
    print("Ask about the documents (empty line or Ctrl-D to quit; follow-ups lean on the earlier answers).")
    conversation: list[Answer] = []
    while True:
        try:
            question = input("\n? ").strip()
        except (EOFError, KeyboardInterrupt):
            return EXIT_OK
        if not question:
            return EXIT_OK
        try:
            conversation.append(assistant.ask(question, history=conversation))
            print(render_answer(conversation[-1]))
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

    input_folder(Path(args.sets), "--sets", SETS_HINT)
    output_folder(Path(args.report).parent, "--report")
    if args.out:
        output_folder(Path(args.out).parent, "--out")
    return fit_main(["--sets", args.sets, "--report", args.report, *(["--out", args.out] if args.out else []),
                     *(["--refusal-only"] if args.refusal_only else []),
                     *(["--keep-growth"] if args.keep_growth else [])])


def cmd_eval(args: argparse.Namespace) -> int:
    """Run an eval set, or every collection of a sets folder, through ``ask`` (and the llama-index baseline)."""
    if args.llm_reference:
        from assistant.evals.cli import run_llm_reference_eval

        sets = Path(args.sets or "evals/sets")
        input_folder(sets, "--sets", SETS_HINT)
        out = output_folder(Path(args.out or "evals/reports"), "--out")
        return run_llm_reference_eval(sets, args.split or "test", out, args.pairings)
    if args.sets:
        from assistant.evals.cli import run_sets_eval
        from assistant.settings import Settings

        settings = Settings()
        input_folder(Path(args.sets), "--sets", SETS_HINT)
        out = output_folder(Path(args.out or "evals/reports/sets"), "--out")
        return run_sets_eval(settings, Path(args.sets), args.split or "test", args.only, out, args.baseline,
                             args.conversations)
    from assistant.evals.cli import run_eval

    if args.only or (args.split and not args.conversations):
        raise UsageError("--split and --only go with --sets (--split also with --conversations; "
                         "see: assistant eval --help)")
    set_path = args.set or (CONVERSATIONS_SET if args.conversations else QUESTIONS_SET)
    if not Path(set_path).is_file():
        raise UsageError(f"--set {set_path}: no eval set there; give a JSON-lines eval set, e.g. "
                             "evals/questions.jsonl")
    assistant = _assistant()
    out = output_folder(Path(args.out or "evals/reports"), "--out")
    ensure_index(assistant)
    return run_eval(assistant, Path(set_path), out, args.baseline, args.split or "all")


def cmd_serve(args: argparse.Namespace) -> int:
    """The chat UI (Gradio, imported only here) on host:port; a non-loopback host needs a login or ``--no-auth``."""
    from assistant.ui.exposure import decide
    from assistant.ui.server import check_listen, serve

    assistant = _assistant()
    host = args.host or assistant.settings.ui.host
    port = args.port or assistant.settings.ui.port
    exposure = decide(host, assistant.settings, args.no_auth)  # refuse before building anything
    check_listen(host, port)
    ensure_index(assistant)
    serve(host, port, assistant, exposure=exposure)  # once serving, Gradio stops on Ctrl-C and this returns
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
    parser = _Parser(prog="assistant", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    index = sub.add_parser("index", help="build or update the index from the corpus folder (or only PATHs)")
    index.add_argument("paths", nargs="*", metavar="PATH",
                       help="files or folders: inside the corpus they are (re)indexed, outside it copied in first")
    add = sub.add_parser("add", help="copy files (or fetch http(s) URLs) into the corpus and index them")
    add.add_argument("targets", nargs="+", metavar="PATH|URL")
    remove = sub.add_parser("remove", help="delete sources from the corpus and the index")
    remove.add_argument("sources", nargs="+", metavar="SOURCE", help="a name as listed by `assistant sources`")
    for parser_ in (index, add, remove):
        parser_.add_argument("--wait", type=_seconds, default=0.0, metavar="SECONDS",
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
    which.add_argument("--set", help=f"JSON-lines eval set (default: {QUESTIONS_SET}; with --conversations "
                       f"{CONVERSATIONS_SET})")
    which.add_argument("--sets", metavar="DIR", help="a folder of collections (<name>/corpus, <name>/questions.jsonl), "
                       "each run on its own cached scratch index, e.g. evals/sets")
    evals.add_argument("--split", choices=("tune", "test", "all"),
                       help="with --sets: the part of each collection to run (default: test); with --conversations "
                       "alone: the part of the article's conversations (default: all)")
    evals.add_argument("--conversations", action="store_true",
                       help=f"run the follow-up questions with their history: {CONVERSATIONS_SET}, or with --sets "
                       "each collection's conversations.jsonl")
    evals.add_argument("--only", nargs="+", metavar="NAME", help="with --sets: only these collections")
    evals.add_argument("--out", help="report folder (default: evals/reports, with --sets evals/reports/sets)")
    evals.add_argument("--baseline", action="store_true", help="also run the llama-index baseline side by side")
    evals.add_argument("--llm-reference", action="store_true", help="measure the grounding guard: every collection's "
                       "--split part (default test) and the article, through ASSISTANT_LLM=openai against the "
                       "reference-answer stand-ins, gate off")
    evals.add_argument("--pairings", type=_pairings, default=1, metavar="N",
                       help="with --llm-reference: run the wrong stand-in N times, the questions shuffled after the "
                       "first, and report the share of wrong sentences let through over every pairing (default: 1)")
    evals.set_defaults(run=cmd_eval)
    tune = sub.add_parser("tune", help="fit the answerer's weights and thresholds on the collections' tuning parts")
    tune.add_argument("--sets", default="evals/sets", help="folder of eval collections (default: %(default)s)")
    tune.add_argument("--out", help="parameters file to write (default: the package's answer/params.json)")
    tune.add_argument("--report", default="evals/reports/tune.md", help="fit report (default: %(default)s)")
    tune.add_argument("--refusal-only", action="store_true", help="refit only the refusal model and its threshold, "
                      "on the current ranker")
    tune.add_argument("--keep-growth", action="store_true", help="refit the ranker and the refusal model; keep how "
                      "answers grow from the current parameters (skips the slow end-to-end grid)")
    tune.set_defaults(run=cmd_tune)
    serve = sub.add_parser("serve", help="the chat UI in the browser (default http://127.0.0.1:7860)")
    serve.add_argument("--host", help="interface to listen on (default: settings.ui.host, 127.0.0.1)")
    serve.add_argument("--port", type=_port, help="port (default: settings.ui.port, 7860)")
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
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C now would end it by the signal, not with ``code``
    if code == EXIT_INTERRUPTED:  # already cleaned up; a server thread that caught the same Ctrl-C re-raises it
        sys.stdout.flush()  # while the interpreter shuts down (handlers back to default): leave before that
        sys.stderr.flush()
        os._exit(code)
    # What is left is freed by the process exit: skip the interpreter's final collection over every object
    # chromadb, pydantic and numpy created (0.2-0.3 s of each CLI run).
    gc.freeze()
    sys.exit(code)


def main(argv: list[str] | None = None) -> int:
    """Run the ``assistant`` command line ``argv`` and return its exit code (errors: see the module docstring)."""
    args = build_parser().parse_args(argv)
    catch_swallowed()  # a Ctrl-C during an import's clean-up is not lost (assistant.interrupts)
    try:
        _warn_unknown_settings()
        return args.run(args)
    except AssistantError as exc:
        print(f"error: {exc.one_line()}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        detail = INTERRUPTED.get(args.command)
        print(f"interrupted{': ' + detail if detail else ''}", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # `assistant sources | head`: the reader left; not an error of ours
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK


def _warn_unknown_settings() -> None:
    """One warning line per ``ASSISTANT_*`` name (environment or ``.env``) that is no setting: a typo is ignored."""
    from dotenv import dotenv_values

    from assistant.settings import FLAT
    from assistant.settings_errors import unknown_variables

    names = [*os.environ, *(dotenv_values(".env") if Path(".env").is_file() else {})]
    for warning in unknown_variables(names, FLAT):
        print(warning, file=sys.stderr)
