"""A follow-up that moves in time from a date the conversation named: "and the day after?" following "what happened
on September 7, 2022?" asks what happened on September 8, 2022; "the year before?" after a question about 2014
asks about 2013. The shifted date is searched for, written the way the earlier question wrote its date. A question
that says the time inside it ("what's the image people remember from *the day after*?", "what was the backdrop *at
the time*?") is asked of that date written out, and so is its "then" or "that year" (``dated_then``).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Sequence
from datetime import date, timedelta

from assistant.answer.arithmetic import DatedValue, find_dates
from assistant.answer.claim_rules import NUMBER_WORDS

_LEAD = r"^\W*(?:(?:and|so|ok|okay|then|what about|how about)\W+)*(?:what happened\s+)?(?:(?:on|in)\s+)?"
_SHIFT = re.compile(
    _LEAD + r"(?:the\s+)?(?:(?P<count>a|an|one|two|three|four|five|\d+)\s+)?(?P<unit>day|week|month|year)s?\s+"
    r"(?P<way>after|before|later|earlier|prior)(?:\s+that)?\W*$"
    r"|" + _LEAD + r"the\s+(?P<way2>next|following|previous|preceding)\s+(?P<unit2>day|week|month|year)\W*$",
    re.IGNORECASE)
_FORWARD = frozenset({"after", "later", "next", "following"})
# "by then", "then", and a time named by "that" ("that year", "in that day"), which points back as "then" does
_THEN = re.compile(r"(?i)\b(?:(by|until|till|since|before|after|back)\s+)?(?:then|(?:(?:in|on|at|during)\s+)?that\s+"
                   r"(?:day|week|month|year|season|summer|winter|spring|autumn|time))\b")
_WITHIN_END = r"(?=\s*(?:[?,.!;:]|$|(?:and|or|but|what|which|who|when|where|why|how)\b))"
_WITHIN = re.compile(
    r"\b(?:(?:on|in|from|during|of)\s+)?the\s+(?:(?P<count>one|two|three|\d+)\s+)?(?P<unit>day|week|month|year)s?\s+"
    r"(?P<way>after|before|later|earlier|prior)(?:\s+that)?" + _WITHIN_END +
    r"|\b(?:(?:on|in|from|during|of)\s+)?the\s+(?P<way2>next|following|previous|preceding)\s+(?P<unit2>day|week|"
    r"month|year)" + _WITHIN_END +
    r"|\b(?P<same>at\s+(?:the|that)\s+time|back\s+then)" + _WITHIN_END,
    re.IGNORECASE)
"""A time said inside a longer question, relative to one the conversation named, where its clause ends: "the day
after", "the following year", "at the time" (not "the day after the attack", "at the time of the attack", "the day
after rama spoke": those name their own)."""


def shifted_date_question(
    question: str, history: Sequence[str], answer: Callable[[], str] | None = None,
) -> str | None:
    """"What happened on <the date moved>?" for a follow-up that only moves in time ("and the day after?", "the
    following year?", "two weeks later?"), from the last date the history names, else the first the previous
    answer gives (``answer()``: "When did Rama announce the break?" + "what happened the next day?"); None when
    the follow-up asks more than that, or no date precise enough to move by that unit was named."""
    match = _SHIFT.match(question.strip())
    if not match:
        return None
    unit, steps = _shift(match)
    named = _named_date(history, answer, lambda d: d.has_day or unit == "year")  # a bare year moves by years only
    return f"What happened {_on(named, _moved(named.value, unit, steps), unit)}?" if named else None


def dated_in_question(
    question: str, history: Sequence[str], answer: Callable[[], str] | None = None,
) -> str | None:
    """``question`` with the time it says relative to the conversation ("the day after", "at the time") written as
    a date, from the last date the history names, else the first the previous answer gives; None when it says no
    such time or no date precise enough was named. A question that is only such a time is
    ``shifted_date_question``'s."""
    match = _WITHIN.search(question)
    if not match or _SHIFT.match(question.strip()):
        return None
    same = bool(match.group("same"))  # "at the time": the date itself
    unit, steps = ("day", 0) if same else _shift(match)
    named = _named_date(history, answer, lambda d: same or d.has_day or unit == "year")
    if named is None:
        return None
    if same:  # as precise as it was named (a month alone reads as its year: ``find_dates``)
        unit = "day" if named.has_day else "year"
    written = _on(named, _moved(named.value, unit, steps), unit)
    text = f"{question[:match.start()].rstrip()} {written} {question[match.end():].lstrip()}".strip()
    return re.sub(r"\s+([?.,;!])", r"\1", text)


def _shift(match: re.Match[str]) -> tuple[str, int]:
    """The unit and the signed number of units a matched move in time says ("two weeks later": week, +2)."""
    unit = (match.group("unit") or match.group("unit2")).lower()
    way = (match.group("way") or match.group("way2")).lower()
    raw = (match.group("count") or "1").lower()
    count = 1 if raw in ("a", "an") else int(NUMBER_WORDS.get(raw, raw))
    return unit, count if way in _FORWARD else -count


def _named_date(history: Sequence[str], answer: Callable[[], str] | None,
                precise: Callable[[DatedValue], bool]) -> DatedValue | None:
    """The last date with a year the history names that is ``precise`` enough, else the first the previous answer
    gives (``answer()``, asked for only then)."""
    def movable(text: str) -> list[DatedValue]:
        return [d for d in find_dates(text) if d.has_year and precise(d)]

    named = next((dated[-1] for earlier in reversed(history) if (dated := movable(earlier))), None)
    if named is None and answer is not None:
        named = next(iter(movable(answer())), None)
    return named


def _moved(value: date, unit: str, steps: int) -> date:
    """The date ``steps`` units from ``value`` (a month's day kept where the month has it)."""
    if unit in ("day", "week"):
        return value + timedelta(days=steps * (7 if unit == "week" else 1))
    months = value.year * 12 + value.month - 1 + (steps if unit == "month" else 12 * steps)
    year, month = divmod(months, 12)
    return value.replace(year=year, month=month + 1, day=min(value.day, calendar.monthrange(year, month + 1)[1]))


def _on(when: DatedValue, value: date, unit: str) -> str:
    """The moved date ``value`` after its preposition, written as the earlier date ``when`` was: "on September 8,
    2022" or "on 8 September 2022" for a day; "in October 2022" for a month; "in 2013" for a year."""
    if unit == "year":
        return f"in {value.year}"
    if unit == "month":
        return f"in {calendar.month_name[value.month]} {value.year}"
    day_first = when.text[:1].isdigit()
    month = calendar.month_name[value.month]
    return f"on {value.day} {month} {value.year}" if day_first else f"on {month} {value.day}, {value.year}"


def dated_then(text: str, date: str) -> str:
    """ "How long had he been PM by then?" after a question dated September 7, 2022: the last "then" is that date
    ("by September 7, 2022"); a bare "then", or "that year", is "on" it ("in" a bare year)."""
    found = list(_THEN.finditer(text))
    if not found:
        return text
    last = found[-1]
    lead = last.group(1) or ("in" if re.fullmatch(r"\d{4}", date) else "on")
    return f"{text[:last.start()]}{lead} {date}{text[last.end():]}"
