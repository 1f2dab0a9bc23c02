"""The name a question asks for, and whether a sentence gives one (relevance rules of the grounding guard).

- ``names_one``: a "which country/city/university ..." question (``asks_named_kind``) is answered by a sentence
  that adds a name other than a month's.
- a "who" question is answered by a sentence that adds a name to the question's ("Edi Rama"), or by a bare phrase
  that is no bare value (``bare_value.names_someone``).
- ``names_person``: a person asked for by a role ("who is the leader of X?", ``asks_person_by_role``) is answered by
  a sentence naming a person.
"""

from __future__ import annotations

import re

from assistant.answer.asked_forms import main_question, which_asked
from assistant.answer.name_forms import name_found
from assistant.answer.text_values import MONTH_NAMES
from assistant.terms import STOPWORDS, stem, words

_CAPITALISED = re.compile(r"\b[A-Z][\w'’-]*")
_ASKS_WHO = re.compile(r"\W*(?:who|whom)\b", re.IGNORECASE)
_ASKS_NAMED_KIND = re.compile(  # "In which country ...", "What university ...": kinds whose members have proper names
    r"\W*(?:\w+\s+)?(?:which|what)\s+(?:\w+\s+)?(?:country|countries|nation|nations|city|cities|town|towns|capital|"
    r"university|universities|college|company|companies|organi[sz]ations?|newspapers?|continent|island|river)\b",
    re.IGNORECASE)


# "who is the leader of X", "what's the name of the foreign minister who ...": a person asked for by a role; the
# phrase after the asking words, up to a clause or preposition, names the role
_ROLE_ASKED = re.compile(r"\b(?:name of|who(?:['’]s| is| was| are| were))\s+(?P<phrase>[^?,]*?)"
                         r"(?=\s+(?:who|that|which|of|in|at|for|from|when|during|behind)\b|\s*[?,]|$)", re.IGNORECASE)
# "which prime minister sent ...", "which albanian leader's telegram ...": the words after "which"/"what" up to a
# verb, or up to and with a possessive ("which country's foreign minister" asks for a country)
_WHICH_PHRASE = which_asked("by|from|to|of|for|with")
_NO_NOUN = frozenset("did does do is was are were has have had will would can could should kind sort type".split())


def asks_who(question: str) -> bool:
    """Whether the question opens with "who"/"whom": its answer names someone."""
    return bool(_ASKS_WHO.match(question))


def new_names(text: str, question: str) -> frozenset[str]:
    """Capitalised words of ``text`` (lower case, the first word too) that are neither stopwords nor, in any form,
    words of the question: the names a sentence adds ("Edi Rama" to "Who is the Albanian prime minister?")."""
    asked = frozenset(words(question))
    found = {w for m in _CAPITALISED.finditer(text) for w in words(m.group(0)) if w not in STOPWORDS and len(w) > 1}
    return frozenset(w for w in found if not name_found(w, asked))


def asks_named_kind(question: str) -> bool:
    """Whether the question asks which member of a kind whose members have proper names ("In which country ...",
    "What university ..."): its answer names one."""
    return bool(_ASKS_NAMED_KIND.match(main_question(question)))


def names_one(text: str, question: str) -> bool:
    """Whether a sentence names something the question does not (a month is no such name): "Iraq.", not "About
    3,000, in 2014." for "In which country ...?"."""
    return bool(new_names(text, question) - MONTH_NAMES)


_NAME_RUN = re.compile(r"\b[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+)+")
_BODY_WORDS = frozenset("organization organisation party ministry council committee university group union foundation "
                        "agency government department association institute company project times news".split())
"""Words that make a run of capitalised words the name of a body, not of a person (general English)."""


def asks_person_by_role(question: str) -> bool:
    """Whether the question asks for a person by a role ("who is the leader of X?", "what's the name of the foreign
    minister who ...?"; ``refusal.PERSON_ROLES``): its answer names a person."""
    from assistant.answer.refusal import PERSON_ROLES

    role_words = [w for m in _ROLE_ASKED.finditer(question) for w in words(m.group("phrase"))]
    return any(stem(w) in PERSON_ROLES for w in [*role_words, *which_phrase(question)])


def which_phrase(question: str) -> list[str]:
    """The words a "which/what X" question names its X by, after a topic named before it too (``main_question``):
    "which albanian leader's telegram ...?" → albanian, leader; none for "what did the minister say?"."""
    for found in _WHICH_PHRASE.finditer(main_question(question)):
        phrase = []
        for word in found.group(1).lower().split():
            bare = re.sub(r"['’]s$", "", word)
            if bare in _NO_NOUN:
                break
            phrase.append(bare)
            if bare != word:
                break
        if phrase:
            return phrase
    return []


def names_person(text: str, question: str) -> bool:
    """Whether a sentence can answer a question asking for a person by role: it names a person the question does
    not (a PERSON entity), or it is a bare phrase with no verb that adds a name ("Hossein Amir-Abdollahian.")."""
    from assistant.nlp import syntax

    parsed = syntax(text)
    asked = frozenset(words(question))
    if any(label == "PERSON" and not all(name_found(w, asked) for w in words(parsed.span(a, b)))
           for a, b, label in parsed.ents):
        return True
    for run in _NAME_RUN.finditer(text):  # "Maryam Rajavi", which the tagger may call an organisation
        run_words = [w for w in words(run.group(0)) if w not in STOPWORDS]
        if len(run_words) >= 2 and not _BODY_WORDS & set(run_words) and not any(name_found(w, asked) for w in run_words):
            return True
    return bool(new_names(text, question)) and not any(t.pos in ("VERB", "AUX") for t in parsed.tokens)
