"""Ctrl-C (a real SIGINT) at each stage: index, ask, eval, serve start-up. Each ends with one ``interrupted`` line and
exit 130, never a traceback, and leaves the index usable.

Each process is a real ``python -m assistant ...``; the signal is sent once its stderr shows it reached the stage.
SIGINT is reset to its default in the child, so the test works even when started from a shell that ignores it.
"""

from __future__ import annotations

import json
import shutil
import signal
import subprocess
from pathlib import Path

from conftest import ARTICLE
from reindex_helpers import PYTHON, ROOT, check_consistency, env_for, license_corpus, run_cli
from reliability_helpers import record
from servers import free_port
from ui_helpers import copy_index

QUESTION, FACT = "When did Albania recognize Israel?", "1949"
EVAL_SET = ROOT / "evals" / "questions.jsonl"


def _default_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def start(args: list[str], env: dict[str, str], cwd: Path, stdin: int | None = None) -> subprocess.Popen[str]:
    return subprocess.Popen([PYTHON, "-m", "assistant", *args], env=env, cwd=cwd, stdin=stdin, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, preexec_fn=_default_sigint)


def interrupt_after(proc: subprocess.Popen[str], marker: str) -> tuple[int, list[str]]:
    """Read stderr until a line holds ``marker``, send SIGINT, wait; returns (exit code, all stderr lines)."""
    assert proc.stderr is not None
    seen = []
    while marker not in (line := proc.stderr.readline()):
        assert line or proc.poll() is None, f"ended before {marker!r}: {''.join(seen)[-800:]}"
        seen.append(line)
    seen.append(line)
    proc.send_signal(signal.SIGINT)
    _, rest = proc.communicate(timeout=120)
    return proc.returncode, [x for x in [*seen, *rest.splitlines(keepends=True)] if x.strip()]


def check_interrupted(code: int, lines: list[str], words: str = "") -> str:
    """Exit 130 and a last line ``interrupted...``, no traceback; returns that line."""
    text = "".join(lines)
    assert code == 130, text[-800:]
    assert "Traceback" not in text and lines[-1].startswith("interrupted"), text[-800:]
    assert words in lines[-1], lines[-1]
    return lines[-1].strip()


def corpus_with_index(tmp_path: Path, article_settings, licenses: int = 0) -> dict[str, str]:
    """The article's corpus and a copy of its index, plus ``licenses`` new documents to index."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(ARTICLE, corpus / ARTICLE.name)
    if licenses:
        license_corpus(corpus / "licenses", words_per_doc=450, limit=licenses)
    return env_for(corpus, copy_index(article_settings.paths.index_dir, tmp_path / "index"))


def test_ctrl_c_while_indexing_keeps_the_index_usable(tmp_path: Path, article_settings) -> None:
    env = corpus_with_index(tmp_path, article_settings, licenses=8)
    code, lines = interrupt_after(start(["index"], env, tmp_path), "chunks embedded")
    line = check_interrupted(code, lines, "questions are answered from the last complete index")
    asked = run_cli(["ask", QUESTION], env)
    assert asked.returncode == 0 and FACT in asked.stdout, asked.stderr
    again = run_cli(["index"], env)
    assert again.returncode == 0 and "8 added" in again.stdout, again.stdout + again.stderr
    assert check_consistency(env)["ok"]
    record("interrupt-index", [{"case": "Ctrl-C during `assistant index` (embedding)", "exit": code, "printed": line},
                               {"case": "then `assistant ask`; `assistant index`", "exit": again.returncode,
                                "printed": again.stdout.strip()}])


def test_ctrl_c_while_asking(tmp_path: Path, article_settings) -> None:
    """During `ask --batch -` (between questions) and during the index build that a first `ask` starts."""
    env = corpus_with_index(tmp_path, article_settings)
    proc = start(["ask", "--batch", "-", "--json"], env, tmp_path, stdin=subprocess.PIPE)
    assert proc.stdin is not None and proc.stdout is not None
    proc.stdin.write(json.dumps({"id": "q1", "question": QUESTION}) + "\n")
    proc.stdin.flush()
    assert FACT in json.loads(proc.stdout.readline())["answer"]  # answered; now it waits for the next line
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=120)
    batch_line = check_interrupted(proc.returncode, err.splitlines(keepends=True))
    env = {**env, "ASSISTANT_INDEX_DIR": str(tmp_path / "new-index")}
    code, lines = interrupt_after(start(["ask", QUESTION], env, tmp_path), "No index yet")
    build_line = check_interrupted(code, lines)
    asked = run_cli(["ask", QUESTION], env)  # the next ask builds the index and answers
    assert asked.returncode == 0 and FACT in asked.stdout, asked.stderr
    record("interrupt-ask", [
        {"case": "Ctrl-C during `assistant ask --batch -` (waiting for the next line)", "exit": proc.returncode,
         "printed": batch_line},
        {"case": "Ctrl-C during `assistant ask` building the missing index", "exit": code, "printed": build_line}])


def test_ctrl_c_while_evaluating_writes_no_report(tmp_path: Path, article_settings) -> None:
    env = corpus_with_index(tmp_path, article_settings)
    out = tmp_path / "reports"
    code, lines = interrupt_after(start(["eval", "--set", str(EVAL_SET), "--out", str(out)], env, tmp_path),
                                  "eval ours:")
    line = check_interrupted(code, lines, "no report was written")
    assert not (out / "report.json").exists()
    record("interrupt-eval", [{"case": "Ctrl-C during `assistant eval` (questions running)", "exit": code,
                               "printed": line}])


def test_ctrl_c_while_serve_starts(tmp_path: Path, article_settings) -> None:
    """Ctrl-C while `serve` builds its missing index: one line, exit 130, nothing left listening."""
    env = {**corpus_with_index(tmp_path, article_settings), "ASSISTANT_INDEX_DIR": str(tmp_path / "new-index")}
    port = free_port()
    code, lines = interrupt_after(start(["serve", "--port", str(port)], env, tmp_path), "No index yet")
    line = check_interrupted(code, lines, "the server was still starting")
    free_port_again = subprocess.run([PYTHON, "-c", f"import socket; socket.socket().bind(('127.0.0.1', {port}))"],
                                     capture_output=True)
    assert free_port_again.returncode == 0, "the port is still taken"
    record("interrupt-serve", [{"case": "Ctrl-C during `assistant serve` start-up (building the index)", "exit": code,
                                "printed": line}])
