"""Refusal evidence from how a question is put: it asks why, or states a premise outright (both take something
for granted that the documents may contradict), or it asks how to do something, for a yes or a no, or what a thing
is (forms whose share of unanswerable questions differs from the rest; the fitted model weighs each as a prior).
``refusal.py`` holds the other rules and the list the model weighs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from assistant.answer.premise import LEAD, PremiseDenial, affirmed_terms, premise_clause, states_premise

if TYPE_CHECKING:
    from assistant.answer.features import Candidate, QuestionView

_ASKS_WHY = re.compile(  # not "why would I / someone ...": a motive asked for a choice the asker (or anyone) may
    # make, which asserts nothing about the documents' subject
    LEAD + r"(?:why(?!\s+(?:would|should|might|could)\s+(?:i|you|we|one|someone|somebody|anyone|anybody|people|"
    r"users?|a user|admins?|developers?)\b)|how come)\b", re.IGNORECASE)
_PREMISE_OPENER = re.compile(  # not "since when/what version ...": that asks for a time
    LEAD + r"(?:since(?!\s+(?:when|what|which|how)\b)|because|given that|as)\b", re.IGNORECASE)
_CONFIRMING_TAG = re.compile(r"\b(?:right|correct|isn't it|doesn't it)\s*\?", re.IGNORECASE)  # "X, right?"
# The asker's own situation told before the question ("my pages still have absolute links, which module ...?",
# "udev isn't loading my modules, what ...?"): what happened to them, not a claim about the documents' subject
_FIRST_PERSON = re.compile(r"\b(?:i|me|my|mine|we|our|i['’]m|im|i['’]ve|ive)\b", re.IGNORECASE)
_STATEMENT_THEN_ASKS = re.compile(r",\s*(?:so )?(?:how|what|which|can)\b", re.IGNORECASE)  # "X is Y, so how ..."
# A question that opens with a prepositional phrase ("In the manifesto, what ...", "With mod_userdir, which ..."):
# it sets the scene and states nothing to contradict ("After X happened, how ..." does, and still counts).
_FRAMED = re.compile(r"^\W*(?:in|by|with|for|on|at|from|during|within|under|per|according to|without|using)\b",
                     re.IGNORECASE)


@dataclass(frozen=True)
class AsksWhy:
    """The question asks why ("why does X ...", "how come X ..."): it takes X for granted, a premise the documents
    may contradict, but most such premises are true. Apart from ``TakesForGranted``, which states a premise outright
    and is far more often wrong (on the tuning parts at stop 61, 76 of 234 why-questions were to be refused, 40 of
    the 51 that state a premise)."""

    name: str = "asks_why"

    def __call__(self, q: QuestionView, ranked: list[Candidate]) -> float:
        return float(bool(_ASKS_WHY.search(q.query.text)))


@dataclass(frozen=True)
class TakesForGranted:
    """The question states a premise outright rather than only asking ("since X, how ...", "X, right?", "X is Y, so
    what ..."): a premise the documents may contradict. What comes before the comma states one only when
    it is a clause of its own (``states_premise``) that does not tell the asker's own situation: not "In the manual,
    what ...", "the worst attack, what day?", "If I run X, which ...", "once X was done, which ..." or
    "X isn't loading my modules, what ...".
    A premise one of the ``first`` candidates states in full (``PremiseDenial.affirms``) is not in doubt: "after
    integer values are read off disk into memory, what type ...?" against "as soon as INTEGER values are read off of
    disk and into memory for processing, they are converted to ..." does not count. Nor does an opening "since" or
    "as" whose premise cannot be read off (``premise_clause``: no comma closes it; a closing "right?" needs none):
    "as a nato member is albania just watching ...?" names a role, and a premise that cannot be read cannot be
    checked."""

    name: str = "takes_for_granted"
    first: int = 3
    premise: PremiseDenial = PremiseDenial()

    def __call__(self, q: QuestionView, ranked: list[Candidate]) -> float:
        text = q.query.text
        asks = _STATEMENT_THEN_ASKS.search(text)
        opened = (premise_clause(text) is not None if _PREMISE_OPENER.search(text)  # the opening's premise read
                  else bool(_CONFIRMING_TAG.search(text)))
        stated = opened or bool(asks and not _FRAMED.search(text) and not _FIRST_PERSON.search(text[:asks.start()])
                                and states_premise(text[:asks.start()]))
        if not stated:
            return 0.0
        affirmed = affirmed_terms(text)
        return float(not any(self.premise.affirms(affirmed, c.sentence.text) for c in ranked[:self.first]))


@dataclass(frozen=True)
class AsksHowTo:
    """The question asks how to do something ("how do I ...", "how to ...", "which option ...":
    ``QuestionView.instruction``). Users ask documentation for features it lacks, and ask it this way: on the
    tuning parts at stop 81, 124 of 211 such questions were to be refused, against 1,108 of 3,691 in all."""

    name: str = "asks_how_to"

    def __call__(self, q: QuestionView, ranked: list[Candidate]) -> float:
        return float(q.instruction)


# "..., or does it have to be plain /bin/sh?", "... or not?": a choice between two claims, of which the documents
# usually state one (stop 83 tuning parts: 2 of 20 such questions to be refused)
_ALTERNATIVE = re.compile(r"\bor\s+(?:is|are|was|were|do|does|did|can|could|should|will|would|has|have|must)\b"
                          r"|\bor not\b", re.IGNORECASE)
# "can i put a man page into section 0? what range of sections is ok": a wh-question after the yes/no one asks for
# what the documents say (stop 83 tuning parts: 1 of 15 to be refused)
_THEN_ASKS = re.compile(r"[?.;:]\s+(?:(?:and|so)\s+|if (?:so|not),?\s+)?(?:what|which|who|whom|whose|where|why|how|"
                        r"when)\b", re.IGNORECASE)


def asks_only_yes_no(q: QuestionView) -> bool:
    """A yes/no question that is only that: not a choice between two claims, nor followed by a wh-question."""
    return q.yes_no and not _ALTERNATIVE.search(q.query.text) and not _THEN_ASKS.search(q.query.text)


@dataclass(frozen=True)
class AsksYesNo:
    """The question asks only for a yes or a no ("is X ...?", "can I ...?": ``asks_only_yes_no``): it proposes a
    claim, which the documents may neither make nor deny (stop 83 tuning parts: 81 of 188 to be refused, against 3
    of 35 where it offers a choice or asks a wh-question after)."""

    name: str = "asks_yes_no"

    def __call__(self, q: QuestionView, ranked: list[Candidate]) -> float:
        return float(asks_only_yes_no(q))


@dataclass(frozen=True)
class AsksDefinition:
    """The question asks what a thing is or means (``QuestionView.definitional``): documents name what they
    define, so such questions are seldom to be refused (stop 81 tuning parts: 19 of 98)."""

    name: str = "asks_definition"

    def __call__(self, q: QuestionView, ranked: list[Candidate]) -> float:
        return float(q.definitional)
