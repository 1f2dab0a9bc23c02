"""Corpus → index, incrementally: unchanged documents are only hashed, known chunks are never re-embedded.

Order of work keeps a crash harmless: new vectors go into Chroma first, then the new snapshot becomes current in
one rename, and only then are rows of vanished chunks deleted. Each run starts by reconciling Chroma with the
current snapshot, so rows left by a killed run are removed or added back.
"""

from __future__ import annotations

import fcntl
import hashlib
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from pydantic import BaseModel, Field

from assistant.chunking import chunk_document
from assistant.documents import UnreadableSource, file_sha256, list_sources, read_document
from assistant.schema import Chunk, Sentence
from assistant.store import (
    DocumentRecord, IndexMissing, Snapshot, SnapshotMeta, VectorStore, build_bm25, chunk_search_text,
    load_snapshot, write_snapshot,
)

if TYPE_CHECKING:
    from assistant.embedder import Embedder
    from assistant.settings import Settings

PIPELINE_VERSION = 1
Progress = Callable[[str, int, int], None]  # (stage, done, total)


class IndexBusy(RuntimeError):
    """Another index run holds the lock."""


class IndexReport(BaseModel):
    """What one index run did."""

    added: list[str] = Field(default_factory=list)
    updated: list[str] = Field(default_factory=list)
    removed: list[str] = Field(default_factory=list)
    unchanged: list[str] = Field(default_factory=list)
    skipped: dict[str, str] = Field(default_factory=dict, description="source → one-line reason")
    chunks_total: int = 0
    chunks_embedded: int = 0
    chunks_deleted: int = 0
    seconds: float = 0.0

    @property
    def changed(self) -> bool:
        """True when the snapshot was rewritten."""
        return bool(self.added or self.updated or self.removed)


def fingerprint(settings: Settings, model_id: str) -> str:
    """What must match for old vectors and chunks to be reused."""
    key = f"{PIPELINE_VERSION}|{model_id}|{settings.chunk_min_words}|{settings.chunk_max_words}|"
    key += f"{settings.chunk_overlap_sentences}|{settings.embed_max_tokens}"
    return hashlib.sha256(key.encode()).hexdigest()[:16]


@contextmanager
def index_lock(index_dir: Path, wait_seconds: float = 0.0) -> Iterator[None]:
    """An exclusive file lock for index runs; raises ``IndexBusy`` if it cannot be had in time."""
    index_dir.mkdir(parents=True, exist_ok=True)
    with (index_dir / ".lock").open("w") as handle:
        deadline = time.monotonic() + wait_seconds
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise IndexBusy(f"another index run is in progress on {index_dir}; try again when it ends") from None
                time.sleep(0.2)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def build_index(
    settings: Settings, embedder: Embedder, progress: Progress | None = None, lock_wait: float = 0.0
) -> IndexReport:
    """Bring the index in line with the corpus folder."""
    started = time.perf_counter()
    with index_lock(settings.index_path, lock_wait):
        report = _run(settings, embedder, progress or (lambda *_: None))
    report.seconds = round(time.perf_counter() - started, 3)
    return report


def _run(settings: Settings, embedder: Embedder, progress: Progress) -> IndexReport:
    print_ = fingerprint(settings, embedder.model_id)
    store = VectorStore(settings)
    try:
        old = load_snapshot(settings.index_path)
    except IndexMissing:
        old = Snapshot.empty(print_, embedder.dim)
    if old.meta.fingerprint != print_:
        store.reset()
        old = Snapshot.empty(print_, embedder.dim)
    report = IndexReport()
    documents, chunks, sentences = _scan(settings, old, report)
    report.removed = sorted(set(old.meta.documents) - set(documents))
    present = store.ids()
    wanted = {c.id for c in chunks}
    missing = [c for c in chunks if c.id not in present]
    if missing:
        progress("embed", 0, len(missing))
        vectors = embedder.embed([chunk_search_text(c) for c in missing], lambda n: progress("embed", n, len(missing)))
        store.upsert(missing, vectors)
    report.chunks_embedded = len(missing)
    report.chunks_total = len(chunks)
    if report.changed or old.meta.fingerprint != print_ or not (settings.index_path / "CURRENT").exists():
        sentence_vectors = _sentence_vectors(sentences, old, embedder, progress)
        meta = SnapshotMeta(fingerprint=print_, documents=documents, chunks=chunks, sentences=sentences)
        write_snapshot(settings.index_path, Snapshot(meta, sentence_vectors, build_bm25(chunks)))
    stale = sorted(present - wanted)
    store.delete(stale)
    report.chunks_deleted = len(stale)
    return report


def _scan(settings: Settings, old: Snapshot, report: IndexReport) -> tuple[dict, list[Chunk], list[Sentence]]:
    """Read new and changed documents; carry unchanged ones over from the old snapshot."""
    corpus = settings.corpus_dir.resolve()
    documents: dict[str, DocumentRecord] = {}
    chunks: list[Chunk] = []
    sentences: list[Sentence] = []
    old_sentences = {s.id: s for s in old.meta.sentences}
    for path in list_sources(corpus) if corpus.is_dir() else []:
        source = path.relative_to(corpus).as_posix()
        try:
            sha = file_sha256(path)
        except OSError as exc:
            report.skipped[source] = f"{source}: cannot read ({exc.strerror})"
            continue
        previous = old.meta.documents.get(source)
        if previous is not None and previous.sha256 == sha:
            documents[source] = previous
            doc_chunks = [old.chunk_by_id[i] for i in previous.chunk_ids]
            chunks.extend(doc_chunks)
            sentences.extend(old_sentences[i] for c in doc_chunks for i in c.sentence_ids if i in old_sentences)
            report.unchanged.append(source)
            continue
        try:
            doc = read_document(path, corpus)
        except UnreadableSource as exc:
            report.skipped[source] = str(exc)
            continue
        except OSError as exc:
            report.skipped[source] = f"{source}: cannot read ({exc.strerror})"
            continue
        doc_chunks, doc_sentences = chunk_document(
            doc, settings.chunk_min_words, settings.chunk_max_words, settings.chunk_overlap_sentences
        )
        if not doc_chunks:
            report.skipped[source] = f"{source}: no prose sentences to index"
            continue
        documents[source] = DocumentRecord(
            source=source, title=doc.title, sha256=doc.sha256, size=path.stat().st_size,
            indexed_at=datetime.now(timezone.utc).isoformat(timespec="seconds"), text=doc.text,
            sections=doc.sections, chunk_ids=[c.id for c in doc_chunks],
        )
        chunks.extend(doc_chunks)
        sentences.extend(doc_sentences)
        (report.updated if previous is not None else report.added).append(source)
    unique_sentences = list({s.id + "\x00" + s.source: s for s in sentences}.values())
    return documents, chunks, unique_sentences


def _sentence_vectors(sentences: list[Sentence], old: Snapshot, embedder: Embedder, progress: Progress) -> np.ndarray:
    """Sentence vectors, reusing the old snapshot's rows for sentence ids it already has."""
    out = np.zeros((len(sentences), embedder.dim), dtype=np.float32)
    todo = []
    for row, sentence in enumerate(sentences):
        old_row = old.sentence_row.get(sentence.id)
        if old_row is not None and old.meta.sentences[old_row].text == sentence.text:
            out[row] = old.sentence_vectors[old_row]
        else:
            todo.append(row)
    if todo:
        progress("sentences", 0, len(todo))
        out[todo] = embedder.embed([sentences[r].text for r in todo], lambda n: progress("sentences", n, len(todo)))
    return out
