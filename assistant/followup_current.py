"""A count asked of the present ("how many are there *now*?", "how many still live there *today*?") is answered only
by a number a sentence states in the present tense ("Since kernel version 5.6 there *are* 8 kinds of namespaces"):
"in 2014 Albania *accepted* approximately 3,000 members" counts those who came then, not those there now. Checked
on every question's cited sentences by the follow-up gate (``followup_asked``)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.nlp import Syntax, syntax

_HOW_MANY = re.compile(r"(?i)\bhow\s+(?:many|much)\b")
_NOW = re.compile(r"(?i)\b(?:now|today|nowadays|currently|still|these days|at present|any ?more)\b")
_PRESENT_TAGS = frozenset({"VBZ", "VBP"})


def asks_current_count(question: str) -> bool:
    """Whether ``question`` asks "how many/much ...?" of the present: now, today, still, currently, these days."""
    return bool(_HOW_MANY.search(question) and _NOW.search(question))


def _governing_verb(parsed: Syntax, i: int) -> int | None:
    """The verb (or auxiliary) a token's clause hangs from: its nearest verb ancestor."""
    seen = set()
    while i not in seen:
        seen.add(i)
        t = parsed.tokens[i]
        if t.pos in ("VERB", "AUX"):
            return i
        if t.head == i:
            return None
        i = t.head
    return None


def present_count(sentence: str) -> bool:
    """Whether a number of ``sentence`` sits in a present-tense clause: its verb, or an auxiliary of it, is present
    ("there *are* 8 kinds", "it *has* grown to 40")."""
    parsed = syntax(sentence)
    for t in parsed.tokens:
        if t.ent not in ("CARDINAL", "QUANTITY", "PERCENT", "MONEY") and not (t.pos == "NUM" and t.ent != "DATE"):
            continue
        verb = _governing_verb(parsed, t.i)
        if verb is None:
            continue
        tags = {parsed.tokens[verb].tag} | {c.tag for c in parsed.tokens if c.head == verb and c.dep.startswith("aux")}
        if tags & _PRESENT_TAGS:
            return True
    return False


def no_current_count(asked: str, searched: str, cited: Sequence[str]) -> str | None:
    """The question asks a count of the present and no cited sentence states a number in the present tense."""
    if not (asks_current_count(asked) or asks_current_count(searched)) or any(present_count(s) for s in cited):
        return None
    return "the passages found give no count as it stands now"
