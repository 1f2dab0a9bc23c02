"""Chunk vectors made from sentence vectors, so the index embeds each token once (as a sentence), not twice.

A chunk's vector is the sum of its sentences' vectors and its section heading's, each weighted by the square root
of its word count, made unit length. Measured against vectors of the whole chunk text (chunk_search_text) on the
eval collections: cosine 0.82-0.93 on average. The vector's job is to bring a chunk into the dense candidates
(Chroma's nearest neighbours); the dense ranking itself scores each candidate by its best sentence
(``retrieve.HybridRetriever.dense_ranking``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import numpy as np

from assistant.schema import Chunk
from assistant.structure import word_count


def heading_texts(chunks: Sequence[Chunk]) -> list[str]:
    """The distinct section headings of ``chunks`` (each is embedded once per index run)."""
    return sorted({c.section for c in chunks if c.section})


def chunk_vectors(chunks: Sequence[Chunk], sentence: Callable[[str], tuple[np.ndarray, str]],
                  headings: Mapping[str, np.ndarray], dim: int) -> np.ndarray:
    """One unit-length row per chunk; ``sentence(id)`` gives a sentence's vector and text, ``headings`` the vector
    of each section heading."""
    out = np.zeros((len(chunks), dim), dtype=np.float32)
    for row, chunk in enumerate(chunks):
        total = np.zeros(dim, dtype=np.float32)
        for sid in chunk.sentence_ids:
            vector, text = sentence(sid)
            total += np.sqrt(max(word_count(text), 1)) * vector
        if chunk.section:
            total += np.sqrt(max(word_count(chunk.section), 1)) * headings[chunk.section]
        out[row] = total / max(float(np.linalg.norm(total)), 1e-12)
    return out
