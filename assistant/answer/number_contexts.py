"""What a number or a name of a claim or span is said of: the words near it, the words it counts, the sentence a
short one points back to, and which numbers are written as times; the support check compares a claim's with its
spans'.

- ``value_contexts``: (number, stem) for the words near each number, within its clause.
- ``value_units``: (number, stem) for the words a number counts ("32 table blocks").
- ``pointed_contexts``: a short sentence's numbers said of the sentence before ("The default is 128.").
- ``name_contexts``: (name word, stem) for the words near each capitalised word.
- ``time_numbers``: the numbers written as a date or after a time word.
"""

from __future__ import annotations

import itertools
import re

from assistant.answer.claim_rules import NUMBER_WORDS, plain_number
from assistant.answer.qtypes import DATE
from assistant.terms import STOPWORDS, stem, words


CLAUSE_BREAK = re.compile(r"[:;()\[\]]")
"""Where a claim's clause ends: what a number is said of stays on its side ("Three: (1) ..." counts nothing)."""
SPAN_CLAUSE_BREAK = re.compile(r";")
"""Where a span's clause ends for the same purpose; a span's "default: 30" and "(2016-03)" still say what their
numbers are of."""
_VALUE_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+")
MEASURE_UNITS = frozenset(stem(w) for w in (
    "byte bytes bit bits character characters char chars kb kib mb mib gb gib tb tib percent ms millisecond "
    "milliseconds".split()))
"""Stems of units a claim may name for a span's bare number ("1048576 bytes" for "is 1048576 (1 MiB)")."""
ARITHMETIC_CUES = frozenset(stem(w) for w in (
    "days weeks months years hours minutes seconds more less fewer difference differ apart total sum combined "
    "together higher highest lower lowest gap between after later before passed elapsed longer shorter earlier "
    "older newer increase decrease".split()
))
"""Stems that mark a number as computed (an interval, a difference, a total): only next to one of these may a
claim's number be derived from the span's values rather than found in it."""


REFERENCE_NOUNS = frozenset("chapter chapters section sections figure table appendix step page pages rfc example "
                            "clause paragraph".split())
"""Nouns that number a part of a document: the number after one ("see Chapter 13") is said of it alone."""


def _number_groups(text: str) -> list[tuple[str, int | None]]:
    """The content tokens of ``text`` (lower case) with, for each number, the group it belongs to: numbers joined by
    "-", "/" or ":" ("2016-03", "1-125") are one group; words have none."""
    out: list[tuple[str, int | None]] = []
    group = 0
    for m in _VALUE_TOKEN.finditer(text.lower()):
        token = m.group(0)
        if token in STOPWORDS and token not in NUMBER_WORDS and stem(token) not in ARITHMETIC_CUES:
            continue  # "374 more": a cue stays
        if not (token[0].isdigit() or token in NUMBER_WORDS):
            out.append((token, None))
            continue
        joined = m.start() > 1 and text[m.start() - 1] in "-/:" and text[m.start() - 2].isdigit()
        group += not joined
        out.append((token, group))
    return out


def value_contexts(text: str, window: int, breaks: re.Pattern[str] | None = None) -> frozenset[tuple[str, str]]:
    """(number, stem) for each content word within ``window`` content words of a number of ``text``, not past a number
    of another group (a word beyond it is that number's: "normally 0, and 1 on an error"): what the number is said of
    ("currently 3 name servers" → ("3", "name"), ("3", "server"), ...), or only of the part of a document it
    numbers ("Chapter 13", ``REFERENCE_NOUNS``); not across ``breaks`` when given (``CLAUSE_BREAK``,
    ``SPAN_CLAUSE_BREAK``)."""
    if breaks is not None:
        return frozenset().union(*(value_contexts(part, window) for part in breaks.split(text)))
    tokens = _number_groups(text)
    out = set()
    for i, (token, group) in enumerate(tokens):
        if group is None:
            continue
        value = NUMBER_WORDS.get(token) or plain_number(token)
        if i and tokens[i - 1][0] in REFERENCE_NOUNS:  # "(see Chapter 13)": 13 numbers the chapter, nothing else
            out.add((value, stem(tokens[i - 1][0])))
            continue
        before = itertools.takewhile(lambda t: t[1] in (None, group), reversed(tokens[max(0, i - window):i]))
        after = itertools.takewhile(lambda t: t[1] in (None, group), tokens[i + 1:i + 1 + window])
        out.update((value, stem(w)) for w, g in [*before, *after] if g is None)
    return frozenset(out)


_NAME_TOKEN = re.compile(r"[^\W\d_][\w'’-]*")


def name_contexts(text: str, window: int, breaks: re.Pattern[str] | None = None) -> frozenset[tuple[str, str]]:
    """(name word, stem) for each lower-case content word within ``window`` content words of a capitalised word of
    ``text``: what the name is said of ("at the behest of the United States, which had advocated" → ("united",
    "behest"), ("states", "advoc"), ...); not across ``breaks`` when given."""
    if breaks is not None:
        return frozenset().union(*(name_contexts(part, window) for part in breaks.split(text)))
    tokens = [t for t in _NAME_TOKEN.findall(text) if t.lower() not in STOPWORDS]
    out = set()
    for i, token in enumerate(tokens):
        if token[0].isupper():
            near = tokens[max(0, i - window):i] + tokens[i + 1:i + 1 + window]
            out.update((w, stem(n)) for w in words(token) for n in near if n[0].islower())
    return frozenset(out)


_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
SHORT_SENTENCE = 3
"""A span sentence with at most this many content words besides its numbers ("The default is 128.") says its
numbers of what the sentence before it names."""


def pointed_contexts(text: str) -> frozenset[tuple[str, str]]:
    """(number, stem) for each number of a short sentence (``SHORT_SENTENCE``) and each content word of the sentence
    before it: "Defines the number of table blocks ... of a BRIN index. The default is 128." says 128 of table blocks
    and BRIN indexes."""
    out: set[tuple[str, str]] = set()
    sentences = _SENTENCE_BREAK.split(text)
    for before, sentence in zip(sentences, sentences[1:]):
        tokens = [t for t in _VALUE_TOKEN.findall(sentence.lower()) if t not in STOPWORDS]
        values = [NUMBER_WORDS.get(t) or plain_number(t) for t in tokens
                  if t[0].isdigit() or t in NUMBER_WORDS]
        if values and len(tokens) - len(values) <= SHORT_SENTENCE:
            stems = {stem(t) for t in _VALUE_TOKEN.findall(before.lower()) if t not in STOPWORDS and not t[0].isdigit()}
            out.update(itertools.product(values, stems))
    return frozenset(out)


_COUNTED = re.compile(rf"(?<![\w.])(\d+(?:,\d{{3}})*(?:\.\d+)?|{'|'.join(NUMBER_WORDS)})\b"
                      rf"(?=((?:\s+[^\W\d_]+(?:/[^\W\d_]+)?){{0,3}}))")  # "64 concurrent read/write requests"


def value_units(text: str) -> frozenset[tuple[str, str]]:
    """(number, stem) for the content words written right after each number of ``text`` (up to three, to the first
    stopword; "read/write" one of them, two words): what it counts ("32 table blocks" → ("32", "tabl"), ("32",
    "block"); "3,000 MEK members"); ("128", "") for a number that counts nothing said ("The default is 128.")."""
    out = set()
    for n, phrase in _COUNTED.findall(text.lower()):
        value = NUMBER_WORDS.get(n) or plain_number(n)
        counted = list(itertools.takewhile(lambda w: w not in STOPWORDS and w not in NUMBER_WORDS, phrase.split()))
        out.update((value, stem(w)) for slot in counted or [""] for w in slot.split("/"))
    return frozenset(out)


_TIME_LEAD = re.compile(r"(?:\b(?:in|on|since|by|until|till|from|of|to|before|after|between|and|during|as of|"
                        r"january|february|march|april|may|june|july|august|september|october|november|december)"
                        r"|[,(–-])\s*$", re.IGNORECASE)  # a month before a year ("the July 2022 attack") too


def time_numbers(text: str) -> frozenset[str]:
    """The numbers of ``text`` written as a time: a date with a month or day, or a year after a time word ("in 2014",
    "from 1996 to 2004"); not a year-like number used of something else ("Sections 2004 through 9")."""
    out: set[str] = set()
    for m in DATE.finditer(text):
        if not m.group(0).isdigit() or _TIME_LEAD.search(text[:m.start()]) or m.start() == 0:
            out.update(re.findall(r"\d+", m.group(0)))
    return frozenset(out)
