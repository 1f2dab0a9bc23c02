"""A fragment asking what an abbreviation of the previous question stands for: "whats the mek?" + "stands for?",
"full name?" ask "What does MEK stand for?" and "What is the full name of the MEK?".

Read from the words: the fragment holds only the asking words (general English), and the previous question names
one abbreviation (a word in capitals, as the documents write it), which the fragment is about.
"""

from __future__ import annotations

import re

from assistant.followup_listing import OPENER

_STANDS_FOR = re.compile(r"(?i)" + OPENER + r"(?:what (?:does|do) (?:it|that|they) )?(?:stands?|short) for"
                         r"(?: exactly)?\W*$")
_FULL_NAME = re.compile(r"(?i)" + OPENER + r"(?:the |its |their )?(?:full|long|complete) (?:name|form)"
                        r"(?: exactly)?\W*$")
_ABBREVIATION = re.compile(r"\b([A-Z]{2,8})\b")


def abbreviation_question(fragment: str, previous: str) -> str | None:
    """The question a fragment asking what an abbreviation stands for ("stands for?", "full name?") asks after
    ``previous``, which names one; None for any other fragment, or when ``previous`` names no abbreviation or
    several."""
    named = set(_ABBREVIATION.findall(previous))
    if len(named) != 1:
        return None
    abbreviation = named.pop()
    if _STANDS_FOR.match(fragment):
        return f"What does {abbreviation} stand for?"
    if _FULL_NAME.match(fragment):
        return f"What is the full name of the {abbreviation}?"
    return None
