"""``/ask`` over Gradio's REST API with plain httpx (what the server's warm-up and the bench use), against a real
``assistant serve`` on 127.0.0.1; and the server stopping promptly on Ctrl-C once it has warmed itself up."""

from __future__ import annotations

import os
import signal
import subprocess
import sys

import pytest

from assistant.ui.http_api import AskFailed, ask_over_http, connect

from conftest import ARTICLE
from servers import free_port
from ui_helpers import App


def test_ask_over_http_returns_the_answer_contract(shared_app: App) -> None:
    with connect(shared_app.url) as client:
        answer = ask_over_http(client, "When did Albania recognize Israel?")
        follow_up = ask_over_http(client, "And how?", ["When did Albania recognize Israel?"])
    assert "1949" in answer["answer"] and not answer["abstained"]
    assert answer["citations"] and ARTICLE.name in {c["source"] for c in answer["citations"]}
    assert "telegram" in follow_up["answer"]


def test_a_refused_call_raises_with_the_servers_reason(shared_app: App) -> None:
    with connect(shared_app.url) as client, pytest.raises(AskFailed, match="empty"):
        ask_over_http(client, "   ")


def _default_sigint() -> None:
    """In the child: Ctrl-C handled as a terminal delivers it, even when the test run itself was started with
    SIGINT ignored (a background job of a non-interactive shell), which a child would otherwise inherit."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def test_server_warms_up_over_rest_and_stops_cleanly_on_ctrl_c(article_settings, tmp_path) -> None:
    """The warm-up call goes through this REST path (no "warm-up failed" line) and SIGINT ends the server with
    exit code 0. (It used to go through gradio_client, whose open heartbeat held the shutdown 5 s: that timing
    is the bench's to show, docs/benchmark.md, not asserted here.)"""
    port = free_port()
    env = {**os.environ, "ASSISTANT_CORPUS_DIR": str(article_settings.paths.corpus_dir),
           "ASSISTANT_INDEX_DIR": str(article_settings.paths.index_dir), "GRADIO_ANALYTICS_ENABLED": "False"}
    proc = subprocess.Popen([sys.executable, "-m", "assistant", "serve", "--port", str(port)], cwd=tmp_path, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, preexec_fn=_default_sigint)
    try:
        lines = []
        for line in proc.stdout:  # type: ignore[union-attr]
            lines.append(line)
            if "Chat UI on" in line:
                break
        assert not any("warm-up through the UI server failed" in line for line in lines), lines
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=60) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
