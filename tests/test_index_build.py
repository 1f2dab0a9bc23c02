"""The build's parts on real files, the real embedder and real Chroma: the embedder's workers and counters, chunk
vectors made from sentence vectors (each token embedded once), the model recorded in the index, and the progress
a person reads (a fake clock only there: the rate and time left are arithmetic on the times it is given)."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest

from assistant.chunk_vectors import leftover_text
from assistant.embedder import Embedder, resolve_model_files
from assistant.progress import RunProgress, duration
from assistant.schema import Chunk
from assistant.service import Assistant
from assistant.settings import Settings
from assistant.indexer import IndexReport
from assistant.store import IndexMismatch, Snapshot, VectorStore, chunk_search_text, load_snapshot

from conftest import ARTICLE


def _article_index(tmp_path: Path, **settings: object) -> tuple[Assistant, IndexReport, Snapshot, Settings]:
    """The article indexed into ``tmp_path`` with these settings: the assistant, its report and snapshot."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(ARTICLE, corpus / ARTICLE.name)
    config = Settings(corpus_dir=corpus, index_dir=tmp_path / "index", **settings)
    assistant = Assistant(config)
    report = assistant.index()
    return assistant, report, load_snapshot(config.paths.index_path), config


def _stored_vector(settings: Settings, chunk_id: str) -> np.ndarray:
    """A chunk's vector as Chroma holds it."""
    return np.asarray(VectorStore(settings)._collection.get(ids=[chunk_id], include=["embeddings"])["embeddings"][0])


def test_workers_give_the_same_vectors_as_one_session_and_count_tokens() -> None:
    texts = [s for s in ARTICLE.read_text(encoding="utf-8").split(". ") if s.strip()][:40]
    files = resolve_model_files(Settings())
    one, two = Embedder(files, batch_size=4, workers=1), Embedder(files, batch_size=4, workers=2)
    done: list[int] = []
    assert np.array_equal(one.embed(texts), two.embed(texts, done.append))
    assert sum(done) == len(texts) and len(two._sessions) == 2 and len(one._sessions) == 1
    assert two.stats.texts == len(texts) and 0 < two.stats.tokens <= two.stats.padded
    tokenizer = one._tokenizer
    assert two.stats.tokens == sum(len(e.ids) for e in tokenizer.encode_batch(texts))
    question = Embedder(files, workers=2)
    question.embed(["one question"])
    assert len(question._sessions) == 1  # a single text never starts a second session


def test_chunk_vectors_from_sentences_embed_each_token_once(tmp_path: Path) -> None:
    assistant, report, snapshot, settings = _article_index(tmp_path, chunk_vectors="sentences")
    spans = {s.id: (s.start, s.end) for s in snapshot.meta.sentences}
    leftovers = {leftover_text(c, [spans[i] for i in c.sentence_ids]) for c in snapshot.meta.chunks} - {""}
    extras = {c.section for c in snapshot.meta.chunks if c.section} | leftovers
    stats = assistant.embedder.stats
    assert stats.texts == report.sentences_embedded + len(extras)  # sentences, headings, leftovers: no chunk text
    assert report.chunks_embedded == report.chunks_total == len(snapshot.meta.chunks)
    assert snapshot.meta.chunk_vectors == "sentences" and assistant.check().ok

    chunk = max(snapshot.meta.chunks, key=lambda c: len(c.sentence_ids))
    stored = _stored_vector(settings, chunk.id)
    real = assistant.embedder.embed([chunk_search_text(chunk)])[0]
    assert abs(np.linalg.norm(stored) - 1) < 1e-4 and stored @ real > 0.8  # close to the text's own vector
    answer = assistant.ask("Who announced the severing of ties with Iran?")
    assert "Edi Rama" in answer.answer and answer.citations


def test_tokens_mode_embeds_chunk_texts_once_and_pools_sentences_from_them(tmp_path: Path) -> None:
    assistant, report, snapshot, settings = _article_index(tmp_path, chunk_vectors="tokens")
    chunks, sentences = snapshot.meta.chunks, snapshot.meta.sentences
    stats = assistant.embedder.stats
    assert stats.texts == len(chunks)  # no sentence embedded on its own: all fit in their chunk's token limit
    assert report.sentences_embedded == len(sentences) and snapshot.meta.chunk_vectors == "tokens"

    chunk = max(chunks, key=lambda c: len(c.sentence_ids))
    fresh = Embedder(resolve_model_files(Settings()), workers=1)
    stored = _stored_vector(settings, chunk.id)
    assert np.allclose(stored, fresh.embed([chunk_search_text(chunk)])[0], atol=1e-5)  # as in text mode
    text = chunk_search_text(chunk)
    shift = len(text) - len(chunk.text)
    row = {s.id: i for i, s in enumerate(sentences)}
    owned = [sid for sid in chunk.sentence_ids
             if next(c for c in chunks if sid in c.sentence_ids).id == chunk.id]  # pooled in their first chunk
    span = [(sentences[row[i]].start - chunk.start + shift, sentences[row[i]].end - chunk.start + shift) for i in owned]
    _, pooled = fresh.embed_with_spans([text], [span])
    for sid, vector in zip(owned, pooled[0]):
        assert vector is not None and np.allclose(snapshot.sentence_vectors[row[sid]], vector, atol=1e-5)
    alone = fresh.embed([sentences[row[owned[0]]].text])[0]
    assert 0.3 < float(alone @ snapshot.sentence_vectors[row[owned[0]]]) < 0.999  # in context: not the same vector
    answer = assistant.ask("Who announced the severing of ties with Iran?")
    assert "Edi Rama" in answer.answer and answer.citations


def test_tokens_mode_embeds_a_sentence_past_the_token_limit_on_its_own(tmp_path: Path) -> None:
    assistant, _, snapshot, _ = _article_index(tmp_path, chunk_vectors="tokens", embed_max_tokens=32)
    sentences, row = snapshot.meta.sentences, {s.id: i for i, s in enumerate(snapshot.meta.sentences)}
    chunk = max(snapshot.meta.chunks, key=lambda c: len(c.text))
    last = sentences[row[chunk.sentence_ids[-1]]]  # far past 32 tokens of its chunk: no token of it in the pass
    alone = Embedder(resolve_model_files(Settings()), max_tokens=32, workers=1).embed([last.text])[0]
    assert np.allclose(snapshot.sentence_vectors[row[last.id]], alone, atol=1e-5)
    assert assistant.embedder.stats.texts > len(snapshot.meta.chunks)  # chunk texts, then the sentences past the limit
    assert assistant.check().ok


def test_a_span_past_the_token_limit_gets_no_pooled_vector() -> None:
    short = Embedder(resolve_model_files(Settings()), max_tokens=16, workers=1)
    text = "Tirana cut ties with Tehran. " + "The long tail of this text runs past sixteen tokens. " * 3
    vectors, pooled = short.embed_with_spans([text], [[(0, 28), (len(text) - 20, len(text))]])
    assert pooled[0][0] is not None and pooled[0][1] is None
    assert abs(np.linalg.norm(pooled[0][0]) - 1) < 1e-5 and np.allclose(vectors, short.embed([text]), atol=1e-6)


def test_leftover_text_is_what_no_sentence_holds() -> None:
    text = "Version 2.0, January 2004\n   http://www.apache.org/licenses/\n\n1. Definitions. \"License\" means this."
    chunk = Chunk(source="a", start=100, end=100 + len(text), id="c", text=text)
    first, last = text.index("Version"), text.index('"License"')
    spans = [(100 + first, 100 + first + 25), (100 + last, 100 + len(text))]
    assert leftover_text(chunk, spans) == "http://www.apache.org/licenses/ 1. Definitions."
    assert leftover_text(chunk, [(100, 100 + last), (100 + last, 100 + len(text))]) == ""  # all in sentences
    assert leftover_text(chunk, [(100, 100 + len(text) - 5)]) == ""  # "this." alone: too few words to embed


def test_a_query_with_another_embedding_model_is_refused(article_settings) -> None:
    files = resolve_model_files(article_settings)
    other = article_settings.replace(embedder="onnx-path", embedder_model_path=files.onnx_path,
                                     embedder_tokenizer_path=files.tokenizer_path)
    with pytest.raises(IndexMismatch) as caught:
        Assistant(other).ask("Who announced the severing of ties with Iran?")
    message = str(caught.value)
    assert "\n" not in message and files.model_id in message and "assistant index" in message


def test_progress_reports_counts_rate_and_time_left() -> None:
    now = [100.0]
    progress = RunProgress(clock=lambda: now[0], window_s=30, settle_s=2)
    progress.update("documents", 0, 4)
    for _ in range(4):
        now[0] += 0.25
        progress.update("documents", 1, 4)
    assert progress.line() == "documents read 4/4"  # done within the settling time: no rate, no time left
    progress.update("chunks", 0, 1000)
    now[0] += 1
    progress.update("chunks", 50, 1000)
    assert progress.line() == "chunks embedded 50/1,000 · estimating time left"  # not measured long enough
    for _ in range(3):
        now[0] += 1
        progress.update("chunks", 50, 1000)
    assert progress.line() == "chunks embedded 200/1,000 · 50.0/s · 16 s left"
    for _ in range(40):  # the work slows down: the rate follows the last 30 s, not the whole stage
        now[0] += 1
        progress.update("chunks", 10, 1000)
    assert progress.rate("chunks") == pytest.approx(10.0) and progress.seconds_left("chunks") == pytest.approx(40.0)
    assert progress.summary() == "documents read 4/4 · chunks embedded 600/1,000 · 10.0/s · 40 s left"
    assert [duration(s) for s in (42, 185, 4020)] == ["42 s", "3 min 05 s", "1 h 07 min"]
