"""The on-disk index: Chroma vectors plus an immutable snapshot (documents, chunks, sentence vectors, BM25).

The only module that imports chromadb. Chroma holds each chunk's id and vector only; the snapshot holds the text,
offsets and everything else, so nothing is stored twice. A snapshot lives in its own folder under ``index_dir`` and becomes
current by an atomic rename of the ``CURRENT`` pointer, so readers never see a half-written BM25 index and a
crash mid-build leaves the previous snapshot in force. Chroma rows not in the current snapshot are ignored by
queries and removed by the next index run.

Chroma holds only ids and chunk vectors (of the chunk's text, or made from its sentences' vectors): the text, offsets and sections of every chunk live once, in the
snapshot, which every reader (one process or several ``assistant serve`` behind a Chroma server) loads anyway for
BM25 and the answerer. Storing them in Chroma too would be a second copy that nothing reads.
"""

from __future__ import annotations

import os
import shutil
import uuid
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from pydantic import BaseModel, Field

from assistant.errors import AssistantError, IndexWriteFailed
from assistant.schema import Chunk, Sentence
from assistant.terms import content_stems

if TYPE_CHECKING:
    from assistant.settings import Settings

SNAPSHOT_FORMAT = 1
POINTER = "CURRENT"
PARTIAL = ".partial"


class IndexMissing(AssistantError, RuntimeError):
    """No usable index exists yet; run ``assistant index``."""


class IndexMismatch(IndexMissing):
    """The index was built with another embedding model than settings name: its vectors cannot be queried."""


def chroma_bytes(chunks: list[Chunk], dim: int) -> int:
    """About what embedded Chroma's folder grows by for these new rows: its log, metadata, full-text index and
    HNSW files hold each vector about four times and each text about four times (measured: 8.6 KB a chunk of
    ~200 words at 384 dimensions, estimated here as 11 KB)."""
    return sum(4 * dim * 4 + 4 * len(chunk_search_text(c).encode()) for c in chunks)


def check_space(folder: Path, needed: int, what: str) -> None:
    """Raise ``IndexWriteFailed`` before writing when the disk holding ``folder`` has under ``needed`` bytes free.

    Embedded Chroma that runs out of space after logging new rows cannot answer (it applies its log first) until
    space is freed; refusing up front keeps the previous index answering.
    """
    free = shutil.disk_usage(folder).free
    if free < needed:
        raise IndexWriteFailed(
            f"not enough space for the index in {folder}: {what} needs about {needed / 1e6:.1f} MB and "
            f"{free / 1e6:.1f} MB are free; the previous index is unchanged; free some space there, then run the "
            "command again")


class DocumentRecord(BaseModel):
    """What the index knows about one source document."""

    source: str
    title: str
    sha256: str
    size: int
    indexed_at: str
    text: str = Field(description="Extracted text that citation offsets point into.")
    sections: list[tuple[int, str]] = Field(default_factory=list)
    chunk_ids: list[str] = Field(default_factory=list)
    pages: list[tuple[int, int]] = Field(default_factory=list, description="PDF: (offset, page number) pairs.")
    origin: str | None = Field(None, description="Where the file came from (URL or original path) when added.")


class SnapshotMeta(BaseModel):
    """Snapshot header: format, what built it, and its documents."""

    format: int = SNAPSHOT_FORMAT
    fingerprint: str
    embedder: str = Field("", description="Model id of the vectors (a query with another model is refused).")
    chunk_vectors: str = Field("text", description="How vectors were made: text, sentences or tokens (settings).")
    documents: dict[str, DocumentRecord] = Field(default_factory=dict)
    chunks: list[Chunk] = Field(default_factory=list)
    sentences: list[Sentence] = Field(default_factory=list)


@dataclass
class Snapshot:
    """A loaded snapshot: metadata, sentence vectors aligned with ``meta.sentences``, and BM25 over chunks."""

    meta: SnapshotMeta
    sentence_vectors: np.ndarray
    bm25: Any = None
    chunk_by_id: dict[str, Chunk] = field(default_factory=dict)
    sentence_row: dict[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.chunk_by_id = {c.id: c for c in self.meta.chunks}
        self.sentence_row = {s.id: i for i, s in enumerate(self.meta.sentences)}

    @cached_property
    def document_rows(self) -> dict[str, range]:
        """Where each document's sentences lie in ``meta.sentences`` (found on first use)."""
        return document_rows(self.meta.sentences)

    @classmethod
    def empty(cls, fingerprint: str, dim: int = 384) -> Snapshot:
        """A snapshot with no documents."""
        return cls(SnapshotMeta(fingerprint=fingerprint), np.zeros((0, dim), dtype=np.float32))


def document_rows(sentences: list[Sentence]) -> dict[str, range]:
    """Where each document's sentences lie in an index's list of sentences (a document's are consecutive, in
    document order), so that a reader of one document (a continuation) reads only its sentences."""
    rows: dict[str, range] = {}
    first = 0
    for i, sentence in enumerate(sentences):
        if i + 1 == len(sentences) or sentences[i + 1].source != sentence.source:
            rows[sentence.source] = range(first, i + 1)
            first = i + 1
    return rows


def chunk_search_text(chunk: Chunk) -> str:
    """What is embedded and BM25-indexed for a chunk: its section heading, then its verbatim text."""
    return f"{chunk.section}\n{chunk.text}" if chunk.section else chunk.text


def build_bm25(chunks: list[Chunk]) -> Any:
    """A bm25s index over stemmed chunk texts (row i is chunk i)."""
    import bm25s

    model = bm25s.BM25()
    if chunks:
        model.index([content_stems(chunk_search_text(c)) or ["\x00"] for c in chunks], show_progress=False)
    return model


def bm25_size(model: Any) -> int:
    """Number of rows (chunks) in a bm25s index."""
    scores = getattr(model, "scores", None)
    return int(scores.get("num_docs", 0)) if isinstance(scores, dict) else 0


def bm25_scores(model: Any, query_stems: list[str], n_chunks: int) -> np.ndarray:
    """BM25 score of every chunk for the query stems (zeros when nothing matches)."""
    known = [s for s in query_stems if s in getattr(model, "vocab_dict", {})]
    if not known or not n_chunks:
        return np.zeros(n_chunks, dtype=np.float32)
    return np.asarray(model.get_scores(known), dtype=np.float32)


def current_snapshot_dir(index_dir: Path) -> Path | None:
    """The folder the ``CURRENT`` pointer names, or None."""
    pointer = index_dir / POINTER
    if not pointer.is_file():
        return None
    folder = index_dir / pointer.read_text().strip()
    return folder if (folder / "meta.json").is_file() else None


def load_snapshot(index_dir: Path, with_bm25: bool = True) -> Snapshot:
    """Load the current snapshot; raises ``IndexMissing`` when there is none or it is unreadable.

    An index run may swap in a new snapshot (and delete an old one) while this reads: then it reads the new one.
    """
    for attempt in range(5):
        folder = current_snapshot_dir(index_dir)
        if folder is None:
            raise IndexMissing(f"no index in {index_dir}; build it with: assistant index")
        try:
            return _load_folder(index_dir, folder, with_bm25)
        except (OSError, ValueError) as exc:
            if current_snapshot_dir(index_dir) == folder or attempt == 4:
                raise IndexMissing(
                    f"the index in {index_dir} is damaged ({exc}); rebuild it with: assistant index"
                ) from exc
    raise AssertionError("unreachable")


def _load_folder(index_dir: Path, folder: Path, with_bm25: bool) -> Snapshot:
    meta = SnapshotMeta.model_validate_json((folder / "meta.json").read_bytes())
    # memory-mapped: only the rows a question touches are read (a 100k-chunk index holds ~0.5 GB of them);
    # an index run deleting this folder later leaves the mapping valid (POSIX keeps the file until unmapped)
    vectors = np.load(folder / "sentence_vectors.npy", mmap_mode="r" if meta.sentences else None)
    bm25 = None
    if with_bm25:
        import bm25s

        bm25 = bm25s.BM25.load(str(folder / "bm25")) if meta.chunks else bm25s.BM25()
    if meta.format != SNAPSHOT_FORMAT or len(vectors) != len(meta.sentences):
        raise IndexMissing(f"the index in {index_dir} is from another version; rebuild it with: assistant index")
    return Snapshot(meta, vectors, bm25)


def write_snapshot(index_dir: Path, snapshot: Snapshot) -> Path:
    """Write a snapshot to a fresh folder, then atomically make it current; old snapshots are removed.

    The folder is written as ``snapshot-*.partial`` and renamed when complete, so a killed run leaves only a
    ``.partial`` folder (removed by ``remove_partial_snapshots``), never a half-written snapshot; a failed write
    (a full disk) removes it at once.
    """
    index_dir.mkdir(parents=True, exist_ok=True)
    previous = current_snapshot_dir(index_dir)
    name = f"snapshot-{uuid.uuid4().hex[:12]}"
    partial = index_dir / f"{name}{PARTIAL}"
    partial.mkdir()
    try:
        (partial / "meta.json").write_text(snapshot.meta.model_dump_json())
        np.save(partial / "sentence_vectors.npy", snapshot.sentence_vectors)
        if snapshot.meta.chunks:
            snapshot.bm25.save(str(partial / "bm25"))
        _fsync_tree(partial)
    except BaseException:  # a full disk or Ctrl-C: give the space back at once; the previous snapshot stays current
        shutil.rmtree(partial, ignore_errors=True)
        raise
    folder = index_dir / name
    os.rename(partial, folder)
    tmp = index_dir / f"{POINTER}.tmp"
    tmp.write_text(folder.name)
    with tmp.open("rb") as handle:
        os.fsync(handle.fileno())
    os.replace(tmp, index_dir / POINTER)
    _fsync_dir(index_dir)
    for stale in index_dir.glob("snapshot-*"):
        # the previous one stays a generation for readers still loading it; .partial ones belong to a live run
        if stale not in (folder, previous) and not stale.name.endswith(PARTIAL):
            shutil.rmtree(stale, ignore_errors=True)
    return folder


def remove_partial_snapshots(index_dir: Path) -> None:
    """Delete snapshot folders a killed run left half-written (call only while holding the index lock)."""
    for partial in index_dir.glob(f"snapshot-*{PARTIAL}"):
        shutil.rmtree(partial, ignore_errors=True)


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_tree(folder: Path) -> None:
    for path in folder.rglob("*"):
        if path.is_file():
            with path.open("rb") as handle:
                os.fsync(handle.fileno())


class VectorStore:
    """Chunk vectors in Chroma, embedded (PersistentClient) or on a server (HttpClient)."""

    def __init__(self, settings: Settings, create: bool = True) -> None:
        """Open the store; with ``create=False`` (the query path) a missing embedded store is an error, not a new
        empty one, so a deleted ``index/chroma`` is reported instead of silently answering from BM25 alone."""
        folder = settings.paths.index_path / "chroma"
        if not create and not settings.paths.chroma_url and not (folder / "chroma.sqlite3").is_file():
            raise IndexMissing(f"the vector store {folder} is missing; rebuild it with: assistant index")
        import chromadb
        from chromadb.config import Settings as ChromaSettings

        chroma_settings = ChromaSettings(anonymized_telemetry=False, allow_reset=False)
        self._settings = settings
        if settings.paths.chroma_url:
            from urllib.parse import urlparse

            url = urlparse(settings.paths.chroma_url)
            self._client = chromadb.HttpClient(
                host=url.hostname or "127.0.0.1", port=url.port or 8000, ssl=url.scheme == "https",
                settings=chroma_settings,
            )
        else:
            folder.mkdir(parents=True, exist_ok=True)
            self._client = chromadb.PersistentClient(path=str(folder), settings=chroma_settings)
        self._name = settings.paths.collection
        self._collection = self._client.get_or_create_collection(
            self._name, embedding_function=None, metadata={"hnsw:space": "cosine"}
        )

    def fresh(self) -> VectorStore:
        """A handle that sees the rows other processes wrote since this one was opened.

        Embedded Chroma caches one system per folder and process, and that cache does not see other processes'
        writes. chromadb's public ``clear_system_cache()`` forgets the cached systems without stopping them, so
        queries still running on this handle finish, and the new handle reads the folder anew (``close()``
        would stop the system under those queries). A server is always current: returns ``self``.
        """
        if self._settings.paths.chroma_url:
            return self
        from chromadb.api.shared_system_client import SharedSystemClient

        # No public per-folder API: chromadb's public clear_system_cache() drops every folder's system, which breaks
        # the other handles this process holds (eval --sets keeps one per collection); 1.5.x internals, pinned.
        identifier = self._client._identifier
        with SharedSystemClient._refcount_lock:
            SharedSystemClient._identifier_to_system.pop(identifier, None)
            SharedSystemClient._identifier_to_refcount.pop(identifier, None)
        return VectorStore(self._settings)

    def count(self) -> int:
        """Rows in the collection."""
        return self._collection.count()

    def ids(self) -> set[str]:
        """Every row id, fetched in pages."""
        out: set[str] = set()
        total, page = self.count(), 5000
        for offset in range(0, total, page):
            out.update(self._collection.get(include=[], limit=page, offset=offset)["ids"])
        return out

    def upsert(self, chunks: list[Chunk], vectors: np.ndarray, batch: int = 1000) -> None:
        """Insert or replace rows of id and vector only: embeddings are always passed in, never computed by Chroma,
        and chunk text and offsets live in the snapshot alone (Chroma answers "which ids are nearest", nothing else)."""
        for lo in range(0, len(chunks), batch):
            part = chunks[lo:lo + batch]
            self._collection.upsert(ids=[c.id for c in part], embeddings=vectors[lo:lo + batch].tolist())

    def delete(self, ids: list[str], batch: int = 1000) -> None:
        """Remove rows by id."""
        for lo in range(0, len(ids), batch):
            self._collection.delete(ids=ids[lo:lo + batch])

    @property
    def fingerprint(self) -> str | None:
        """The index fingerprint the collection's vectors were made for (set by ``reset``)."""
        return (self._collection.metadata or {}).get("fingerprint")

    def reset(self, fingerprint: str | None = None) -> None:
        """Drop and recreate the collection, empty, for vectors made with ``fingerprint``."""
        self._client.delete_collection(self._name)
        metadata: dict[str, Any] = {"hnsw:space": "cosine"}
        if fingerprint:
            metadata["fingerprint"] = fingerprint
        self._collection = self._client.get_or_create_collection(self._name, embedding_function=None, metadata=metadata)

    def query(self, vector: np.ndarray, n: int) -> list[tuple[str, float]]:
        """Nearest rows as (id, cosine similarity), best first. Chroma (1.5) returns fewer rows when the collection
        holds fewer than ``n``, none when it is empty: no count first (a round trip to a Chroma server)."""
        if n < 1:
            return []
        result = self._collection.query(query_embeddings=[vector.tolist()], n_results=n, include=["distances"])
        return [(i, 1.0 - float(d)) for i, d in zip(result["ids"][0], result["distances"][0])]
