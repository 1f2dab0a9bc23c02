"""Names put in another name's place: a claim that copies its span's wording around a name but names someone else.

A span that says "Tirana is perhaps the United States' closest partner" does not support "Tirana is perhaps
Albania's closest partner": the words around the name (its *frame*) are the span's, the name in the frame is not.
``substituted_name`` finds such a name: the claim's name sits between words that the span also has, a few words
apart, with another name (a capitalised word) between them and no form of the claim's name (a demonym, its
initials: "US" for "United States") anywhere in that frame.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from assistant.answer.name_forms import name_found
from assistant.answer.text_values import MONTH_NAMES
from assistant.terms import ARTICLES, STOPWORDS

FRAME_WORDS = 3
"""Words around a name (at least one on each side where the claim has them) that fix its place."""
MAX_GAP = 4
"""Words another name may take in the span's frame ("Prime Minister Enver Hoxha")."""

_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_CODE = re.compile(r"[\w.@-]*(?:=|::)[\w.:=@-]*")  # "run=False", "Dir::State::Lists": a setting or a key path
_POSSESSIVE = re.compile(r"['’]s$", re.IGNORECASE)
_CLAUSE_END = re.compile(r"\s*(?:[,;:.!?)]|$)")
_POLARITY = frozenset({"yes", "no"})  # "Yes. Albania ...": a reply, not a name before a name


@dataclass(frozen=True)
class Token:
    """One word, lower case, whether it is written as a name (capitalised, not a stopword), and whether a clause
    ends right after it (a comma, semicolon, colon, full stop or closing bracket, or the end of the text)."""

    word: str
    name: bool
    ends_clause: bool = False


def tokens(text: str) -> list[Token]:
    """Word tokens of ``text`` (possessive "'s" dropped, hyphenated words split)."""
    out = []
    for m in _TOKEN.finditer(text):
        word = _POSSESSIVE.sub("", m.group(0))
        out.append(Token(word.lower(), word[:1].isupper() and word.lower() not in STOPWORDS,
                         bool(_CLAUSE_END.match(text, m.end()))))
    return out


def _names(claim: list[Token]) -> list[tuple[int, int]]:
    """(start, end) of each run of name tokens in the claim, a comma ending one ("Israel, NATO": two); its first
    word is a name only when a name follows it ("Edi Rama ...", not "Yes, ...": any first word is capitalised)."""
    runs, start = [], None
    opening = len(claim) > 1 and claim[1].name and not (claim[0].ends_clause and claim[0].word in _POLARITY)
    for i, t in enumerate([*claim, Token("", False)]):
        if i == 0 and not opening:
            continue
        if t.name and start is None:
            start = i
        elif t.name and claim[i - 1].ends_clause:  # "Israel, NATO": two names of a list, not one
            runs.append((start, i))
            start = i
        elif not t.name and start is not None:
            runs.append((start, i))
            start = None
    return runs


def _frame(claim: list[Token], start: int, end: int) -> tuple[list[str], list[str]] | None:
    """The words before and after a name that fix its place: two each side, or three on the one side the claim has
    (None when the claim gives fewer than ``FRAME_WORDS``)."""
    before = [t.word for t in claim[max(0, start - 2):start]]
    after = [t.word for t in claim[end:end + 2]]
    if not before:
        after = [t.word for t in claim[end:end + FRAME_WORDS]]
    if not after:
        before = [t.word for t in claim[max(0, start - FRAME_WORDS):start]]
    return (before, after) if len(before) + len(after) >= FRAME_WORDS else None


def _fillers(span: list[Token], before: list[str], after: list[str]) -> Iterable[list[Token]]:
    """What the span has between ``before`` and ``after`` (at most ``MAX_GAP`` words; with one side missing, the
    run of names next to the other side)."""
    words = [t.word for t in span]
    for j in range(len(span)):
        if before and words[j:j + len(before)] != before:
            continue
        if not before and words[j:j + len(after)] != after:
            continue
        if not before:
            k = j
            while k > 0 and j - k < MAX_GAP and span[k - 1].name:
                k -= 1
            yield span[k:j]
        elif not after:
            k = j + len(before)
            run = k
            while run < len(span) and run - k < MAX_GAP and span[run].name:
                run += 1
            if run > k and span[k - 1].word in ARTICLES and not span[run - 1].ends_clause and run < len(span) \
                    and _content(span[run].word):
                continue  # the name qualifies a noun ("the *Iranian* opposition group, the MEK"): no name's place
            yield span[k:run]
        else:
            k = j + len(before)
            for gap in range(1, MAX_GAP + 1):
                if words[k + gap:k + gap + len(after)] == after:
                    yield span[k:k + gap]
                    break


def _content(word: str) -> bool:
    """Whether a word can fix a name's place: not a stopword, a number or a month ("Iran on September 7" and "Tirana
    on September 8" share only a date)."""
    return word not in STOPWORDS and not word.isdigit() and word not in MONTH_NAMES


def _same(name: list[str], filler: list[Token]) -> bool:
    """Whether the filler names what the claim's name names: one of its words, a demonym of it, or its initials
    (some of them in a row: "GPL" for "GNU General Public License")."""
    words = frozenset(t.word for t in filler)
    initials = "".join(t.word[0] for t in filler if t.name)
    letters = "".join(name)
    return any(name_found(w, words) for w in name) or letters == initials or len(name) == 1 and len(letters) > 1 \
        and letters in initials


def code_words(text: str) -> frozenset[str]:
    """The words of ``text`` it writes inside a setting or key path ("run=False", "Dir::State::Lists"), lower case:
    capitalised there, they are values and keys of a program, not names of someone or something."""
    return frozenset(t.word for m in _CODE.finditer(text) for t in tokens(m.group(0)))


def substituted_name(claim: str, spans: Iterable[str]) -> str | None:
    """The claim's name that stands where a span, in the same words around it, names another (None when there is
    none): "the Albania' closest partner" against "the United States' closest partner". A key or value the claim
    writes in a setting or key path (``code_words``) is no name."""
    said = tokens(claim)
    span_tokens = [tokens(s) for s in spans]
    code = code_words(claim)
    for start, end in _names(said):
        name = [t.word for t in said[start:end]]
        if set(name) <= code:
            continue
        for frame in _frames(said, start, end):
            fillers = [f for span in span_tokens for f in _fillers(span, *frame)]
            if not fillers:
                continue
            if not any(_same(name, f) for f in fillers) and any(t.name for f in fillers for t in f):
                return " ".join(name)
            break
    return None


def _frames(claim: list[Token], start: int, end: int) -> list[tuple[list[str], list[str]]]:
    """The frame of a name (``_frame``), then, where it has two words on each side, the narrower frames of two
    words on one side and one on the other: a claim may copy its span's words on one side of the name and shorten
    them on the other ("opposition to the Farsi government, including ..." against "opposition to the Iranian
    government, engaging in ..."); where the name ends a clause of the claim, the two words before it alone, one of
    them not a stopword ("blamed the Prime Minister Edi Rama; afterwards ..." against "blamed the Iranian Foreign
    Ministry for orchestrating ..."); last, the two words after it alone, one of them not a stopword ("Analysts
    suggest Iranian hopes to ..." against "... by hosting the MEK, Albania hopes to ...")."""
    frame = _frame(claim, start, end)
    if frame is None:
        return []
    before, after = frame
    if claim[end - 1].ends_clause and after and len(before) == 2 and any(w not in STOPWORDS for w in before):
        return [frame, (before, [])]  # the name ends its clause: the span's name right after the same two words
    tail = [([], after)] if before and len(after) == 2 and any(_content(w) for w in after) else []
    if len(before) < 2 or len(after) < 2:
        return [frame, *tail]
    return [frame, (before, after[:1]), (before[1:], after), *tail]
