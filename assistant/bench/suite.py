"""All figures for one real corpus, ours beside the llama-index baseline, measured in the same run."""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass, field
from statistics import median
from pathlib import Path
from typing import Any, Callable

from assistant.bench import corpora
from assistant.bench.procs import Run, Workspace, assistant_command, python_module, run_timed, serve_first_answer
from assistant.bench.stats import dir_size_mb, figure

REBUILDS = "the naive baseline has no change detection: any re-index is a full rebuild (its full-build samples)"


@dataclass(frozen=True)
class Reps:
    """How often each figure is measured."""

    builds: int = 3
    reindex: int = 5
    cold: int = 10
    ui: int = 3
    questions: int = 240
    embed: int = 5
    embed_sample: int = 256
    serve_questions: int = 20
    batch: int = 50

    def as_dict(self) -> dict[str, int]:
        """For the report."""
        return dict(self.__dict__)


def index_run(ws: Workspace) -> Run:
    """``assistant index``; exit code 3 (some sources skipped as unreadable or without prose) is a success."""
    return run_timed([*assistant_command(), "index"], ws, ok_codes=(0, 3))


def _clear(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)


@dataclass
class Builds:
    """Full-build samples: seconds, peak RSS and (ours) seconds inside the embedder; the baseline's node count."""

    ours_s: list[float] = field(default_factory=list)
    base_s: list[float] = field(default_factory=list)
    ours_rss: list[float] = field(default_factory=list)
    base_rss: list[float] = field(default_factory=list)
    ours_embed_s: list[float] = field(default_factory=list)
    texts_embedded: int = 0
    tokens_embedded: int = 0
    tokens_padded: int = 0
    stage_seconds: dict[str, float] = field(default_factory=dict)
    busy_seconds: dict[str, float] = field(default_factory=dict)
    chunk_vectors: str = "text"
    nodes: int = 0

    def figures(self, chunks: int) -> dict[str, Any]:
        """Build time, throughput and peak memory rows."""
        return {
            "full_build_s": figure("s", self.ours_s, self.base_s,
                                   note="process start to exit of a full index run on an empty index: `build_index`, "
                                        "what `assistant index` runs (bench/build_worker.py, which also times the "
                                        "embedder); the baseline worker (read, split, embed, write Chroma)"),
            "full_build_chunks_per_s": figure("chunks/s", [chunks / s for s in self.ours_s],
                                              [self.nodes / s for s in self.base_s], better="higher",
                                              note="chunks (ours) or nodes (baseline) per full-build second"),
            "index_peak_rss_mb": figure("MB", self.ours_rss, self.base_rss),
        }


def builds(ws: Workspace, base_index: Path, reps: Reps, say: Callable[[str], None] = lambda _: None) -> Builds:
    """Full builds (ours and the baseline's worker), alternating which goes first; each one's seconds are said as
    soon as it ends (a long run that is stopped early still shows them)."""
    out = Builds()
    for n in range(reps.builds):
        for who in ("ours", "base") if n % 2 == 0 else ("base", "ours"):
            if who == "ours":
                _clear(ws.index)
                run = run_timed(python_module("assistant.bench.build_worker"), ws)
                report = json.loads(run.stdout.strip().splitlines()[-1])
                out.ours_s.append(run.total_s)
                out.ours_rss.append(run.peak_rss_mb)
                out.ours_embed_s.append(report["embed_seconds"])
                out.texts_embedded = report["texts_embedded"]
                out.tokens_embedded, out.tokens_padded = report["tokens_embedded"], report["tokens_padded"]
                out.stage_seconds, out.busy_seconds = report["stage_seconds"], report["busy_seconds"]
                out.chunk_vectors = report["chunk_vectors"]
                say(f"    ours: {run.total_s:.1f} s (embedder {report['embed_seconds']:.1f} s, stages "
                    f"{report['stage_seconds']})")
            else:
                _clear(base_index)
                run = run_timed(python_module("assistant.bench.baseline", "build", str(ws.corpus), str(base_index)), ws)
                out.nodes = json.loads(run.stdout.strip().splitlines()[-1])["nodes"]
                out.base_s.append(run.total_s)
                out.base_rss.append(run.peak_rss_mb)
                say(f"    baseline: {run.total_s:.1f} s")
    return out


def reindex(ws: Workspace, source_to_edit: str, reps: Reps, base_builds: list[float]) -> dict[str, Any]:
    """An unchanged re-index, and a re-index after one document changed (``assistant index``)."""
    unchanged = [index_run(ws).total_s for _ in range(reps.reindex)]
    changed = []
    for n in range(reps.reindex):
        corpora.edit_one(ws, source_to_edit, n)
        changed.append(index_run(ws).total_s)
    return {
        "unchanged_reindex_s": figure("s", unchanged, base_builds, note=REBUILDS),
        "changed_reindex_s": figure("s", changed, base_builds, note=f"{source_to_edit} edited; " + REBUILDS),
    }


def cold_starts(ws: Workspace, base_index: Path, questions: list[str], reps: Reps) -> dict[str, Any]:
    """Process start to the first answer line: ``assistant ask --json`` beside the baseline worker's ``ask``."""
    ours, theirs = [], []
    for n, question in enumerate(questions[:reps.cold]):
        for who in ("ours", "base") if n % 2 == 0 else ("base", "ours"):
            if who == "ours":
                ours.append(run_timed([*assistant_command(), "ask", "--json", question], ws))
            else:
                theirs.append(run_timed(python_module("assistant.bench.baseline", "ask", str(base_index), question), ws))
    batch = ws.root / "batch.jsonl"
    some = questions[:reps.batch]
    batch.write_text("".join(json.dumps({"id": str(i), "question": q}) + "\n" for i, q in enumerate(some)))
    ours_batch = run_timed([*assistant_command(), "ask", "--batch", str(batch), "--json"], ws)
    base_batch = run_timed(python_module("assistant.bench.baseline", "ask", str(base_index), *some), ws)
    return {
        "cli_cold_start_s": figure("s", [r.first_line_s for r in ours], [r.first_line_s for r in theirs],
                                   note="`assistant ask --json` with an existing index: process start to the answer line"),
        "cli_peak_rss_mb": figure("MB", [r.peak_rss_mb for r in ours], [r.peak_rss_mb for r in theirs]),
        "headless_serving_peak_rss_mb": figure("MB", [ours_batch.peak_rss_mb], [base_batch.peak_rss_mb],
                                               note=f"one process answering {len(some)} questions (`ask --batch`)"),
    }


def ui(ws: Workspace, questions: list[str], reps: Reps) -> dict[str, Any]:
    """``assistant serve``: start to the first answer over its API, and the server's peak RSS after more questions."""
    runs = [serve_first_answer(ws, questions[n:n + reps.serve_questions]) for n in range(reps.ui)]
    latencies = [s * 1000 for run in runs for s in run.latencies_s]
    return {
        "ui_cold_start_s": figure("s", [r.first_answer_s for r in runs],
                                  note="`assistant serve` start to the first answer of its /ask API (Gradio's REST "
                                       "API over httpx); the baseline has no UI"),
        "ui_serving_peak_rss_mb": figure("MB", [r.peak_rss_mb for r in runs if r.peak_rss_mb is not None],
                                         note=f"VmHWM of the server after {reps.serve_questions} questions"),
        **({"ui_warm_ask_ms": figure("ms", latencies, note="one /ask API call, client side")} if latencies else {}),
    }


def bench_corpus(ws: Workspace, edit_prefix: str, eval_set: Path, reps: Reps, heading_prefix: str | None,
                 with_ui: bool, say: Callable[[str], None] = lambda _: None) -> dict[str, Any]:
    """Every figure for one corpus (subprocess figures first, then the in-process ones)."""
    from assistant.evals.baseline import LlamaIndexBaseline
    from assistant.evals.runner import source_texts
    from assistant.service import Assistant
    from assistant.settings import Settings

    from assistant.bench.questions import question_mix
    from assistant.bench.warm import embedder_throughput, quality, warm_latency

    base_index = ws.root / "baseline-index"
    say(f"  full builds (x{reps.builds}, ours and baseline)")
    built = builds(ws, base_index, reps, say)
    fresh = Assistant(Settings(corpus_dir=ws.corpus, index_dir=ws.index))
    snapshot = fresh.snapshot()
    say(f"  raw embedder throughput (x{reps.embed}), right after the builds")
    embedder = embedder_throughput(fresh, reps.embed, reps.embed_sample)
    figures = built.figures(len(snapshot.meta.chunks))
    say(f"  re-index (x{reps.reindex} unchanged, x{reps.reindex} one document changed)")
    figures.update(reindex(ws, corpora.median_document(snapshot, edit_prefix), reps, built.base_s))
    figures["index_disk_mb"] = figure("MB", [dir_size_mb(ws.index)], [dir_size_mb(base_index)])
    questions = question_mix(eval_set, reps.questions, snapshot, heading_prefix)
    say(f"  CLI cold starts (x{reps.cold}, ours and baseline) and a batch of questions")
    figures.update(cold_starts(ws, base_index, questions, reps))
    if with_ui:
        say(f"  UI cold starts (x{reps.ui})")
        figures.update(ui(ws, questions, reps))
    assistant = fresh  # ``snapshot()`` picks up the snapshot of the last re-index run
    corpus = corpora.describe(snapshot, built.nodes, ws.corpus)
    say(f"  warm latency ({len(questions)} questions), eval-set quality")
    base = LlamaIndexBaseline(assistant.embedder, source_texts(assistant).indexed)
    try:
        figures.update(warm_latency(assistant, base, questions))
        scores = quality(assistant, base, eval_set)
    finally:
        base.close()
    return {"corpus": corpus, "embedder": embedder, "build_analysis": embedding_share(corpus, embedder, built),
            "figures": figures, "quality": scores, "questions_sample": questions[:6]}


def embedding_share(corpus: dict[str, Any], embedder: dict[str, Any], built: Builds) -> dict[str, Any]:
    """The full build against its physical limit: tokens embedded per second during the build beside the raw
    embedder's tokens per second in the same run, the share of build time outside the embedder, and each stage."""
    build, inside = median(built.ours_s), median(built.ours_embed_s)
    sentence_rate, chunk_rate = embedder["sentence_tokens_per_s"]["median"], embedder["chunk_tokens_per_s"]["median"]
    stages = dict(built.stage_seconds)
    stages["other (start-up, imports, locks, exit)"] = round(build - sum(stages.values()), 2)
    return {
        "full_build_s": round(build, 2), "embed_s_in_build": round(inside, 2), "share": round(inside / build, 3),
        "outside_share": round(1 - inside / build, 3),
        "texts_embedded": built.texts_embedded, "build_texts_per_s": round(built.texts_embedded / build, 1),
        "tokens_embedded": built.tokens_embedded, "padding_share": round(1 - built.tokens_embedded / max(built.tokens_padded, 1), 3),
        "build_tokens_per_s": round(built.tokens_embedded / build), "embedder_tokens_per_s_in_build":
            round(built.tokens_embedded / inside) if inside else None,
        "raw_sentence_tokens_per_s": round(sentence_rate), "raw_chunk_tokens_per_s": round(chunk_rate),
        "chunk_vectors": built.chunk_vectors,
        "raw_estimate_s": round(_raw_estimate(corpus, embedder, built.chunk_vectors), 1),
        "tag_words_per_s": round(corpus["sentence_words"] / built.busy_seconds["tag"])
        if built.busy_seconds.get("tag") else None,
        "stage_seconds": stages, "busy_seconds": built.busy_seconds,
        "note": "share = seconds inside the embedder during the full build ÷ the build's wall time (process start to "
                "exit); tokens are MiniLM tokens without padding, as the embedder counts them; raw rates: the "
                "embedder alone on samples of this corpus's sentences and chunk texts, in the same run; "
                "raw_estimate_s = sentences ÷ raw sentences/s (+ chunks ÷ raw chunk texts/s when chunk texts are "
                "embedded too, chunk_vectors=text; chunks ÷ raw chunk texts/s alone with chunk_vectors=tokens): the "
                "build's embedding at the raw embedder's speed",
    }


def _raw_estimate(corpus: dict, embedder: dict, chunk_vectors: str) -> float:
    """Seconds the build's embedding would take at the raw embedder's rates: sentences, chunk texts or both."""
    sentences = corpus["sentences"] / embedder["sentences_per_s"]["median"]
    chunks = corpus["chunks"] / embedder["chunks_per_s"]["median"]
    return {"text": sentences + chunks, "sentences": sentences, "tokens": chunks}.get(chunk_vectors, sentences + chunks)
