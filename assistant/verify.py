"""Is the index consistent with itself and with the corpus? (``assistant check``; used by the crash tests.)"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from pydantic import BaseModel, Field

if TYPE_CHECKING:
    from assistant.settings import Settings


class IndexCheck(BaseModel):
    """Counts and the problems found; ``ok`` when there are none."""

    documents: int = 0
    chunks: int = 0
    sentences: int = 0
    chroma_rows: int = 0
    bm25_rows: int = 0
    problems: list[str] = Field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when nothing is wrong."""
        return not self.problems


def verify_index(settings: Settings, store: object | None = None) -> IndexCheck:
    """Chroma rows == snapshot chunks (no duplicates, no orphans), BM25 rows == chunks, every span verbatim,
    every indexed file unchanged on disk, and every corpus file either indexed or unreadable."""
    from assistant.store import IndexMissing, VectorStore, bm25_size, load_snapshot

    try:
        snapshot = load_snapshot(settings.paths.index_path)
    except IndexMissing as exc:
        return IndexCheck(problems=[str(exc)])
    meta = snapshot.meta
    ids = [c.id for c in meta.chunks]
    chroma = (store if isinstance(store, VectorStore) else VectorStore(settings)).ids()
    check = IndexCheck(documents=len(meta.documents), chunks=len(ids), sentences=len(meta.sentences),
                       chroma_rows=len(chroma), bm25_rows=bm25_size(snapshot.bm25) if ids else 0)
    problems = check.problems
    duplicates = [i for i, n in Counter(ids).items() if n > 1]
    if duplicates:
        problems.append(f"{len(duplicates)} duplicate chunk ids in the snapshot, e.g. {duplicates[0]}")
    if chroma - set(ids):
        problems.append(f"{len(chroma - set(ids))} orphan rows in Chroma (not in the snapshot)")
    if set(ids) - chroma:
        problems.append(f"{len(set(ids) - chroma)} snapshot chunks missing from Chroma")
    if check.bm25_rows != len(ids):
        problems.append(f"BM25 has {check.bm25_rows} rows for {len(ids)} chunks")
    if len(snapshot.sentence_vectors) != len(meta.sentences):
        problems.append("sentence vectors do not match the sentences")
    for item in [*meta.chunks, *meta.sentences]:
        doc = meta.documents.get(item.source)
        if doc is None or doc.text[item.start:item.end] != item.text:
            problems.append(f"{item.source} [{item.start}:{item.end}]: text is not the document's text at its offsets")
    for source, doc in meta.documents.items():
        if doc.chunk_ids != [c.id for c in meta.chunks if c.source == source]:
            problems.append(f"{source}: its chunk list does not match the snapshot's chunks")
    problems.extend(_corpus_problems(settings, meta.documents))
    return check


def _corpus_problems(settings: Settings, documents: dict) -> list[str]:
    """Indexed files that changed or vanished, and readable corpus files that are not indexed."""
    from assistant.chunking import chunk_document
    from assistant.documents import UnreadableSource, file_sha256, list_sources, read_document

    corpus = settings.paths.corpus_dir.resolve()
    on_disk = {p.relative_to(corpus).as_posix(): p for p in (list_sources(corpus) if corpus.is_dir() else [])}
    problems = []
    for source, doc in documents.items():
        if source not in on_disk:
            problems.append(f"{source}: indexed but no longer in the corpus")
        elif file_sha256(on_disk[source]) != doc.sha256:
            problems.append(f"{source}: changed since it was indexed")
    for source, path in on_disk.items():
        if source in documents:
            continue
        try:
            doc = read_document(path, corpus, settings.limits.max_source_mb)
        except (UnreadableSource, OSError):
            continue
        if chunk_document(doc, settings.index.chunk_min_words, settings.index.chunk_max_words, settings.index.chunk_overlap_sentences)[0]:
            problems.append(f"{source}: in the corpus but not indexed")
    return problems
