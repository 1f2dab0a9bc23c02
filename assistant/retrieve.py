"""Hybrid retrieval: stemmed BM25 and dense Chroma hits fused by reciprocal rank."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from collections.abc import Callable

from assistant.schema import Chunk, Hit
from assistant.store import Snapshot, VectorStore, bm25_scores
from assistant.terms import content_stems

if TYPE_CHECKING:
    from assistant.settings import Settings


def rrf_fuse(rankings: list[list[str]], k: int) -> list[tuple[str, float]]:
    """Reciprocal rank fusion of several best-first id lists; returns (id, score) best first."""
    scores: dict[str, float] = {}
    for ranking in rankings:
        for rank, item in enumerate(ranking, start=1):
            scores[item] = scores.get(item, 0.0) + 1.0 / (k + rank)
    return sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))


def _with_leaders(fused: list[tuple[str, float]], rankings: list[list[str]], k: int, lead: int = 2) -> list[tuple[str, float]]:
    """The top-k of a fusion, making room for each ranking's first ``lead`` items (a strong keyword hit
    that the other retriever missed would otherwise sink below items both rank middling)."""
    leaders = list(dict.fromkeys(cid for ranking in rankings for cid in ranking[:lead]))
    chosen = list(fused[:k])
    present = {cid for cid, _ in chosen}
    missing = [item for item in fused if item[0] in leaders and item[0] not in present]
    for item in missing:
        for i in range(len(chosen) - 1, -1, -1):
            if chosen[i][0] not in leaders:
                chosen[i] = item
                break
    return sorted(chosen, key=lambda kv: -kv[1])


def _standardised(values: np.ndarray) -> np.ndarray:
    """``values`` minus their mean, over their standard deviation (all zeros when they are all equal)."""
    spread = float(values.std())
    return (values - values.mean()) / spread if spread > 0 else np.zeros_like(values)


class HybridRetriever:
    """Retrieves chunks of the current snapshot; dense rows Chroma has but the snapshot lacks are ignored."""

    def __init__(self, snapshot: Snapshot, store: VectorStore, settings: Settings) -> None:
        self.snapshot = snapshot
        self.store = store
        self.settings = settings
        self._chunk_ids = [c.id for c in snapshot.meta.chunks]

    def bm25_ranking(self, question: str, extra_stems: list[str] | None = None) -> list[str]:
        """Chunk ids with a positive BM25 score, best first."""
        stems = content_stems(question) + list(extra_stems or [])
        scores = bm25_scores(self.snapshot.bm25, stems, len(self._chunk_ids))
        n = min(self.settings.retrieval.candidates_per_retriever, len(scores))
        if not n:
            return []
        top = np.argpartition(-scores, n - 1)[:n]
        top = top[np.argsort(-scores[top], kind="stable")]
        return [self._chunk_ids[i] for i in top if scores[i] > 0]

    def dense_ranking(self, question_vector: np.ndarray) -> list[str]:
        """Chunk ids by cosine similarity, best first, restricted to the snapshot.

        With chunk vectors made from sentence vectors (``chunk_vectors="sentences"``), Chroma's nearest chunks
        are the candidates, and each is scored by its chunk vector's similarity plus its closest sentence's, each
        standardised over the candidates: a question is often answered by one sentence, while the chunk vector
        carries the heading and the context a sentence such as "It was designed by ..." lacks. The two are on
        different scales (a sentence is nearer a question's length, so its similarities run higher: taking the
        larger let short sentences that merely name the topic outrank the chunk that answers), hence the
        standardising. Measured on the seven eval sets: hit@3 at or above text vectors' on each (docs/benchmark.md)."""
        hits = self.store.query(question_vector, self.settings.retrieval.candidates_per_retriever * 2)
        snapshot = self.snapshot
        hits = [(cid, similarity) for cid, similarity in hits if cid in snapshot.chunk_by_id]
        if snapshot.meta.chunk_vectors == "sentences" and hits:
            chunk = np.array([similarity for _, similarity in hits])
            sentence = self._best_sentences([cid for cid, _ in hits], question_vector)
            score = _standardised(chunk) + _standardised(sentence)
            hits = [hits[i] for i in np.argsort(-score, kind="stable")]
        return [cid for cid, _ in hits[: self.settings.retrieval.candidates_per_retriever]]

    def _best_sentences(self, chunk_ids: list[str], question_vector: np.ndarray) -> np.ndarray:
        """Per chunk, the highest cosine similarity of the question to one of its sentences (-1 without any), from
        one product over all their sentence vectors."""
        row_of, chunks = self.snapshot.sentence_row, self.snapshot.chunk_by_id
        rows = [[row_of[i] for i in chunks[cid].sentence_ids if i in row_of] for cid in chunk_ids]
        flat = [row for chunk_rows in rows for row in chunk_rows]
        if not flat:
            return np.full(len(chunk_ids), -1.0)
        similarities = self.snapshot.sentence_vectors[np.sort(flat)] @ question_vector
        by_row = dict(zip(np.sort(flat).tolist(), similarities.tolist()))
        return np.array([max((by_row[r] for r in chunk_rows), default=-1.0) for chunk_rows in rows])

    def retrieve(
        self, question: str, question_vector: np.ndarray, top_k: int | None = None, extra_stems: list[str] | None = None,
        lead: int = 2,
    ) -> list[Hit]:
        """The fused top-k chunks for a question, with each retriever's first ``lead`` among them;
        ``extra_stems`` (e.g. spelling fixes) join the BM25 query."""
        bm25 = self.bm25_ranking(question, extra_stems)
        dense = self.dense_ranking(question_vector)
        bm25_rank = {cid: r for r, cid in enumerate(bm25, start=1)}
        dense_rank = {cid: r for r, cid in enumerate(dense, start=1)}
        knobs = self.settings.retrieval
        fused = _with_leaders(rrf_fuse([bm25, dense], knobs.rrf_k), [bm25, dense], top_k or knobs.top_k, lead)
        return [
            Hit(chunk=self.snapshot.chunk_by_id[cid], score=score, bm25_rank=bm25_rank.get(cid),
                dense_rank=dense_rank.get(cid))
            for cid, score in fused
        ]

    def widen(
        self, question: str, question_vector: np.ndarray, hits: list[Hit], extra_stems: list[str] | None = None,
        keep: Callable[[Chunk], bool] | None = None, rank: Callable[[Chunk], float] | None = None,
    ) -> list[Hit]:
        """``hits``, then more from a deeper search (``second_look_top_k``) that keeps a third of its places for
        each retriever's own best (over a single-topic corpus dense ranks drift and can bury a chunk that only
        the keywords single out), then the chunks of the first hits' documents that ``keep`` accepts (e.g. those
        holding a date, for a when-question), best ``rank`` first."""
        k = self.settings.retrieval.second_look_top_k
        if k <= len(hits):
            return hits
        seen = {h.chunk.id for h in hits}
        deeper = self.retrieve(question, question_vector, top_k=k, extra_stems=extra_stems, lead=max(k // 3, 2))
        wider = hits + [h for h in deeper if h.chunk.id not in seen]
        seen |= {h.chunk.id for h in wider}
        documents = self.snapshot.meta.documents
        pool = [self.snapshot.chunk_by_id[cid] for source in dict.fromkeys(h.chunk.source for h in hits[:3])
                if source in documents for cid in documents[source].chunk_ids]
        pool = [c for c in pool if c.id not in seen and (keep is None or keep(c))]
        if rank is not None:
            pool.sort(key=rank, reverse=True)
        return wider + [Hit(chunk=c, score=0.0) for c in pool[:max(k // 3, 2)]]

    def retrieve_multi(
        self, texts: list[str], vectors: np.ndarray, per_part: int = 3, extra_stems: list[str] | None = None,
        keep: Callable[[Chunk], bool] | None = None,
    ) -> list[Hit]:
        """Top-k chunks for a question, then the best few for each sub-question (those ``keep`` accepts)."""
        hits = self.retrieve(texts[0], vectors[0], extra_stems=extra_stems)
        seen = {h.chunk.id for h in hits}
        for text, vector in zip(texts[1:], vectors[1:]):
            part_hits = self.retrieve(text, vector, top_k=per_part * 4, extra_stems=extra_stems)
            for hit in [h for h in part_hits if keep is None or keep(h.chunk)][:per_part]:
                if hit.chunk.id not in seen:
                    seen.add(hit.chunk.id)
                    hits.append(hit)
        return hits
