"""The synthetic scale test: our Chroma store alone at N vectors, then our whole index and ask path at N chunks."""

from __future__ import annotations

import json
import random
import time
from pathlib import Path
from typing import Any

import numpy as np

from assistant.bench import corpora, synthetic
from assistant.bench.procs import Workspace, assistant_command, python_module, run_timed
from assistant.bench.stats import dir_size_mb, figure, summary
from assistant.bench.suite import Reps
from assistant.bench.warm import warm_latency


def pool_vectors(assistant: Any) -> np.ndarray:
    """Real MiniLM sentence vectors of the article (from the small corpus's snapshot): the synthetic vectors' seeds."""
    return np.asarray(assistant.snapshot().sentence_vectors, dtype=np.float32)


def store_alone(root: Path, n: int, pool: np.ndarray, queries: int, seed: int = 11) -> dict[str, Any]:
    """Upsert ``n`` chunks with perturbed unit vectors into our ``VectorStore`` (embedded Chroma); time queries."""
    from assistant.schema import Chunk
    from assistant.settings import Settings
    from assistant.store import VectorStore

    settings = Settings(corpus_dir=root / "unused", index_dir=root / "store-alone", collection="synthetic")
    store = VectorStore(settings)
    embed = synthetic.HashedEmbedder(pool).embed
    words = " ".join(synthetic.made_up_word(i) for i in range(400)).split()
    rng = random.Random(seed)
    batch, added = 5000, 0.0
    for lo in range(0, n, batch):
        chunks = [Chunk(id=f"chunk-{i:07d}", source=f"doc-{i // 30:05d}.txt", start=0, end=600,
                        text=" ".join(rng.choices(words, k=90)), section="synthetic") for i in range(lo, min(n, lo + batch))]
        vectors = embed([c.id for c in chunks])
        started = time.perf_counter()
        store.upsert(chunks, vectors)
        added += time.perf_counter() - started
    probes = embed([f"query-{i}" for i in range(queries + 1)])
    store.query(probes[0], 40)
    latencies = []
    for vector in probes[1:]:
        started = time.perf_counter()
        store.query(vector, 40)
        latencies.append((time.perf_counter() - started) * 1000)
    return {
        "vectors": store.count(), "dim": int(pool.shape[1]),
        "add_seconds": round(added, 2), "add_per_s": round(n / added, 1),
        "query_ms": summary(latencies, 2), "disk_mb": dir_size_mb(settings.paths.index_path / "chroma"),
        "note": "our VectorStore (embedded Chroma PersistentClient, cosine HNSW) with ~90-word texts and metadata per "
                "row, as the indexer writes them; upsert in batches of 1000; query = 40 nearest (what the hybrid "
                "retriever asks for); vectors = real MiniLM vectors of article sentences + Gaussian noise, unit length",
    }


def _build(ws: Workspace, pool_file: Path) -> tuple[float, float, dict[str, Any]]:
    run = run_timed(python_module("assistant.bench.synthetic", "build", str(pool_file)), ws)
    return run.total_s, run.peak_rss_mb, json.loads(run.stdout.strip().splitlines()[-1])


def index_and_ask(root: Path, article: Path, pool: np.ndarray, chunks: int, reps: Reps,
                  questions: list[str], baseline: bool) -> dict[str, Any]:
    """Build an index of >= ``chunks`` synthetic chunks, then time re-indexing, cold and warm ``ask`` on it."""
    from assistant.chunking import chunk_document
    from assistant.readers import read_bytes
    from assistant.service import Assistant
    from assistant.settings import Settings

    ws = corpora.workspace(root, "synthetic")
    text = article.read_text(encoding="utf-8")
    settings = Settings(corpus_dir=ws.corpus, index_dir=ws.index)
    sample = read_bytes(synthetic.perturbed(text, 0).encode(), "synthetic/copy.txt", "0")
    per_copy = len(chunk_document(sample, settings.index.chunk_min_words, settings.index.chunk_max_words,
                                  settings.index.chunk_overlap_sentences)[0])
    copies = synthetic.write_corpus(ws.corpus, text, chunks, per_copy)
    pool_file = ws.root / "pool.npy"
    np.save(pool_file, pool)
    build_s, build_rss, report = _build(ws, pool_file)
    unchanged = [_build(ws, pool_file)[0] for _ in range(reps.reindex)]
    changed = []
    for n in range(reps.reindex):
        corpora.edit_one(ws, "synthetic/copy-000000.txt", n)
        changed.append(_build(ws, pool_file)[0])
    cold = [run_timed([*assistant_command(), "ask", "--json", q], ws) for q in questions[:reps.cold]]
    batch, some = ws.root / "batch.jsonl", questions[:reps.batch]
    batch.write_text("".join(json.dumps({"id": str(i), "question": q}) + "\n" for i, q in enumerate(some)))
    headless = run_timed([*assistant_command(), "ask", "--batch", str(batch), "--json"], ws)
    assistant = Assistant(settings)
    base = _baseline(assistant, pool) if baseline else None
    try:
        warm = warm_latency(assistant, base, questions)
    finally:
        if base is not None:
            base.close()
    return {
        "corpus": {"documents": copies, "chunks": report["chunks_total"], "sentences": len(assistant.snapshot().meta.sentences),
                   "words": copies * len(text.split()), "baseline_nodes": base.chunks if base else None},
        "figures": {
            "full_build_s": figure("s", [build_s], note="hashed stand-in vectors: the build without embedding cost"),
            "full_build_chunks_per_s": figure("chunks/s", [report["chunks_total"] / build_s], better="higher"),
            "unchanged_reindex_s": figure("s", unchanged),
            "changed_reindex_s": figure("s", changed, note="one document of the corpus edited"),
            "index_peak_rss_mb": figure("MB", [build_rss]),
            "index_disk_mb": figure("MB", [dir_size_mb(ws.index)]),
            "cli_cold_start_s": figure("s", [r.first_line_s for r in cold],
                                       note="`assistant ask --json` subprocess, start to answer line"),
            "cli_peak_rss_mb": figure("MB", [r.peak_rss_mb for r in cold]),
            "headless_serving_peak_rss_mb": figure("MB", [headless.peak_rss_mb],
                                                   note=f"`assistant ask --batch` over {len(some)} questions"),
            **warm,
        },
        "note": "synthetic corpus (perturbed copies of the article), index built with hashed stand-in vectors; "
                "questions embedded by the real model; latency is real, retrieval quality is not measured here",
    }


def _baseline(assistant: Any, pool: np.ndarray) -> Any:
    """The eval's baseline over the same synthetic texts (hashed vectors to build, the real model to query)."""
    from assistant.evals.baseline import TOP_K, LlamaIndexBaseline, onnx_embedding

    base = LlamaIndexBaseline(synthetic.HashedEmbedder(pool), assistant.document_texts())
    base.retriever = base.index.as_retriever(similarity_top_k=TOP_K, embed_model=onnx_embedding(assistant.embedder))
    return base
