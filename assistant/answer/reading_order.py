"""The order an answer's sentences are read in: its best sentence first, each with the sentences around it.

The answerer chooses sentences by rank and cites them in document order, so an answer could open with a weaker
sentence that merely comes earlier in the text ("Why did Albania cut ties?" opening with a sentence on Iran's interest
section, the reason third). Here the run of adjacent sentences that holds the best one comes first; the other runs
keep their document order, so an enumeration stays in order. Within the first run, the sentences before the best one
stay before it only when it needs them (it opens by pointing back: "It was in this year that ...", "However, ...");
otherwise the best sentence opens the answer ("What is Ashraf 3?" opened with "The arrival of the members was not
without its complexities.", the compound's sentence second).
"""

from __future__ import annotations

import re

from assistant.schema import Sentence

RUN_GAP = 3  # characters between two cited spans that still make them one run (a space, a line or paragraph break)
# A sentence that cannot be read first: it opens with a pronoun, a demonstrative or a connective, or dates itself by
# the sentence before ("in this year") (general English).
NEEDS_CONTEXT = re.compile(
    r"^\W*(?:he|she|it|they|this|these|that|those|its|their|his|her|such|there|here|then|thus|so|hence|however|but|"
    r"and|or|also|moreover|furthermore|therefore|instead|otherwise|similarly|likewise|still|yet|meanwhile|again|"
    r"in (?:addition|contrast|turn|this|that|particular)|for (?:example|instance|this|that)|as a result|on the other)\b"
    r"|\b(?:(?:this|that)(?: same)?|the same) (?:year|month|day|date|time|period)\b", re.IGNORECASE)


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
    """``sentences`` (in document order) with the run that holds ``lead`` (or overlaps it) moved first, opening
    with the lead unless it needs the sentences before it (``NEEDS_CONTEXT``)."""
    if lead is None:
        return sentences
    grouped = runs(sentences)
    first = next((run for run in grouped if any(overlaps(s, lead) for s in run)), None)
    if first is None:
        return sentences
    opening = first
    best = next(s for s in first if overlaps(s, lead))
    if not NEEDS_CONTEXT.search(best.text):  # context before it follows it
        opening = [s for s in first if s.start >= best.start] + [s for s in first if s.start < best.start]
    return [*opening, *(s for run in grouped if run is not first for s in run)]
