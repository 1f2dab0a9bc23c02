"""Follow-ups that ask how far apart, or in which order, events of the conversation are: "which came first?" or
"how long between them?" after two "when ...?" questions, "how many days later did X happen?" or "how many years
after A was that?" after one. The standalone question names both events ("how many days passed between the
cyberattack on albania and albania cut ties?"), so the answerer dates each and computes the interval or the order
(``answer.arithmetic``)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.answer.arithmetic import (asks_order, asks_relative, interval_unit, order_sides, question_parts,
                                         unit_unstated)
from assistant.answer.qtypes import expected_type
from assistant.followup_cues import without_leaders

PAIRED_CUE = "events paired"
"""The cue of a follow-up read as a question about two events of the conversation."""
_HOW_LONG = re.compile(r"(?i)\bhow long\b(?=.*\b(?:between|after|before|apart|later|earlier|since|from|until)\b)")
""""how long after ...", "how long between them": an interval asked without a unit (computed in days)."""
_HOW_FAR_APART = re.compile(r"(?i)\bhow far apart\b")
""""how far apart were they?": an interval, when the conversation's events are times (``_timed``), not places."""
_POINTING = re.compile(r"(?i)^(?:that|this|it|them|they|those|these|the two|both|the two events|each other)$")
"""An event part that only points back: it is one of the conversation's events, not an event of its own."""
_ASKED = re.compile(
    r"(?i)^(?:(?:in|on|at|by|during|around)\s+)?(?:(?:what|which|whats|what's)\s+(?:year|date|day|month|time|decade)|"
    r"when|what|which|who|how long ago)\b\s*"
    r"(?:(?:did|do|does|was|were|is|are|had|has|have|will)\b\s*)?")
"""The asking words of a "when ...?" question ("in which year did", "when was"): what is left names the event."""
_ASKED_NOUN = re.compile(r"(?i)^(?:the\s+)?(?:date|day|year|month|time)\s+(?:when\s+|that\s+|of\s+)?")
"""A fragment naming its event after a time noun ("and the date iran's diplomats were ordered out?")."""


def asked_event(question: str) -> str:
    """The event a question about a time names, without its asking words: "when was the cyberattack on albania?"
    → "the cyberattack on albania"; "in which year did the mek members get accepted?" → "the mek members get
    accepted"."""
    text = without_leaders(question).rstrip(" ?.!")
    text = _ASKED.sub("", text, count=1)
    return _ASKED_NOUN.sub("", text, count=1).strip(" ,")


def _own_events(question: str, interval: bool) -> list[str]:
    """The events the question names itself; a part that only points back ("that", "them") is none."""
    parts = question_parts(question) if interval else order_sides(question)
    return [p for p in parts if not _POINTING.match(p.strip()) and len(p.split()) >= 2]


def _paired(question: str) -> list[str]:
    """The two events an order question names ("which came first, the mek arriving or the cyberattack?"), else
    none."""
    sides = order_sides(question) if asks_order(question) else []
    return sides if len(sides) == 2 else []


def _timed(history: Sequence[str]) -> bool:
    """Whether the last earlier question asks for a time ("when ...?", "what year ...?") or for the order of two
    events: then "how far apart were they?" asks the time between its events, not a distance."""
    last = without_leaders(history[-1]) if history else ""
    return bool(_paired(last) or expected_type(last) == "date")


def interval_followup(question: str, history: Sequence[str]) -> str | None:
    """The standalone question of a follow-up that asks the interval or the order of events it does not name both
    of, the missing ones taken from the last earlier questions (oldest first), or both from an order question just
    asked ("which came first, A or B?" + "how far apart were they?"); None when the question asks no interval or
    order, names two events itself, or the conversation is too short to supply them."""
    text = _HOW_LONG.sub("how much time", without_leaders(question))
    if _HOW_FAR_APART.search(text) and _timed(history):
        text = _HOW_FAR_APART.sub("how much time apart", text)
    unit = interval_unit(text)
    if unit is None and not asks_order(text):
        return None
    own = _own_events(text, unit is not None)
    needed = 2 - len(own)
    paired = _paired(without_leaders(history[-1])) if history and needed == 2 and unit is not None else []
    earlier = paired or ([asked_event(h) for h in history if h.strip()][-needed:] if needed > 0 else [])
    if needed <= 0 or len(earlier) < needed or not all(earlier):
        return None
    first, second = [*earlier, *own]
    if unit is None and asks_relative(text) and len(own) == 1:
        sides = order_sides(text)  # "was that before or after X?": that is the earlier event; "was X ... that?": X
        subject, other = (first, second) if not sides or _POINTING.match(sides[0].strip()) else (second, first)
        return f"Was {subject} before or after {other}?"
    if unit is None:
        return f"Which came first, {first} or {second}?"
    if unit_unstated(text):  # "how long between them?": in days or, for a year alone, in years
        return f"How much time passed between {first} and {second}?"
    return f"How many {unit} passed between {first} and {second}?"
