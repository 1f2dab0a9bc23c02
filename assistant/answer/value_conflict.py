"""A value the question takes for granted that the passages state otherwise.

"How do I pass -b to ssh-keygen to create a 2048-bit DSA key?" against "DSA keys must be exactly 1024 bits", or
"Why does SQLite cut my strings down to 50 characters?" against "SQLite allows you to store a 2000-character
string": the question states an amount in a unit, and a passage about the same thing states another amount in that
unit and never the question's. A yes/no question ("Can I make a 4096-bit key?") asks about its value rather than
taking it for granted, so it states no such premise. A how-to question ("How do I make a 4096-bit RSA key?") meets
a passage that names a default or a minimum ("the default is 3072 bits") without conflict: only a passage that
states its amount as the only one ("must be exactly", "only", "fixed") denies it, unless the question asks why.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.answer.matching import sentence_stems, term_match
from assistant.answer.premise import LEAD
from assistant.answer.qtypes import asks_yes_no
from assistant.answer.text_values import YEAR
from assistant.terms import STOPWORDS, stem

_UNIT = (r"bits?|bytes?|characters?|chars?|seconds?|secs?|minutes?|mins?|hours?|days?|weeks?|months?|years?|decades?|"
         r"centur(?:y|ies)|kb|mb|gb|"
         r"kib|mib|gib|%|percent|lines?|columns?|digits?|times|entries|entry|rows?|items?|files?|levels?")
_MEASURE = re.compile(rf"(?:{_UNIT})", re.IGNORECASE)
_AMOUNT = re.compile(rf"(?<![\w.])(\d[\d,]*)\s*-?\s*({_UNIT})\b", re.IGNORECASE)
_COUNTED = re.compile(r"(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+)\s+(?:[a-z-]+\s+){0,2}?([a-z]{3,}s)\b", re.IGNORECASE)
_SAME_UNIT = {"char": "character", "sec": "second", "min": "minute", "percent": "%", "entrie": "entry",
              "centurie": "century"}
_ONLY_AMOUNT = re.compile(r"\b(?:exactly|only|fixed|always|must be|has to be|is limited to)\b", re.IGNORECASE)
_ASKS_WHY = re.compile(LEAD + r"(?:why|how come)\b", re.IGNORECASE)  # premise.LEAD: a conversational opener
_LEADING_CLAUSE = re.compile(r"^\W*(?P<clause>[^?,;]{3,80}),\s*(?:which|what|who|whom|whose|when|where|why|how)\b",
                             re.IGNORECASE)
"""A clause set before the question's wh-word ("After 30 years of isolation, which country ...?"): what it states
the question takes for granted, as a why-question does."""


def is_measure(unit: str) -> bool:
    """Whether a unit of ``amounts`` is a measure (a time, a size, a share, lines...), not a noun counted."""
    return bool(_MEASURE.fullmatch(unit))


def amounts(text: str) -> set[tuple[str, str]]:
    """The (number, unit) amounts a text states: "2048-bit" and "2048 bits" are both ("2048", "bit"); a count of
    things, "3,000 members" or "30,000 mek members", is ("3000", the stem of the plural noun counted)."""
    found = set()
    measured = set()
    for match in _AMOUNT.finditer(text):
        number, unit = match.group(1), match.group(2).lower()
        unit = unit[:-1] if len(unit) > 2 and unit.endswith("s") else unit
        found.add((number.replace(",", ""), _SAME_UNIT.get(unit, unit)))
        measured.add(match.start())
    for match in _COUNTED.finditer(text):
        number, noun = match.group(1), match.group(2).lower()
        if match.start() not in measured and not YEAR.fullmatch(number) and noun not in STOPWORDS:
            found.add((number.replace(",", ""), stem(noun)))
    return found


@dataclass(frozen=True)
class StatedAmounts:
    """What a question takes for granted: its amounts, its rarest terms besides them, and whether it asks why."""

    amounts: frozenset[tuple[str, str]]
    rare: tuple[str, ...]
    presumed: bool  # a why-question, or its amount stated in a leading clause: taken for granted


@dataclass(frozen=True)
class ValueConflict:
    """Whether a passage sentence states another amount in a unit where the question states one (and not the
    question's), the sentence holding at least ``min_shared`` of the question's ``rare_terms`` rarest terms besides
    the amount's own."""

    rare_terms: int = 5
    min_shared: int = 1
    min_match: float = 0.8  # term_match score for a rare term to count as present

    def stated(self, question: str, term_idf: dict[str, float]) -> StatedAmounts | None:
        """The amounts ``question`` takes for granted (None: it states none, or asks yes or no), read once per
        question."""
        amounts_ = frozenset(amounts(question))
        if not amounts_ or asks_yes_no(question):
            return None
        own = {stem(part) for amount in amounts_ for part in amount}  # the amount's number and unit are what differs
        rare = sorted((t for t in term_idf if t not in own), key=lambda t: -term_idf[t])[:self.rare_terms]
        lead = _LEADING_CLAUSE.match(question)
        presumed = bool(_ASKS_WHY.match(question)) or bool(lead and amounts(lead["clause"]))
        return StatedAmounts(amounts_, tuple(rare), presumed)

    def denies(self, stated: StatedAmounts, sentence: str) -> bool:
        """Whether ``sentence`` contradicts an amount the question takes for granted."""
        if not (stated.presumed or _ONLY_AMOUNT.search(sentence)):
            return False
        stems = sentence_stems(sentence)
        if sum(term_match(t, stems) >= self.min_match for t in stated.rare) < self.min_shared:
            return False
        theirs = amounts(sentence)
        return any(any(u == unit for _, u in theirs) and (number, unit) not in theirs
                   for number, unit in stated.amounts)
