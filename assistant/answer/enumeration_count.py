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
from assistant.answer.places import sentence_ordinal
from assistant.terms import stem

if TYPE_CHECKING:
    from assistant.answer.draft import Draft
    from assistant.answer.evidence import Evidence
    from assistant.answer.features import Candidate, QuestionView
    from assistant.schema import Sentence

COUNT_AMONG = 5  # best candidates looked at for the enumeration (its lead or one of its items)
MIN_ITEMS = 2


def _lead(sentence: Sentence, evidence: Evidence) -> Sentence | None:
    """The enumeration lead ``sentence`` is, or the one its item belongs to."""
    if sentence_ordinal(sentence.text) is not None:
        return evidence.enumeration_lead(sentence)
    return sentence if evidence.enumeration_items(sentence) else None


def counted_enumeration(q: QuestionView, ranked: list[Candidate], evidence: Evidence,
                        among: int = COUNT_AMONG) -> tuple[Sentence, list[Sentence]] | None:
    """The lead and items of the enumeration of the noun the question counts, or None."""
    head = counted_head(q)
    if not head:
        return None
    for cand in ranked[:among]:
        lead = _lead(cand.sentence, evidence)
        if lead is None or stem(head) not in sentence_stems(lead.text):
            continue
        items = evidence.enumeration_items(lead)
        if len(items) >= MIN_ITEMS:
            return lead, items
    return None


def count_draft(q: QuestionView, ranked: list[Candidate], evidence: Evidence) -> Draft | None:
    """The count of the asked-for enumeration, citing its lead and items ("There are 3 lessons. The saga offers
    several lessons. [1] Firstly, ... [2] ..."); read off the document's structure, as an outline answer is."""
    from assistant.answer.draft import Draft
    from assistant.answer.outline import braces

    found = counted_enumeration(q, ranked, evidence)
    if found is None:
        return None
    lead, items = found
    head = q.query.head_phrase[-1] if q.query.head_phrase else counted_head(q) or ""
    said = " ".join(f"{braces(' '.join(s.text.split()))} [{{{i}}}]" for i, s in enumerate([lead, *items]))
    template = f"There are {len(items)} {braces(head)}. {said}"
    return Draft([lead, *items], False, template=template, lead=lead, structural=True)
