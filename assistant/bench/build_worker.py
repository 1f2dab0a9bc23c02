"""A full index run, exactly as ``assistant index`` does it (``build_index``), with the embedder's own counters.

    python -m assistant.bench.build_worker     # corpus and index from ASSISTANT_* variables; prints one JSON line

Seconds, texts and tokens inside the embedder, and seconds per stage, show how close the build is to the
embedder's own speed (the physical limit of the build on this machine).
"""

from __future__ import annotations

import json
import sys


def main() -> int:
    """Build the index of the ``ASSISTANT_*`` settings; print the report, stage times and embedder counters."""
    from assistant.embedders import load_embedder
    from assistant.indexer import build_index
    from assistant.settings import Settings

    settings = Settings()
    embedder = load_embedder(settings)
    report = build_index(settings, embedder)
    stats = embedder.stats  # type: ignore[attr-defined]  # every real embedder counts its work
    print(json.dumps({"seconds": report.seconds, "chunks_total": report.chunks_total, "skipped": len(report.skipped),
                      "embed_seconds": round(stats.seconds, 3), "texts_embedded": stats.texts,
                      "tokens_embedded": stats.tokens, "tokens_padded": stats.padded,
                      "stage_seconds": report.stage_seconds, "busy_seconds": report.busy_seconds,
                      "chunk_vectors": settings.embedding.chunk_vectors}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
