"""The order an answer's sentences are read in: its best sentence first, each with the sentences around it.

The answerer chooses sentences by rank and cites them in document order, so an answer could open with a weaker
sentence that merely comes earlier in the text ("Why did Albania cut ties?" opening with a sentence on Iran's interest
section, the reason third). Here the run of adjacent sentences that holds the best one comes first; the other runs
keep their document order, so context stays before the sentence that needs it and an enumeration stays in order.
"""

from __future__ import annotations

from assistant.schema import Sentence

RUN_GAP = 3  # characters between two cited spans that still make them one run (a space, a line or paragraph break)


def runs(sentences: list[Sentence]) -> list[list[Sentence]]:
    """Sentences (in document order) grouped into runs: adjacent spans of one source."""
    grouped: list[list[Sentence]] = []
    for sentence in sentences:
        last = grouped[-1][-1] if grouped else None
        if last is not None and last.source == sentence.source and 0 <= sentence.start - last.end <= RUN_GAP:
            grouped[-1].append(sentence)
        else:
            grouped.append([sentence])
    return grouped


def overlaps(a: Sentence, b: Sentence) -> bool:
    """Whether two sentences share characters of one source."""
    return a.source == b.source and a.start < b.end and b.start < a.end


def lead_first(sentences: list[Sentence], lead: Sentence | None) -> list[Sentence]:
    """``sentences`` (in document order) with the run that holds ``lead`` (or overlaps it) moved first."""
    if lead is None:
        return sentences
    grouped = runs(sentences)
    first = next((run for run in grouped if any(overlaps(s, lead) for s in run)), None)
    if first is None:
        return sentences
    return [*first, *(s for run in grouped if run is not first for s in run)]
