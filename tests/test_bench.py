"""The benchmark runs end to end on the article (tiny repetition counts) and writes a complete report.

Real subprocesses (`assistant index`, `assistant ask`, `assistant serve` on a free 127.0.0.1 port, the baseline
worker), real Chroma and the real embedder. No timing assertions: only that every figure exists and is positive.
"""

from __future__ import annotations

import json

from assistant.bench import report
from assistant.bench.run import Options, run_bench

WITH_BASELINE = (
    "full_build_s", "full_build_chunks_per_s", "index_peak_rss_mb", "unchanged_reindex_s", "changed_reindex_s",
    "index_disk_mb", "cli_cold_start_s", "cli_peak_rss_mb", "headless_serving_peak_rss_mb", "warm_retrieval_ms",
    "warm_ask_ms",
)
OURS_ONLY = ("ui_cold_start_s", "ui_serving_peak_rss_mb")


def _positive(row: dict) -> None:
    assert row["ours"]["n"] >= 1
    assert 0 < row["ours"]["median"] <= row["ours"]["p95"]


def test_quick_bench_writes_every_figure(tmp_path):
    options = Options(quick=True, workdir=tmp_path / "work", reps=1, questions=4, synthetic_chunks=150)
    paths = report.write(run_bench(options), tmp_path / "out")

    data = json.loads(paths["json"].read_text())
    small = data["corpora"]["small"]
    assert small["corpus"]["documents"] == 1
    assert small["corpus"]["chunks"] > 10 and small["corpus"]["tokens_minilm"] > small["corpus"]["words"] > 1000
    assert small["corpus"]["baseline_nodes"] >= 1
    for key in WITH_BASELINE:
        row = small["figures"][key]
        _positive(row)
        assert row["baseline"]["median"] > 0 and row["ratio"] > 0, key
    for key in OURS_ONLY:
        _positive(small["figures"][key])
    assert small["embedder"]["sentences_per_s"]["median"] > 0 and 0 < small["build_analysis"]["share"] < 1
    limit = small["build_analysis"]  # the build against the raw embedder, measured in the same run
    assert limit["tokens_embedded"] > small["corpus"]["tokens_minilm"] * 0.9  # every sentence's tokens, at least
    assert 0 < limit["build_tokens_per_s"] < limit["embedder_tokens_per_s_in_build"]
    assert small["embedder"]["sentence_tokens_per_s"]["median"] > 0 and small["embedder"]["chunk_tokens_per_s"]["median"] > 0
    assert abs(limit["share"] + limit["outside_share"] - 1) < 1e-3
    assert {"scan", "sentences", "chroma", "snapshot"} <= set(limit["stage_seconds"])
    # chunk texts are embedded in the sentences stage with late chunking (tokens), in a stage of their own otherwise
    assert limit["chunk_vectors"] == "tokens" or "chunk vectors" in limit["stage_seconds"]
    assert limit["busy_seconds"]["embed"] > 0 and limit["busy_seconds"]["tag"] > 0 and limit["tag_words_per_s"] > 0
    quality = small["quality"]["figures"]
    assert 0 < quality["hit@3"]["ours"] <= 1 and 0 < quality["mrr"]["baseline"] <= 1

    synthetic = data["synthetic"]
    assert synthetic["store"]["vectors"] == 150 and synthetic["store"]["query_ms"]["median"] > 0
    assert synthetic["index"]["corpus"]["chunks"] >= 150
    for key in ("full_build_s", "unchanged_reindex_s", "changed_reindex_s", "cli_cold_start_s", "warm_ask_ms"):
        _positive(synthetic["index"]["figures"][key])

    goals = {row["target"]: row for row in data["targets"]}
    assert goals["warm ask p50, article"]["value"] > 0 and goals["warm ask p50, 100k chunks"]["value"] > 0
    assert goals["large full build limited by embedding"]["met"] is None  # no large corpus in quick mode
    markdown = paths["md"].read_text()
    assert "| warm ask: retrieval + answer (ms) |" in markdown and "## Synthetic scale" in markdown
    assert "**Build against the physical limit**" in markdown and "tokens/s inside the embedder" in markdown
