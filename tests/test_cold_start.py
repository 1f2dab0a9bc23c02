"""A fresh process's path to its first answer: ``warm_up`` and the ``assistant`` entry point (real index, real
Chroma, real embedder; timings are the bench's business, not asserted here)."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time

import pytest

from assistant.errors import AssistantError
from assistant.service import Assistant
from assistant.settings import Settings
from assistant.store import IndexMissing


def test_warm_up_opens_the_store_and_the_embedder_then_answers(article_settings) -> None:
    assistant = Assistant(article_settings)
    assistant.warm_up()
    assert assistant._store is not None and assistant._embedder is not None and assistant._snapshot is not None
    assert "September 7" in assistant.ask("When did Albania cut ties with Iran?").answer


def test_warm_up_without_an_index_raises_the_store_error_in_the_callers_thread(tmp_path) -> None:
    assistant = Assistant(Settings(corpus_dir=tmp_path / "corpus", index_dir=tmp_path / "index"))
    with pytest.raises(IndexMissing):
        assistant.warm_up()


def test_an_unusable_model_is_raised_only_after_the_loading_threads_are_done(article_settings, tmp_path,
                                                                             monkeypatch) -> None:
    monkeypatch.setattr("assistant.nlp.pipeline", lambda: time.sleep(1.0))  # a slow NLP load, as in a fresh process
    garbage = tmp_path / "garbage.onnx"
    garbage.write_bytes(b"not an onnx model")
    settings = article_settings.replace(embedder="onnx-path", embedder_model_path=str(garbage),
                                        embedder_tokenizer_path=str(garbage))
    with pytest.raises(AssistantError, match="not a usable ONNX model"):
        Assistant(settings).warm_up()
    assert not [t for t in threading.enumerate() if t.name in ("open-store", "load-nlp") and t.is_alive()]


def test_entry_point_answers_and_passes_on_the_exit_code(article_settings) -> None:
    env = {**os.environ, "ASSISTANT_CORPUS_DIR": str(article_settings.paths.corpus_dir),
           "ASSISTANT_INDEX_DIR": str(article_settings.paths.index_dir)}
    answered = subprocess.run([sys.executable, "-m", "assistant", "ask", "--json", "When did Albania recognize Israel?"],
                              env=env, capture_output=True, text=True, timeout=120)
    assert answered.returncode == 0, answered.stderr
    assert "1949" in answered.stdout
    empty = subprocess.run([sys.executable, "-m", "assistant", "ask", "   "], env=env, capture_output=True, text=True,
                           timeout=120)
    assert empty.returncode == 2 and "empty" in empty.stderr
