"""The values a text states, in the forms the support check (``support``) compares: numbers normalised ("1,000",
"two", "2 million"), month names used in dates, (month, year) and (month, number) pairs, booleans."""

from __future__ import annotations

import re

from assistant.answer.claim_rules import NUMBER_WORDS, magnitudes, plain_number
from assistant.terms import STOPWORDS, words

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_MONTHS = {m[:3]: m for m in "january february march april may june july august september october november december".split()}
_MONTH = r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"  # a month name or its abbreviation
_YEAR_NUMBER = r"((?:1[5-9]|20)\d\d)"
YEAR = re.compile(_YEAR_NUMBER)
"""A number that reads as a year (1500-2099), matched whole (``YEAR.fullmatch``)."""
_MONTH_WORD = re.compile(rf"{_MONTH}(?=\s+\d|\s*,?\s+(?:of\s+)?\d{{4}})", re.I)
_MONTH_YEAR = re.compile(
    rf"{_MONTH}\s+(?:\d{{1,2}}(?:st|nd|rd|th)?,?\s+)?(?:of\s+)?{_YEAR_NUMBER}\b|\b{_YEAR_NUMBER}-(0[1-9]|1[0-2])\b", re.I)
_DAY_MONTH_YEAR = re.compile(rf"\b\d{{1,2}}\s+{_MONTH},?\s+{_YEAR_NUMBER}\b", re.I)
_MONTH_NUMBERS = re.compile(rf"{_MONTH},?\s+(?:of\s+)?(\d{{1,4}})(?:st|nd|rd|th)?\b(?:,?\s+(\d{{4}})\b)?", re.I)
_DAY_MONTH = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}", re.I)
ISO_DAY = re.compile(r"\b(\d{4})-(0[1-9]|1[0-2])-(\d{2})\b")
_ISO_MONTH = re.compile(r"\b\d{4}-(0[1-9]|1[0-2])\b")
_MONTH_LIST = tuple(_MONTHS.values())
MONTH_NAMES = frozenset(_MONTH_LIST)
_BOOLEAN = re.compile(r"\b(true|false)\b", re.I)
_PRONOUN_ONE = re.compile(  # after a determiner ("the first one", "which one", "no one"), or before a preposition or
    # a relative pronoun ("has one in Tirana", "the one who"; not "one in three")
    r"\b(?:(?:the|an?|which|each|every|any|another|other)\s+(?:(?!(?:is|was|are|were|be)\b)[a-z]+\s+)?|this\s+|that\s+|no\s+)"
    r"one\b(?![-\w]|\s+of\b)"
    r"|\bone(?=\s+(?:in|at|with|from|who|that|which)\b(?!\s+(?:\d|an?\b|one|two|three|four|five|six|seven|eight|nine|ten)))",
    re.IGNORECASE)


def numbers(text: str) -> frozenset[str]:
    """Numbers in ``text``, normalised ("1,000" → "1000", "two" → "2", "15th" → "15", "2 million" → "2000000");
    "one" standing for a noun counts nothing ("Israel has *one* in Tirana", "the previous *one*")."""
    found = {plain_number(m.group(0)) for m in _NUMBER.finditer(text)}
    counted = _PRONOUN_ONE.sub(lambda m: m.group(0)[:-3], text)
    found |= {NUMBER_WORDS[w] for w in words(counted) if w in NUMBER_WORDS}
    scaled = magnitudes(text)
    found = (found - scaled.keys()) | set(scaled.values())
    return frozenset(found)


def months(text: str) -> frozenset[str]:
    """Month names used in dates ("Sept. 7" → "september", "2016-03" → "march")."""
    found = {_MONTHS[m.group(1).lower()] for m in _MONTH_WORD.finditer(text)}
    found |= {_MONTH_LIST[int(m.group(1)) - 1] for m in _ISO_MONTH.finditer(text)}
    return frozenset(found)


def month_years(text: str) -> frozenset[tuple[str, str]]:
    """The (month, year) pairs of the dates written in ``text`` ("March 2016", "7 March, 2016", "2016-03")."""
    pairs = {(_MONTHS[m.group(1).lower()], m.group(2)) for m in _MONTH_YEAR.finditer(text) if m.group(1)}
    pairs |= {(_MONTH_LIST[int(m.group(4)) - 1], m.group(3)) for m in _MONTH_YEAR.finditer(text) if m.group(3)}
    pairs |= {(_MONTHS[m.group(1).lower()], m.group(2)) for m in _DAY_MONTH_YEAR.finditer(text)}
    return frozenset(pairs)


def dated_numbers(text: str) -> frozenset[tuple[str, str]]:
    """(month, number) for each number written next to a month name: its day or year ("September 7, 2022" →
    ("september", "7"), ("september", "2022"); "7 Sept." and "2022-09-07" the same). A claim's pair is found as a
    pair, so "January 50" is not backed by a span's "January 2004" and a 50 elsewhere."""
    pairs = {(_MONTHS[m.group(1).lower()], n.lstrip("0")) for m in _MONTH_NUMBERS.finditer(text)
             for n in m.groups()[1:] if n}
    pairs |= {(_MONTHS[m.group(2).lower()], m.group(1).lstrip("0")) for m in _DAY_MONTH.finditer(text)}
    pairs |= {(_MONTH_LIST[int(m.group(2)) - 1], n.lstrip("0")) for m in ISO_DAY.finditer(text)
              for n in (m.group(1), m.group(3))}
    return frozenset(pairs) | month_years(text)


def booleans(text: str) -> frozenset[str]:
    """The boolean words ("true", "false") a text states."""
    return frozenset(m.group(1).lower() for m in _BOOLEAN.finditer(text))


_GLUED_VERSION = re.compile(r"(?<![\w.])(?P<name>[A-Za-z]{2,})(?P<version>\d+(?:\.\d+)+)(?![\w.])")


def glued_versions(text: str) -> frozenset[tuple[str, str]]:
    """Names and version numbers written together ("python3.10" is Python 3.10): (name, lower case; number)."""
    return frozenset((m["name"].lower(), m["version"]) for m in _GLUED_VERSION.finditer(text))


_APPROX = frozenset({"about", "around", "approximately", "roughly", "nearly", "almost", "over", "some", "exactly"})
_NAMED_NUMBER = re.compile(r"\b([A-Z][\w-]*) \d+(?:\.\d+)*\b")  # "Ashraf 3", "Debian 2.2": a name, not a quantity
NAMED_RELEASE = re.compile(r"\b[A-Z][\w-]* \d+\.\d+(?:\.\d+)*\b")  # "Flask 2.2", "Debian 2.2": a release


def without_named_numbers(text: str) -> str:
    """Text without numbers that are part of a name ("Ashraf 3"; not "In 2014", "About 8", "November 2007")."""
    return _NAMED_NUMBER.sub(lambda m: m.group(0) if m.group(1).lower() in STOPWORDS | _APPROX | MONTH_NAMES
                             else " ", text)
