"""What someone says: "what does Iran say about the hacks?" is answered by the sentence in which Iran is the one
speaking ("While Iran denies direct involvement in the cyberattacks, ..."), not by one that only names Iran.

A named rule of the answerer's selection (``ExtractiveAnswerer._select``): among the best-ranked candidates, the
first whose verb of saying (general English: say, deny, claim, tell, ...) has the asked speaker for its subject
leads the answer. It changes no score and never refuses.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from assistant.terms import STOPWORDS, stem, words

if TYPE_CHECKING:
    from assistant.answer.features import Candidate

SPEAKER_ASKED = re.compile(
    r"\bwhat (?:does|did|do) (?P<who>(?!(?:it|this|that|they|he|she|the (?:article|text|document|page|writer|author|"
    r"intro|conclusion|section|guide|manual|faq)\b))[\w'’ -]+?) (?:say|said|think|claim|argue|state|insist|believe)\b",
    re.IGNORECASE)
SAYING = frozenset("""say state deny claim insist argue accuse announce reject warn tell suggest assert declare
    blame condemn maintain believe think contend allege admit acknowledge stress respond reply""".split())
SPEAKER_AMONG = 20  # best-ranked candidates looked through for the speaker's own words


def asked_speaker(question: str) -> frozenset[str]:
    """Stems of the speaker a question asks the words of ("what does *Iran* say ...?"); empty when it asks none."""
    found = SPEAKER_ASKED.search(question)
    if not found:
        return frozenset()
    return frozenset(stem(w) for w in words(found.group("who")) if w not in STOPWORDS)


def speaks(sentence: str, speaker: frozenset[str]) -> bool:
    """Whether a verb of saying in ``sentence`` has a subject naming ``speaker`` (the subject word itself, or a word
    modifying it: "Iran's Foreign Minister stated")."""
    from assistant.nlp import syntax

    tokens = syntax(sentence).tokens
    for t in tokens:
        if t.dep not in ("nsubj", "nsubjpass") or tokens[t.head].lemma.lower() not in SAYING:
            continue
        named = [t, *(c for c in tokens if c.head == t.i and c.dep in ("poss", "compound", "amod"))]
        if any(stem(n.text.lower()) in speaker for n in named):
            return True
    return False


def speaker_lead(question: str, ranked: list[Candidate], among: int = SPEAKER_AMONG) -> Candidate | None:
    """The first of the ``among`` best candidates in which the asked speaker speaks, or None."""
    speaker = asked_speaker(question)
    if not speaker:
        return None
    return next((c for c in ranked[:among] if speaks(c.sentence.text, speaker)), None)
