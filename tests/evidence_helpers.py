"""An answer-stage Evidence view over one hand-written document: real chunking and BM25, one-hot sentence vectors
(no embedder)."""

from __future__ import annotations

import numpy as np

from assistant.answer.evidence import Evidence
from assistant.chunking import chunk_document
from assistant.schema import Document, Sentence
from assistant.store import DocumentRecord, Snapshot, SnapshotMeta, build_bm25


def evidence_over(source: str, title: str, text: str) -> tuple[Evidence, list[Sentence]]:
    """The view over ``text`` (saved as ``source``) and its sentences in order; sentence ``i``'s vector is the
    ``i``-th unit vector of eight dimensions."""
    doc = Document(source=source, title=title, text=text, sha256="x")
    chunks, sentences = chunk_document(doc, min_words=3, max_words=50)
    record = DocumentRecord(source=source, title=title, sha256="x", size=len(text), indexed_at="now", text=text,
                            chunk_ids=[c.id for c in chunks])
    meta = SnapshotMeta(fingerprint="f", documents={source: record}, chunks=chunks, sentences=sentences)
    vectors = np.eye(len(sentences), 8, dtype=np.float32)
    return Evidence(Snapshot(meta, vectors, build_bm25(chunks))), sentences
