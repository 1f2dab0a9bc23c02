"""Deterministic number comparison: "how many more X did A have than B", "how much higher is A than B" from two
cited values (the date counterpart is ``arithmetic``). "The difference between A and B" is not taken: it asks how
two things differ far more often than by how much."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from assistant.answer.qtypes import DATE
from assistant.answer.values import DIGITS
from assistant.terms import stem, words

_COMPARATIVE = (r"more|fewer|less|higher|lower|bigger|larger|smaller|greater|longer|shorter|older|younger|taller|"
                r"heavier|lighter|wider|narrower|faster|slower|further|farther|deeper")
_ASKS_DIFFERENCE = re.compile(rf"\bhow (?:many|much) (?:{_COMPARATIVE})\b", re.IGNORECASE)
_SIDES = re.compile(r"\b(?:than|compared (?:to|with)|versus|vs\.?|against)\b", re.IGNORECASE)
_BETWEEN = re.compile(r"\bbetween\b(?P<a>.+?)\band\b(?P<b>.+)", re.IGNORECASE)
_DATED_BEFORE = re.compile(r"\b(?:in|since|by|until|from|before|after|circa|year|of|January|February|March|April|May|"
                           r"June|July|August|September|October|November|December)\s*$", re.IGNORECASE)
_MONTH_OR_DAY = re.compile(r"[A-Za-z]{3,}|\d{4}-\d{2}")


@dataclass(frozen=True)
class StatedValue:
    """A number found in text: the words as written, its value and where it starts."""

    text: str
    value: float
    start: int


def compared_parts(question: str) -> list[str]:
    """The two things a difference question compares ("rex" and "buzz"), each with its own words only; [] when the
    question does not name two sides."""
    match = _ASKS_DIFFERENCE.search(question)
    if not match:
        return []
    body = question[match.end():].strip(" ?.")
    between = _BETWEEN.search(body)
    sides = [between.group("a"), between.group("b")] if between else _SIDES.split(body, maxsplit=1)
    parts = [side.strip(" ?,.") for side in sides]
    return parts if len(parts) == 2 and all(words(p) for p in parts) else []


def stated_values(text: str) -> list[StatedValue]:
    """The numbers of ``text`` that state a quantity: digits outside dates (a bare year-like number counts unless
    a preposition dates it: "848 packages", "Las Vegas | 2174", but not "in 1996" or "December 12th, 1996")."""
    dated = [m.span() for m in DATE.finditer(text)
             if _MONTH_OR_DAY.search(m.group(0)) or _DATED_BEFORE.search(text[:m.start()])]
    out = []
    for match in DIGITS.finditer(text):
        digits = re.match(r"\d[\d,]*(?:\.\d+)?", match.group(0))
        if not digits or any(a <= match.start() < b for a, b in dated):
            continue
        try:
            value = float(digits.group(0).replace(",", ""))
        except ValueError:
            continue
        out.append(StatedValue(match.group(0).strip(), value, match.start()))
    return out


def value_for(text: str, part: str, head: str | None) -> StatedValue | None:
    """The value a sentence gives for one side: the number right before the counted noun ("848 *packages*"), else
    the one nearest after the side's own words ("Las Vegas | 2174"), else its only number."""
    values = stated_values(text)
    if head:
        head_stem = stem(head.lower())
        for value in values:
            following = words(text[value.start + len(value.text):])[:2]
            counted = list(itertools.takewhile(lambda w: not w[0].isdigit(), following))
            if any(stem(w) == head_stem for w in counted):
                return value
    lowered = text.lower()
    spots = [m.end() for w in words(part) if len(w) > 2 for m in re.finditer(rf"\b{re.escape(w)}\b", lowered)]
    after = [v for v in values if spots and v.start >= min(spots)]
    if after:
        return min(after, key=lambda v: min(v.start - s for s in spots if s <= v.start))
    return values[0] if len(values) == 1 else None


def phrase(a: StatedValue, b: StatedValue) -> str:
    """The computed answer sentence; ``{0}`` and ``{1}`` stand for the two citation markers."""
    gap = abs(a.value - b.value)
    shown = f"{gap:,.0f}" if gap == int(gap) else f"{gap:,g}"
    return f"The difference is {shown}: {a.text} [{{0}}] against {b.text} [{{1}}] (computed from the cited values)."
