"""The ``Assistant`` facade: every face (CLI, UI, Python API, evals) calls these methods and nothing below them."""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.schema import Answer, Span
from assistant.settings import Settings

if TYPE_CHECKING:
    from assistant.answer.extractive import ExtractiveAnswerer
    from assistant.embedder import Embedder
    from assistant.indexer import IndexReport, Progress
    from assistant.retrieve import HybridRetriever
    from assistant.store import DocumentRecord, Snapshot, VectorStore


class QuestionError(ValueError):
    """A question that cannot be asked (empty, too long); the message says why."""


def clean_question(text: str, max_chars: int) -> str:
    """The question with control characters and extra whitespace removed; raises ``QuestionError``."""
    if not isinstance(text, str):
        raise QuestionError("the question must be text")
    cleaned = " ".join("".join(ch if ch.isprintable() or ch.isspace() else " " for ch in text).split())
    if not cleaned:
        raise QuestionError("the question is empty: type a question about the documents")
    if len(cleaned) > max_chars:
        raise QuestionError(f"the question is {len(cleaned):,} characters long; the limit is {max_chars:,}")
    return cleaned


class Assistant:
    """Index, ask and list sources over one corpus, configured by one ``Settings``."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._lock = threading.RLock()
        self._embedder: Embedder | None = None
        self._store: VectorStore | None = None
        self._snapshot: Snapshot | None = None
        self._snapshot_dir: Path | None = None
        self._retriever: HybridRetriever | None = None
        self._answerer: ExtractiveAnswerer | None = None

    @classmethod
    def from_settings(cls, settings: Settings | None = None, **overrides: object) -> Assistant:
        """An assistant from env/.env settings, with keyword overrides (e.g. ``index_dir=...``)."""
        base = settings or Settings()
        return cls(Settings(**{**base.model_dump(), **overrides}) if overrides else base)

    @property
    def embedder(self) -> Embedder:
        """The embedder, loaded (and hash-checked) on first use."""
        if self._embedder is None:
            from assistant.embedder import Embedder

            self._embedder = Embedder.from_settings(self.settings)
        return self._embedder

    @property
    def store(self) -> VectorStore:
        """The Chroma store, opened on first use."""
        if self._store is None:
            from assistant.store import VectorStore

            self._store = VectorStore(self.settings)
        return self._store

    def index(self, progress: Progress | None = None, lock_wait: float = 0.0) -> IndexReport:
        """Bring the index in line with the corpus folder (incremental)."""
        from assistant.indexer import build_index

        with self._lock:
            report = build_index(self.settings, self.embedder, progress, lock_wait)
            self._snapshot_dir = None  # force a reload on the next question
            return report

    def has_index(self) -> bool:
        """True when a current snapshot exists."""
        from assistant.store import current_snapshot_dir

        return current_snapshot_dir(self.settings.index_path) is not None

    def ensure_index(self, progress: Progress | None = None) -> IndexReport | None:
        """Build the index when none exists; returns the report of that build, if any."""
        return None if self.has_index() else self.index(progress, lock_wait=600)

    def snapshot(self) -> Snapshot:
        """The current snapshot, reloaded when an index run has swapped in a new one."""
        from assistant.answer.extractive import ExtractiveAnswerer
        from assistant.retrieve import HybridRetriever
        from assistant.store import IndexMissing, current_snapshot_dir, load_snapshot

        folder = current_snapshot_dir(self.settings.index_path)
        if folder is None:
            raise IndexMissing(f"no index in {self.settings.index_path}; build it with: assistant index")
        with self._lock:
            if folder != self._snapshot_dir or self._snapshot is None:
                snapshot = load_snapshot(self.settings.index_path)
                self._retriever = HybridRetriever(snapshot, self.store, self.settings)
                self._answerer = ExtractiveAnswerer(snapshot, self.settings)
                self._snapshot, self._snapshot_dir = snapshot, folder
            return self._snapshot

    def ask(self, question: str, id: str | None = None, history: list[str] | None = None) -> Answer:
        """Answer a question from the index, every sentence cited, or abstain.

        ``history``: the conversation's previous standalone questions, most recent last; a follow-up that leans
        on them ("When did he announce it?") is searched as a standalone question, reported in ``searched``.
        """
        from assistant.answer.compose import compose
        from assistant.followup import standalone

        started = time.perf_counter()
        text = clean_question(question, self.settings.max_question_chars)
        searched = standalone(text, history)
        query = searched or text
        snapshot = self.snapshot()
        retriever, answerer = self._retriever, self._answerer
        assert retriever is not None and answerer is not None
        vector = self.embedder.embed([query])[0]
        analysis = answerer.analyse(query)
        hits = retriever.retrieve(query, vector, extra_stems=list(analysis.corrections.values()))
        draft = answerer.answer(query, hits, vector, analysis)
        answer_text, citations = compose(text, draft, snapshot)
        return Answer(
            id=id, question=question, answer=answer_text, abstained=draft.abstained, citations=citations,
            searched=searched,
            retrieved=[Span(source=h.chunk.source, start=h.chunk.start, end=h.chunk.end) for h in hits],
            seconds=round(time.perf_counter() - started, 4),
        )

    def sources(self) -> list[DocumentRecord]:
        """Indexed documents, by source name."""
        return sorted(self.snapshot().meta.documents.values(), key=lambda d: d.source)
