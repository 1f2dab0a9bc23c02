"""Chunk vectors made from sentence vectors, so the index embeds each token once (as a sentence), not twice.

A chunk's vector is the sum of its sentences' vectors, its section heading's and its leftover text's (what no
sentence holds: a URL, a title line, a table row; embedded once per distinct text), each weighted by the square
root of its word count, made unit length. Measured against vectors of the whole chunk text (chunk_search_text) on the
eval collections: cosine 0.82-0.93 on average. The vector's job is to bring a chunk into the dense candidates
(Chroma's nearest neighbours); the dense ranking itself scores each candidate by its best sentence
(``retrieve.HybridRetriever.dense_ranking``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import numpy as np

from assistant.schema import Chunk
from assistant.structure import word_count

MIN_LEFTOVER_WORDS = 3


def heading_texts(chunks: Sequence[Chunk]) -> list[str]:
    """The distinct section headings of ``chunks`` (each is embedded once per index run)."""
    return sorted({c.section for c in chunks if c.section})


def leftover_text(chunk: Chunk, spans: Sequence[tuple[int, int]]) -> str:
    """The chunk's text outside the ``(start, end)`` spans of its sentences, whitespace collapsed; "" when it has
    fewer than ``MIN_LEFTOVER_WORDS`` words (stray punctuation or a list marker says nothing)."""
    parts, pos = [], chunk.start
    for start, end in sorted(spans):
        if start > pos:
            parts.append(chunk.text[pos - chunk.start:start - chunk.start])
        pos = max(pos, end)
    parts.append(chunk.text[pos - chunk.start:])
    text = " ".join(" ".join(parts).split())
    return text if word_count(text) >= MIN_LEFTOVER_WORDS else ""


def chunk_vectors(chunks: Sequence[Chunk], sentence: Callable[[str], tuple[np.ndarray, str]],
                  extras: Mapping[str, np.ndarray], leftovers: Mapping[str, str], dim: int) -> np.ndarray:
    """One unit-length row per chunk; ``sentence(id)`` gives a sentence's vector and text, ``extras`` the vector
    of each section heading and leftover text, ``leftovers`` each chunk's leftover text (by chunk id)."""
    out = np.zeros((len(chunks), dim), dtype=np.float32)
    for row, chunk in enumerate(chunks):
        total = np.zeros(dim, dtype=np.float32)
        for sid in chunk.sentence_ids:
            vector, text = sentence(sid)
            total += np.sqrt(max(word_count(text), 1)) * vector
        for extra in (chunk.section, leftovers.get(chunk.id, "")):
            if extra:
                total += np.sqrt(max(word_count(extra), 1)) * extras[extra]
        out[row] = total / max(float(np.linalg.norm(total)), 1e-12)
    return out
