"""Initials typed in lower case: "the mek" is the documents' MEK.

People type a name's initials in lower case in a chat ("what about the mek — what happens with them?"); the parser
then reads "mek" as a common noun, no organisation, so "them" cannot point to it and "they" after "when did albania
take the mek" reads Albania. A short word the documents write only in capitals, and often, is written so in the
conversation's questions before they are read (general document evidence: the documents' own spelling, no list).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from assistant.followup_params import CASE, CaseParams

_WORD = re.compile(r"\b[A-Za-z]+\b")


@dataclass(frozen=True)
class Initials:
    """The words the documents write only in capitals (lower case key → as written): "mek" → "MEK"."""

    written: dict[str, str]

    @classmethod
    def of(cls, texts: Iterable[str], params: CaseParams = CASE) -> Initials:
        """The short words that ``texts`` write in capitals at least ``params.min_count`` times and never otherwise
        ("MEK", "NATO"; not "DEFERRED", longer than initials, nor "Iran")."""
        forms: dict[str, Counter[str]] = {}
        for text in texts:
            for word in _WORD.findall(text):
                if params.min_letters <= len(word) <= params.max_letters:
                    forms.setdefault(word.lower(), Counter())[word] += 1
        return cls({low: next(iter(seen)) for low, seen in forms.items()
                    if len(seen) == 1 and next(iter(seen)).isupper() and sum(seen.values()) >= params.min_count})

    def cased(self, question: str) -> str:
        """``question`` with each such word typed in lower case written as the documents write it: "what about the
        mek?" → "what about the MEK?"; other words, and a word typed with any capital ("Mek"), stay as typed."""
        return _WORD.sub(lambda m: self.written.get(m.group(0), m.group(0)) if m.group(0).islower() else m.group(0),
                         question)
