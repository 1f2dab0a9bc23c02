"""An outline entry asked by its neighbour: "which section comes after the cyber one?", "the link right before the
Britannica one?".

A list of headings, contents items or closing links has an order, so "after X" / "before X" names an entry by the
one beside it. The clause is read off the question (``neighbour_clause``), the entry it names is the one that
holds the most of its words (``neighbour_entries``), and a follow-up that asks it after a question about the
outline ("what sections are in the table of contents?" + "which one comes after the cyber one?") is that question
with the clause (``outline.neighbour_followup``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from assistant.terms import STOPWORDS, stem, words

if TYPE_CHECKING:
    from assistant.schema import Sentence

NEIGHBOUR_CLAUSE = re.compile(r"\b(?:right |just |directly |immediately )?(?P<side>after|before|following|preceding)\b"
                              r"(?P<anchor>[^?]*)", re.IGNORECASE)
_AFTER = frozenset({"after", "following"})
_ENTRY_WORDS = frozenset(stem(w) for w in """one ones section sections subsection subsections heading headings
    subheading subheadings chapter chapters link links entry entries item items part parts line lines listed
    list""".split())
"""Words that name an entry of the outline rather than which one it is ("the cyber *one*", "the Britannica *link*")."""
_POINTING = frozenset({"it", "that", "this", "them", "those", "these"})
_NEXT = re.compile(r"\b(?P<side>next|previous|after|before|following|preceding|below|above)\b", re.IGNORECASE)
_STEP_WORDS = frozenset(stem(w) for w in """next previous after before following preceding come comes came go goes
    follow follows right just directly immediately then one entry item what whats which and so ok below
    above""".split())
_ONWARD = frozenset({"next", "after", "following", "below"})


@dataclass(frozen=True)
class Neighbour:
    """The entry next to the one whose words are ``anchor`` (stems): ``step`` 1 after it, -1 before it."""

    step: int
    anchor: tuple[str, ...]


def neighbour_clause(question: str) -> tuple[str, Neighbour] | None:
    """The question without its "after X" / "before X" clause, and the neighbour it asks for; None when it has no
    such clause or the clause names nothing ("what comes after?", "the one after that?")."""
    found = NEIGHBOUR_CLAUSE.search(question)
    if not found:
        return None
    said = [w for w in words(found.group("anchor")) if w not in STOPWORDS or w in _POINTING]
    if not said or any(w in _POINTING for w in said):
        return None
    anchor = tuple(s for s in (stem(w) for w in said) if s not in _ENTRY_WORDS)
    if not anchor:
        return None
    step = 1 if found.group("side").lower() in _AFTER else -1
    return f"{question[:found.start()]}{question[found.end():]}", Neighbour(step, anchor)


def pointed_step(question: str) -> int | None:
    """1 (-1) when a short follow-up asks for the entry after (before) the one just answered and says nothing else
    ("what comes after it?", "and the next one?", "before that?"); None otherwise ("what happened after that?")."""
    found = _NEXT.search(question)
    if not found or any(w not in STOPWORDS and w not in _POINTING and stem(w) not in _STEP_WORDS | _ENTRY_WORDS
                        for w in words(question)):
        return None
    return 1 if found.group("side").lower() in _ONWARD else -1


def neighbour_entries(entries: list[Sentence], neighbour: Neighbour) -> list[Sentence]:
    """The entry the clause names (the one holding the most anchor words, a tie naming none) and the entry beside it
    in the asked direction; empty when no entry holds an anchor word or nothing lies beside it."""
    held = [sum(any(s.startswith(a) for s in map(stem, words(e.text))) for a in neighbour.anchor) for e in entries]
    best = max(held, default=0)
    if best == 0 or held.count(best) > 1:
        return []
    at = held.index(best)
    beside = at + neighbour.step
    return [entries[at], entries[beside]] if 0 <= beside < len(entries) else []
