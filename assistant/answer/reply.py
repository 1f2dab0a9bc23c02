"""A model's reply as sentences to guard: ``[n]`` markers taken off as hints, answer prefixes and bullets dropped,
and a stream of text deltas turned into complete sentences."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from assistant.structure import split_sentences

_MARKERS = re.compile(
    r"\s*(?:\[(?:passages?|sources?|p)?\s*(\d+(?:\s*(?:,|;|and|-|–)\s*\d+)*)\]|\((?:passages?|sources?)\s+(\d+)\))", re.IGNORECASE
)
_LEADING_MARKERS = re.compile(r"^(?:\s*\[[^\]\w]*(?:passages?|sources?|p)?\s*\d[\d\s,;–-]*\])+", re.IGNORECASE)
_PREFIX = re.compile(r"^\s*(?:answer|response)\s*:\s*", re.IGNORECASE)
_LEAD_IN = re.compile(r"^(?i:(?:the )?answer(?: to (?:this|the) question)? is)(?:\s*:\s*|\s+(?=[A-Z0-9\"“]))")
_BULLET = re.compile(r"^\s*(?:[-*•]|\d{1,2}[.)])\s+")
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([.,;:!?])(?!\w)")
"""A space a removed marker left before punctuation ("ties [2]." → "ties ."); not the space before a file name or
extension (".deb", ".profile"), which the sentence says as written."""


SAYS_UNKNOWN = re.compile(
    r"\b(?:i don[’']?t know|i do not know|(?:does|do) not (?:say|mention|answer|contain|provide|specify)|"
    r"no information|cannot (?:be )?answer|can[’']t answer)\b", re.IGNORECASE)
"""A sentence that refuses: the model says it does not know or the passages do not say."""
NOT_GIVEN = re.compile(r"\bnot (?:mentioned|stated|provided|specified|given)\b", re.IGNORECASE)
"""Says the sources lack something, or states a condition of its span ("when DESC is not specified")."""
_ASIDE = re.compile(r"\s+\([^()]{1,160}\)")
"""A parenthesised aside after a space ("... the variable (e.g. export X=1)."), which the guard cuts when the
sentence stands without it and not with it; not a call ("read(1024)"), which has no space before its parenthesis."""
ASIDE_MIN_WORDS = 3  # words the sentence must keep without its asides to stand alone


@dataclass(frozen=True)
class Unit:
    """One generated sentence: its text without markers and the passage numbers the model put after it."""

    text: str
    hints: tuple[int, ...] = ()


def _hint_numbers(group: str) -> list[int]:
    nums = [int(x) for x in re.findall(r"\d+", group)]
    if re.search(r"[-–]", group) and len(nums) == 2 and 0 < nums[1] - nums[0] < 10:
        return list(range(nums[0], nums[1] + 1))
    return nums


def _citation_markers(piece: str) -> list[tuple[re.Match[str], list[int]]]:
    """The ``[n]`` markers of a sentence with their passage numbers; not a list written in code
    (``parametrize("x", [0, 1])``, ``x = [2, 3]``: after an opening bracket, a comma, an equals sign or inside
    backticks, or holding a 0, which numbers no passage)."""
    out = []
    for m in _MARKERS.finditer(piece):
        before = piece[:m.start()].rstrip()
        code = before.endswith(("(", ",", "=", "[")) or piece[:m.start()].count("`") % 2 == 1
        numbers = _hint_numbers(m.group(1) or m.group(2))
        if not code and 0 not in numbers:
            out.append((m, numbers))
    return out


def _without(piece: str, found: list[tuple[re.Match[str], list[int]]]) -> str:
    """``piece`` with the ``found`` markers taken out."""
    kept, at = [], 0
    for m, _ in found:
        kept.append(piece[at:m.start()])
        at = m.end()
    return "".join(kept) + piece[at:]


def without_asides(text: str) -> str:
    """``text`` without its parenthesised asides (``_ASIDE``), or as it was when it has none or fewer than
    ``ASIDE_MIN_WORDS`` words would be left."""
    bare = _SPACE_BEFORE_PUNCT.sub(r"\1", _ASIDE.sub("", text))
    return bare if len(bare.split()) >= ASIDE_MIN_WORDS else text


def split_answer(reply: str) -> list[Unit]:
    """The model's reply as sentences; markers that open a sentence belong to the one before."""
    units: list[Unit] = []
    for line in _PREFIX.sub("", reply.strip()).splitlines():
        line = _BULLET.sub("", line).strip()
        for start, end in split_sentences(line, 0, len(line)):
            piece = line[start:end]
            lead = _LEADING_MARKERS.match(piece)
            if lead:
                if units:
                    units[-1] = Unit(units[-1].text, units[-1].hints + tuple(_hint_numbers(lead.group(0))))
                piece = piece[lead.end():]
            found = _citation_markers(piece)
            hints = [n for _, numbers in found for n in numbers]
            text = _LEAD_IN.sub("", _SPACE_BEFORE_PUNCT.sub(r"\1", _without(piece, found)).strip())
            if re.search(r"\w", text):
                units.append(Unit(text, tuple(hints)))
    return _polarity_joined(units)


_BARE_POLARITY = re.compile(r"(?i:yes|no)[.!]")


def _polarity_joined(units: list[Unit]) -> list[Unit]:
    """A bare "Yes." or "No." joined to the sentence after it, which it answers with ("Yes. If an assert has a
    message, ..."): guarded as one sentence, as "Yes, if ..." is, rather than dropped as a word with no claim."""
    out: list[Unit] = []
    for unit in units:
        if out and _BARE_POLARITY.fullmatch(out[-1].text):
            out[-1] = Unit(f"{out[-1].text} {unit.text}", out[-1].hints + unit.hints)
        else:
            out.append(unit)
    return out


class SentenceStream:
    """Turns text deltas into complete sentences: a sentence is complete once the next one has begun."""

    def __init__(self) -> None:
        self.buffer = ""
        self.emitted = 0

    def feed(self, delta: str) -> Iterator[Unit]:
        """Sentences completed by this delta."""
        self.buffer += delta
        units = split_answer(self.buffer)
        while self.emitted < len(units) - 1:
            self.emitted += 1
            yield units[self.emitted - 1]

    def close(self) -> Iterator[Unit]:
        """The sentences left when the reply ends."""
        units = split_answer(self.buffer)
        while self.emitted < len(units):
            self.emitted += 1
            yield units[self.emitted - 1]
