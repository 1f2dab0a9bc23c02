"""The outline entry beside the one the previous answer gave: "and the one after that?" after "which section comes
after the cyber one?", "the next link?" after "what's the first related link?".

A question can only be rewritten into one that names its entry ("what comes after the X entry?") when the previous
question named it; when the previous answer found it (by its place, its words or its neighbour), the entry is in
that answer's citations, and its neighbour is read off the same list of the document: its contents list, its
headings or the lines it ends with. An answer that cited prose in a section, when the conversation asks for
sections ("which section covers how iran reacted?" + "and the one before that?"), stands for that section's
heading.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from assistant.answer.outline import (
    OutlineAsk, closing_lines, heading_entries, outline_entries, outline_template, quoted_entries,
)
from assistant.answer.outline_neighbour import Neighbour, pointed_step
from assistant.followup_next import OPENER

if TYPE_CHECKING:
    from assistant.answer.draft import Draft
    from assistant.schema import Citation, DocumentRecord, Sentence

_NAMES_SECTIONS = re.compile(r"\b(?:sub)?(?:sections?|headings?|chapters?)\b", re.IGNORECASE)
"""A conversation about the document's sections: an answer in prose then stands for its section's heading."""


_SUBHEADINGS = re.compile(r"\bsub(?:sections?|headings?)\b", re.IGNORECASE)
_SOME_MORE = re.compile(OPENER + r"(?:(?:what|which)(?:'s| are| is)?\s+|whats\s+)?(?:the\s+)?(?P<side>next|previous)"
                        r"\s+(?P<count>two|three|four|2|3|4)(?:\s+(?:after|before)\s+(?:it|that|this)(?:\s+one)?|"
                        r"\s+(?:down|up|on)\s+the\s+list|\s+(?:ones|entries|items|links|sections|headings|"
                        r"subheadings))*\W*$", re.IGNORECASE)
"""A few entries on from the one answered: "and the next two down the list?"."""
_THE_REST = re.compile(OPENER + r"(?:is there\s+)?(?:anything|what(?:'s| is| comes| else)?|whats)\s+(?:else\s+)?"
                       r"(?:listed\s+|there\s+)?(?:after|below|under(?:neath)?)\s+(?:those|them|these|that list|the "
                       r"list)(?:\s+ones)?\W*$", re.IGNORECASE)
"""The rest of a list after the entries answered: "anything after those?"."""
_COUNTS = {"two": 2, "three": 3, "four": 4, "2": 2, "3": 3, "4": 4}
REST_MOST = 5  # entries listed after the answered ones for "anything after those?"


@dataclass(frozen=True)
class Step:
    """Entries asked from the one answered: ``direction`` 1 after it, -1 before it; ``count`` of them; ``rest``: every
    one after the entries answered (up to ``REST_MOST``)."""

    direction: int
    count: int = 1
    rest: bool = False


def asked_step(question: str) -> Step | None:
    """The step a short follow-up asks from the entry answered ("and the one after that?", "the next two?",
    "anything after those?"); None when it asks something else."""
    if _THE_REST.match(question):
        return Step(1, REST_MOST, rest=True)
    if found := _SOME_MORE.match(question):
        return Step(1 if found.group("side").lower() == "next" else -1, _COUNTS[found.group("count").lower()])
    direction = pointed_step(question)
    return Step(direction) if direction is not None else None


def _lists(doc: DocumentRecord) -> list[tuple[OutlineAsk, list[Sentence]]]:
    """The document's ordered lists of entries, each with the ask it answers: its contents list (else its
    headings), its headings, its closing links and the lines it ends with (in that order: ``stepped_entry`` reads
    the first two again for an answer in prose)."""
    return [(OutlineAsk("contents"), outline_entries(doc, OutlineAsk("contents"))),
            (OutlineAsk("headings"), heading_entries(doc)),
            (OutlineAsk("links"), outline_entries(doc, OutlineAsk("links"))),
            (OutlineAsk("links"), closing_lines(doc))]


def _cited_entry(entries: list[Sentence], citations: Sequence[Citation], rest: bool) -> int | None:
    """The place in ``entries`` of the entry the answer gave (its last citation that is an entry), None when it
    cites none or, unless the ``rest`` of the list is asked, more than two (a whole list: no one entry to step
    from)."""
    spans = [(e.start, e.end) for e in entries]
    cited = [spans.index((c.start, c.end)) for c in sorted(citations, key=lambda c: c.n) if (c.start, c.end) in spans]
    return (max(cited) if rest else cited[-1]) if cited and (rest or len(cited) <= 2) else None


def _section_heading(doc: DocumentRecord, headings: list[Sentence], citation: Citation) -> int | None:
    """The place in ``headings`` of the heading of the section ``citation`` is in, None when it has none."""
    at = max((a for a, heading in doc.sections if heading == citation.section and a <= citation.start), default=None)
    return next((i for i, h in enumerate(headings) if at is not None and h.start >= at
                 and not doc.text[at:h.start].strip()), None)


def stepped_entry(
    doc: DocumentRecord, citations: Sequence[Citation], step: Step, asked: Sequence[str],
) -> Draft | None:
    """The answer naming the entries ``step`` asks from the one the previous answer's ``citations`` (in ``doc``)
    gave, that one cited too; for an answer in prose, when a question of the conversation (``asked``: the follow-up
    and the earlier questions) names sections, from the heading of its best citation's section. None when the
    answer gave no entry or none lies there."""
    from assistant.answer.draft import Draft

    lists = _lists(doc)
    for ask, entries in lists:
        at = _cited_entry(entries, citations, step.rest)
        if at is not None:
            break
    else:
        best = max(citations, key=lambda c: c.score, default=None)
        if best is None or not any(_NAMES_SECTIONS.search(q) for q in asked):
            return None
        (_, contents), (ask, headings) = lists[:2]
        at = _section_heading(doc, headings, best)
        entries = headings
        listed = [e.text for e in contents]
        if at is not None and headings[at].text in listed and not any(_SUBHEADINGS.search(q) for q in asked[:1]):
            ask, entries, at = OutlineAsk("contents"), contents, listed.index(headings[at].text)  # a section of
            # the contents list: its neighbours there, subheadings left out, unless the follow-up asks subheadings
    if at is None:
        return None
    beside = [i for i in range(at + step.direction, at + step.direction * (step.count + 1), step.direction)
              if 0 <= i < len(entries)]
    if not beside or (len(beside) < step.count and not step.rest):
        return None
    chosen = [entries[at], *(entries[i] for i in beside)]
    if len(chosen) == 2:
        template = outline_template(OutlineAsk(ask.what, None, Neighbour(step.direction, ())), chosen, len(entries))
    else:
        first, *more = quoted_entries(chosen)
        template = f"{'After' if step.direction > 0 else 'Before'} {first} come " + "; ".join(more) + "."
    return Draft(chosen, False, template=template, lead=chosen[1], structural=True)
