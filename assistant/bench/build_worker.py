"""A full index run, exactly as ``assistant index`` does it (``build_index``), that also times the embedder.

    python -m assistant.bench.build_worker     # corpus and index from ASSISTANT_* variables; prints one JSON line

The time spent inside ``Embedder.embed`` over the whole run shows how far the build is limited by embedding.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

    from assistant.embedder import Embedder


class TimedEmbedder:
    """Delegates to the real embedder and adds up the seconds and texts of every ``embed`` call."""

    def __init__(self, embedder: Embedder) -> None:
        self._embedder = embedder
        self.model_id, self.dim = embedder.model_id, embedder.dim
        self.seconds, self.texts = 0.0, 0

    def embed(self, texts: Sequence[str], progress: Callable[[int], None] | None = None) -> np.ndarray:
        """The real embedder's vectors, timed."""
        started = time.perf_counter()
        vectors = self._embedder.embed(texts, progress)
        self.seconds += time.perf_counter() - started
        self.texts += len(texts)
        return vectors


def main() -> int:
    """Build the index of the ``ASSISTANT_*`` settings; print the report and the embedder's share."""
    from assistant.embedder import Embedder
    from assistant.indexer import build_index
    from assistant.settings import Settings

    settings = Settings()
    embedder = TimedEmbedder(Embedder.from_settings(settings))
    report = build_index(settings, embedder)
    print(json.dumps({"seconds": report.seconds, "chunks_total": report.chunks_total, "skipped": len(report.skipped),
                      "embed_seconds": round(embedder.seconds, 3), "texts_embedded": embedder.texts}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
