"""The ``Assistant`` facade: every face (CLI, UI, Python API, evals) calls these methods and nothing below them."""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.errors import AssistantError
from assistant.faults import store_errors
from assistant.followup_turns import Turns
from assistant.paths import index_folder
from assistant.schema import Answer, Span
from assistant.settings import Settings

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator, Sequence

    from assistant.answer.draft import Draft
    from assistant.answer.extractive import ExtractiveAnswerer
    from assistant.answer.llm_answer import AnswerDelta, Generated, GenerativeAnswerer
    from assistant.answer.params import AnswerParams
    from assistant.answer.pipeline import AnswerPipeline
    from assistant.embedder import TextEmbedder
    from assistant.followup import FollowupParams, Resolution
    from assistant.followup_gate import GateParams
    from assistant.followup_next import ContinuationParams
    from assistant.indexer import IndexReport, Progress
    from assistant.retrieve import HybridRetriever
    from assistant.schema import Hit
    from assistant.store import DocumentRecord, Snapshot, VectorStore
    from assistant.verify import IndexCheck


class QuestionError(AssistantError, ValueError):
    """A question that cannot be asked (empty, too long); the message says why."""

    exit_code = 2


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


def _check_model(snapshot: Snapshot, settings: Settings) -> None:
    """Raise ``IndexMismatch`` when the snapshot's vectors come from another model than settings name."""
    from assistant.embedders import embedder_id
    from assistant.store import IndexMismatch

    built, wanted = snapshot.meta.embedder, embedder_id(settings)
    if built and built != wanted:
        raise IndexMismatch(f"the index in {settings.paths.index_path} was built with the embedding model {built}, but "
                            f"settings name {wanted}: vectors of two models cannot be compared; re-index with: "
                            f"assistant index (or set ASSISTANT_EMBEDDER and ASSISTANT_EMBED_MODEL back)")


class Assistant:
    """Index, ask and list sources over one corpus, configured by one ``Settings``."""

    def __init__(self, settings: Settings) -> None:
        """An assistant over ``settings``; ``SettingsError`` when ASSISTANT_INDEX_DIR cannot be a folder."""
        index_folder(settings.paths.index_dir)
        self.settings = settings
        self._lock = threading.RLock()
        self._embedder: TextEmbedder | None = None
        self._store: VectorStore | None = None
        self._snapshot: Snapshot | None = None
        self._snapshot_dir: Path | None = None
        self._retriever: HybridRetriever | None = None
        self._answerer: ExtractiveAnswerer | None = None
        self._generator: GenerativeAnswerer | None = None
        self._answer_params: AnswerParams | None = None
        self.followup_params: FollowupParams | None = None  # None: the fitted defaults of assistant.followup
        self.continuation_params: ContinuationParams | None = None  # None: those of assistant.followup_next
        self.gate_params: GateParams | None = None  # None: the fitted assistant/followup_gate.json
        self.turns = Turns(self)  # follow-ups: earlier turns read, the last answer recomputed when needed

    @classmethod
    def from_settings(cls, settings: Settings | None = None, **overrides: object) -> Assistant:
        """An assistant from env/.env settings, with keyword overrides by flat name (e.g. ``index_dir=...``)."""
        base = settings or Settings()
        return cls(base.replace(**overrides) if overrides else base)

    @property
    def embedder(self) -> TextEmbedder:
        """The embedder, loaded (and hash-checked, or its server reached) on first use."""
        if self._embedder is None:
            from assistant.embedders import load_embedder

            self._embedder = load_embedder(self.settings)
        return self._embedder

    @property
    def store(self) -> VectorStore:
        """The Chroma store, opened on first use."""
        if self._store is None:
            from assistant.store import VectorStore

            with store_errors(self.settings):
                self._store = VectorStore(self.settings, create=False)
        return self._store

    def warm_up(self) -> None:
        """Open the vector store and load the embedder and the NLP model side by side, ahead of the first question.

        chromadb's import is Python-bound while the ONNX session is built in native code that releases the GIL,
        so the two overlap: a fresh process reaches its first answer sooner. Errors surface here as they would
        on first use (``IndexMissing``, ``StoreUnavailable``), after both threads are done: exiting on an unusable
        model while a thread was still loading spaCy or chromadb crashed the interpreter at exit (signal 11).
        """
        from assistant.nlp import pipeline

        failure: list[BaseException] = []

        def run(load: Callable[[], object]) -> None:
            try:
                load()
            except BaseException as exc:  # re-raised in the caller's thread
                failure.append(exc)

        openers = [threading.Thread(target=run, args=(load,), name=name, daemon=True)
                   for name, load in (("open-store", lambda: self.store), ("load-nlp", pipeline))]
        for opener in openers:
            opener.start()
        try:
            self.embedder
        finally:  # an unusable model must not end the process while a thread is still inside native loading code
            for opener in openers:
                opener.join()
        if failure:
            raise failure[0]
        self.snapshot()

    def index(
        self, progress: Progress | None = None, lock_wait: float = 0.0, paths: list[Path] | None = None
    ) -> IndexReport:
        """Bring the index in line with the corpus folder, or only ``paths`` (outside ones are copied in first).

        Questions keep being answered from the current snapshot while this runs (the file lock, not this
        object's lock, keeps index runs apart); the new snapshot is picked up by the next question.
        """
        from assistant.corpus import index_paths
        from assistant.indexer import build_index

        with store_errors(self.settings):
            if paths is not None:
                return index_paths(self.settings, list(paths), lambda: self.embedder, progress, lock_wait=lock_wait)
            return build_index(self.settings, lambda: self.embedder, progress, lock_wait)

    def add(self, path: str | Path, progress: Progress | None = None, lock_wait: float = 0.0) -> IndexReport:
        """Copy a file or folder into the corpus (or fetch an http(s) URL into it), then index it."""
        from assistant.corpus import add_source

        with store_errors(self.settings):
            return add_source(self.settings, path, lambda: self.embedder, progress, lock_wait=lock_wait)

    def remove(self, source: str, progress: Progress | None = None, lock_wait: float = 0.0) -> IndexReport:
        """Delete a source from the corpus folder and its chunks from the index; ``SourceNotFound`` if unknown."""
        from assistant.corpus import remove_source

        with store_errors(self.settings):
            return remove_source(self.settings, source, lambda: self.embedder, progress, lock_wait=lock_wait)

    def check(self) -> IndexCheck:
        """Whether Chroma, BM25, the snapshot and the corpus agree (counts and problems)."""
        from assistant.verify import verify_index

        with self._lock:
            self._store = self.store.fresh()  # Chroma as it is now, even if another process wrote to it
        return verify_index(self.settings, self._store)

    def has_index(self) -> bool:
        """True when a current snapshot exists."""
        from assistant.store import current_snapshot_dir

        return current_snapshot_dir(self.settings.paths.index_path) is not None

    def ensure_index(self, progress: Progress | None = None) -> IndexReport | None:
        """Build the index when none exists; returns the report of that build, if any."""
        return None if self.has_index() else self.index(progress, lock_wait=600)

    def snapshot(self) -> Snapshot:
        """The current snapshot, reloaded when an index run has swapped in a new one."""
        from assistant.answer.evidence import Evidence
        from assistant.answer.extractive import ExtractiveAnswerer
        from assistant.retrieve import HybridRetriever
        from assistant.store import IndexMissing, current_snapshot_dir, load_snapshot

        folder = current_snapshot_dir(self.settings.paths.index_path)
        if folder is None:
            raise IndexMissing(f"no index in {self.settings.paths.index_path}; build it with: assistant index")
        with self._lock:
            if folder != self._snapshot_dir or self._snapshot is None:
                snapshot = load_snapshot(self.settings.paths.index_path)
                _check_model(snapshot, self.settings)
                if self._store is not None and self._snapshot is not None:
                    self._store = self._store.fresh()  # see the vectors the index run wrote
                self._retriever = HybridRetriever(snapshot, self.store, self.settings)
                self._answerer = ExtractiveAnswerer(Evidence(snapshot), self.settings, self.embedder.embed,
                                                    self._answer_params)
                self._snapshot, self._snapshot_dir = snapshot, folder
            return self._snapshot

    def use_answer_params(self, params: AnswerParams | None) -> None:
        """Answer with these fitted parameters instead of the package's params.json (None: back to those)."""
        with self._lock:
            self._answer_params = params
            if self._answerer is not None:
                from assistant.answer.params import load_params

                self._answerer.params = params or load_params()

    def pipeline(self) -> AnswerPipeline:
        """The answer pipeline over the current snapshot (what ``ask`` runs; ``assistant tune`` inspects it)."""
        return self.generation()[1]

    def ask(
        self, question: str, id: str | None = None, history: Sequence[str | Answer] | None = None,
        on_delta: Callable[[AnswerDelta], None] | None = None,
    ) -> Answer:
        """Answer a question from the index, every sentence cited, or abstain.

        ``history``: the conversation's earlier questions, oldest first, as asked or as their ``Answer``s (whose
        text a follow-up may lean on; for plain questions the last answer is recomputed when needed). A follow-up
        that leans on them ("When did he announce it?") is searched as a standalone question, reported in
        ``searched``; one that cannot be tied to them is refused with the reason.
        """
        from assistant.answer.compose import compose

        started = time.perf_counter()
        text = clean_question(question, self.settings.limits.max_question_chars)
        resolution, standalone = self.turns.resolve(text, history)
        following = self.turns.continuation(text, history, standalone)
        if following is not None:
            return following.model_copy(update={"id": id, "seconds": round(time.perf_counter() - started, 4)})
        if resolution.unresolved:
            return Answer(id=id, question=question, abstained=True, seconds=round(time.perf_counter() - started, 4),
                          answer=f"I {resolution.unresolved}. Ask again naming what you mean.")
        searched, query = resolution.searched, resolution.query
        snapshot, pipeline = self.generation()
        with store_errors(self.settings):  # a Chroma server gone away: a clear error, and fine again once it is back
            hits, draft = pipeline.run(query)
            draft = self.turns.gate(text, history, standalone, resolution, hits, draft)
        answer_text, citations = compose(text, draft, snapshot)
        abstained, generated = draft.abstained, {}
        # a generative backend, held to the same contract by the guard; not asked about the outline (a title, a
        # contents list), which the passages it is shown do not hold
        if self.settings.llm.backend != "extractive" and not draft.structural:
            gen = self._generate(text, query, hits, draft, snapshot, on_delta)
            answer_text, citations, abstained = gen.text, gen.citations, gen.abstained
            generated = {"notice": gen.notice, "dropped": gen.dropped}
        return Answer(
            id=id, question=question, answer=answer_text, abstained=abstained, citations=citations, **generated,
            searched=searched,
            retrieved=[Span(source=h.chunk.source, start=h.chunk.start, end=h.chunk.end) for h in hits],
            seconds=round(time.perf_counter() - started, 4),
        )

    def resolve(self, question: str, history: Sequence[str | Answer] | None) -> Resolution:
        """How ``question`` reads after ``history`` (see ``ask``): the standalone question to search, or why it
        cannot be tied to the earlier questions."""
        return self.turns.resolve(question, history)[0]

    def generation(self) -> tuple[Snapshot, AnswerPipeline]:
        """The current snapshot and the answer pipeline over it, of one generation even if another thread reloads."""
        from assistant.answer.pipeline import AnswerPipeline

        with self._lock:
            snapshot = self.snapshot()
            retriever, answerer = self._retriever, self._answerer
        assert retriever is not None and answerer is not None
        return snapshot, AnswerPipeline(retriever, answerer, self.embedder.embed)

    def _generate(
        self, question: str, query: str, hits: list[Hit], draft: Draft, snapshot: Snapshot,
        on_delta: Callable[[AnswerDelta], None] | None,
    ) -> Generated:
        from assistant.answer.llm_answer import AnswerDelta, GenerativeAnswerer

        with self._lock:
            if self._generator is None:
                self._generator = GenerativeAnswerer(self.settings, self.embedder.embed)
        if on_delta is None:
            return self._generator.answer(question, query, hits, draft, snapshot)
        for event in self._generator.stream(question, query, hits, draft, snapshot):
            if isinstance(event, AnswerDelta):
                on_delta(event)
            else:
                return event
        raise AssertionError("the generative stream ended without a final answer")

    def ask_stream(
        self, question: str, id: str | None = None, history: Sequence[str | Answer] | None = None
    ) -> Iterator[AnswerDelta | Answer]:
        """``ask`` as a stream, for UIs: ``AnswerDelta`` items, then the final ``Answer``.

        With a generative backend each delta is one generated sentence that passed the grounding guard, with its
        ``[n]`` markers and the citations it introduced, yielded as soon as the sentence is complete. The final
        ``Answer`` is authoritative: show its ``answer`` text in place of the streamed text (they differ when the
        answer abstains, or the backend failed and the extractive answer stands in: see ``Answer.notice``). The
        extractive backend yields just the ``Answer``. Raises ``QuestionError`` like ``ask``.
        """
        import queue

        if self.settings.llm.backend == "extractive":
            yield self.ask(question, id, history)
            return
        events: queue.Queue[AnswerDelta | Answer | BaseException] = queue.Queue()

        def work() -> None:
            try:
                events.put(self.ask(question, id, history, on_delta=events.put))
            except BaseException as exc:  # noqa: BLE001 - re-raised in the caller's thread
                events.put(exc)

        threading.Thread(target=work, name="ask-stream", daemon=True).start()
        while True:
            event = events.get()
            if isinstance(event, BaseException):
                raise event
            yield event
            if isinstance(event, Answer):
                return

    def document_texts(self, sources: Iterable[str] | None = None) -> dict[str, str]:
        """Stored text of the indexed documents (what citation offsets point into): of ``sources`` (those indexed)
        or of every document."""
        documents = self.snapshot().meta.documents
        wanted = documents if sources is None else [s for s in dict.fromkeys(sources) if s in documents]
        return {source: documents[source].text for source in wanted}

    def sources(self) -> list[DocumentRecord]:
        """Indexed documents, by source name (from the snapshot alone: opens neither Chroma nor the embedder)."""
        from assistant.store import current_snapshot_dir, load_snapshot

        folder = current_snapshot_dir(self.settings.paths.index_path)
        snapshot = self._snapshot if folder is not None and folder == self._snapshot_dir else None
        snapshot = snapshot or load_snapshot(self.settings.paths.index_path, with_bm25=False)
        return sorted(snapshot.meta.documents.values(), key=lambda d: d.source)
