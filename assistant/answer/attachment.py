"""Bare answers attached where the question asks: a phrase with no verb answers "Through which country ...?" only
when its span puts it after that preposition.

- ``asked_preposition``: the preposition a question opens with before "which"/"what"/"whose" ("Through which
  country ...", "From which country ...", "At whose request ..."); "in", "on", "since" and the like are left out:
  a place or a time is written with many prepositions ("living in Iraq" as "relocation from Iraq", "since 3.0" as
  "starting with 3.0").
- ``attached_elsewhere``: a bare answer ("Tirana in both cases.", "As a terrorist organization.") none of whose new
  words stands within ``ATTACH_REACH`` words after the question's preposition in any of its spans names something
  the span attaches elsewhere ("with Tirana", not "through Turkey"); a bare number is a value, not a thing attached.
- ``echoes_question``: a sentence that opens with the question's preposition and puts after it only what the
  question itself names ("Through Albania, since ..." to "Through which country did Iran ... in Albania?").
- ``preposition_unasked``: a bare phrase after a preposition ("With the MEK and the West.") where the question asks
  for a thing or a person as subject or object, or yes or no, with no preposition of its own where the answer goes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from assistant.answer.name_forms import name_found
from assistant.terms import STOPWORDS, words

ATTACH_REACH = 5
"""Words after the preposition in which the answer must stand ("at the behest of the United States")."""
_ASKED_PREPOSITION = re.compile(r"\W*(through|via|from|to|into|at|with|by)\s+(?:which|what|whose)\b", re.IGNORECASE)


LEAD_ANSWER = re.compile(r"\s*([^:;\u2014\u2013]+?)\s*[:;\u2014\u2013]\s+\S")
"""A short answer leading a sentence, set off by a colon, semicolon or dash."""


def asked_preposition(question: str) -> str | None:
    """The preposition the question opens with before "which"/"what"/"whose", lower case; None for any other."""
    found = _ASKED_PREPOSITION.match(question)
    return found.group(1).lower() if found else None


def bare_phrase(text: str) -> bool:
    """Whether ``text`` has no verb: a phrase, not a clause."""
    from assistant.nlp import syntax

    return not any(t.pos in ("VERB", "AUX") for t in syntax(text).tokens)


def attached_elsewhere(text: str, question: str, spans: Iterable[str]) -> bool:
    """Whether a bare answer to a question opening with a preposition (``asked_preposition``), or the bare answer
    leading a sentence before a colon or dash, has none of its new words within ``ATTACH_REACH`` words after that
    preposition in any span."""
    preposition = asked_preposition(question)
    if preposition is None:
        return False
    lead = LEAD_ANSWER.match(text)  # "From Iraq: the United States had advocated ...": the answer, then what backs it
    text = lead.group(1) if lead and bare_phrase(lead.group(1)) else text
    if not bare_phrase(text):
        return False
    asked = frozenset(words(question))
    new = [w for w in words(text) if w not in STOPWORDS and w not in asked and w != preposition]
    if not new or all(w[:1].isdigit() for w in new):  # a value ("4093 bytes" for "at what size"): written with
        # any preposition or none ("Defaults to 4093."), and checked as a value (``value_binding``)
        return False
    for span in spans:
        said = words(span)
        for i, word in enumerate(said):
            after = frozenset(said[i + 1:i + 1 + ATTACH_REACH])
            if word == preposition and any(name_found(w, after) for w in new):
                return False
    return True


def echoes_question(text: str, question: str) -> bool:
    """Whether the sentence opens with the question's preposition (``asked_preposition``) followed, up to the next
    comma or stop, only by words of the question: it puts what the question already names where the answer goes
    ("From Albania; ..." to "From which country did the US want the MEK moved to Albania?")."""
    preposition = asked_preposition(question)
    if preposition is None:
        return False
    opening = re.match(rf"\W*{preposition}\s+(?P<phrase>[^,;:.\u2014\u2013]+)", text, re.IGNORECASE)
    if opening is None:
        return False
    asked = frozenset(words(question))
    said = [w for w in words(opening.group("phrase")) if w not in STOPWORDS]
    return bool(said) and all(name_found(w, asked) for w in said)


_OPENING_PREPOSITIONS = "with|at|on|for|by|from|to|into|through|via|under|against|over"
_PREPOSITIONS = rf"(?:{_OPENING_PREPOSITIONS}|in|of|about)"
_OPEN_PREPOSITION = re.compile(rf"\W*(?!by default\b)(?:{_OPENING_PREPOSITIONS})\s+[^:]*$", re.IGNORECASE)
"""A phrase opening on a preposition, not "By default" and with no colon after which the answer is given."""
_SLOT_PREPOSITION = re.compile(  # "modelled on what rules?", "marked by, per the piece?", "with whom" (or "with who"): a
    # preposition of the question's own, where the answer goes; or one it opens with ("For how long ...", "With ...")
    rf"\b{_PREPOSITIONS}\s+(?:what|which|whom|who|whose)\b|\b{_PREPOSITIONS}\s*(?:[?,]|$)|^\W*{_PREPOSITIONS}\b",
    re.IGNORECASE)
_ASKS_OTHER = re.compile(r"\b(?:how|where|when|why)\b|\bor\b", re.IGNORECASE)
"""How, where, when or why asked anywhere, or a choice offered ("in 2014 or 2015?"): a phrase after a preposition
may be the answer."""


def preposition_unasked(text: str, question: str, kind: str) -> bool:
    """Whether a phrase with no verb that opens on a preposition ("With the MEK and the West.", "On the norms ...")
    answers a question that asks for a thing or a person as subject or object ("What sanctions did the US impose?")
    or asks yes or no: it tells where something stands, not what was asked. Not for a question that asks how,
    where, when or why, or a reason, date or place (``kind``), that offers a choice, or that has a preposition of
    its own where the answer goes (``_SLOT_PREPOSITION``)."""
    if kind in ("reason", "date", "place") or _ASKS_OTHER.search(question) or _SLOT_PREPOSITION.search(question):
        return False
    return bool(_OPEN_PREPOSITION.match(text)) and bare_phrase(text)
