"""Faults: questions during an index run, two index runs at once, an index deleted or damaged while the app is
down, and a Chroma server (a real `chroma run` on 127.0.0.1) that goes away and comes back.

Every failure must be a one-line error that says what to do (no traceback), and everything must work again once
the cause is gone.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.faults import StoreUnavailable
from assistant.service import Assistant
from assistant.settings import Settings

from conftest import ARTICLE
from reindex_helpers import PYTHON, ROOT, env_for, license_corpus, run_cli
from reliability_helpers import record, short
from chroma_server import start_chroma
from servers import free_port, stop
from ui_helpers import copy_index

QUESTION, FACT = "When did Albania recognize Israel?", "1949"
FERRY = "# Ferry history\n\nThe Skerrow ferry service was started in 1962 by Annag Morrison, a fisherman.\n"
FERRY_QUESTION, FERRY_FACT = "Who started the Skerrow ferry service?", "Annag Morrison"


def article_copy(work: Path, article_settings: Settings) -> tuple[Path, Path]:
    """(corpus, index): the article and a copy of the session's built index."""
    corpus = work / "corpus"
    corpus.mkdir(parents=True)
    shutil.copy(ARTICLE, corpus / ARTICLE.name)
    return corpus, copy_index(article_settings.paths.index_dir, work / "index")


def one_line_error(done: subprocess.CompletedProcess[str], words: str) -> bool:
    return done.returncode == 1 and done.stderr.startswith("error: ") and words in done.stderr \
        and "Traceback" not in done.stderr


def test_questions_during_an_index_run_and_a_second_run(tmp_path: Path, article_settings, monkeypatch, capsys) -> None:
    """Run A embeds new documents; while it holds the lock a second `index` refuses at once, a third with
    `--wait` waits its turn, and questions keep being answered from the current snapshot."""
    from assistant import cli

    corpus, index = article_copy(tmp_path, article_settings)
    license_corpus(corpus / "licenses", words_per_doc=450, limit=5)
    (corpus / "ferry.md").write_text(FERRY, encoding="utf-8")
    env = env_for(corpus, index)
    first = subprocess.Popen([PYTHON, "-m", "assistant", "index"], env=env, cwd=ROOT, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
    while "chunks embedded" not in (line := first.stderr.readline()):  # the run holds the lock and is embedding
        assert line or first.poll() is None, "the first index run ended before embedding"
    for name in ("ASSISTANT_CORPUS_DIR", "ASSISTANT_INDEX_DIR"):
        monkeypatch.setenv(name, env[name])
    refused = cli.main(["index"])  # the CLI entry point, in this process: no start-up delay
    refused_err = capsys.readouterr().err.strip()
    waiting = subprocess.Popen([PYTHON, "-m", "assistant", "index", "--wait", "600"], env=env, cwd=ROOT,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assistant = Assistant(Settings(corpus_dir=corpus, index_dir=index))
    answers = 0
    while first.poll() is None:
        answer = assistant.ask(QUESTION)
        assert FACT in answer.answer
        answers += 1
    out, err = first.communicate()
    waited_out, waited_err = waiting.communicate(timeout=600)
    assert refused == 1 and refused_err.startswith("error: another index run is in progress"), refused_err
    assert answers >= 1 and first.returncode == 0, err
    assert waiting.returncode == 0 and "Traceback" not in waited_err, waited_err
    assert "(0 embedded" in waited_out  # it ran after the first one, which had done the work
    assert FERRY_FACT in assistant.ask(FERRY_QUESTION).answer  # the new snapshot is picked up
    record("faults-concurrent-index", [
        {"case": "second `assistant index` while one runs", "channel": "CLI", "expected": "refuses clearly",
         "actual": f"exit {refused}: {short(refused_err)}"},
        {"case": "`assistant index --wait 600` while one runs", "channel": "CLI", "expected": "waits, then runs",
         "actual": f"exit {waiting.returncode}: {short(waited_out, 70)}"},
        {"case": "questions during an index run (6 new documents)", "channel": "Python API", "expected": "answered",
         "actual": f"{answers} questions answered, 0 errors; new documents answerable after the run"}])


def small_index(work: Path) -> tuple[Path, Path, dict[str, str]]:
    """(corpus, index, env) of a one-document corpus, indexed in this process (quick to rebuild)."""
    corpus, index = work / "corpus", work / "index"
    corpus.mkdir(parents=True)
    (corpus / "ferry.md").write_text(FERRY, encoding="utf-8")
    Assistant(Settings(corpus_dir=corpus, index_dir=index)).index()
    return corpus, index, env_for(corpus, index)


def test_index_deleted_while_the_app_is_down_is_rebuilt(tmp_path: Path) -> None:
    corpus, index, env = small_index(tmp_path)
    shutil.rmtree(index)
    done = run_cli(["ask", FERRY_QUESTION], env)
    assert done.returncode == 0 and FERRY_FACT in done.stdout and "No index yet: building it first." in done.stderr
    record("faults-index-deleted", [{"case": "index folder deleted, then `assistant ask`", "channel": "CLI",
                                     "expected": "rebuilds", "actual": f"exit 0: {short(done.stderr.splitlines()[0])}; answered"}])


def test_damaged_snapshot_says_how_and_the_advice_works(tmp_path: Path) -> None:
    corpus, index, env = small_index(tmp_path)
    meta = index / (index / "CURRENT").read_text().strip() / "meta.json"
    meta.write_bytes(meta.read_bytes()[:100])
    asked = run_cli(["ask", FERRY_QUESTION], env)
    served = run_cli(["serve", "--port", str(free_port())], env)
    for done in (asked, served):
        assert one_line_error(done, "is damaged") and done.stderr.rstrip().endswith("rebuild it with: assistant index")
    rebuilt = run_cli(["index"], env)
    assert rebuilt.returncode == 0, rebuilt.stderr
    assert FERRY_FACT in Assistant(Settings(corpus_dir=corpus, index_dir=index)).ask(FERRY_QUESTION).answer
    record("faults-index-damaged", [
        {"case": "snapshot meta.json truncated; `assistant ask`", "channel": "CLI", "expected": "says how",
         "actual": f"exit 1: {short(asked.stderr, 60)} \u2026 rebuild it with: assistant index"},
        {"case": "same; `assistant serve`", "channel": "CLI", "expected": "says how", "actual": f"exit {served.returncode}, same message"},
        {"case": "then `assistant index`, ask", "channel": "CLI, Python API", "expected": "works again",
         "actual": f"index exit {rebuilt.returncode}; answered"}])


def test_damaged_vector_store_says_how_and_the_advice_works(tmp_path: Path) -> None:
    corpus, index, env = small_index(tmp_path)
    (index / "chroma" / "chroma.sqlite3").write_bytes(b"not a database " * 1000)
    asked = run_cli(["ask", FERRY_QUESTION], env)
    assert one_line_error(asked, "cannot be opened") and "delete that folder and rebuild it" in asked.stderr
    shutil.rmtree(index / "chroma")  # the advice
    rebuilt = run_cli(["index"], env)
    assert rebuilt.returncode == 0, rebuilt.stderr
    checked = run_cli(["check"], env)
    assert checked.returncode == 0 and checked.stdout.startswith("consistent"), checked.stdout
    record("faults-chroma-damaged", [
        {"case": "index/chroma/chroma.sqlite3 overwritten; `assistant ask`", "channel": "CLI", "expected": "says how",
         "actual": f"exit 1: {short(asked.stderr, 120)}"},
        {"case": "advice followed (delete index/chroma, `assistant index`)", "channel": "CLI", "expected": "works again",
         "actual": f"{short(rebuilt.stdout, 60)}; `assistant check`: {short(checked.stdout, 40)}"}])


def test_vectors_deleted_then_asked_then_reindexed(tmp_path: Path) -> None:
    """A question never recreates a deleted vector store as an empty one (which would pass for a clean index
    and leave answers to BM25 alone): it says how to rebuild, and the rebuild restores every vector."""
    corpus, index, env = small_index(tmp_path)
    shutil.rmtree(index / "chroma")
    asked = run_cli(["ask", FERRY_QUESTION], env)
    assert asked.returncode != 0 and "assistant index" in asked.stderr, asked.stderr
    assert not (index / "chroma" / "chroma.sqlite3").exists()
    run_cli(["index"], env)
    assert run_cli(["check"], env).returncode == 0
    assert run_cli(["ask", FERRY_QUESTION], env).returncode == 0


@pytest.fixture
def chroma_server(tmp_path: Path) -> Iterator[dict]:
    """A real Chroma server on a free loopback port; the test may stop and restart it (same port, same data)."""
    server = {"port": free_port(), "data": tmp_path / "chroma-data"}
    server["proc"] = start_chroma(server["port"], server["data"])
    yield server
    stop(server["proc"])


@pytest.mark.server
def test_chroma_server_goes_away_and_comes_back(tmp_path: Path, chroma_server: dict) -> None:
    from assistant.ui.chat import respond

    url = f"http://127.0.0.1:{chroma_server['port']}"
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "ferry.md").write_text(FERRY, encoding="utf-8")
    settings = Settings(corpus_dir=corpus, index_dir=tmp_path / "index", chroma_url=url, collection="faults")
    assistant = Assistant(settings)
    assistant.index()
    question = FERRY_QUESTION
    assert FERRY_FACT in assistant.ask(question).answer
    env = env_for(corpus, tmp_path / "index", ASSISTANT_CHROMA_URL=url, ASSISTANT_COLLECTION="faults")

    stop(chroma_server["proc"])
    with pytest.raises(StoreUnavailable, match=f"the Chroma server at {url} is not answering.*start it again"):
        assistant.ask(question)
    chat = list(respond(assistant, question, []))[-1].chat[-1]["content"]
    assert "Could not answer: the Chroma server" in chat
    asked = run_cli(["ask", question], env)
    assert one_line_error(asked, "is not answering")

    chroma_server["proc"] = start_chroma(chroma_server["port"], chroma_server["data"])
    assert FERRY_FACT in assistant.ask(question).answer  # the same Assistant, no restart
    again = run_cli(["ask", question], env)
    assert again.returncode == 0 and FERRY_FACT in again.stdout
    record("faults-chroma-server", [
        {"case": "Chroma server killed; question", "channel": "Python API", "expected": "clear error",
         "actual": "StoreUnavailable: the Chroma server at http://127.0.0.1:PORT is not answering (ConnectError\u2026)"},
        {"case": "same", "channel": "chat handler", "expected": "clear error", "actual": short(chat.split(">", 1)[1], 90)},
        {"case": "same", "channel": "CLI ask", "expected": "clear error", "actual": f"exit 1: {short(asked.stderr, 90)}"},
        {"case": "server restarted on the same port", "channel": "same Assistant + CLI", "expected": "recovers",
         "actual": "answered again, no restart of the app"}])
