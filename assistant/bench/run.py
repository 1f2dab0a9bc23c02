"""The whole bench: which corpora, how many repetitions, where the work happens, and the report."""

from __future__ import annotations

import os
import platform
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable

from assistant.bench import corpora, report
from assistant.bench.suite import Reps, bench_corpus

QUICK = Reps(builds=1, reindex=1, cold=1, ui=1, questions=40, embed=1, embed_sample=64, serve_questions=3, batch=10)
LARGE = Reps(builds=1, reindex=3, cold=5, ui=2, questions=240, embed=5, embed_sample=256, serve_questions=20)
SYNTHETIC_CHUNKS = 100_000


@dataclass
class Options:
    """What to run (see ``assistant bench --help``)."""

    scale: str = "small"
    quick: bool = False
    out: Path = Path("evals/reports/bench")
    workdir: Path | None = None
    keep: bool = False
    ui: bool = True
    reps: int | None = None
    questions: int | None = None
    synthetic_chunks: int | None = None
    large_limit: int | None = None
    article: Path | None = None
    eval_set: Path | None = None


def reps_for(options: Options, large: bool = False) -> Reps:
    """Repetition counts for a corpus: quick, full, or large; ``--reps``/``--questions`` override."""
    reps = QUICK if options.quick else LARGE if large else Reps()
    if options.reps is not None:
        n = max(1, options.reps)
        reps = replace(reps, builds=n, reindex=n, cold=n, ui=n, embed=n)
    if options.questions is not None:
        reps = replace(reps, questions=max(2, options.questions), serve_questions=min(reps.serve_questions, options.questions))
    return reps


def _baseline_description() -> str:
    from importlib.metadata import version

    return (f"llama-index-core {version('llama-index-core')} `VectorStoreIndex` over Chroma "
            f"(`ChromaVectorStore`, chromadb {version('chromadb')}), the ONNX MiniLM model as the pinned package "
            "ships it (`ASSISTANT_EMBEDDER=minilm-int8`) wrapped as a `BaseEmbedding`, `SentenceSplitter` defaults, "
            "dense `similarity_top_k=2`, `Settings.llm = None` "
            "(assistant/evals/baseline.py; persisted by assistant/bench/baseline.py for the process figures).")


def run_bench(options: Options, say: Callable[[str], None] = lambda _: None,
              checkpoint: Callable[[dict[str, Any]], None] = lambda _: None) -> dict[str, Any]:
    """Run the bench and return its results; ``checkpoint`` gets the results so far after each part."""
    from assistant.bench.questions import default_eval_set

    started = time.perf_counter()
    article = options.article or corpora.default_article()
    eval_set = options.eval_set or default_eval_set()
    work = options.workdir or Path(tempfile.mkdtemp(prefix="assistant-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    results: dict[str, Any] = {"meta": {
        "started": datetime.now(timezone.utc).isoformat(timespec="seconds"), "scale": options.scale,
        "quick": options.quick, "machine": f"{os.cpu_count()} CPUs, {platform.platform()}, Python {platform.python_version()}",
        "load_start": _load(), "baseline": _baseline_description(), "workdir": str(work),
    }, "corpora": {}}
    try:
        say("small corpus: the article")
        small = corpora.small(work, article)
        results["corpora"]["small"] = {"title": f"the article ({article.name})", **bench_corpus(
            small, "", eval_set, reps_for(options), None, options.ui, say)}
        checkpoint(_finish(results, options, started))
        if options.scale == "large":
            say("large corpus: Python 3.11 HTML docs + the article (the full build takes a while)")
            big = corpora.large(work, article, limit=options.large_limit)
            results["corpora"]["large"] = {"title": "Debian python3.11-doc HTML pages + the article", **bench_corpus(
                big, "python-docs/", eval_set, reps_for(options, large=True), "python-docs/", options.ui, say)}
            checkpoint(_finish(results, options, started))
        chunks = options.synthetic_chunks if options.synthetic_chunks is not None else (
            SYNTHETIC_CHUNKS if options.scale == "large" and not options.quick else 0)
        if chunks:
            say(f"synthetic scale: {chunks:,} chunks")
            results["synthetic"] = _synthetic(work, article, eval_set, chunks, reps_for(options, large=True), say)
    finally:
        if not options.keep and options.workdir is None:
            shutil.rmtree(work, ignore_errors=True)
    return _finish(results, options, started)


def _finish(results: dict[str, Any], options: Options, started: float) -> dict[str, Any]:
    """Results with the closing meta data and the targets (also for a checkpoint part-way)."""
    results["meta"].update(seconds=round(time.perf_counter() - started, 1), load_end=_load(),
                           reps={"small": reps_for(options).as_dict(), "large": reps_for(options, True).as_dict()})
    results["targets"] = report.targets(results)
    return results


def _synthetic(work: Path, article: Path, eval_set: Path, chunks: int, reps: Reps,
               say: Callable[[str], None]) -> dict[str, Any]:
    from assistant.service import Assistant
    from assistant.settings import Settings

    from assistant.bench.questions import question_mix
    from assistant.bench.scale import index_and_ask, pool_vectors, store_alone

    small = Assistant(Settings(corpus_dir=work / "small" / "corpus", index_dir=work / "small" / "index"))
    pool = pool_vectors(small)
    questions = question_mix(eval_set, reps.questions)
    say("  vector store alone")
    store = store_alone(work / "synthetic-store", chunks, pool, max(200, reps.questions))
    say("  our index and ask path (builds, re-index, cold and warm ask; the baseline beside it)")
    return {"store": store, "index": index_and_ask(work, article, pool, chunks, reps, questions, baseline=True)}


def _load() -> str:
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "unknown"


def progress(message: str) -> None:
    """Progress lines on stderr."""
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)
