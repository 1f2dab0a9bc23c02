"""Where in a document a question points: the n-th item of an enumeration ("the first lesson", "takeaway #2",
"the last reason") or the document's opening or closing part ("the intro", "according to the conclusion").

Both are logical rules, not weighed signs: when the question names such a place and a candidate sentence sits
there, that sentence leads the answer (like the sentence that spells out an asked-for acronym).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

Place = Literal["start", "end"]

_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "last": -1, "final": -1}
_NUMBERED = {"1": 1, "2": 2, "3": 3, "4": 4, "5": 5, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5}
# an ordinal adjective before a noun ("the second reason"), or "#2" / "number two" after one ("takeaway #2")
_ASKS_ORDINAL = re.compile(
    r"\b(?P<word>first|second|third|fourth|fifth|last|final)\s+(?:(?:main|key|big|major|important|critical)\s+)?"
    r"(?P<noun>[a-z]+s?)\b|\b(?P<before>[a-z]+)\s+(?:#\s?|number\s+|no\.\s?)(?P<num>[1-5]|one|two|three|four|five)\b",
    re.IGNORECASE)
# nouns an ordinal names an item of an enumeration with; "the first time", "the first Persian Empire" are not
_ITEM_NOUNS = frozenset(
    "lesson lessons point points reason reasons takeaway takeaways step steps item items factor factors issue "
    "issues argument arguments principle principles rule rules option options way ways implication implications "
    "condition conditions consequence consequences goal goals aim aims recommendation recommendations one thing things"
    .split())
_OPENS_ORDINAL = re.compile(
    r"^\s*(?:(?P<word>first|second|third|fourth|fifth)(?:ly)?\b|(?P<last>finally|lastly)\b|"
    r"(?P<num>[1-5])[.)]\s)", re.IGNORECASE)
_ASKS_START = re.compile(r"\b(?:intro|introduction|opening (?:paragraph|para|section|lines?)|beginning of the "
                         r"(?:article|text|document|piece))\b", re.IGNORECASE)
TEXT_NOUNS = r"(?:article|text|document|piece|post|page|blog|essay|story|report)"
"""Nouns by which a question names the document itself (a regex group)."""
_ASKS_END = re.compile(r"\b(?:conclusion|concluding (?:paragraph|para|section|remarks)|"
                       r"closing (?:paragraph|para|section|lines?)|"
                       rf"(?:very )?end of the {TEXT_NOUNS}|bottom of the {TEXT_NOUNS}|wrap-?up|"
                       rf"{TEXT_NOUNS} (?:ends|finishes|closes) "
                       r"(?:with|by|on)|at the (?:very )?(?:end|bottom)(?!\s+of))\b", re.IGNORECASE)


@dataclass(frozen=True)
class ItemAsked:
    """An enumeration item a question asks for: its number (-1: the last), the noun naming the items ("lesson")
    and the ordinal word ("first"; None for "#1"), which says where, not what."""

    number: int
    noun: str
    word: str | None


def asked_item(question: str) -> ItemAsked | None:
    """The enumeration item the question asks for ("the second reason", "takeaway #1"), or None."""
    for match in _ASKS_ORDINAL.finditer(question):
        if match.group("num"):
            return ItemAsked(_NUMBERED[match.group("num").lower()], match.group("before").lower(), None)
        if match.group("noun").lower() in _ITEM_NOUNS:
            word = match.group("word").lower()
            return ItemAsked(_ORDINALS[word], match.group("noun").lower(), word)
    return None


def sentence_ordinal(sentence: str) -> int | None:
    """The item number a sentence opens with ("Firstly, ..." 1; "Secondly" 2; "Finally, ..." -1), or None."""
    match = _OPENS_ORDINAL.match(sentence)
    if not match:
        return None
    if match.group("word"):
        return _ORDINALS[match.group("word").lower()]
    return -1 if match.group("last") else int(match.group("num"))


def asked_place(question: str) -> Place | None:
    """Whether the question points at the document's opening ("start") or closing ("end") part."""
    if _ASKS_START.search(question):
        return "start"
    if _ASKS_END.search(question):
        return "end"
    return None
