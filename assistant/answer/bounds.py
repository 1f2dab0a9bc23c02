"""Extremes a value is given as: "the *largest* possible ROWID is 1" makes 1 an upper bound, and a span supports
that only where its own 1 is one ("a ROWID of 1 is used" for an empty table is not).

A claim's extreme is the number right after a superlative; a span's, any wording of a bound in the sentence that
holds the number ("up to 64 characters", "at most 3", "the maximum is 8"), so a claim may rephrase the bound but not
invent one.
"""

from __future__ import annotations

import re

from assistant.answer.text_values import numbers

Direction = str  # "max" or "min"

CLAIM_EXTREMES: dict[Direction, re.Pattern[str]] = {
    "max": re.compile(r"\b(?:largest|biggest|highest|greatest|maximum|max|maximal)\b", re.IGNORECASE),
    "min": re.compile(r"\b(?:smallest|lowest|fewest|minimum|min|minimal)\b", re.IGNORECASE),
}
"""Superlatives by which a claim makes the number after them a bound (general English; not "most", a share)."""
_REACH = 4  # words after the superlative within which its number stands ("the largest possible ROWID is 1")
_TOKEN = re.compile(r"[\w.,'’]+(?:-\w+)*|[;:()\[\]]")

SPAN_BOUNDS: dict[Direction, re.Pattern[str]] = {
    "max": re.compile(r"\b(?:max(?:imum|imal|imally)?|largest|biggest|highest|greatest|upper|limit(?:s|ed)?|"
                      r"at most|up to|no more than|exceed\w*|cap(?:s|ped)?|or (?:less|fewer|lower|smaller|below))\b",
                      re.IGNORECASE),
    "min": re.compile(r"\b(?:min(?:imum|imal|imally)?|smallest|lowest|fewest|lower|at least|no (?:less|fewer) than|"
                      r"or (?:more|greater|higher|larger|above))\b", re.IGNORECASE),
}
"""How a span may word a bound in the sentence that gives its number."""

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z(\"'“])")
# a number word that counts a step, not a value: "one larger than the largest ROWID"
_STEP = re.compile(r"\b(?:one|two|three|four|five|ten)\s+(?:more|less|larger|smaller|fewer|greater|higher|lower|"
                   r"bigger|longer|shorter)\b", re.IGNORECASE)


def claim_extremes(text: str) -> frozenset[tuple[str, Direction]]:
    """(number, direction) for each number a claim gives right after a superlative ("the largest possible ROWID is
    1", "a maximum verbosity level of 3"; not "one more than the largest ROWID", nor "the largest 64-bit integer",
    where the number is part of a word)."""
    out: set[tuple[str, Direction]] = set()
    for direction, pattern in CLAIM_EXTREMES.items():
        for found in pattern.finditer(text):
            for token in _TOKEN.findall(text[found.end():])[:_REACH]:
                if token in ";:()[]":
                    break
                if value := numbers(token.rstrip(".,")) if "-" not in token else frozenset():
                    out.update((n, direction) for n in value)
                    break
    return frozenset(out)


def span_bounds(text: str) -> frozenset[tuple[str, Direction]]:
    """(number, direction) for each number of a span whose sentence words a bound in that direction."""
    out: set[tuple[str, Direction]] = set()
    for sentence in _SENTENCE_END.split(text):
        directions = [d for d, pattern in SPAN_BOUNDS.items() if pattern.search(sentence)]
        if directions:
            out.update((n, d) for n in numbers(_STEP.sub(" ", sentence)) for d in directions)
    return frozenset(out)


def unbounded(claimed: frozenset[tuple[str, Direction]], bounds: frozenset[tuple[str, Direction]],
              present: frozenset[str]) -> set[str]:
    """Numbers the claim gives as an extreme that the span has (``present``) but never as that extreme."""
    return {n for n, d in claimed if n in present and (n, d) not in bounds}
