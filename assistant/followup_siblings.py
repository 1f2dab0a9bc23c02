"""Words the documents list side by side ("main, contrib and non-free"): a fragment naming one of them ("what about
non-free?") asks the previous question of it in place of its sibling there ("packages in main"), whatever the
embeddings say is nearest ("packages")."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

_ITEM = r"[\w./-]+"
LISTED_FIRST = 2.0
"""Added to a listed option's cosine (cosines lie in [-1, 1]): every option listed beside the fragment ranks first."""


def _listings(first: str, second: str) -> list[re.Pattern[str]]:
    a, b = re.escape(first), re.escape(second)
    return [re.compile(rf"(?<![\w-]){a}(?:,\s*{_ITEM})*,?\s+(?:and|or)\s+{b}(?![\w-])", re.IGNORECASE),
            re.compile(rf"(?<![\w-]){a},\s*(?:{_ITEM},\s*)*{b}(?![\w-])", re.IGNORECASE)]


def listed_together(first: str, second: str, texts: Iterable[str]) -> bool:
    """Whether some text lists the two in one series ("A, B and C", "A or B", "A, B, C"), in either order."""
    low = (first.lower(), second.lower())
    if low[0] == low[1]:
        return False
    patterns = _listings(first, second) + _listings(second, first)
    return any(p.search(t) for t in texts if low[0] in t.lower() and low[1] in t.lower() for p in patterns)


def with_listings(phrase: str, options: Sequence[str], cosines: Sequence[float], texts: Sequence[str]) -> list[float]:
    """The options' cosines to ``phrase``, each option the documents list beside it raised above all others."""
    low = phrase.lower()
    naming = [t for t in texts if low in t.lower()]  # one pass over the documents; most texts never name it
    return [c + LISTED_FIRST * listed_together(phrase, o, naming) for o, c in zip(options, cosines)]
