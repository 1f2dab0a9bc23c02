"""A bare name of the wrong kind: "Turkey." (a country) as the answer to "Which Iranian body did Albania blame?" (an
organisation).

A "which/what X" question whose X (after at most two modifiers) is a kind with proper names (``NOUN_LABELS``: a
place, a person, an organisation) asks for a name of that kind; a bare answer (no verb) whose every named entity the
tagger puts in another of those families names something else, however close its span is to the question.
"""

from __future__ import annotations

import re

from assistant.answer.features import NOUN_LABELS

_NAMED_FAMILIES = frozenset({"PERSON", "ORG", "GPE", "LOC"})
_ASKED = re.compile(r"^\W*(?:\w+\s+)?(?:which|what)\s+((?:[\w'’-]+\s*){1,3})", re.IGNORECASE)


def asked_labels(question: str) -> frozenset[str] | None:
    """The entity labels that name the kind a "which/what X" question asks for ("Which Iranian body ..." → ORG, "In
    what country ..." → GPE/LOC; not "What is the company's ..."), else None."""
    found = _ASKED.match(question)
    for word in found.group(1).split() if found else ():
        if word.lower() in NOUN_LABELS:
            return NOUN_LABELS[word.lower()]
    return None


def wrong_kind_name(text: str, question: str) -> bool:
    """Whether a bare answer (no verb) names only things of another family than the kind the question asks for."""
    wanted = asked_labels(question)
    if wanted is None:
        return False
    from assistant.nlp import syntax

    parsed = syntax(text)
    if any(t.pos in ("VERB", "AUX") for t in parsed.tokens):
        return False
    labels = {label for _, _, label in parsed.ents}
    return bool(labels) and labels <= _NAMED_FAMILIES - wanted
