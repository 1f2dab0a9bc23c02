"""Values in every form: numbers written as words ("fourteen", "twenty-six"), ordinals, approximations and
ranges count as numbers; dates written out ("the fifteenth of July") count as dates."""

from __future__ import annotations

import re

_UNITS = "one|two|three|four|five|six|seven|eight|nine"
_TEENS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_ORDINALS = ("first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|"
             "fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth")
NUMBER_WORDS = re.compile(
    rf"\b(?:(?:{_TENS})(?:[- ](?:{_UNITS}))?|{_TEENS}|{_UNITS}|hundred|thousand|million|billion|dozens?|"
    rf"a couple of|several hundred|hundreds|thousands|millions|half|twice|once|single|both|(?:{_ORDINALS}))\b",
    re.IGNORECASE)
DIGITS = re.compile(r"(?<![\w.])\d[\d,.]*(?:\s*(?:%|percent|kb|mb|gb|bytes?|bits?))?\b", re.IGNORECASE)
_DATE_SHAPES = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{4}\b"
    r"|\b\d{4}\s*(?:-|–|to)\s*\d{2,4}\b"
    rf"|\bthe (?:{_ORDINALS}|\d{{1,2}}(?:st|nd|rd|th)) of (?:January|February|March|April|May|June|July|August|"
    r"September|October|November|December)\b", re.IGNORECASE)


# A number that points elsewhere rather than counting or measuring: "Section 12.4", "chapter 3", "Table 2", a footnote
# mark "[7]", a manual page's section "resolver(3)".
_REFERENCE = re.compile(r"\b(?:sections?|chapters?|appendix|figures?|fig\.|tables?|steps?|pages?|pp?\.|footnotes?|"
                        r"parts?|items?)\s+\d[\d.]*|§\s*\d[\d.]*|\[\d+\]|(?<=\w)\(\d\w?\)", re.IGNORECASE)


def without_references(text: str) -> str:
    """The text with its cross-references blanked out: their numbers state no quantity."""
    return _REFERENCE.sub(" ", text)


def has_number_value(text: str) -> bool:
    """Whether the text states a quantity: digits (not only a year or a cross-reference) or a number word."""
    return bool(DIGITS.search(_without_years(text)) or NUMBER_WORDS.search(text))


def _without_years(text: str) -> str:
    """``text`` without cross-references and four-digit years, whose digits state no quantity."""
    return re.sub(r"\b(?:1[5-9]|20)\d{2}\b", " ", without_references(text))


def _numbers(text: str) -> set[str]:
    """The quantities ``has_number_value`` reads in ``text``: digits (without their unit) and number words."""
    digits = {re.sub(r"[^\d.]", "", m.group(0)).strip(".") for m in DIGITS.finditer(_without_years(text))}
    return digits | {m.group(0).lower() for m in NUMBER_WORDS.finditer(text)}


def states_other_number(text: str, question: str) -> bool:
    """Whether ``text`` states a quantity the question does not state itself: the "3" of "Ashraf 3" answers no "how
    big is Ashraf 3?"."""
    return bool(_numbers(text) - _numbers(question))


def has_written_date(text: str) -> bool:
    """Dates in forms the plain patterns miss: "July 1887", "1998-2003", "the fifteenth of July"."""
    return bool(_DATE_SHAPES.search(text))


_PAGE_REFERENCE = re.compile(r"[\w.:+-]+\(\d\w*\)")  # "gzip(1)", "apt.conf(5)": a manual page named


def lists_pages(text: str) -> bool:
    """Whether a sentence is a list of manual pages ("SEE ALSO bzip2(1), compress(1), gzip(1), ..."): three or more
    named, and they take most of its words. It points elsewhere; it answers nothing."""
    named = _PAGE_REFERENCE.findall(text)
    return len(named) >= 3 and 2 * len(named) >= len(text.split())
