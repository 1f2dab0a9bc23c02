"""Elliptical follow-ups that say what happens without saying to what, read against the previous question:

- a participle phrase with words of its own and no subject ("and hosted in albania since when?" after "What does
  MEK stand for?") is said of the previous question's subject: "MEK hosted in albania since when?";
- "that" standing for what the previous yes/no question asked to do ("can it show the hostname instead of the
  IP?" + "why isn't *that* recommended?") is that action as a gerund phrase: "Why isn't showing the hostname
  instead of the IP recommended?".

``followup.resolve`` asks these before its general rules (a fragment read into the previous question, an event
"that" as the previous question's two most telling words).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from assistant.nlp import Syntax, syntax

_YES_NO = frozenset("can could does do did is are will would should may must".split())
_VOWELS = "aeiou"


def participle_fragment(core: Syntax) -> bool:
    """Whether the question is a participle phrase with no subject and no auxiliary, and a noun of its own
    ("hosted in albania since when?"; not "based on what?", which qualifies the previous question's verb)."""
    toks = [t for t in core.tokens if t.pos not in ("PUNCT", "CCONJ")]
    if not toks or toks[0].tag not in ("VBN", "VBG") or toks[0].dep != "ROOT":
        return False
    root = toks[0].i
    if any(t.head == root and t.dep.startswith(("nsubj", "aux", "expl")) for t in core.tokens):
        return False
    return any(t.pos in ("NOUN", "PROPN") for t in toks[1:])


def subject_first(core: Syntax, subject_of: Callable[[], str | None]) -> str | None:
    """The participle fragment ``core`` said of the previous question's subject phrase (``subject_of()``, looked
    up only for such a fragment), None when ``core`` is no such fragment or there is no subject."""
    subject = subject_of() if participle_fragment(core) else None
    if not subject:
        return None
    text = "".join(t.text + " " * t.space for t in core.tokens if t.pos != "CCONJ" or t.i > 0).strip()
    return f"{subject} {text}"


def gerund(verb: str) -> str:
    """The -ing form of a verb's lemma ("show" → "showing", "make" → "making", "set" → "setting", "die" →
    "dying")."""
    if verb.endswith("ie"):
        return verb[:-2] + "ying"
    if verb.endswith("e") and not verb.endswith(("ee", "ye", "oe")) and len(verb) > 2:
        return verb[:-1] + "ing"
    if (len(verb) <= 4 and len(verb) >= 3 and verb[-1] not in _VOWELS + "wxy" and verb[-2] in _VOWELS
            and verb[-3] not in _VOWELS):
        return verb + verb[-1] + "ing"
    return verb + "ing"


def action_phrase(previous: str) -> str | None:
    """What the previous yes/no question asked to do, as a gerund phrase with its object: "can it show the hostname
    instead of the IP?" → "showing the hostname instead of the IP"; None for another kind of question or a verb
    without an object."""
    parsed = syntax(previous)
    toks = [t for t in parsed.tokens if t.pos != "PUNCT" or t.text not in "?!."]
    if not toks or toks[0].text.lower() not in _YES_NO:
        return None
    root = next((t for t in toks if t.dep == "ROOT" and t.pos == "VERB"), None)
    if root is None or not any(t.head == root.i and t.dep == "dobj" for t in toks):
        return None
    rest = "".join(t.text + " " * t.space for t in toks if t.i > root.i).strip()
    return re.sub(r"\s+", " ", f"{gerund(root.lemma.lower())} {rest}").strip()
