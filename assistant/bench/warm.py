"""In-process figures: warm query latency, retrieval quality on the eval set, and the raw embedder's throughput.

Ours and the baseline answer the same questions in the same loop, alternating which goes first, so load on the
machine falls on both alike.
"""

from __future__ import annotations

import random
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.bench.stats import figure, summary

if TYPE_CHECKING:
    from assistant.evals.baseline import LlamaIndexBaseline
    from assistant.service import Assistant

QUALITY = ("hit@1", "hit@3", "hit@5", "mrr", "accuracy", "citation_precision", "abstain_recall")


def _ms(fn: Any) -> float:
    started = time.perf_counter()
    fn()
    return (time.perf_counter() - started) * 1000


def warm_latency(assistant: Assistant, base: LlamaIndexBaseline | None, questions: list[str]) -> dict[str, Any]:
    """Retrieval alone and retrieval + answer, in ms per question, for us and the baseline."""
    from assistant.retrieve import HybridRetriever

    retriever = HybridRetriever(assistant.snapshot(), assistant.store, assistant.settings)
    embed = assistant.embedder.embed

    def ours_retrieve(q: str) -> None:
        retriever.retrieve(q, embed([q])[0])

    samples: dict[str, list[float]] = {"ours_retrieve": [], "ours_ask": [], "base_retrieve": [], "base_ask": []}
    steps = [("ours_retrieve", ours_retrieve), ("ours_ask", assistant.ask)]
    if base is not None:
        steps += [("base_retrieve", base.retriever.retrieve), ("base_ask", base.ask)]
    for name, fn in steps:  # first calls load lazily; not timed
        fn(questions[0])
    for i, question in enumerate(questions):
        for name, fn in steps if i % 2 == 0 else steps[::-1]:
            samples[name].append(_ms(lambda: fn(question)))
    note = f"{len(questions)} questions; baseline = dense top-2 chunk" if base else f"{len(questions)} questions"
    return {
        "warm_retrieval_ms": figure("ms", samples["ours_retrieve"], samples["base_retrieve"] or None,
                                    note="embed the question + hybrid BM25/dense/RRF (ours); dense top-2 (baseline). " + note),
        "warm_ask_ms": figure("ms", samples["ours_ask"], samples["base_ask"] or None,
                              note="Assistant.ask, the `assistant ask` path (ours); retrieve + top chunk (baseline). " + note),
    }


def quality(assistant: Assistant, base: LlamaIndexBaseline | None, eval_set: Path) -> dict[str, Any]:
    """Retrieval and answer figures on the eval set, as ``assistant eval --baseline`` computes them."""
    from assistant.evals.metrics import summarise
    from assistant.evals.runner import run_system, source_texts
    from assistant.evals.schema import load_questions

    questions = load_questions(eval_set)
    texts = source_texts(assistant)
    ours = summarise(run_system("ours", questions, assistant.ask, texts))
    theirs = summarise(run_system("baseline", questions, lambda q, ident, _history: base.ask(q, ident), texts)) \
        if base else {}
    return {
        "eval_set": str(eval_set), "questions": len(questions), "scored_for_retrieval": ours.get("retrieval_scored"),
        "figures": {name: {"ours": ours.get(name), "baseline": theirs.get(name)} for name in QUALITY},
        "note": "hit@k and MRR over answerable questions with evidence; the baseline retrieves 2 chunks, so its "
                "hit@3 and hit@5 equal its hit@2",
    }


def embedder_throughput(assistant: Assistant, reps: int, sample: int, seed: int = 3) -> dict[str, Any]:
    """The raw embedder on samples of this corpus's sentences and chunk texts (each timed ``reps`` times): texts/s
    and tokens/s (tokens without padding, as the embedder counts them; the build's figures count the same way)."""
    from assistant.store import chunk_search_text

    snapshot = assistant.snapshot()
    rng = random.Random(seed)
    sentences = [s.text for s in rng.sample(snapshot.meta.sentences, min(sample, len(snapshot.meta.sentences)))]
    n_chunks = min(max(sample // 2, 8), len(snapshot.meta.chunks))
    chunks = [chunk_search_text(c) for c in rng.sample(snapshot.meta.chunks, n_chunks)]
    embedder = assistant.embedder
    embedder.embed(sentences[:8])
    rates: dict[str, list[float]] = {"sentences": [], "chunks": [], "sentence_tokens": [], "chunk_tokens": []}
    for _ in range(reps):
        for name, texts in (("sentences", sentences), ("chunks", chunks)):
            tokens_before = embedder.stats.tokens  # type: ignore[attr-defined]
            started = time.perf_counter()
            embedder.embed(texts)
            seconds = time.perf_counter() - started
            rates[name].append(len(texts) / seconds)
            rates[name[:-1] + "_tokens"].append((embedder.stats.tokens - tokens_before) / seconds)  # type: ignore[attr-defined]
    return {"sentences_per_s": summary(rates["sentences"], 1), "chunks_per_s": summary(rates["chunks"], 1),
            "sentence_tokens_per_s": summary(rates["sentence_tokens"], 0),
            "chunk_tokens_per_s": summary(rates["chunk_tokens"], 0),
            "sample": {"sentences": len(sentences), "chunks": len(chunks)}}
