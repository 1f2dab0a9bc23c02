""""What else ...?" with words of its own ("what else will tirana do?", "who else is it seen as a reliable partner
for?"): more of what the previous answer was about, so it is looked for near that answer, not searched again
(a new search finds the same passage and answers the same thing). The answer is the sentences near the previous
answer's best-scored citation that hold most of the question's new words.

``neighbourhood`` gives where to look (the rest of the cited paragraph, the next paragraphs, and what the answer
said besides its best sentence); ``holding`` picks the sentences there that hold the question's words.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence

from assistant.followup_next import paragraph_breaks, said_besides
from assistant.schema import Sentence, Span
from assistant.terms import stem, words


def neighbourhood(sentences: Sequence[Sentence], cited: Sequence[Span], best: Span, text: str,
                  paragraphs: int, with_best: bool = False) -> list[Sentence]:
    """The answerable sentences near the previous answer (its document's ``sentences`` in order, ``text``): ``best``'s
    own when ``with_best`` ("what does it say ...?" may be answered by it), the other ones it cited
    (``said_besides``), then those after ``best`` to the end of the ``paragraphs``-th paragraph after its own."""
    breaks = paragraph_breaks(text)
    near, paragraph, previous_end = [], 0, best.end
    for sentence in sentences[bisect.bisect_left(sentences, best.end, key=lambda s: s.start):]:
        paragraph += bool(breaks.search(text[previous_end:sentence.start]))
        previous_end = sentence.end
        if paragraph > paragraphs:
            break
        near.append(sentence)
    said = said_besides(sentences, cited, best)
    seen = {(s.start, s.end) for s in said}
    own = [s for s in sentences if s.start < best.end and best.start < s.end and s.answerable] if with_best else []
    return [*own, *said, *(s for s in near if s.answerable and (s.start, s.end) not in seen)]


def holding(candidates: Sequence[Sentence], terms: Sequence[str], weight: Callable[[str], float],
            count: int, at: int = 0) -> list[Sentence]:
    """Up to ``count`` of ``candidates`` holding the most idf weight (``weight`` of a stem) of ``terms``, of equal
    weight the nearest to offset ``at`` (where the previous answer's best sentence ends: "anything else it
    highlights?" reads on from it, not from another sentence the answer cited far away), in document order; none
    that holds none of them."""
    keys = {stem(t) for t in terms}

    def held(sentence: Sentence) -> float:
        return sum(weight(k) for k in keys & {stem(w) for w in words(sentence.text)})

    ranked = sorted((s for s in candidates if held(s) > 0), key=lambda s: (-held(s), abs(s.start - at)))[:count]
    return sorted(ranked, key=lambda s: s.start)
