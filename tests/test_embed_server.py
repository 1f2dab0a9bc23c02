"""``ASSISTANT_EMBEDDER=openai`` against a real OpenAI-compatible embeddings server (``make test-llm``):
llama-cpp-python's ``python -m llama_cpp.server --embedding true`` with the pinned SmolLM2 GGUF, started and stopped
here. SmolLM2 is a chat model, not an embedding model: these tests check the plumbing (batches, requests in flight,
retries, errors, the model recorded in the index), not retrieval quality.

llama-cpp-python 0.3.36 answers a request holding several texts with vectors that depend on the texts before them
in the request (seen here: the same text twice in one request, two different vectors), so the index runs send
one text per request (``embed_server_batch=1``) and the in-flight requests carry the load.
"""

from __future__ import annotations

import time
from pathlib import Path

import numpy as np
import pytest

from assistant.embedder import EmbedderUnavailable
from assistant.remote_embedder import RemoteEmbedder
from assistant.service import Assistant
from assistant.settings import Settings
from assistant.store import load_snapshot

from llama_helpers import llama_server, smollm2_gguf, start_llama_server
from reindex_helpers import env_for, run_cli
from servers import free_port, stop

pytestmark = pytest.mark.llm

DOCS = {
    "orchard.md": "# Orchard notes\n\nThe Zephyrine orchard was planted in 1987 by Marta Quillon on the northern "
                  "slope above the river.\nIt grows four hundred apricot trees and a row of old walnut trees.\n",
    "comet.md": "# Comet log\n\nThe tail of the Vellamo comet glowed a pale turquoise when it passed the Pleiades "
                "in March.\nObservers at the Kettering station measured the tail at eleven degrees across the sky.\n",
}


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory):
    """A real llama.cpp embeddings server on a loopback port; yields its /v1 URL."""
    log = tmp_path_factory.mktemp("llama-embed") / "server.log"
    with llama_server(smollm2_gguf(), log, "--embedding", "true") as url:
        yield url


def _settings(tmp_path: Path, url: str, **extra: object) -> Settings:
    corpus = tmp_path / "corpus"
    corpus.mkdir(exist_ok=True)
    for name, text in DOCS.items():
        (corpus / name).write_text(text)
    return Settings(corpus_dir=corpus, index_dir=tmp_path / "index", embedder="openai", embed_url=url,
                    embed_model="smollm2-135m", embed_server_batch=1, embed_in_flight=3, **extra)


def test_index_and_ask_through_the_server_and_the_model_is_recorded(server: str, tmp_path: Path) -> None:
    settings = _settings(tmp_path, server)
    assistant = Assistant(settings)
    report = assistant.index()
    assert report.chunks_embedded == report.chunks_total > 0 and report.sentences_embedded >= 4
    snapshot = load_snapshot(settings.paths.index_path)
    assert snapshot.meta.embedder == "openai:smollm2-135m" and snapshot.sentence_vectors.shape[1] == 576
    assert assistant.check().ok
    answer = assistant.ask("Who planted the Zephyrine orchard?")
    for c in answer.citations:  # whatever the weak model ranks first, citations quote the documents verbatim
        assert DOCS[c.source][c.start:c.end] == c.quote

    # an unchanged corpus sends nothing to the server
    before = assistant.embedder.stats.texts
    assert assistant.index().sentences_embedded == 0 and assistant.embedder.stats.texts == before

    # a query with another model than the index's is refused with one line that asks for a re-index
    env = env_for(settings.paths.corpus_dir, settings.paths.index_dir)  # the default embedder: MiniLM
    done = run_cli(["ask", "Who planted the Zephyrine orchard?"], env)
    assert done.returncode == 1 and done.stdout == ""
    assert done.stderr.count("\n") == 1 and "openai:smollm2-135m" in done.stderr and "assistant index" in done.stderr


def test_requests_in_flight_keep_the_order(server: str) -> None:
    texts = ["The tail glowed turquoise.", "Apricot trees grow on the slope.", "Eleven degrees across the sky."] * 3
    embedder = RemoteEmbedder(server, "smollm2-135m", batch=1, in_flight=4)
    done: list[int] = []
    vectors = embedder.embed(texts, done.append)
    assert vectors.shape == (9, embedder.dim) and sum(done) == 9
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    for i in range(3, 9):  # the same text, wherever it was in flight, has the same vector; other texts do not
        assert np.allclose(vectors[i], vectors[i % 3], atol=1e-5)
    assert not np.allclose(vectors[0], vectors[1], atol=1e-3)
    assert embedder.stats.texts == 9 and embedder.stats.tokens > 0


def test_a_server_that_is_down_is_one_clear_line(tmp_path: Path) -> None:
    url = f"http://127.0.0.1:{free_port()}/v1"  # nothing listens there
    started = time.monotonic()
    with pytest.raises(EmbedderUnavailable) as caught:
        RemoteEmbedder(url, "smollm2-135m", retries=2, backoff_s=0.2)
    assert time.monotonic() - started >= 0.2 + 0.4  # it retried twice, backing off
    message = str(caught.value)
    assert "\n" not in message and url.removesuffix("/v1") in message and "3 tries" in message

    settings = _settings(tmp_path, url, embed_max_retries=1)
    env = env_for(settings.paths.corpus_dir, settings.paths.index_dir, ASSISTANT_EMBEDDER="openai", ASSISTANT_EMBED_URL=url,
                  ASSISTANT_EMBED_MODEL="smollm2-135m", ASSISTANT_EMBED_MAX_RETRIES="1")
    done = run_cli(["index"], env)
    last = done.stderr.strip().splitlines()[-1]  # after the progress lines: one line, no traceback
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert last.startswith("error: the embedding server at") and "ASSISTANT_EMBED_URL" in last


def test_retries_outlast_a_server_that_is_still_starting(tmp_path: Path) -> None:
    port = free_port()
    proc = start_llama_server(smollm2_gguf(), tmp_path / "late.log", port, "--embedding", "true")
    try:  # the server needs a few seconds to load; back-off 0.5 + 1 + 2 + 4 + 8 s covers that
        embedder = RemoteEmbedder(f"http://127.0.0.1:{port}/v1", "smollm2-135m", retries=5)
        assert embedder.embed(["The comet passed the Pleiades."]).shape == (1, embedder.dim)
    finally:
        stop(proc, 20)
