"""A bare name of the wrong kind: "Turkey." (a country) as the answer to "Which Iranian body did Albania blame?" (an
organisation); no person's name where the name of a minister, a leader, ... is asked; and a people's or a place's
adjective made a noun of its own ("at the behest of the Iranian") where the spans only modify a noun with it.

A "which/what X" question whose X (after at most two modifiers) is a kind with proper names (``NOUN_LABELS``: a
place, a person, an organisation) asks for a name of that kind; a bare answer (no verb) whose every named entity the
tagger puts in another of those families names something else, however close its span is to the question.
"""

from __future__ import annotations

import re

from assistant.answer.asked_forms import main_question, which_asked
from assistant.answer.features import NOUN_LABELS
from assistant.answer.refusal import PERSON_ROLES
from assistant.answer.text_values import MONTH_NAMES
from assistant.terms import STOPWORDS, stem, words

_NAMED_FAMILIES = frozenset({"PERSON", "ORG", "GPE", "LOC"})
_PERSON_NAME_ASKED = re.compile(r"\bname of (?:the |an? |this |that |their |its )?(?P<whose>(?:[\w'’-]+\s*){1,4}?)"
                                r"(?:\s+(?:who|whom|whose|that|which|of|in|at|for|behind)\b|\W*$)", re.IGNORECASE)
# "Which Iranian body ...", "In what country ...", and after a preposition inside the question ("... via which
# country?", "... from what city?")
_ASKED = which_asked("via|through|in|from|to|at|into|by")


def asked_labels(question: str) -> frozenset[str] | None:
    """The entity labels that name the kind a "which/what X" question asks for ("Which Iranian body ..." → ORG, "In
    what country ..." → GPE/LOC; not "What is the company's ..."), else None; after a topic named before it too
    ("one word answer pls - which country ...?": ``asked_forms.main_question``)."""
    for found in _ASKED.finditer(main_question(question)):
        for word in found.group(1).split():
            if word.lower() in NOUN_LABELS:
                return NOUN_LABELS[word.lower()]
    return None


def wrong_kind_name(text: str, question: str) -> bool:
    """Whether an answer names only things of another family than the kind the question asks for, of the names the
    question does not hold itself ("Albania's embassy is in Enver Hoxha." to "In which city is Albania's
    embassy?")."""
    wanted = asked_labels(question)
    if wanted is None:
        return False
    from assistant.nlp import syntax

    parsed = syntax(text)
    asked = frozenset(words(question))
    labels = {label for start, end, label in parsed.ents
              if not all(w in asked for w in words(" ".join(t.text for t in parsed.tokens[start:end])))}
    return bool(labels) and labels <= _NAMED_FAMILIES - wanted


def lacks_person_name(text: str, question: str) -> bool:
    """Whether the question asks the name of someone by role ("What's the name of the Iranian foreign minister who
    ...?": ``refusal.PERSON_ROLES``) and the sentence names no person: no PERSON entity, and no capitalised word
    the question lacks (a month is none; the first word only when the tagger takes it for a proper noun)."""
    asked = _PERSON_NAME_ASKED.search(question)
    if not asked or not any(stem(w) in PERSON_ROLES for w in words(asked.group("whose"))):
        return False
    from assistant.nlp import syntax

    parsed = syntax(text)
    if any(label == "PERSON" for _, _, label in parsed.ents):
        return False
    known = frozenset(words(question)) | MONTH_NAMES | STOPWORDS
    return not any(t.text[:1].isupper() and t.text.lower() not in known and (t.i > 0 or t.pos == "PROPN")
                   for t in parsed.tokens)


_HEAD_ROLES = frozenset({"ROOT", "nsubj", "nsubjpass", "dobj", "pobj", "poss", "conj", "appos", "attr"})
"""Roles in which a word heads its own noun phrase ("the *Iranian*.", "at the behest of *Iran*"), as opposed to
modifying another noun ("*Iranian* retaliation")."""
_PEOPLE_ENDING = re.compile(r"(?:i?an|n|ese|ish|i)s?")  # what turns a place's name into its people's: Iran/Iranian


def _capitalised(text: str) -> list[tuple[str, bool]]:
    """(word in lower case, whether it heads a noun phrase) for each capitalised noun or adjective of ``text``."""
    from assistant.nlp import syntax

    return [(t.text.lower(), t.dep in _HEAD_ROLES) for t in syntax(text).tokens
            if t.text[:1].isupper() and t.pos in ("PROPN", "ADJ", "NOUN")]


def modifier_as_name(claim: str, spans: list[str], places: frozenset[str]) -> str | None:
    """A people's word the claim makes a noun phrase of its own (a doer, an object: "The *Iranian*.", "at the behest
    of the *Iranian*") that no span uses so, where it is the people's form of a name the spans or their headings
    hold (``places``, lower case: "iran"): the spans only write it before a noun ("*Iranian* retaliation") or name
    the place itself, so it stands where they name something else. None when there is none ("*Iran*" from "the
    *Iranian* government" passes, and so do names of no place: "Debian", "TRUNCATE")."""
    heads = {w for span in spans for w, head in _capitalised(span) if head}
    for word, head in _capitalised(claim):
        if head and word not in STOPWORDS and word not in heads and any(
                len(p) >= 4 and word.startswith(p) and _PEOPLE_ENDING.fullmatch(word[len(p):]) for p in places):
            return word
    return None


_MODIFIER_ROLES = frozenset({"amod", "compound"})


def _named_modifiers(text: str) -> dict[str, set[str]]:
    """Each common noun (lemma, lower case) of ``text`` with the capitalised words written before it as its modifiers
    ("the *Iranian* government", "a staunch *Western* ally"; not a sentence's first word, nor a word in capitals, a
    keyword or an acronym: "ON *DELETE* triggers"), lower case."""
    from assistant.nlp import syntax

    tokens = syntax(text).tokens
    out: dict[str, set[str]] = {}
    for t in tokens:
        head = tokens[t.head]
        if t.dep in _MODIFIER_ROLES and t.i > 0 and t.text[:1].isupper() and not t.text.isupper() \
                and t.pos in ("PROPN", "ADJ") and head.pos == "NOUN" and t.i < head.i:
            out.setdefault(head.lemma.lower(), set()).add(t.text.lower())
    return out


def swapped_modifier(claim: str, spans: list[str]) -> str | None:
    """A name the claim puts before a noun in place of the one its spans write there, taken from elsewhere in the
    spans ("opposing the *Farsi* government" where a span says "opposing the Iranian government" and another
    "known in Farsi as ..."): a value attached to the wrong thing. None when a span writes the claim's modifier with
    that noun, writes the noun with no name before it, or lacks the modifier altogether (a paraphrase, "the *US*
    government" for "the American government", is left to the support check)."""
    said: dict[str, set[str]] = {}
    for span in spans:
        for noun, names in _named_modifiers(span).items():
            said.setdefault(noun, set()).update(names)
    mentioned = frozenset(w for span in spans for w in words(span))
    for noun, names in _named_modifiers(claim).items():
        for name in names:
            if said.get(noun) and name not in said[noun] and name in mentioned:
                return name
    return None
