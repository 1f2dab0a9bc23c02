"""bench.json and bench.md: every figure as median and p95, ours beside the baseline, and the issue's targets."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

TARGETS = (
    # (name, corpus, figure path, comparison, limit, statement)
    ("warm ask p50, article", "small", ("figures", "warm_ask_ms", "ours", "median"), "<", 30.0, "< 30 ms"),
    ("warm ask p50, 100k chunks", "synthetic", ("index", "figures", "warm_ask_ms", "ours", "median"), "<", 150.0, "< 150 ms"),
    ("CLI cold start to first answer, article", "small", ("figures", "cli_cold_start_s", "ours", "median"), "<", 2.0, "< 2 s"),
    ("serving peak RSS, article (UI server)", "small", ("figures", "ui_serving_peak_rss_mb", "ours", "median"), "<", 500.0, "< 500 MB"),
    ("large full build limited by embedding", "large", ("build_analysis", "share"), ">=", 0.8,
     ">= 80% of the full build's time inside the embedder"),
)
LABELS = {
    "full_build_s": "full build (s)", "full_build_chunks_per_s": "full build (chunks/s)",
    "index_peak_rss_mb": "peak RSS while indexing (MB)", "unchanged_reindex_s": "unchanged re-index (s)",
    "changed_reindex_s": "re-index, one document changed (s)", "index_disk_mb": "index on disk (MB)",
    "cli_cold_start_s": "CLI cold start to first answer (s)", "cli_peak_rss_mb": "CLI `ask` peak RSS (MB)",
    "headless_serving_peak_rss_mb": "peak RSS answering a batch of questions in one process (MB)",
    "ui_cold_start_s": "UI cold start to first answer (s)", "ui_serving_peak_rss_mb": "UI server peak RSS (MB)",
    "ui_warm_ask_ms": "UI /ask API call, warm (ms)", "warm_retrieval_ms": "warm retrieval (ms)",
    "warm_ask_ms": "warm ask: retrieval + answer (ms)",
}


def _get(data: Any, path: tuple[str, ...]) -> Any:
    for key in path:
        if not isinstance(data, dict) or data.get(key) is None:
            return None
        data = data[key]
    return data


def targets(results: dict[str, Any]) -> list[dict[str, Any]]:
    """Each target of issue 7 with the measured value and whether it is met (None: not measured in this run)."""
    rows = []
    for name, corpus, path, op, limit, statement in TARGETS:
        value = _get(results.get("corpora", {}).get(corpus) or results.get(corpus), path)
        met = None if value is None else (value < limit if op == "<" else value >= limit)
        value = None if value is None else float(f"{value:.3g}")
        rows.append({"target": name, "goal": statement, "value": value, "met": met})
    large = results.get("corpora", {}).get("large")
    if large:
        figures = large["figures"]
        ratio = figures["full_build_s"]["ratio"]
        rows.append({"target": "large full build vs the naive baseline (issue 14)", "goal": "<= 1.5x its time",
                     "value": None if ratio is None else float(f"{ratio:.3g}"), "met": None if ratio is None else ratio <= 1.5})
        share = figures["unchanged_reindex_s"]["ours"]["median"] / figures["full_build_s"]["ours"]["median"]
        rows.append({"target": "unchanged re-index, large corpus", "goal": "< 5% of the full build (share)",
                     "value": float(f"{share:.3g}"), "met": share < 0.05})
    return rows


def _cell(summary: dict[str, Any] | None, key: str) -> str:
    if not summary:
        return "—"
    value = summary[key]
    return f"{value:,.0f}" if abs(value) >= 100 else f"{value:.3g}" if abs(value) < 1 else f"{value:.1f}"


def figure_table(figures: dict[str, Any]) -> list[str]:
    """Markdown rows: figure, ours median/p95, baseline median/p95, ratio, samples."""
    lines = ["| figure | ours median | ours p95 | baseline median | baseline p95 | ours ÷ baseline | n |",
             "|---|---:|---:|---:|---:|---:|---:|"]
    for key, row in figures.items():
        n = "/".join(str(s["n"]) for s in (row["ours"], row["baseline"]) if s)
        ratio = "—" if row["ratio"] is None else f"{row['ratio']:.2f}"
        lines.append(f"| {LABELS.get(key, key)} | {_cell(row['ours'], 'median')} | {_cell(row['ours'], 'p95')} | "
                     f"{_cell(row['baseline'], 'median')} | {_cell(row['baseline'], 'p95')} | {ratio} | {n} |")
    return lines


def _corpus_section(name: str, data: dict[str, Any]) -> list[str]:
    c = data["corpus"]
    lines = [f"## {name}", "", ", ".join(f"{k.replace('_', ' ')}: {v:,}" for k, v in c.items() if isinstance(v, int))]
    if c.get("skipped"):
        lines.append(f"(skipped by our indexer, no prose to index: {', '.join(c['skipped'])})")
    lines.append("")
    lines += figure_table(data["figures"])
    if "embedder" in data:
        lines += ["", *_limit_lines(data["embedder"], data["build_analysis"])]
    if "quality" in data:
        q = data["quality"]
        lines += ["", f"Eval set ({q['questions']} questions, {q['scored_for_retrieval']} scored for retrieval):", "",
                  "| metric | ours | baseline |", "|---|---:|---:|"]
        lines += [f"| {k} | {v['ours']} | {v['baseline']} |" for k, v in q["figures"].items()]
    lines += ["", "Notes: " + "; ".join(f"*{LABELS.get(k, k)}*: {r['note']}" for k, r in data["figures"].items() if r["note"])]
    return lines + [""]


def _limit_lines(e: dict[str, Any], b: dict[str, Any]) -> list[str]:
    """The full build against the embedder's own speed, and where the rest of its time went."""
    stages = ", ".join(f"{name} {seconds:,.1f} s" for name, seconds in b["stage_seconds"].items())
    busy = ", ".join(f"{name} {seconds:,.1f} s" for name, seconds in b["busy_seconds"].items())
    tagging = f"; tagging ran at {b['tag_words_per_s']:,} words/s" if b.get("tag_words_per_s") else ""
    return [
        f"**Build against the physical limit** (chunk vectors: {b['chunk_vectors']}). The full build embedded "
        f"{b['texts_embedded']:,} texts, {b['tokens_embedded']:,} tokens ({b['padding_share']:.0%} padding on top): "
        f"{b['build_tokens_per_s']:,} tokens/s over the whole build, {b['embedder_tokens_per_s_in_build']:,} tokens/s "
        f"inside the embedder. The raw embedder in the same run: {e['sentence_tokens_per_s']['median']:,.0f} tokens/s "
        f"on sentences ({e['sentences_per_s']['median']:.0f} sentences/s), {e['chunk_tokens_per_s']['median']:,.0f} "
        f"tokens/s on chunk texts ({e['chunks_per_s']['median']:.1f} chunk texts/s). {b['embed_s_in_build']:,.1f} s "
        f"of the {b['full_build_s']:,.1f} s build were inside the embedder ({b['share']:.0%}; "
        f"{b['outside_share']:.0%} outside it); at the raw rates its embedding would take {b['raw_estimate_s']:,.0f} s.",
        "", f"Stages, one after the other: {stages}. Busy (embedding and tagging run side by side): {busy}{tagging}.",
    ]


def markdown(results: dict[str, Any]) -> str:
    """The whole report as markdown."""
    meta = results["meta"]
    lines = [f"# Benchmark ({meta['started']})", "",
             f"{meta['machine']}. Scale `{meta['scale']}`{' (quick)' if meta['quick'] else ''}; finished in "
             f"{meta['seconds']:.0f} s. Load average at start {meta['load_start']}, at end {meta['load_end']}.",
             "Medians and p95 over repeated runs; every ratio is ours ÷ baseline, both measured in this run "
             "(for throughput higher is better, for everything else lower). Baseline: " + meta["baseline"], "",
             "## Targets (issue 7)", "", "| target | goal | measured | met |", "|---|---|---:|---|"]
    for row in results["targets"]:
        met = {True: "yes", False: "**no**", None: "not measured"}[row["met"]]
        lines.append(f"| {row['target']} | {row['goal']} | {row['value'] if row['value'] is not None else '—'} | {met} |")
    lines.append("")
    for name, data in results["corpora"].items():
        lines += _corpus_section(f"{name}: {data['title']}", data)
    synthetic = results.get("synthetic")
    if synthetic:
        store = synthetic["store"]
        lines += ["## Synthetic scale", "", f"Vector store alone: {store['vectors']:,} vectors of {store['dim']} "
                  f"dimensions added in {store['add_seconds']} s ({store['add_per_s']:,.0f}/s); query p50 "
                  f"{store['query_ms']['median']} ms, p95 {store['query_ms']['p95']} ms (n={store['query_ms']['n']}); "
                  f"{store['disk_mb']} MB on disk. {store['note']}.", ""]
        if synthetic.get("index"):
            lines += _corpus_section("Synthetic index and ask path", synthetic["index"])
            lines += [synthetic["index"]["note"], ""]
    return "\n".join(lines)


def write(results: dict[str, Any], out: Path) -> dict[str, Path]:
    """Write bench.json and bench.md into ``out``; returns their paths."""
    out.mkdir(parents=True, exist_ok=True)
    paths = {"json": out / "bench.json", "md": out / "bench.md"}
    paths["json"].write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    paths["md"].write_text(markdown(results), encoding="utf-8")
    return paths
