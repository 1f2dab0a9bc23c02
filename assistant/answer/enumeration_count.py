"""How many things an enumeration holds: "how many lessons does the article draw?" when the article says "offers
several critical lessons" and goes on "Firstly, ...", "Secondly, ...", "Finally, ...". No sentence writes the
number, so the answerer refused or answered without one; the count is read off the enumeration, and the answer
cites its lead and each item's opening sentence.

A named rule, not a weighed one: the question must count a noun by "how many" (``counted.counted_head``), no
candidate may hold a number by that noun (``refusal.AskedKindAbsent``), and the lead of the enumeration (a sentence
among the ``among`` best candidates, or the lead of an item among them) must hold the noun.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from assistant.answer.counted import counted_head
from assistant.answer.matching import sentence_stems
from assistant.terms import stem

if TYPE_CHECKING:
    from assistant.answer.draft import Draft
    from assistant.answer.evidence import Evidence
    from assistant.answer.features import Candidate, QuestionView
    from assistant.schema import Sentence

COUNT_AMONG = 5  # best candidates looked at for the enumeration (its lead or one of its items)
MIN_ITEMS = 2


def counted_enumeration(head: str, ranked: list[Candidate], evidence: Evidence,
                        among: int = COUNT_AMONG) -> tuple[Sentence, list[Sentence]] | None:
    """The lead and items of an enumeration of ``head`` (the noun the question counts) that one of the ``among``
    best candidates leads or is an item of, or None."""
    for cand in ranked[:among]:
        found = evidence.enumeration(cand.sentence)
        if found and stem(head) in sentence_stems(found[0].text) and len(found[1]) >= MIN_ITEMS:
            return found
    return None


def count_draft(q: QuestionView, ranked: list[Candidate], evidence: Evidence) -> Draft | None:
    """The count of the asked-for enumeration, citing its lead and items ("There are 3 lessons. The saga offers
    several lessons. [1] Firstly, ... [2] ..."); read off the document's structure, as an outline answer is."""
    from assistant.answer.draft import Draft
    from assistant.answer.outline import braces

    counted = counted_head(q)
    found = counted_enumeration(counted, ranked, evidence) if counted else None
    if found is None:
        return None
    lead, items = found
    head = q.query.head_phrase[-1] if q.query.head_phrase else counted
    said = " ".join(f"{braces(' '.join(s.text.split()))} [{{{i}}}]" for i, s in enumerate([lead, *items]))
    template = f"There are {len(items)} {braces(head)}. {said}"
    return Draft([lead, *items], False, template=template, lead=lead, structural=True)
