"""Deterministic date arithmetic from two cited dates: "how many days/years between A and B", "which came first, A
or B?"."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from assistant.answer.qtypes import DATE

_ASKS_INTERVAL = re.compile(
    r"\bhow (?:many|much) (?P<unit>days|weeks|months|years|yrs|time)\b.*\b(?:between|after|before|from|since|until|passed|"
    r"elapsed|separated?|later|earlier|apart)\b",
    re.IGNORECASE,
)
_SPLIT = re.compile(  # "A vs B - how many days apart?": "vs" parts the events, "apart" ends them
    r"\b(?:between|and|after|before|from|until|since|than|did|does|do|was|were|had|has|is|are|vs|versus|apart)\b",
    re.IGNORECASE)
# "which came first, A or B?", "what happened earlier: A or B", "was A before or after B?": the order of two events
_RELATIVE = re.compile(r"\b(?:before or after|earlier or later)\b", re.IGNORECASE)  # "was A before or after B?"
# A year the asker compares against ("did albania recognise israel before or after 1950?"): a point of reference
# of an either-or question, not a fact the documents must state
_COMPARED_YEAR = re.compile(r"\b(?:before or after|after or before|(?:earlier|sooner) or later than|later or "
                            r"(?:earlier|sooner) than)\s+(?:the year\s+)?(?:1[5-9]|20)\d{2}\b", re.IGNORECASE)
_ASKS_ORDER = re.compile(r"\b(?:which|what)(?: one| event| of (?:those|these|them|the two)(?: two| events?)?)? "
                         r"(?:came|comes|happened|occurred|was) "
                         rf"(?:first|earlier|sooner)\b|{_RELATIVE.pattern}", re.IGNORECASE)
_ORDER_SIDES = (
    re.compile(r"\b(?:first|earlier|sooner)\b\W*(?P<a>.+?)\s+or\s+(?P<b>[^?]+)", re.IGNORECASE),
    re.compile(r"^\W*(?:was|were|is|did|does|do|had|has)\s+(?P<a>.+?)\s+(?:come\s+|happen\s+)?(?:before or after|"
               r"earlier or later)\s+(?P<b>[^?]+)", re.IGNORECASE),
)
# Words for a saying: an event that is itself a remark is dated by when it was told ("the diplomat's comment")
_TELLING = re.compile(r"\b(?:said|say|says|told|tell|comments?|remarks?|statements?|quotes?|quoted|words)\b",
                      re.IGNORECASE)
_OPENS_EVENT = re.compile(r"\b(?:between|after|before|since|from|until)\b", re.IGNORECASE)
_EARLIER_YEAR = re.compile(r"\b(?:this|that|that same|the same)\s+year\b", re.IGNORECASE)
_SAYS = r"\b(?:told|said|says|wrote|writes|stated|reported|noted|remarked|explained|commented|recalled)\b"
_STATEMENT_DATE_BEFORE = re.compile(_SAYS + r"[^.;\"“”]{0,40}\b(?:in|on)\s+$", re.IGNORECASE)
_FORMATS = ("%Y-%m-%d", "%B %d, %Y", "%B %d %Y", "%b %d, %Y", "%b %d %Y", "%d %B %Y", "%B %d", "%b %d", "%Y")


@dataclass(frozen=True)
class DatedValue:
    """A date found in text, with the words as written and how precise it is."""

    text: str
    value: date
    has_day: bool
    has_year: bool


def interval_unit(question: str) -> str | None:
    """The unit an interval question asks in ("days", "years", ...), or None when it asks no interval."""
    match = _ASKS_INTERVAL.search(question)
    if not match:
        return None
    unit = match.group("unit").lower()
    return {"time": "days", "yrs": "years"}.get(unit, unit)


def unit_unstated(question: str) -> bool:
    """Whether an interval question asks "how much time" in no unit: counted in days when both dates give a day,
    else in years ("how much time between 2014 and July 15, 2022?": 8 years)."""
    match = _ASKS_INTERVAL.search(question)
    return bool(match) and match.group("unit").lower() == "time"


def question_parts(question: str) -> list[str]:
    """The event descriptions an interval question compares (the text around between/and/after...); what comes
    before the first word that opens an event ("did albania *wait* after A before B", "did the keeper wait between A
    and B") says what the interval is, when two events follow it."""
    body = _ASKS_INTERVAL.sub(lambda m: m.group(0).split(" ", 3)[-1], question)
    opened = _OPENS_EVENT.search(body)
    if opened:
        events = _split_parts(body[opened.start():])
        if len(events) >= 2:
            return events
    return _split_parts(body)


def _split_parts(text: str) -> list[str]:
    return [p.strip(" ?,.:;-–—") for p in _SPLIT.split(text) if len(p.strip(" ?,.:;-–—").split()) >= 2]


def asks_order(question: str) -> bool:
    """Whether the question asks which of two events came first ("which came first?", "before or after ...")."""
    return bool(_ASKS_ORDER.search(question))


def without_compared_year(question: str) -> str:
    """The question less a year it compares against ("... before or after 1950?"), which it need not find stated."""
    return _COMPARED_YEAR.sub(" ", question)


def asks_relative(question: str) -> bool:
    """Whether an order question asks where its first event lies against the second ("was A before or after B?"),
    which the answer says first ("After: ..."), rather than which of the two came first."""
    return bool(_RELATIVE.search(question))


def order_sides(question: str) -> list[str]:
    """The two sides of an order question as written, however short ("was *that* before or after *the hack*?");
    [] when it asks no order or names no sides."""
    if not asks_order(question):
        return []
    for pattern in _ORDER_SIDES:
        match = pattern.search(question)
        if match:
            return [match.group("a").strip(" ,:;.-"), match.group("b").strip(" ,:;.-")]
    return []


def order_parts(question: str) -> list[str]:
    """The two events an order question compares ("which came first, the hack or the break in ties?": "the hack",
    "the break in ties"); [] when the question asks no order of two named events."""
    parts = order_sides(question)
    return parts if parts and all(len(p.split()) >= 2 for p in parts) else []


def told_apart(a: DatedValue, b: DatedValue) -> int:
    """1 when the two dates say which came first (different years, or different days of one year), else 0."""
    if a.has_year and b.has_year and a.value.year != b.value.year:
        return 1
    return int(a.has_day and b.has_day and a.value != b.value)


def order_phrase(parts: list[str], a: DatedValue, b: DatedValue, relative: bool = False) -> str:
    """The computed answer to an order question (``a`` dates ``parts[0]``, ``b`` dates ``parts[1]``); ``{0}`` and
    ``{1}`` stand for the citation markers of the earlier and the later date. ``relative``: the question asks where
    ``parts[0]`` lies against ``parts[1]`` (``asks_relative``), so the answer opens with "Before:" or "After:"."""
    (first, early), (then, late) = sorted(zip(parts, (a, b)), key=lambda p: p[1].value)
    lead = ("Before: " if a.value < b.value else "After: ") if relative else ""
    return (f"{lead}{first[:1].upper()}{first[1:]} came first ({early.text} [{{0}}]), then {then} ({late.text} "
            f"[{{1}}]) (ordered by the cited dates).")


def find_dates(text: str) -> list[DatedValue]:
    """Every parseable date in text, in order."""
    out = []
    for match in DATE.finditer(text):
        raw = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", match.group(0)).replace(".", "")
        for fmt in _FORMATS:
            try:
                parsed = datetime.strptime(raw, fmt)
            except ValueError:
                continue
            out.append(DatedValue(match.group(0), parsed.date(), "%d" in fmt, "%Y" in fmt))
            break
    return out


def event_dates(text: str, event: str = "") -> list[DatedValue]:
    """The dates in text that may date what it reports: a date that dates the telling ("as a diplomat told the
    Times in 2023, ...", "she said on May 4") is left out, unless the ``event`` asked about is a saying ("the
    diplomat's comment")."""
    if _TELLING.search(event):
        return find_dates(text)
    told = {m.group(0) for m in DATE.finditer(text) if _STATEMENT_DATE_BEFORE.search(text[:m.start()])}
    return [d for d in find_dates(text) if d.text not in told]


def refers_to_earlier_year(text: str) -> bool:
    """Whether a sentence dates its event by pointing back ("It was in this year that ...", "that same year")
    and names no date of its own."""
    return bool(_EARLIER_YEAR.search(text)) and not find_dates(text)


def same_day(a: DatedValue, b: DatedValue) -> bool:
    """Whether two dates can be the same day (a missing year or day matches anything)."""
    if a.has_year and b.has_year and a.value.year != b.value.year:
        return False
    if a.has_day and b.has_day and (a.value.month, a.value.day) != (b.value.month, b.value.day):
        return False
    return a.has_day == b.has_day or a.value.month == b.value.month or not (a.has_day or b.has_day)


def difference(a: DatedValue, b: DatedValue, unit: str) -> int | None:
    """Whole units between two dates; a missing year is borrowed from the other date; None if too vague."""
    if unit in ("days", "weeks") and not (a.has_day and b.has_day):
        return None
    if not a.has_year and not b.has_year:
        return None
    first = a.value if a.has_year else a.value.replace(year=b.value.year)
    second = b.value if b.has_year else b.value.replace(year=a.value.year)
    if unit == "years":
        return abs(second.year - first.year)
    days = abs((second - first).days)
    if unit == "weeks":
        return days // 7
    if unit == "months":
        return abs((second.year - first.year) * 12 + second.month - first.month)
    return days


def gap(a: DatedValue, b: DatedValue, units: list[str | None]) -> tuple[int | None, str | None]:
    """The interval between two dates in the first of ``units`` that they are precise enough for, with that unit
    (a unit of None: the order, ``told_apart``); (None, None) when too vague for all."""
    for unit in units:
        count = difference(a, b, unit) if unit else told_apart(a, b)
        if count is not None:
            return count, unit
    return None, None


def phrase(count: int, unit: str, a: DatedValue, b: DatedValue) -> str:
    """The computed answer sentence; ``{0}`` and ``{1}`` stand for the two citation markers."""
    first, second = sorted((a, b), key=lambda d: d.value)
    word = unit if count != 1 else unit.rstrip("s")
    return f"{count} {word} passed between {first.text} [{{0}}] and {second.text} [{{1}}] (computed from the cited dates)."
