"""A generative backend that cannot answer never hangs: the extractive answer stands in, with a visible notice.

Real sockets on 127.0.0.1: a closed port (connection refused) and a server that accepts and then never replies.
"""

from __future__ import annotations

import socket
import threading

import pytest

from assistant.service import Assistant

QUESTION = "When did the cyberattack on Albania happen?"


def llm_assistant(article_settings, **overrides) -> Assistant:
    return Assistant(article_settings.replace(**overrides))


@pytest.fixture
def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]  # nothing listens once the socket is closed


@pytest.fixture
def silent_server():
    """Accepts connections and reads the request, but never answers."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                held.append(server.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.getsockname()[1]}/v1"
    stop.set()
    thread.join()
    for conn in held:
        conn.close()
    server.close()


def ask_bounded(assistant: Assistant, question: str = QUESTION, bound_s: float = 300.0):
    """Ask in a thread; fail instead of hanging the suite if no answer comes within ``bound_s`` (a hang guard only:
    the first call also imports llama-index, which takes seconds on a busy machine)."""
    box: list = []

    def run() -> None:
        try:
            box.append(assistant.ask(question))
        except BaseException as exc:  # noqa: BLE001 - re-raised below
            box.append(exc)

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(bound_s)
    assert box, f"ask did not return within {bound_s}s"
    if isinstance(box[0], BaseException):
        raise box[0]
    return box[0]


def assert_extractive_fallback(answer, extractive) -> None:
    assert answer.notice and "extractive answer" in answer.notice
    assert answer.answer == extractive.answer and answer.citations == extractive.citations
    assert "not-needed" not in answer.notice  # no key material in messages


def test_refused_connection_falls_back(article_settings, assistant, closed_port):
    extractive = assistant.ask(QUESTION)
    llm = llm_assistant(article_settings, llm="openai", llm_base_url=f"http://127.0.0.1:{closed_port}/v1", llm_timeout_s=5)
    answer = ask_bounded(llm)
    assert_extractive_fallback(answer, extractive)
    assert not answer.abstained and "2022" in answer.answer


def test_silent_server_times_out_and_falls_back(article_settings, assistant, silent_server):
    extractive = assistant.ask(QUESTION)
    llm = llm_assistant(article_settings, llm="openai", llm_base_url=silent_server, llm_timeout_s=1.5)
    answer = ask_bounded(llm)
    assert_extractive_fallback(answer, extractive)
    events = list(llm.ask_stream(QUESTION))  # the streaming path falls back the same way
    assert len(events) == 1 and events[0].notice and events[0].answer == extractive.answer


def test_ollama_unreachable_falls_back(article_settings, assistant, closed_port):
    llm = llm_assistant(article_settings, llm="ollama", llm_base_url=f"http://127.0.0.1:{closed_port}", llm_timeout_s=5)
    assert_extractive_fallback(ask_bounded(llm), assistant.ask(QUESTION))


def test_llamacpp_without_a_model_falls_back(article_settings, assistant, tmp_path):
    llm = llm_assistant(article_settings, llm="llamacpp", llm_model_path=tmp_path / "missing.gguf")
    answer = ask_bounded(llm)
    assert_extractive_fallback(answer, assistant.ask(QUESTION))
    assert "llamacpp" in answer.notice


def test_gate_keeps_unanswerable_questions_away_from_the_model(article_settings, closed_port):
    """An off-topic question is refused by the extractive gate before any backend is tried: no notice."""
    llm = llm_assistant(article_settings, llm="openai", llm_base_url=f"http://127.0.0.1:{closed_port}/v1")
    answer = ask_bounded(llm, "What is the recipe for a good lasagna?")
    assert answer.abstained and answer.notice is None


def test_api_key_is_secret(article_settings, monkeypatch):
    from assistant.settings import Settings

    monkeypatch.setenv("ASSISTANT_LLM_API_KEY", "sk-test-secret")
    settings = Settings(corpus_dir=article_settings.paths.corpus_dir, index_dir=article_settings.paths.index_dir)
    assert settings.llm.api_key is not None and settings.llm.api_key.get_secret_value() == "sk-test-secret"
    assert "sk-test-secret" not in repr(settings) and "sk-test-secret" not in settings.model_dump_json()


@pytest.fixture
def ollama_stub():
    """A stand-in for an Ollama server (no Ollama can run here): answers /api/chat in Ollama's wire format with a
    fixed reply, and records each request so the test can check what our backend sent."""
    import json
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    reply = "A massive cyberattack hit Albania on July 15, 2022 [3]. It was carried out by Ingrid Smith [1]."
    requests: list[dict] = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 - http.server's naming
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            requests.append(body)
            words = [w + " " for w in reply.split(" ")] if body.get("stream") else [reply]
            lines = [{"model": body["model"], "created_at": "2025-01-01T00:00:00Z",
                      "message": {"role": "assistant", "content": w}, "done": False} for w in words]
            lines[-1]["done"] = True
            self.send_response(200)
            self.send_header("Content-Type", "application/x-ndjson" if body.get("stream") else "application/json")
            self.end_headers()
            self.wfile.write(b"".join(json.dumps(line).encode() + b"\n" for line in lines))

        def log_message(self, *args) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", requests
    server.shutdown()
    server.server_close()


def test_ollama_backend_is_guarded(article_settings, ollama_stub):
    url, requests = ollama_stub
    llm = llm_assistant(article_settings, llm="ollama", llm_base_url=url, llm_model="qwen2.5:0.5b")
    answer = ask_bounded(llm, QUESTION)
    assert answer.notice is None and not answer.abstained
    assert answer.answer == "A massive cyberattack hit Albania on July 15, 2022. [1]"
    assert "July 15, 2022" in answer.citations[0].quote
    assert answer.dropped == ["It was carried out by Ingrid Smith."]  # an invented name never reaches the answer
    sent = requests[-1]
    assert sent["model"] == "qwen2.5:0.5b" and sent["messages"][-1]["content"].endswith("Answer:")
    assert sent["options"]["num_predict"] == llm.settings.llm.max_tokens and sent["options"]["temperature"] == 0
    events = list(llm.ask_stream(QUESTION))
    assert [e.text for e in events[:-1]] == [answer.answer] and events[-1].answer == answer.answer


def test_every_backend_setting_names_a_registered_backend() -> None:
    from typing import get_args

    from assistant.answer.generative import BACKENDS, BackendError, make_backend
    from assistant.settings import LLM, Settings

    assert set(BACKENDS) == set(get_args(LLM.model_fields["backend"].annotation)) - {"extractive"}
    with pytest.raises(BackendError, match="no generative backend is called 'extractive'"):
        make_backend(Settings())


def test_a_stream_past_its_deadline_or_failing_becomes_a_backend_error() -> None:
    """``bounded`` over plain generators standing in for a client's stream: one shared deadline and error path."""
    import time

    from assistant.answer.generative import BackendError, bounded

    def slow():
        yield "first "
        time.sleep(0.3)
        yield "late"
        yield "never"

    got: list[str] = []
    with pytest.raises(BackendError, match="slow backend took longer than 0.1s"):
        got.extend(bounded("slow", 0.1, slow))
    assert got == ["first ", "late"]

    def broken():
        yield None  # an empty delta is skipped
        raise ConnectionError("reset\nby peer")

    with pytest.raises(BackendError, match="^broken backend failed: reset by peer$"):
        list(bounded("broken", 5, broken))


def test_the_outline_is_read_off_the_document_without_asking_the_backend(article_settings, assistant, closed_port):
    """A contents list is in no passage a backend is shown: the structural answer stands, with no fallback notice
    (the closed port would have produced one had the backend been asked)."""
    question = "what's the first section in the table of contents?"
    llm = llm_assistant(article_settings, llm="openai", llm_base_url=f"http://127.0.0.1:{closed_port}/v1", llm_timeout_s=5)
    answer = ask_bounded(llm, question)
    extractive = assistant.ask(question)
    assert answer.notice is None and not answer.abstained
    assert answer.answer == extractive.answer and answer.citations == extractive.citations
    assert [c.quote for c in answer.citations] == ["The Roots of Discord: MEK's Presence in Albania"]
