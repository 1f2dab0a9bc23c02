"""Whether what the previous answer told had been done before: "had any country done that before?", "was that a
first?", "has anyone else ever done it?" after "what did Albania announce on September 7?".

Searched as a question of its own, such a follow-up finds the answered event again, or nothing: its words ("any",
"done", "before") say nothing of the event. A document tells whether something was a first beside telling it
("This move was historic, believed to be the first time a nation ..."), so the answer is looked for near the
previous answer: the first sentence there that says whether it was a first (general English).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.schema import Sentence

ASKS_PRECEDENT = re.compile(
    r"(?i)\b(?:(?:done|did|do|does|happen(?:ed|s)?|tried|try|seen|gone)\b[^?]*\b(?:before|previously)(?:\s+(?:over|"
    r"for|with|because of|due to)\b[^?,]*)?\s*(?:\?|$)|ever\b[^?]*\b(?:done|did|do|happen(?:ed)?|tried)\b|(?:a|the) "
    r"first(?: time| ever| of its kind)?\s*\?|first time\b|(?:a |any )?precedent\b)")
"""A question whether something had happened before (general English)."""
_REFERS = re.compile(r"(?i)\b(?:that|it|this|so|anyone else|any other|another)\b")
"""Words that tie such a question to what was just told."""
SHORT_WORDS = 12  # a longer question asks something of its own
SAYS_PRECEDENT = (
    re.compile(r"(?i)\b(?:first time|for the first|never before|first[- ]ever|the first (?:country|nation|state|"
               r"government|company|person|one) to)\b"),
    re.compile(r"(?i)\b(?:unprecedented|precedent|historic)\b"),
)
"""Sentences saying whether something was a first (general English): outright ("the first time"), then by a word
that implies it ("unprecedented")."""


def asks_precedent(question: str) -> bool:
    """Whether ``question`` asks whether what was just told had happened before."""
    return (len(question.split()) <= SHORT_WORDS and bool(ASKS_PRECEDENT.search(question))
            and bool(_REFERS.search(question)))


def precedent_told(near: Sequence[Sentence]) -> list[Sentence]:
    """The first of the sentences ``near`` the previous answer that says outright whether something was a first,
    else the first that implies it (empty when none does)."""
    return next(([s] for said in SAYS_PRECEDENT for s in near if said.search(s.text)), [])
