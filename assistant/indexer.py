"""Corpus → index, incrementally: unchanged documents are only hashed, known sentences are never re-embedded.

Stages: scan (read and chunk new or changed documents) → embedding steps (sentence vectors and tags, chunk vectors
made from them into Chroma: ``index_steps``) → snapshot → stale rows deleted. Order of work keeps a crash harmless:
new vectors go into Chroma first (step by step, and each step's sentence work is saved, so a killed run's work is
reused), then the new snapshot becomes current in one rename, and only then are rows of vanished chunks deleted.
A ``CLEAN`` marker names the snapshot Chroma was last reconciled with; every run that finds it missing or stale
(a run was killed) reconciles Chroma with the snapshot: missing rows are added, orphan rows deleted. An unchanged
corpus with a clean index costs one hash per file: no Chroma, no embedder.
"""

from __future__ import annotations

import fcntl
import hashlib
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Union

from pydantic import BaseModel, Field

from assistant.chunking import chunk_document
from assistant.errors import AssistantError
from assistant.nlp import TAGS_VERSION
from assistant.documents import UnreadableSource, file_sha256, list_sources, read_document
from assistant.index_steps import EmbeddingSteps, Progress
from assistant.origins import load_origins
from assistant.paths import corpus_folder
from assistant.pending import PendingWork
from assistant.readers.base import page_at
from assistant.schema import Chunk, Document, Sentence
from assistant.store import (
    DocumentRecord, IndexMissing, Snapshot, SnapshotMeta, VectorStore, build_bm25, check_space, chroma_bytes,
    current_snapshot_dir, load_snapshot, remove_partial_snapshots, write_snapshot,
)

if TYPE_CHECKING:
    from assistant.embedder import TextEmbedder
    from assistant.settings import Settings

PIPELINE_VERSION = 23  # 2: hard-wrapped lines joined, PDF/HTML readers, page numbers; 3: introduced fragments; 4: front matter;
# 5: short sections share a chunk; 6: a wrap before a long word (a path) continues the line; 7: a sentence ending in a colon is prose;
# 8: BM25 reads a word hyphenated across a line break (man pages) as one word; 9: a command-line option ("-N", "--no-clobber") is a token;
# 10: the rows of a table are indexed whether or not a sentence introduces them; 11: an option's description without a full stop is prose;
# 12: a line holding a sentence end and another sentence's start is prose, even without its own last full stop;
# 13: HTML permalink marks dropped ("NAME¶"), a field line after a description ("Default: True") is prose;
# 14: a field label or call-out title ("Parameters", "Note", "Changelog") is no section heading;
# 15: a console line (">>> f(x)", "$ cmd") and the line it printed are no section heading;
# 16: an irregular verb form is stemmed as its base form ("frozen" as "freeze");
# 17: the items of a list that goes on from a paragraph are indexed (and no section heading);
# 18: a line underlined (or overlined) by one repeated mark ("Title\n=====") is a section heading;
# 19: an HTML term's names given one <dt> each ("-q", "--quiet") are one line
# 20: an option's whole entry on one line ("-d     same as --no-dereference --preserve=links") is prose
# 21: a section's number opens its title's sentence ("4.13.17. December 2015: ...") rather than standing alone
# 22: a version note without a full stop ("New in version 0.7: PROPAGATE_EXCEPTIONS") is prose
# 23: back matter: the lines after the last paragraph that hold a date or version (a manual page's footer)
EmbedderSource = Union["TextEmbedder", Callable[[], "TextEmbedder"]]  # an embedder, or a function loading one
CLEAN = "CLEAN"


class IndexBusy(AssistantError, RuntimeError):
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
    sentences_embedded: int = 0
    seconds: float = 0.0
    stage_seconds: dict[str, float] = Field(default_factory=dict, description=(
        "Seconds per stage, one after the other: scan (read, chunk), sentences (embed and tag side by side), "
        "chunk vectors, chroma, snapshot."))
    busy_seconds: dict[str, float] = Field(
        default_factory=dict, description="Seconds embedding and tagging ran (they overlap within a stage).")

    @property
    def changed(self) -> bool:
        """True when documents were added, updated or removed."""
        return bool(self.added or self.updated or self.removed)


def fingerprint(settings: Settings, model_id: str) -> str:
    """What must match for old vectors and chunks to be reused."""
    chunking = settings.index
    key = f"{PIPELINE_VERSION}|{TAGS_VERSION}|{model_id}|{chunking.chunk_min_words}|{chunking.chunk_max_words}|"
    key += f"{chunking.chunk_overlap_sentences}|{settings.embedding.max_tokens}"
    if settings.embedding.chunk_vectors == "sentences":  # text: the key of before
        key += "|chunk vectors from sentences, headings, leftovers"
    elif settings.embedding.chunk_vectors == "tokens":
        key += "|sentence vectors pooled from their chunk's tokens"
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
    settings: Settings, embedder: EmbedderSource, progress: Progress | None = None, lock_wait: float = 0.0,
    paths: list[Path] | None = None, store: VectorStore | None = None,
) -> IndexReport:
    """Bring the index in line with the corpus folder, or with only ``paths`` (files or folders inside it)."""
    with index_lock(settings.paths.index_path, lock_wait):
        origins = load_origins(settings.paths.corpus_dir.resolve())
        return update_index(settings, embedder, origins, progress, paths, store)


def update_index(
    settings: Settings, embedder: EmbedderSource, origins: Mapping[str, str], progress: Progress | None = None,
    paths: list[Path] | None = None, store: VectorStore | None = None,
) -> IndexReport:
    """``build_index`` for a caller that already holds ``index_lock``; ``origins``: source → where it came from."""
    started = time.perf_counter()
    report = _Run(settings, embedder, progress or (lambda *_: None), store).run(paths, origins)
    report.seconds = round(time.perf_counter() - started, 3)
    return report


class _Run:
    """One index run; the embedder and Chroma are only opened when there is work for them."""

    def __init__(self, settings: Settings, embedder: EmbedderSource, progress: Progress, store: VectorStore | None):
        self.settings, self.progress, self._store = settings, progress, store
        self._embedder_source = embedder
        self._embedder: TextEmbedder | None = embedder if hasattr(embedder, "embed") else None  # type: ignore[assignment]

    @property
    def embedder(self) -> TextEmbedder:
        if self._embedder is None:
            self._embedder = self._embedder_source()  # type: ignore[operator]
        return self._embedder

    @property
    def store(self) -> VectorStore:
        if self._store is None:
            self._store = VectorStore(self.settings)
        return self._store

    def model_id(self) -> str:
        if self._embedder is not None:
            return self._embedder.model_id
        from assistant.embedders import embedder_id

        return embedder_id(self.settings)

    def run(self, paths: list[Path] | None, origins: Mapping[str, str]) -> IndexReport:
        index_dir = self.settings.paths.index_path
        remove_partial_snapshots(index_dir)
        model_id = self.model_id()
        print_ = fingerprint(self.settings, model_id)
        try:
            old = load_snapshot(index_dir, with_bm25=False)
        except IndexMissing:
            old = None
        rebuild = old is None or old.meta.fingerprint != print_
        if old is None or rebuild:
            old = Snapshot.empty(print_)
        report = IndexReport()
        started = time.perf_counter()
        scan = _scan(self.settings, old, report, paths, origins, self.progress)
        report.stage_seconds["scan"] = round(time.perf_counter() - started, 3)
        report.chunks_total = len(scan.chunks)
        rewrite = rebuild or report.changed or scan.origins_changed
        if not rewrite and _is_clean(index_dir, self.settings):
            return report
        _mark_dirty(index_dir)
        if self.store.fingerprint != print_:  # vectors of another model or pipeline: start the collection over
            self.store.reset(print_)
        present = self.store.ids()
        wanted = {c.id for c in scan.chunks}
        self._check_space([c for c in scan.chunks if c.id not in present])
        pending = PendingWork(index_dir, print_)
        steps = EmbeddingSteps(lambda: self.embedder, self.store, pending, self.progress,
                               self.settings.index.batch_chunks, self.settings.embedding.chunk_vectors)
        sentences, vectors = steps.run(scan.chunks, scan.unique_sentences(), old, present)
        report.chunks_embedded, report.sentences_embedded = steps.chunks_written, steps.sentences_embedded
        if rewrite:
            with steps.timed("snapshot"):
                meta = SnapshotMeta(fingerprint=print_, embedder=model_id,
                                    chunk_vectors=self.settings.embedding.chunk_vectors,
                                    documents=scan.documents, chunks=scan.chunks, sentences=sentences)
                write_snapshot(index_dir, Snapshot(meta, vectors, build_bm25(scan.chunks)))
        pending.clear()
        stale = sorted(present - wanted)
        with steps.timed("chroma"):
            self.store.delete(stale)
        report.chunks_deleted = len(stale)
        _mark_clean(index_dir, self.settings)
        report.stage_seconds.update((k, round(v, 3)) for k, v in steps.seconds.items())
        report.busy_seconds = {k: round(v, 3) for k, v in steps.busy.items()}
        return report

    def _check_space(self, missing: list[Chunk]) -> None:
        """Refuse up front when embedded Chroma's disk lacks room for the rows this run adds."""
        if missing and not self.settings.paths.chroma_url:
            needed = chroma_bytes(missing, self.embedder.dim)
            check_space(self.settings.paths.index_path, needed, f"embedding {len(missing)} new chunks")


def _in_scope(source: str, scopes: list[str] | None) -> bool:
    return scopes is None or any(s in ("", ".") or source == s or source.startswith(s + "/") for s in scopes)


def _relative(path: Path, corpus: Path) -> str:
    try:
        return path.resolve().relative_to(corpus).as_posix()
    except ValueError:
        raise UnreadableSource(f"{path}: not inside the corpus folder {corpus}") from None


class _Scan:
    """The documents, chunks and sentences of the next snapshot."""

    def __init__(self, old: Snapshot, origins: Mapping[str, str]) -> None:
        self.old, self.origins = old, origins
        self.documents: dict[str, DocumentRecord] = {}
        self.chunks: list[Chunk] = []
        self.sentences: list[Sentence] = []
        self.origins_changed = False
        self._old_sentences = {s.id: s for s in old.meta.sentences}

    def keep(self, record: DocumentRecord) -> None:
        """Carry a document over from the old snapshot (only its origin may change)."""
        origin = self.origins.get(record.source, record.origin)
        if origin != record.origin:
            record, self.origins_changed = record.model_copy(update={"origin": origin}), True
        self.documents[record.source] = record
        doc_chunks = [self.old.chunk_by_id[i] for i in record.chunk_ids]
        self.chunks.extend(doc_chunks)
        known = self._old_sentences
        self.sentences.extend(known[i] for c in doc_chunks for i in c.sentence_ids if i in known)

    def add(self, doc: Document, size: int, chunks: list[Chunk], sentences: list[Sentence]) -> None:
        """A new or changed document."""
        self.documents[doc.source] = DocumentRecord(
            source=doc.source, title=doc.title, sha256=doc.sha256, size=size,
            indexed_at=datetime.now(timezone.utc).isoformat(timespec="seconds"), text=doc.text,
            sections=doc.sections, chunk_ids=[c.id for c in chunks], pages=doc.pages,
            origin=self.origins.get(doc.source),
        )
        self.chunks.extend(chunks)
        self.sentences.extend(sentences)

    def unique_sentences(self) -> list[Sentence]:
        return list({s.id + "\x00" + s.source: s for s in self.sentences}.values())


def _scan(settings: Settings, old: Snapshot, report: IndexReport, paths: list[Path] | None,
          origins: Mapping[str, str], progress: Progress) -> _Scan:
    """Read new and changed documents; carry unchanged ones (and, with ``paths``, those out of scope) over."""
    corpus = corpus_folder(settings.paths.corpus_dir)
    scopes = None if paths is None else [_relative(p, corpus) for p in paths]
    on_disk = {p.relative_to(corpus).as_posix(): p for p in list_sources(corpus)}
    for scope in scopes or []:
        if not any(_in_scope(s, [scope]) for s in [*on_disk, *old.meta.documents]):
            report.skipped[scope] = f"{scope}: no such file or folder in the corpus"
    scan = _Scan(old, origins)
    in_scope = [s for s in on_disk if _in_scope(s, scopes)]
    progress("documents", 0, len(in_scope))
    for source in sorted(set(on_disk) | set(old.meta.documents)):
        previous = old.meta.documents.get(source)
        if not _in_scope(source, scopes):
            if previous is not None:
                scan.keep(previous)
            continue
        if source not in on_disk:
            continue  # removed from the corpus
        _read_one(settings, corpus, source, on_disk[source], previous, scan, report)
        progress("documents", 1, len(in_scope))
    report.removed = sorted(s for s in old.meta.documents if s not in scan.documents)
    return scan


def _read_one(settings: Settings, corpus: Path, source: str, path: Path, previous: DocumentRecord | None,
              scan: _Scan, report: IndexReport) -> None:
    """Keep an unchanged document; read and chunk a new or changed one; or say why it is skipped."""
    try:
        if previous is not None and previous.sha256 == file_sha256(path):
            scan.keep(previous)
            report.unchanged.append(source)
            return
        doc = read_document(path, corpus, settings.limits.max_source_mb)
        size = path.stat().st_size
    except UnreadableSource as exc:
        report.skipped[source] = str(exc)
        return
    except OSError as exc:
        report.skipped[source] = f"{source}: cannot read ({exc.strerror or exc})"
        return
    doc_chunks, doc_sentences = chunk_document(
        doc, settings.index.chunk_min_words, settings.index.chunk_max_words, settings.index.chunk_overlap_sentences
    )
    if not doc_chunks:
        report.skipped[source] = f"{source}: no prose sentences to index"
        return
    if doc.pages:
        for item in [*doc_chunks, *doc_sentences]:
            item.page = page_at(doc.pages, item.start)
    scan.add(doc, size, doc_chunks, doc_sentences)
    (report.updated if previous is not None else report.added).append(source)


def _marker(settings: Settings) -> str:
    folder = current_snapshot_dir(settings.paths.index_path)
    where = settings.paths.chroma_url or "embedded"
    return f"{folder.name if folder else ''}\n{where}#{settings.paths.collection}\n"


def _is_clean(index_dir: Path, settings: Settings) -> bool:
    """True when the last run ended normally with the current snapshot and this Chroma location."""
    marker = index_dir / CLEAN
    if not settings.paths.chroma_url and not (index_dir / "chroma" / "chroma.sqlite3").is_file():
        return False
    return marker.is_file() and marker.read_text() == _marker(settings)


def _mark_dirty(index_dir: Path) -> None:
    (index_dir / CLEAN).unlink(missing_ok=True)


def _mark_clean(index_dir: Path, settings: Settings) -> None:
    tmp = index_dir / f"{CLEAN}.tmp"
    tmp.write_text(_marker(settings))
    tmp.replace(index_dir / CLEAN)
