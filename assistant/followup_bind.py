"""A pronoun that cannot stand for its own clause's subject: "is albania even in *it*?" asks whether Albania is in
something else, so "it" points to the previous turn, not to Albania (an object pronoun is never its own subject;
a possessive can be: "did Israel open *its* embassy?").

``followup_agree.named_before`` asks ``own_subject`` to leave such a name aside; ``followup.resolve`` asks
``other_phrase`` for what the pronoun stands for when the phrase it would take is the one the question names.
"""

from __future__ import annotations

from assistant.nlp import WH_TAGS, Syntax, syntax

_OBJECT_PRONOUNS = frozenset({"it", "them", "him", "her"})


def own_subject(parsed: Syntax, at: int, start: int, end: int) -> bool:
    """Whether the name ``tokens[start:end]`` is the subject of the clause the object pronoun at ``at`` belongs to
    ("*albania*" for the "it" of "is albania even in it?"), or the owner of the noun phrase the pronoun stands in
    ("albania's answer to it"): then the pronoun cannot stand for it. The subject of a
    verbless clause under the verb is its object too ("iran considers *it* what?": "it" what, no verb of its own)."""
    toks = parsed.tokens
    subject = toks[at].dep.startswith("nsubj") and not small_clause(parsed, at)
    if toks[at].text.lower() not in _OBJECT_PRONOUNS or subject:
        return False
    verb, seen = toks[at].head, {at}
    while toks[verb].pos not in ("VERB", "AUX") and toks[verb].head != verb and verb not in seen:
        seen.add(verb)
        verb = toks[verb].head
    return any(toks[i].dep.startswith("nsubj") and toks[i].head == verb or toks[i].dep == "poss" and toks[i].head in seen
               for i in range(start, end))


def small_clause(parsed: Syntax, at: int) -> bool:
    """Whether the subject at ``at`` heads no verb of its own but a clause under another verb ("iran considers *it*
    what?": "it what", the object and its complement of "considers")."""
    head = parsed.tokens[parsed.tokens[at].head]
    return head.pos not in ("VERB", "AUX") and head.dep in ("ccomp", "xcomp", "oprd") and head.head != head.i


def other_phrase(previous: str, question: Syntax) -> str | None:
    """The previous question's last noun phrase that the question does not name already (what "it" in "is albania
    even in it?" points to after "did albania take the iran cyberattack to nato?": "nato"); None when there is
    none."""
    parsed = syntax(previous)
    named = {t.text.lower() for t in question.tokens}
    toks = parsed.tokens
    for start, end in reversed(parsed.chunks):
        words = [t for t in toks[start:end] if t.pos not in ("DET", "PUNCT")]
        if not words or any(t.tag in WH_TAGS or t.pos == "PRON" for t in words):
            continue
        if not all(t.text.lower() in named for t in words):
            return "".join(t.text + " " * t.space for t in words).strip()
    return None


_ROLES = ("dobj", "pobj", "nsubj", "nsubjpass")


def parallel_phrase(parsed: Syntax, at: int, previous: Syntax) -> str | None:
    """What the pronoun at ``at`` stands for when its verb is the previous question's verb: the phrase that held the
    same role there ("which country offered *albania cyber aid*?" + "when did they offer *it*?": the object of
    "offer" again); None when the verb differs, that role was a wh-word or the pronoun's own, or no noun phrase held
    it."""
    toks, before = parsed.tokens, previous.tokens
    pronoun = toks[at]
    verb = toks[pronoun.head]
    if pronoun.dep not in _ROLES or verb.pos != "VERB":
        return None
    for t in before:
        if t.dep != pronoun.dep or before[t.head].lemma != verb.lemma or before[t.head].pos != "VERB":
            continue
        if t.tag in WH_TAGS or t.pos == "PRON" or any(x.tag in WH_TAGS for x in before if x.head == t.i):
            return None  # "which country offered ...": the answer fills that role, not a phrase of the question
        chunk = next(((s, e) for s, e in previous.chunks if s <= t.i < e), None)
        if chunk is None:
            return None
        words = [x for x in before[chunk[0]:chunk[1]] if x.pos not in ("DET", "PUNCT")]
        return "".join(x.text + " " * x.space for x in words).strip() or None
    return None
