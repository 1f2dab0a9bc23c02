"""A cited value bound to another event: each number of a claim must come from a sentence about what the claim's
clause says of it.

A claim that cites two spans can take its date from one and its event from the other: "The cyberattack hit on
September 8, 2022, and ..." where the span holding "September 8, 2022" is about diplomats ordered to leave, or
"tensions erupted into a full-blown crisis in the summer of July 15, 2022" with the date from the attack's span.
Every word is in some span; the date is said of something else. ``unbound_value`` finds such a value: the sentences
of the spans that hold it (with the sentence on either side: "It was in this year that ..." follows "... traced
back to 2014") share no content word with the clause of the claim around it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from assistant.answer.asked_forms import ASKS_COUNT
from assistant.answer.matching import holds, sentence_stems
from assistant.answer.text_values import MONTH_NAMES, YEAR, dated_numbers, numbers
from assistant.answer.value_conflict import amounts, is_measure
from assistant.terms import STOPWORDS, stem

if TYPE_CHECKING:
    from assistant.schema import Sentence

MIN_CLAUSE_WORDS = 2
"""Content words a clause needs besides its values before it can be judged ("54 days (from ... to ...)" cannot)."""

COMPOUND_END = 5
"""Letters the shorter word needs to count as the end of a closed compound."""

_VALUE = re.compile(r"(?<![\w.-])\d+(?:[.,]\d+)*")  # not an option's or a name's digits ("xargs -0", "ext4")
_CLAUSE_BREAK = re.compile(r"[;:()\[\]—]|,\s+(?:and|but|while|whereas|then)\b|\.\s")
# words about time itself, which every dated sentence may hold or lack
_TIME_WORDS = frozenset(stem(w) for w in (*MONTH_NAMES, *"""day days week weeks month months year years decade
    decades date time since until about around approximately""".split()))


def unbound_value(claim: str, held: Sequence[tuple[str, str]]) -> str | None:
    """The claim's first number whose clause (``MIN_CLAUSE_WORDS`` content words or more) meets no content word of
    any span sentence holding it; ``held``: (sentence, the sentence with its neighbours) for each sentence of the
    claim's spans. None when every value is bound, is held by no span sentence (a computed value), or sits in a
    clause, or a piece of a clause listing values (``_piece_at``), too short to judge."""
    for clause in _clauses(claim):
        words = _clause_words(clause)
        if len(words) < MIN_CLAUSE_WORDS:
            continue
        for match in _VALUE.finditer(clause):
            value = numbers(match.group(0))
            holders = [around for sentence, around in held if value and value <= numbers(sentence)]
            if holders and not any(_meets(w, sentence_stems(around)) for around in holders for w in words) and \
                    len(_clause_words(_piece_at(clause, match.start()))) >= MIN_CLAUSE_WORDS:
                return match.group(0)
    return None


def _clause_words(clause: str) -> frozenset[str]:
    """A clause's content stems besides its values and the words about time itself."""
    return frozenset(s for s in sentence_stems(_VALUE.sub(" ", clause)) if s not in _TIME_WORDS)


_PIECE_BREAK = re.compile(r",\s+(?!\d)|\s+(?:and|but|while|whereas)\s+", re.IGNORECASE)


def _piece_at(clause: str, at: int) -> str:
    """The piece of a clause that lists values, each with words of its own, holding position ``at``: "photo on
    September 8, 2022" of "announced September 7, photo on September 8, 2022". A value whose own piece is too short
    to judge is left alone, though the whole clause's words are not found beside it: each value is said of its own
    words, not of the other's. The clause whole unless it splits into two or more pieces that each hold a value."""
    cuts = [0, *(i for m in _PIECE_BREAK.finditer(clause) for i in (m.start(), m.end())), len(clause)]
    pieces = [(cuts[i], cuts[i + 1]) for i in range(0, len(cuts), 2)]
    if len(pieces) < 2 or not all(_VALUE.search(clause[a:b]) for a, b in pieces):
        return clause
    return next((clause[a:b] for a, b in pieces if a <= at < b), clause)


RIVAL_MARGIN = 2
"""Content words of a claim's clause by which a span sentence giving another date must out-meet every sentence that
gives the claim's date before the date counts as taken from the wrong event (``rival_value``)."""


def _dates(text: str) -> frozenset[tuple[str, str]]:
    """(month, number) for each day or year written beside a month, ("", year) for a year alone: the dates of ``text``
    told apart by their month, so July 15, 2022 and September 8, 2022 share nothing."""
    dated = dated_numbers(text)
    beside = {n for _, n in dated}
    return dated | frozenset(("", n) for n in numbers(text) if YEAR.fullmatch(n) and n not in beside)


def rival_value(claim: str, held: Sequence[tuple[str, str]], margin: int = RIVAL_MARGIN) -> str | None:
    """The claim's first date number taken from one span sentence while another, which gives a different date, says
    more of the clause around it: "The most significant cyberattack hit Albania on September 8, 2022." joins the
    attack's sentence ("... occurred on July 15, 2022, when a massive cyberattack hit ...") to the date of the
    diplomats' expulsion, whose sentence (with its neighbour: ``unbound_value`` passes it) says only "Albania". A
    sentence that gives another date of the same clause is no rival. None when no such date is found."""
    sentences = [(_dates(sentence), sentence_stems(sentence)) for sentence, _ in held]  # read once per claim
    for clause in _clauses(claim):
        words = frozenset(s for s in sentence_stems(_VALUE.sub(" ", clause)) if s not in _TIME_WORDS)
        if len(words) < MIN_CLAUSE_WORDS:
            continue
        dated = _dates(clause)
        for date in sorted(dated):
            holders = [sum(_meets(w, stems) for w in words) for dates, stems in sentences if date in dates]
            rivals = [sum(_meets(w, stems) for w in words) for dates, stems in sentences if dates and not dates & dated]
            # a sentence giving another of the clause's dates is its source, no rival ("the attack was on July 15,
            # 2022 and the break on September 7, 2022")
            if holders and rivals and max(rivals) >= max(holders) + margin:
                return date[1]
    return None


def _meets(word: str, stems: frozenset[str]) -> bool:
    """``matching.holds``, or one word closing a compound of the other ("attack", "cyberattack")."""
    if holds(word, stems):
        return True
    for other in stems:
        short, long_ = sorted((word, other), key=len)
        if len(short) >= COMPOUND_END and long_.endswith(short):
            return True
    return False


def held_sentences(sentences: Sequence[Sentence], rows: Sequence[int]) -> list[tuple[str, str]]:
    """Each of the ``rows`` of ``sentences`` (the index's, in order) with the sentence before it when it points back
    and the one after it when that one does ("... traced back to 2014, ..." and "It was in this year that ...")."""
    from assistant.answer.relevance import points_back

    def text(i: int) -> str:
        return sentences[i].text if 0 <= i < len(sentences) else ""

    return [(text(r), " ".join(t for t in (text(r - 1) if points_back(text(r)) else "", text(r),
                                           text(r + 1) if points_back(text(r + 1)) else "") if t)) for r in rows]


def _clauses(claim: str) -> list[str]:
    """The claim cut at semicolons, colons, brackets, dashes and a comma before a conjunction."""
    return [part for part in _CLAUSE_BREAK.split(claim) if part.strip()]


_COUNT_AS_TIME = re.compile(
    r"\b(?:in|since|until|till)\s+\d{1,3}(?:,\d{3})+"  # "accepted the MEK in 3,000 and ..."
    r"(?=\s*(?:[.;:!?)]|,\s|$|(?:and|or|but|when|while|after|before)\b))"
    r"|\d{1,3}(?:,\d{3})+\s+(?:to|until|-|–)\s+\d{4}\b", re.IGNORECASE)  # "(3,000 to 2022)"
"""A count written where a year goes: a number with a thousands separator, which no year has."""


def count_as_time(text: str) -> bool:
    """Whether a claim writes a count ("3,000", with its thousands separator) where a year goes: "in 3,000 and the
    attack came in 2022", "Eight years (3,000 to 2022)": a value of the spans moved into a date's place. Not "in 3,000
    cases", where a noun follows."""
    return bool(_COUNT_AS_TIME.search(text))


def counts_another_thing(text: str, span_texts: Sequence[str]) -> bool:
    """Whether a claim gives a number its spans give only as an amount of another kind, one of the two a measure
    ("about 45 members came" where the spans say "after 45 years of isolation"; not "3,000 exiles" for "3,000
    members", a count said in other words): each amount of the claim (``value_conflict.amounts``) whose number
    the spans state, they must state with its unit somewhere."""
    stated = set().union(*(amounts(s) for s in span_texts)) if span_texts else set()
    return any(any(n == number and u != unit and (is_measure(u) or is_measure(unit)) for n, u in stated)
               and (number, unit) not in stated for number, unit in amounts(text))


_ASKED_COUNT = re.compile(r"\bhow many\s+(?:more\s+|different\s+|distinct\s+|separate\s+|other\s+|whole\s+|full\s+)?"
                          r"([a-z]+)", re.IGNORECASE)
_ASKED_TIME = re.compile(r"\bhow (?:long|old)\b", re.IGNORECASE)
_SHORT_UNITS = {"yrs": "year", "yr": "year", "hrs": "hour", "hr": "hour"}
_NEUTRAL_COUNTS = frozenset({"time", "times"})  # "how many times": a count of events or a multiple


def asks_measure(question: str) -> bool | None:
    """Whether "how many X" ("count of X") counts a measure (years, days, bytes: True) or things (nations, members:
    False); "how long"/"how old" asks a measure; None when the question counts nothing or its noun cannot tell."""
    match = _ASKED_COUNT.search(question) or ASKS_COUNT.match(question)  # "how many states", "count of states"
    if match:
        word = match.group(1).lower()
        if word in STOPWORDS or word in _NEUTRAL_COUNTS:
            return None
        unit = _SHORT_UNITS.get(word) or (word[:-1] if len(word) > 2 and word.endswith("s") else word)
        return is_measure(unit)
    return True if _ASKED_TIME.search(question) else None


def counts_unasked(text: str, question: str, span_texts: Sequence[str]) -> bool:
    """Whether every amount of a claim counts the other kind than the question's "how many X": days where nations
    are counted ("54 days: ..." to "how many nations had cut ties ...?"), or members where years are ("Approximately
    3,000." whose spans say "3,000 members", to "how many years separate ...?"). A bare number takes the unit its
    spans give it; years and days of dates count nothing."""
    asked = asks_measure(question)
    if asked is None:
        return False
    own = amounts(text)
    units = [unit for _, unit in own]
    stated = set().union(*(amounts(s) for s in span_texts)) if span_texts else set()
    placed = {number for number, _ in own} | {number for _, number in dated_numbers(text)}  # a unit or a date's
    for match in _VALUE.finditer(text):
        number = match.group(0).replace(",", "")
        if number not in placed and not YEAR.fullmatch(number):
            units += [unit for n, unit in stated if n == number]
    return bool(units) and all(is_measure(unit) != asked for unit in units)
