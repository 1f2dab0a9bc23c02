"""Countries as people type them in a follow-up: "the us" in lower case, "the americans" for the country's people.

A person asking "and with the americans?" after "what's albania's relationship with israel like?" means the United
States; typed in lower case, "the us" is no pronoun ("us" never follows "the") but the country's initials. Documents
name the country, so the searched question names it too (general English only; a follow-up's words, nothing else).
"""

from __future__ import annotations

import re
from typing import Final

from assistant.terms import PEOPLES

SHORT_NAMES: Final[dict[str, str]] = {
    "us": "United States", "usa": "United States", "uk": "United Kingdom", "eu": "European Union",
    "un": "United Nations", "uae": "United Arab Emirates", "ussr": "Soviet Union",
}
"""Initials typed in lower case after "the", and the name they stand for."""
_THE_NAME = re.compile(r"\bthe\s+([A-Za-z]+)\b")


def spelled_out(question: str) -> str:
    """``question`` with "the us" (lower case initials after "the") and "the americans" (a country's people)
    written as the country: "and with the americans?" → "and with the United States?"; initials typed in capitals
    ("the US") and a people named without "the" ("americans") stay as typed."""

    def name(match: re.Match[str]) -> str:
        word = match.group(1)
        low = word.lower()
        if low in SHORT_NAMES and word == low:
            return f"the {SHORT_NAMES[low]}"
        if low in PEOPLES:
            return f"the {PEOPLES[low]}"
        return match.group(0)

    return _THE_NAME.sub(name, question)
