"""A synthetic corpus of any size and a stand-in embedder, to time our index and ask path at 100k+ chunks.

Documents are copies of the article with about 12% of their words replaced by made-up words drawn from a Zipf
distribution (so the BM25 vocabulary grows as a real corpus's does); structure, sentence and chunk sizes stay the
article's. Embedding 100k chunks and their sentences for real would take hours on 2 cores, so the index is built
with ``HashedEmbedder``: vectors are real MiniLM vectors of article sentences (the pool) picked by a hash of the
text, plus noise, unit length. Questions are still embedded by the real model at ask time: retrieval latency is
real, retrieval quality at this scale is not measured. Worker (peak RSS of an index run needs its own process)::

    python -m assistant.bench.synthetic build POOL.npy     # corpus and index from ASSISTANT_* variables
"""

from __future__ import annotations

import json
import re
import sys
import zlib
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from assistant.embedder import MINILM_MODEL_ID

SYLLABLES = ("ka", "lo", "mi", "ter", "von", "sa", "rix", "du", "pel", "gan", "zo", "thu", "bre", "nix", "ol", "quar")
VOCABULARY = 200_000
REPLACE_RATE = 0.12
NOISE = 0.03
_WORD = re.compile(r"[A-Za-z]{3,}")


def made_up_word(n: int) -> str:
    """The n-th made-up word (distinct for distinct n)."""
    parts = []
    while True:
        n, digit = divmod(n, len(SYLLABLES))
        parts.append(SYLLABLES[digit])
        if not n:
            return "".join(parts)
        n -= 1


def perturbed(text: str, seed: int, rate: float = REPLACE_RATE) -> str:
    """``text`` with about ``rate`` of its words replaced by Zipf-distributed made-up words (seeded)."""
    matches = list(_WORD.finditer(text))
    rng = np.random.default_rng(seed)
    replace = rng.random(len(matches)) < rate
    ranks = rng.zipf(1.15, len(matches)) % VOCABULARY
    out, at = [], 0
    for match, swap, rank in zip(matches, replace, ranks):
        if swap:
            out += [text[at:match.start()], made_up_word(int(rank))]
            at = match.end()
    out.append(text[at:])
    return "".join(out)


def write_corpus(corpus: Path, article: str, chunks: int, chunks_per_copy: int) -> int:
    """Enough perturbed copies of the article under ``corpus/synthetic/`` for ``chunks`` chunks; returns the count."""
    folder = corpus / "synthetic"
    folder.mkdir(parents=True, exist_ok=True)
    copies = -(-chunks // max(chunks_per_copy, 1))
    for n in range(copies):
        (folder / f"copy-{n:06d}.txt").write_text(perturbed(article, n), encoding="utf-8")
    return copies


class HashedEmbedder:
    """Deterministic stand-in vectors: a pool vector chosen by a hash of the text, plus noise, unit length.

    The pool holds real MiniLM vectors, so the index records MiniLM's model id and MiniLM embeds the questions.
    """

    model_id = MINILM_MODEL_ID

    def __init__(self, pool: np.ndarray, noise: float = NOISE) -> None:
        self.pool = np.asarray(pool, dtype=np.float32)
        self.dim = int(self.pool.shape[1])
        self.noise = noise

    def embed(self, texts: Sequence[str], progress: Callable[[int], None] | None = None) -> np.ndarray:
        """One unit vector per text; the same text always gets the same vector."""
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            digest = zlib.crc32(text.encode())
            rng = np.random.default_rng(digest)
            vector = self.pool[digest % len(self.pool)] + rng.normal(0, self.noise, self.dim)
            out[row] = vector / np.linalg.norm(vector)
        if progress:
            progress(len(texts))
        return out


def main(argv: list[str] | None = None) -> int:
    """``build POOL.npy``: index the corpus of the ``ASSISTANT_*`` settings with ``HashedEmbedder``."""
    from assistant.indexer import build_index
    from assistant.settings import Settings

    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2 or args[0] != "build":
        print("usage: python -m assistant.bench.synthetic build POOL.npy", file=sys.stderr)
        return 2
    report = build_index(Settings(), HashedEmbedder(np.load(args[1])))
    print(json.dumps({"seconds": report.seconds, "chunks_total": report.chunks_total,
                      "chunks_embedded": report.chunks_embedded, "sentences_embedded": report.sentences_embedded,
                      "changed": len(report.added) + len(report.updated) + len(report.removed)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
