"""Where a document talks about something: "which section covers the cyberattack?", "in which chapter does it
discuss the Illyrians?".

The answer is the heading of the section that holds the retrieved sentence best matching the topic, cited at its
exact words, and that sentence. Before, such a question went to the answerer, which found no sentence naming a
"section" and refused while its nearest passage sat under the right heading. A logical rule, like the outline: the
question must name a section, heading or chapter in the singular with a verb of saying or an "in/under which"
("which sections make up the License?" asks which ones, and stays with the answerer).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from assistant.answer.matching import sentence_stems
from assistant.answer.outline import OUTLINE_WORDS, braces, heading_entry
from assistant.terms import STOPWORDS, stem, words

if TYPE_CHECKING:
    from assistant.answer.evidence import Evidence
    from assistant.answer.draft import Draft
    from assistant.schema import Hit, Sentence

_PART = r"(?:section|heading|chapter)"
_LOCATE = re.compile(
    rf"\b(?:in|under) (?:which|what) {_PART}\b"
    rf"|\b(?:which|what) {_PART} (?:of (?:the|this) \w+ )?(?:covers?|discuss(?:es)?|talks? about|is about|deals? with|"
    r"mentions?|describes?|explains?|says?|holds?|contains?)\b", re.IGNORECASE)
_FRAME = frozenset(stem(w) for w in """cover covers discuss discusses talk talks deal deals mention mentions
    mentioned describe describes described explain explains explained say says said hold holds contain contains
    find found discussed covered""".split())
MIN_TOPIC_SHARE = 0.5  # of the topic's idf mass the chosen sentence must hold ("albania" alone locates no "albania
# and sourdough recipes")


def topic_terms(question: str) -> list[str]:
    """The stems of what a locating question asks about: its words less stopwords, outline and saying words."""
    stems = [stem(w) for w in words(question) if w not in STOPWORDS]
    return list(dict.fromkeys(s for s in stems if s not in OUTLINE_WORDS and s not in _FRAME))


def locate_draft(question: str, hits: list[Hit], evidence: Evidence) -> Draft | None:
    """For a question asking where something is said: the heading of the section holding the best-matching
    sentence of the retrieved chunks (the most of the topic's idf mass, at least ``MIN_TOPIC_SHARE`` of it), and that
    sentence; None when the question asks no such thing, names no topic, or no retrieved sentence under a heading
    holds enough of it."""
    if not _LOCATE.search(question):
        return None
    terms = topic_terms(question)
    total = sum(evidence.weights.idf(t) for t in terms)
    best: tuple[float, Sentence] | None = None
    for hit in hits:
        for sid in hit.chunk.sentence_ids:
            sentence = evidence.sentence(sid)
            if sentence is None or not sentence.answerable or not sentence.section:
                continue
            stems = sentence_stems(sentence.text)
            score = sum(evidence.weights.idf(t) for t in terms if t in stems)
            if score > 0 and score >= MIN_TOPIC_SHARE * total and (best is None or score > best[0]):
                best = (score, sentence)
    if best is None:
        return None
    sentence = best[1]
    heading = heading_entry(evidence.document(sentence.source), sentence)
    if heading is None:
        return None
    from assistant.answer.draft import Draft

    said = braces(" ".join(sentence.text.split()))
    template = f"In the section \u201c{braces(heading.text)}\u201d [{{0}}]: {said} [{{1}}]"
    return Draft([heading, sentence], False, template=template, lead=sentence, structural=True)
