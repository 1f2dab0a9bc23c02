"""Server mode: ASSISTANT_CHROMA_URL → chromadb.HttpClient against a real `chroma run` on 127.0.0.1 (started here).

Only the vectors live on the server; the snapshot (documents, chunks, sentence vectors, BM25) stays in index_dir.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.service import Assistant
from assistant.settings import Settings

from chroma_server import start_chroma
from servers import free_port, stop
from reindex_helpers import check_consistency, env_for, license_corpus, run_cli

pytestmark = pytest.mark.server


@pytest.fixture(scope="module")
def chroma_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real Chroma server on a free loopback port, its data in a temp folder; stopped after the module."""
    port = free_port()
    proc = start_chroma(port, tmp_path_factory.mktemp("chroma-server"))
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        stop(proc)


FERRY = "# Ferry history\n\nThe Skerrow ferry service was started in 1962 by Annag Morrison, a fisherman.\n"
FERRY_EDITED = "# Ferry history\n\nThe Skerrow ferry service was started in 1968 by Calum Tulloch, a fisherman.\n"


def test_index_ask_reindex_remove_on_a_chroma_server(tmp_path: Path, chroma_url: str) -> None:
    corpus, index = tmp_path / "corpus", tmp_path / "index"
    license_corpus(corpus, words_per_doc=250, limit=3)
    (corpus / "ferry.md").write_text(FERRY)
    settings = Settings(corpus_dir=corpus, index_dir=index, chroma_url=chroma_url, collection="server_test")
    assistant = Assistant(settings)
    first = assistant.index()
    assert len(first.added) == 4 and first.chunks_embedded == first.chunks_total
    assert not (index / "chroma").exists()  # vectors went to the server, not to an embedded store
    assert (index / "CURRENT").is_file()  # the snapshot stays local
    assert assistant.store.count() == first.chunks_total

    answer = assistant.ask("Who started the Skerrow ferry service?")
    assert "Annag Morrison" in answer.answer and {c.source for c in answer.citations} == {"ferry.md"}

    (corpus / "ferry.md").write_text(FERRY_EDITED)
    edited = assistant.index()
    assert edited.updated == ["ferry.md"] and edited.chunks_embedded >= 1 and edited.chunks_deleted >= 1
    answer = assistant.ask("Who started the Skerrow ferry service?")
    assert "Calum Tulloch" in answer.answer and "Morrison" not in answer.answer

    removed = assistant.remove("ferry.md")
    assert removed.removed == ["ferry.md"]
    answer = assistant.ask("Who started the Skerrow ferry service?")
    assert "ferry.md" not in {c.source for c in answer.citations}
    check = assistant.check()
    assert check.ok, check.problems
    assert check.chroma_rows == check.chunks == assistant.store.count()

    # the CLI with ASSISTANT_CHROMA_URL: an unchanged corpus embeds nothing, and the server agrees in a new process
    env = env_for(corpus, index, ASSISTANT_CHROMA_URL=chroma_url, ASSISTANT_COLLECTION="server_test")
    done = run_cli(["index"], env)
    assert done.returncode == 0 and "(0 embedded" in done.stdout, done.stdout + done.stderr
    assert check_consistency(env)["ok"]

    # a lost snapshot is rebuilt from the corpus, reusing the vectors already on the server
    shutil.rmtree(index)
    rebuilt = assistant.index()
    assert rebuilt.chunks_embedded == 0 and len(rebuilt.added) == 3 and assistant.check().ok
