"""How a claim's names are found among a span's words: the words a text capitalises, initials of a run of
capitalised words, a name in another form (a demonym, a plural), and a compound name's words in order."""

from __future__ import annotations

import re

from assistant.answer.text_values import months
from assistant.terms import words

NAME = re.compile(r"\b[A-Z][\w'’-]*")
"""A word written with a capital."""
_NAME_ENDING = re.compile(r"(?:i?an|n|ns|s|es|ese|ish|i|is|er|ers)s?")  # what turns a place into its people
_NAME_GAP = 3  # words of a claim's compound name may stand this far apart in the span ("Prime Minister Edi Rama")
CAPITAL_RUN = re.compile(r"\b[A-Z][\w'-]*(?:\s+(?:(?:of|for)\s+(?:the\s+)?|and\s+)?[A-Z][\w'-]*)+")
"""A run of capitalised words, one name ("Bank of the West"); a bare "the" joins none ("In Farsi the PMOI is ...")."""


def capitalised(text: str) -> frozenset[str]:
    """Words written with a capital somewhere in ``text``, lower case: what can back a name of a claim ("the
    Regents of the University" backs "Regents"; "source code" does not back "the Source"; the month of a date
    backs no name)."""
    return frozenset(w for m in NAME.finditer(text) for w in words(m.group(0))) - months(text)


def acronyms(text: str) -> frozenset[str]:
    """Initials of runs of capitalised words ("Free Software Foundation" → "fsf"), lower case."""
    out = set()
    for run in CAPITAL_RUN.finditer(text):
        initials = "".join(w[0] for w in run.group(0).split() if w[0].isupper() and w not in ("The", "A", "An"))
        if len(initials) >= 2:
            out.add(initials.lower())
    return frozenset(out)


def name_found(name: str, span_words: frozenset[str]) -> bool:
    """The name, or a form of it with a demonym or plural ending (Iran/Iranian, Albania/Albanians; not
    Unix/UnixDir), is among the span's words."""
    if name in span_words:
        return True
    for word in span_words:
        short, long_ = (name, word) if len(name) <= len(word) else (word, name)
        if len(short) >= 4 and long_.startswith(short) and _NAME_ENDING.fullmatch(long_[len(short):]):
            return True
    return False


_STRING_PREFIX = re.compile(r"^(?:[bfru]|rb|br)'(?=\w)", re.IGNORECASE)
"""A string literal's prefix glued to its first word ("u'Estados Unidos'"): the word is the name's, and the next
word of the name must follow it at once."""


def in_order(compound: tuple[str, ...], sequence: tuple[str, ...]) -> bool:
    """Whether each word of a compound name is followed, within ``_NAME_GAP`` words, by the next one or by the words
    it is the initialism of ("University of Twente NOC" in "University of Twente Network Operations Center"); an
    option's letter is its name without the dash ("-B NUM"), a quoted word its word without a string prefix
    ("u'Estados")."""
    quoted = {i for i, w in enumerate(sequence) if _STRING_PREFIX.match(w)}  # a string's words stand side by side
    sequence = tuple(_STRING_PREFIX.sub("", w.lstrip("-").lower()) or w for w in sequence)
    for a, b in zip(compound, compound[1:]):
        starts = [i for i, w in enumerate(sequence) if name_found(a, frozenset([w]))]
        if not any(name_found(b, frozenset(sequence[i + 1:i + 1 + (1 if i in quoted else _NAME_GAP)]))
                   or _spelled_after(b, sequence, i) for i in starts):
            return False
    return True


def _spelled_after(initialism: str, sequence: tuple[str, ...], at: int) -> bool:
    """Whether the words right after position ``at`` begin with the letters of ``initialism`` (two letters or more)."""
    after = sequence[at + 1:at + 1 + len(initialism)]
    return len(initialism) > 1 and len(after) == len(initialism) and "".join(w[:1] for w in after) == initialism
