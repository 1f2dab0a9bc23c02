"""A question whose doer and done-to the best cited sentence has the other way round: "when did israel recognise
albania (back)?" is not answered by "Albania recognized the state of Israel on April 16, 1949". Checked on every
question's answer by the follow-up gate (``followup_asked``), as the guard checks a backend's claims
(``relevance.swapped_subject``).

Questions are typed in lower case and in either spelling, so the question's words take the case the sentence writes
them in ("israel" → "Israel"), and "-ise" verbs are read as "-ize" on both sides, before the roles are compared."""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.answer.relevance import swapped_subject

_ISE = re.compile(r"(?i)(?<=\w{3})is(e|es|ed|ing)\b")
_WORD = re.compile(r"[A-Za-z][\w'’-]*")


def _izes(text: str) -> str:
    """British "-ise" verb forms in their "-ize" spelling ("recognised" → "recognized")."""
    return _ISE.sub(lambda m: "iz" + m.group(1), text)


def cased_like(question: str, sentence: str) -> str:
    """``question`` with each word that ``sentence`` writes capitalised written so ("israel" → "Israel")."""
    capitalised = {w.lower(): w for w in _WORD.findall(sentence) if w[:1].isupper()}
    return _WORD.sub(lambda m: capitalised.get(m.group(0).lower(), m.group(0)) if m.start() else m.group(0), question)


def reversed_roles(asked: str, searched: str, cited: Sequence[str]) -> str | None:
    """The reason to refuse an answer whose best cited sentence (the first) uses the question's verb with the
    question's doer among those it was done to, and another doer, the question naming at least two parties the
    sentence names ("how many columns can an index have?" names none: its parse may take "columns" for the
    doer); None otherwise."""
    if not cited:
        return None
    best = _izes(cited[0])
    cased = _izes(cased_like(searched, best))
    named = {w for w in _WORD.findall(cased[1:]) if w[:1].isupper()}  # its first word is capitalised anyway
    if len(named) >= 2 and swapped_subject(cased, [best]):  # two named parties: a parse of nouns alone misleads
        return "the passages found say it the other way round"
    return None
