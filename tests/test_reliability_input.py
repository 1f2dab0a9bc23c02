"""Hostile questions through every face: the Python API, the CLI (`ask`, `--json`, `--batch`) and the UI's /ask API.

Each question gets an answer (the JSON contract, every quote verbatim) or a one-line error, never a traceback;
a flood of oversized and worst-case questions does not stop another client's questions from being answered.
The UI runs as a real `assistant serve` process on 127.0.0.1 (``shared_app``: the article and two small documents).
"""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time

import pytest

from assistant.schema import Answer
from assistant.service import QuestionError

from reindex_helpers import env_for, run_cli
from reliability_helpers import BAD_QUESTIONS, ERROR_WORDS, PWNED_FILE, record, short
from ui_helpers import EXTRA_DOCS, App

NORMAL = ("When did Albania recognize Israel?", "1949")
WORST_ACCEPTED = ("when did albania and iran and " * 70)[:1999]  # the slowest accepted question found: ~1.4 s


def check_answer(name: str, answer: Answer, documents: dict[str, str]) -> list[str]:
    """Problems with an answer to a hostile question (the contract, and what the case needs)."""
    problems = [f"{name}: quote not verbatim" for c in answer.citations
                if documents.get(c.source, "")[c.start:c.end] != c.quote]
    if not answer.answer.strip() or "Traceback" in answer.answer:
        problems.append(f"{name}: empty or traceback answer")
    if answer.abstained and not answer.answer.startswith("The sources don't say"):
        problems.append(f"{name}: abstention without the refusal wording")
    if name == "control characters" and (answer.abstained or "1949" not in answer.answer):
        problems.append(f"{name}: cleaned question not answered: {answer.answer[:80]}")
    return problems


def outcome(answer: Answer | None, error: str | None) -> str:
    if error is not None:
        return f"error: {short(error)}"
    assert answer is not None
    return ("refused: " if answer.abstained else "answered: ") + short(answer.answer, 60)


@pytest.fixture(scope="module")
def documents(assistant) -> dict[str, str]:
    return {s: d.text for s, d in assistant.snapshot().meta.documents.items()}


@pytest.fixture(scope="module")
def client(shared_app: App):
    from gradio_client import Client

    return Client(shared_app.url, verbose=False)


def test_python_api(assistant, documents) -> None:
    PWNED_FILE.unlink(missing_ok=True)
    sources_before = [d.source for d in assistant.sources()]
    rows, problems = [], []
    for name, (question, expected) in BAD_QUESTIONS.items():
        answer, error = None, None
        try:
            answer = assistant.ask(question)
        except QuestionError as exc:
            error = str(exc)
        rows.append({"case": name, "channel": "Python API", "expected": expected, "actual": outcome(answer, error)})
        if expected in ERROR_WORDS:
            problems += [] if error and ERROR_WORDS[expected] in error else [f"{name}: expected a {expected} error"]
        else:
            problems += [f"{name}: {error}"] if error else check_answer(name, answer, documents)
    record("questions-python", rows)
    assert problems == []
    assert not PWNED_FILE.exists(), "a shell command in a question ran"
    assert [d.source for d in assistant.sources()] == sources_before, "the index changed"


def test_cli_single_questions(article_settings) -> None:
    env = env_for(article_settings.paths.corpus_dir, article_settings.paths.index_dir)
    rows = []
    for name in ("empty", "whitespace", "100 KB"):
        question, expected = BAD_QUESTIONS[name]
        done = run_cli(["ask", "--json", question], env)
        rows.append({"case": name, "channel": "assistant ask --json", "expected": expected,
                     "actual": f"exit {done.returncode}: {short(done.stderr)}"})
        assert done.returncode == 2 and done.stdout == ""
        assert done.stderr.startswith("error: ") and ERROR_WORDS[expected] in done.stderr
        assert "Traceback" not in done.stderr and len(done.stderr.strip().splitlines()) == 1
    done = run_cli(["ask", BAD_QUESTIONS["shell injection"][0]], env)
    rows.append({"case": "shell injection", "channel": "assistant ask", "expected": "answer",
                 "actual": f"exit {done.returncode}: {short(done.stdout, 60)}"})
    assert done.returncode == 0 and done.stdout.startswith("The sources don't say")
    assert not PWNED_FILE.exists()
    record("questions-cli", rows)


def test_cli_batch_of_every_bad_question(article_settings, documents) -> None:
    """`ask --batch - --json`: one output line per input line, in order: an answer or an {"error"} object."""
    env = env_for(article_settings.paths.corpus_dir, article_settings.paths.index_dir)
    lines = "".join(json.dumps({"id": name, "question": q}) + "\n" for name, (q, _) in BAD_QUESTIONS.items())
    done = subprocess.run([sys.executable, "-m", "assistant", "ask", "--batch", "-", "--json"], input=lines, env=env,
                          capture_output=True, text=True, timeout=300)
    assert "Traceback" not in done.stderr
    assert done.returncode == 1  # some lines were errors
    outputs = [json.loads(line) for line in done.stdout.splitlines()]
    assert len(outputs) == len(BAD_QUESTIONS)
    rows, problems = [], []
    for (name, (_, expected)), out in zip(BAD_QUESTIONS.items(), outputs):
        if "error" in out:
            assert out["id"] == name
            rows.append({"case": name, "channel": "assistant ask --batch --json", "expected": expected,
                         "actual": f"error line: {short(out['error'])}"})
            problems += [] if expected in ERROR_WORDS and ERROR_WORDS[expected] in out["error"] else [name]
        else:
            answer = Answer.model_validate(out)
            assert answer.id == name
            rows.append({"case": name, "channel": "assistant ask --batch --json", "expected": expected,
                         "actual": outcome(answer, None)})
            problems += [name] if expected != "answer" else check_answer(name, answer, documents)
    record("questions-cli-batch", rows)
    assert problems == []


def test_ui_api(client, shared_app: App, documents) -> None:
    from gradio_client.exceptions import AppError

    rows, problems = [], []
    for name, (question, expected) in BAD_QUESTIONS.items():
        answer, error = None, None
        try:
            answer = Answer.model_validate(client.predict(question=question, history=None, api_name="/ask"))
        except AppError as exc:
            error = str(exc)
        rows.append({"case": name, "channel": "UI /ask (gradio_client)", "expected": expected,
                     "actual": outcome(answer, error)})
        if expected in ERROR_WORDS:
            problems += [] if error and ERROR_WORDS[expected] in error and "Traceback" not in error else [name]
        else:
            problems += [f"{name}: {error}"] if error else check_answer(name, answer, {**documents, **EXTRA_DOCS})
    record("questions-ui", rows)
    assert problems == []
    assert "Traceback" not in shared_app.output(), "a question put a stack trace in the server log"


def test_ui_chat_shows_the_reason(assistant) -> None:
    """The chat's handler (what the Chat tab runs) turns a rejected question into a message, not an exception."""
    from assistant.ui.chat import respond

    steps = list(respond(assistant, BAD_QUESTIONS["100 KB"][0], []))
    last = steps[-1].chat[-1]["content"]
    assert 'class="answer error"' in last and "characters long" in last and "Traceback" not in last
    record("questions-ui-chat", [{"case": "100 KB", "channel": "chat handler (ui.chat.respond)", "expected": "too long",
                                  "actual": short(last)}])


def test_flood_of_bad_questions_does_not_block_another_client(client, shared_app: App) -> None:
    """One client floods /ask with 100 KB and worst-case 2,000-character questions; another asks normally."""
    from gradio_client import Client
    from gradio_client.exceptions import AppError

    flooder = Client(shared_app.url, verbose=False)
    flood = [BAD_QUESTIONS["100 KB"][0], WORST_ACCEPTED] * 6
    results: list[str] = []

    def run_flood() -> None:
        jobs = [flooder.submit(question=q, history=None, api_name="/ask") for q in flood]
        for job in jobs:
            try:
                job.result(timeout=300)
                results.append("answer")
            except AppError as exc:
                results.append(f"error: {exc}")

    thread = threading.Thread(target=run_flood)
    thread.start()
    latencies = []
    for _ in range(3):
        started = time.perf_counter()
        answer = Answer.model_validate(client.predict(question=NORMAL[0], history=None, api_name="/ask"))
        latencies.append(round(time.perf_counter() - started, 2))
        assert NORMAL[1] in answer.answer
    thread.join(300)
    assert len(results) == len(flood)
    assert results.count("answer") == len(flood) // 2
    assert all("characters long" in r for r in results if r != "answer")
    print(f"normal question latencies during the flood: {latencies} s")
    record("questions-flood", [{"case": "flood: 6 x 100 KB + 6 x 2,000-char questions, one client",
                                "channel": "UI /ask, a second client asking normally", "expected": "answered",
                                "actual": f"all answered, latencies {latencies} s; flood: "
                                          f"{results.count('answer')} answers, {len(flood) - results.count('answer')} errors"}])
