"""The embedding stage of an index run: sentence vectors and tags for the next snapshot, chunk vectors for Chroma.

Work goes in steps of ``index_batch_chunks`` chunks, in corpus order: a step embeds and tags the sentences no
earlier snapshot or step has, saves them (``pending``), then writes the vectors of its chunks that Chroma lacks:
embeddings of their texts (``chunk_vectors="text"``) or vectors made from their sentences' (``"sentences"``: each
token embedded once, see ``chunk_vectors.py``). With ``"tokens"`` a step embeds its chunks' texts once and each
sentence's vector is the mean of its tokens in that pass ("late chunking": each token embedded once, chunk vectors
as with ``"text"``); a sentence past the token limit is embedded on its own, and a sentence an earlier snapshot
holds keeps its vector (pooled in the chunk it had then). A killed run loses at most one step; progress counts
chunks done.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from functools import partial
from typing import TYPE_CHECKING, Any

import numpy as np

from assistant.chunk_vectors import chunk_vectors, heading_texts, leftover_text
from assistant.schema import Chunk, Sentence, SentenceTags
from assistant.store import chunk_search_text

if TYPE_CHECKING:
    from assistant.embedder import TextEmbedder
    from assistant.pending import PendingWork
    from assistant.store import Snapshot, VectorStore

Progress = Callable[[str, int, int], None]  # (stage, newly done since the last call, total); 0 first: stage starts


class EmbeddingSteps:
    """Vectors and tags for one index run (what already exists is reused, never computed again)."""

    def __init__(self, embedder: Callable[[], TextEmbedder], store: VectorStore, pending: PendingWork,
                 progress: Progress, step_chunks: int, chunk_vectors: str = "text") -> None:
        self._embedder, self.store, self.pending = embedder, store, pending
        self.progress, self.step_chunks = progress, step_chunks
        self.from_sentences = chunk_vectors == "sentences"
        self.in_context = chunk_vectors == "tokens"
        self.vectors: dict[str, np.ndarray] = {}
        self.tags: dict[str, SentenceTags] = {}
        self._extras: dict[str, np.ndarray] = {}  # heading or leftover text → its vector
        self._texts: dict[str, str] = {}
        self._spans: dict[str, tuple[int, int]] = {}
        self.sentences_embedded = self.chunks_written = 0
        self.seconds: dict[str, float] = defaultdict(float)  # stage → seconds: sentences, chunk vectors, chroma, ...
        self.busy: dict[str, float] = defaultdict(float)  # embed, tag → seconds each ran (they overlap)

    @contextmanager
    def timed(self, stage: str) -> Iterator[None]:
        """Add the time spent in the block to ``seconds[stage]``."""
        started = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[stage] += time.perf_counter() - started

    def run(self, chunks: Sequence[Chunk], sentences: Sequence[Sentence], old: Snapshot,
            present: set[str]) -> tuple[list[Sentence], np.ndarray]:
        """The sentences with their tags and a vector per sentence (rows aligned); Chroma then holds every chunk."""
        self._reuse(sentences, old)
        by_id = {s.id: s for s in sentences}
        self._texts = {s.id: s.text for s in sentences}
        self._spans = {s.id: (s.start, s.end) for s in sentences}
        todo = [c for c in chunks if c.id not in present or any(i not in self.vectors for i in c.sentence_ids)]
        if todo:
            self.progress("chunks", 0, len(todo))
        for lo in range(0, len(todo), self.step_chunks):
            step = todo[lo:lo + self.step_chunks]
            if self.in_context and hasattr(self._embedder(), "embed_with_spans"):
                self._in_context(step, by_id, present)
            else:  # a server's embeddings come without token states: tokens works as text
                self._sentences([by_id[i] for c in step for i in c.sentence_ids if i in by_id])
                self._chunks([c for c in step if c.id not in present])
            self.progress("chunks", len(step), len(todo))
        self._sentences(list(sentences))  # none left in a consistent scan; kept for safety of the snapshot
        dim = next((len(v) for v in self.vectors.values()), old.sentence_vectors.shape[1])
        matrix = np.zeros((len(sentences), dim), dtype=np.float32)
        for row, sentence in enumerate(sentences):
            matrix[row] = self.vectors[sentence.id]
        tagged = [s if s.tags is not None else s.model_copy(update={"tags": self.tags[s.id]}) for s in sentences]
        return tagged, matrix

    def _reuse(self, sentences: Sequence[Sentence], old: Snapshot) -> None:
        """Vectors and tags the old snapshot or a killed run's steps already hold."""
        for sentence in sentences:
            row = old.sentence_row.get(sentence.id)
            if row is not None and old.meta.sentences[row].text == sentence.text:
                self.vectors[sentence.id] = old.sentence_vectors[row]
                tags = sentence.tags or old.meta.sentences[row].tags
                if tags is not None:
                    self.tags[sentence.id] = tags
            if sentence.id in self.pending.vectors and sentence.id not in self.vectors:
                self.vectors[sentence.id] = self.pending.vectors[sentence.id]
            if sentence.tags is None and sentence.id not in self.tags and sentence.id in self.pending.tags:
                self.tags[sentence.id] = self.pending.tags[sentence.id]

    def _sentences(self, sentences: list[Sentence]) -> None:
        """Embed the sentences that lack a vector while tagging those that lack tags (side by side: spaCy keeps
        one core busy, the embedder the rest or a server's); each distinct text once; save both as pending work."""
        unique = list({s.id: s for s in sentences}.values())
        embed = [s for s in unique if s.id not in self.vectors]
        tag = self._untagged(unique)
        if not embed and not tag:
            return
        embed_texts = _distinct(s.text for s in embed)
        with self.timed("sentences"):
            vectors = self._side_by_side(partial(self._embedder().embed, embed_texts) if embed_texts else None, tag)
        by_text = dict(zip(embed_texts, vectors)) if embed_texts else {}
        self.vectors.update((s.id, by_text[s.text]) for s in embed)
        self.sentences_embedded += len(embed)
        self._save(list({s.id: s for s in embed + tag}.values()))

    def _in_context(self, step: list[Chunk], by_id: dict[str, Sentence], present: set[str]) -> None:
        """Embed the step's chunk texts once: each sentence without a vector gets the mean of its tokens in the
        first chunk that holds it, each chunk Chroma lacks its vector; sentences are tagged side by side."""
        spans: list[list[tuple[int, int]]] = []
        owners: list[list[Sentence]] = []
        claimed: set[str] = set()
        for chunk in step:
            shift = len(chunk_search_text(chunk)) - len(chunk.text)  # the heading line before the chunk's text
            mine = [by_id[i] for i in chunk.sentence_ids if i in by_id and i not in self.vectors and i not in claimed]
            claimed.update(s.id for s in mine)
            owners.append(mine)
            spans.append([(s.start - chunk.start + shift, s.end - chunk.start + shift) for s in mine])
        tag = self._untagged(list({i: by_id[i] for c in step for i in c.sentence_ids if i in by_id}.values()))
        embedder = self._embedder()
        with self.timed("sentences"):
            vectors, pooled = self._side_by_side(
                partial(embedder.embed_with_spans, [chunk_search_text(c) for c in step], spans), tag)
        done = []
        for mine, found in zip(owners, pooled):
            for sentence, vector in zip(mine, found):
                if vector is not None:
                    self.vectors[sentence.id] = vector
                    done.append(sentence)
        self.sentences_embedded += len(done)
        self._save(list({s.id: s for s in done + tag if s.id in self.vectors}.values()))
        self._sentences([by_id[i] for c in step for i in c.sentence_ids if i in by_id])  # past the token limit
        missing = [row for row, chunk in enumerate(step) if chunk.id not in present]
        if missing:
            with self.timed("chroma"):
                self.store.upsert([step[row] for row in missing], vectors[missing])
            self.chunks_written += len(missing)

    def _untagged(self, sentences: list[Sentence]) -> list[Sentence]:
        """Those of ``sentences`` with no tags yet, from the index or this run."""
        return [s for s in sentences if s.tags is None and s.id not in self.tags]

    def _side_by_side(self, embed: Callable[[], Any] | None, tag: list[Sentence]) -> Any:
        """``embed()`` in a second thread while spaCy tags ``tag`` here (each distinct text once); the tags go to
        ``self.tags``; returns what ``embed`` returned (None without it)."""
        from assistant.nlp import tag_sentences

        tag_texts = _distinct(s.text for s in tag)
        with ThreadPoolExecutor(1, thread_name_prefix="embed-step") as pool:
            running = pool.submit(self._busy, "embed", embed) if embed else None
            tags = dict(zip(tag_texts, self._busy("tag", partial(tag_sentences, tag_texts)))) if tag_texts else {}
            result = running.result() if running else None
        self.tags.update((s.id, tags[s.text]) for s in tag)
        return result

    def _save(self, done: list[Sentence]) -> None:
        """Save the vectors and tags of ``done`` as pending work (a killed run starts from them)."""
        if done:
            self.pending.save([s.id for s in done], np.stack([self.vectors[s.id] for s in done]),
                              [s.tags or self.tags[s.id] for s in done])

    def _busy(self, work: str, fn: Callable[[], Any]) -> Any:
        """``fn()``, its time added to ``busy[work]`` (embedding and tagging overlap, so kept apart)."""
        started = time.perf_counter()
        try:
            return fn()
        finally:
            self.busy[work] += time.perf_counter() - started

    def _chunks(self, missing: list[Chunk]) -> None:
        """Chunk vectors (of their texts, or from sentence and heading vectors) into Chroma."""
        if not missing:
            return
        if not self.from_sentences:
            embedder = self._embedder()
            with self.timed("chunk vectors"):
                vectors = self._busy("embed", partial(embedder.embed, [chunk_search_text(c) for c in missing]))
            with self.timed("chroma"):
                self.store.upsert(missing, vectors)
            self.chunks_written += len(missing)
            return
        with self.timed("chunk vectors"):
            leftovers = {c.id: leftover_text(c, [self._spans[i] for i in c.sentence_ids if i in self._spans])
                         for c in missing}
            wanted = [*heading_texts(missing), *_distinct(t for t in leftovers.values() if t)]
            new = [t for t in _distinct(wanted) if t not in self._extras]
            if new:
                self._extras.update(zip(new, self._busy("embed", partial(self._embedder().embed, new))))
            dim = len(self.vectors[missing[0].sentence_ids[0]])
            vectors = chunk_vectors(missing, lambda sid: (self.vectors[sid], self._texts[sid]), self._extras,
                                    leftovers, dim)
        with self.timed("chroma"):
            self.store.upsert(missing, vectors)
        self.chunks_written += len(missing)


def _distinct(texts: Iterable[str]) -> list[str]:
    """The texts without repeats, in first-seen order (a repeated line is embedded and tagged once)."""
    return list(dict.fromkeys(texts))
