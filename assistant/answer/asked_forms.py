"""The value a question asks the guard to see (``asked_value``), and forms other than a date or a name in which a
sentence gives the time or place asked for.

The guard holds back a sentence without the value a "when" or "where" question asks for (``asked_value``)
until one kept sentence has given it. Two plain answers carry no date and no capitalised name:

- ``gives_condition``: "When does the licence terminate?" asks, in the present tense or with a modal, under what
  condition something happens, and "... terminates as of the date the litigation is filed", "if a warning occurs",
  "once the build finishes" answer it with a clause, not a calendar date. A past-tense "When did ...?" still asks
  for a date; "Since when ...?" is answered by the event it began with ("Since reestablishing relations ...").
- ``main_question``: "When X happens, where does Y go?" asks "where"; the opening clause only sets the scene, as a
  topic named before a dash, colon or comma does ("the big hack - what date did it hit?").
- ``gives_file_place``: "Where does the original content go?" is answered by a file named by its suffix (".old"),
  a file name ("apt.conf") or the words for a place in a file system ("a file", "the current directory").
- ``gives_grain``: "Which month ...?" is not answered by a year alone, "which day ...?" by a month alone, "which
  century ...?" or "which decade ...?" by a year (``asked_grain``).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from assistant.answer.qtypes import COUNT_NOUNS
from assistant.answer.text_values import dated_numbers, months

if TYPE_CHECKING:
    from assistant.answer.qtypes import AnswerType

_ASKS_DATE = re.compile(r"^\W*(?:when(?!\s+(?:and|or)\s+(?:how|why)\b)|since (?:\w+ )?when|"  # "since roughly when"
                        r"(?:in |on |during )?(?:\w+ly )?"  # "in roughly which century ...?"
                        r"(?:what|which) (?:(?:is|was|are|were) the )?"  # "what was the date ...?"
                        r"(?:year|date|day|month|season|decade|century))\b",
                        re.IGNORECASE)
_GRAIN = re.compile(r"^\W*(?:(?:in|on|during|since|by|until|from) )?(?:\w+ly )?(?:what|which) "
                    r"(?:(?:is|was|are|were) the )?(?P<grain>month|day|decade|century)\b", re.IGNORECASE)
_GRAIN_GIVEN = {  # how a sentence gives the time at that grain (general English)
    "decade": re.compile(r"\b(?:1[5-9]|20)?\d0['’]?s\b|\bdecades?\b", re.IGNORECASE),
    "century": re.compile(r"\bcentur(?:y|ies)\b|\b\d{1,2}(?:st|nd|rd|th)\b|\b(?:BC|BCE|AD)\b", re.IGNORECASE),
}
_WEEKDAY = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", re.IGNORECASE)
_ASKS_QUANTITY = re.compile(r"\bhow (?:many|much|long|old|far)\b", re.IGNORECASE)
_ASKS_SIZE = re.compile(r"\bhow (?:big|large|small|tall|high|wide|heavy|deep|often|fast)\b", re.IGNORECASE)
_ASKS_MEASURE = re.compile(  # "What's the maximum size in bytes ...": a quantity, though no "how many" asks it
    r"^\W*(?:what(?:'s|’s|s| is| are)?|which)\s+(?:the\s+)?(?:max(?:imum)?|min(?:imum)?|largest|smallest|biggest|"
    r"highest|lowest|default)\s+(?:\w+\s+)?(?:size|length|number|count|limit|amount)\b", re.IGNORECASE)
_ASKS_PLACE = re.compile(r"^\W*where\b", re.IGNORECASE)
ASKS_COUNT = re.compile(  # "count of states that ...?", "what's the number of members ...?": how many, by a noun
    r"^\W*(?:what(?:'s|’s|s| is| was| are| were)?\s+(?:the\s+)?)?(?:total\s+)?"
    rf"(?:number|{'|'.join(sorted(COUNT_NOUNS))})\s+of\s+(?:the\s+)?([a-z]+)", re.IGNORECASE)
"""A count asked by a noun opening the question; group 1: the word after "of" (what is counted)."""
_ASKS_CIRCUMSTANCE = re.compile(r"\b(?:under|in) (?:what|which) (?:circumstances?|conditions?|situations?|cases?)\b",
                                re.IGNORECASE)

_ASKS_CONDITION = re.compile(
    r"^\W*(?:when\s+(?:does|do|is|are|can|could|should|must|will|would|may|might|shall)|since (?:\w+ )?when)\b",
    re.IGNORECASE)
_CONDITION = re.compile(
    r"\b(?:if|when|whenever|once|unless|until|after|before|since|while|during|upon|as soon as|as of|as long as|"
    r"each time|every time|at (?:the )?(?:time|moment|start|end|beginning)|in case|"
    r"(?:situations?|cases?|circumstances?) (?:where|in which))\b", re.IGNORECASE)
_FILE_PLACE = re.compile(
    r"(?<![\w.])\.[A-Za-z][\w-]{0,15}\b"  # a suffix or a dot file: ".old", ".htaccess"
    r"|\b[\w-]{2,}\.[a-z]{1,5}\b(?!\.\w)"  # a file name: "apt.conf", "sources.list"
    r"|\b(?:file|files|directory|directories|folder|folders|subdirectory)\b", re.IGNORECASE)


_WH = r"(?:what|where|who|whom|which|how|why|when)\b"
_OPENING_CLAUSE = re.compile(rf"^\W*(?:when|if|once|after|before|while)\b[^,?]*,\s*(?={_WH})", re.IGNORECASE)
# A topic named before the question that asks about it: "the big hack on albania - what date did it hit?",
# "apt pinning: how does it work?" (no question word before the dash, colon or comma)
_TOPIC_LEAD = re.compile(rf"^(?:(?!\b(?:what|where|who|how|why|when|which))[^?])*?(?:\s[-–—]|:|,)\s*(?={_WH})",
                         re.IGNORECASE)  # no question word before it, not even "whats"


def main_question(question: str) -> str:
    """The question without a clause that opens it and sets a scene ("When ssh-keygen -H hashes a file, where does
    the original go?" asks "where", not "when") or a topic named before it ("the big hack - what date did it hit?"
    asks "what date")."""
    return _TOPIC_LEAD.sub("", _OPENING_CLAUSE.sub("", question, count=1), count=1)


def asks_condition(question: str) -> bool:
    """Whether a "when" question asks under what condition something happens (present tense or a modal: "When does
    ...", "When should ...") or since what event ("Since when ..."), not on what date something happened ("When did
    ...")."""
    return bool(_ASKS_CONDITION.match(question))


def asks_circumstance(question: str) -> bool:
    """Whether a question asks under what circumstances or conditions something happens: a noun phrase alone
    ("The United States.") names no circumstance."""
    return bool(_ASKS_CIRCUMSTANCE.search(question))


def gives_condition(sentence: str) -> bool:
    """Whether a sentence states when something happens by a clause: "if ...", "once ...", "since ...", "as of ..."."""
    return bool(_CONDITION.search(sentence))


def gives_file_place(sentence: str) -> bool:
    """Whether a sentence names a place in a file system without a path: a suffix or dot file, a file name, or the
    words "file", "directory", "folder"."""
    return bool(_FILE_PLACE.search(sentence))


def asked_value(question: str, kind: AnswerType) -> AnswerType | None:
    """The kind of value a sentence must carry until one kept sentence has: a date for "When ..." (not for "When and
    how ...", which may be answered in words), a quantity for "How many ...", "Count of ...", "How big ..." or
    "What's the maximum size ...", a name or path for "Where ..."; None for other questions."""
    if kind == "date" and _ASKS_DATE.search(question):
        return "date"
    if kind == "number" and (_ASKS_QUANTITY.search(question) or ASKS_COUNT.match(question)) or (
            _ASKS_MEASURE.search(question) or _ASKS_SIZE.search(question)):
        return "number"
    return "place" if _ASKS_PLACE.search(question) else None


def which_asked(prepositions: str) -> re.Pattern[str]:
    """The "which/what X" phrase of a question, opening it (after at most one word: "In what country ...") or after
    one of ``prepositions`` inside it ("... via which country?"); group 1: the (up to) three words after it."""
    return re.compile(rf"(?:^\W*(?:\w+\s+)?|\b(?:{prepositions})\s+)(?:which|what)\s+((?:[\w'’-]+\s*){{1,3}})",
                      re.IGNORECASE)


def asked_grain(question: str) -> str | None:
    """The grain of time a "which/what month|day|decade|century ...?" question asks for, else None."""
    found = _GRAIN.search(question)
    return found["grain"].lower() if found else None


def gives_grain(sentence: str, grain: str | None) -> bool:
    """Whether a sentence gives a time at the grain asked: a month's name for "month", a month with a day (or a
    weekday) for "day", a decade ("the 1980s") or a century ("the 5th century BC") as written."""
    if grain == "month":
        return bool(months(sentence))
    if grain == "day":
        return any(len(n) <= 2 for _, n in dated_numbers(sentence)) or bool(_WEEKDAY.search(sentence))
    return grain is None or bool(_GRAIN_GIVEN[grain].search(sentence))
