"""A yes/no follow-up asks whether something was done: "has the UN adopted any of that?" after "what will Tirana
push for?". Its words from the history (what Tirana pushes for) are covered by the passage that answered the
earlier question, so that passage is found again; but the verb the follow-up asks about ("adopted") is the one
thing it adds, and an answer none of whose sentences says it (by its stem, a near form or a synonym) speaks of
something else: the follow-up is refused."""

from __future__ import annotations

from collections.abc import Sequence

from assistant.answer.matching import sentence_stems, term_match
from assistant.answer.synonyms import synonyms
from assistant.nlp import Syntax, Token, syntax
from assistant.terms import stem

LIGHT_VERBS = frozenset("be have do get make go use need let give take put keep come work happen".split())
"""Verbs that carry little of their own ("can I *make* it expire?", "is it *working*?"): never asked about alone."""
_OPENERS = frozenset("and so but ok okay then also well".split())


def asked_predicate(question: Syntax) -> Token | None:
    """The verb a yes/no question asks about: its main verb, led by an auxiliary that opens the question ("*has*
    the UN *adopted* it?"); None for a wh-question, "is there ...?", or a light verb."""
    toks = [t for t in question.tokens if t.pos != "PUNCT" and t.text.lower() not in _OPENERS]
    root = next((t for t in question.tokens if t.dep == "ROOT"), None)
    if not toks or root is None or root.pos not in ("VERB", "NOUN") or root.lemma.lower() in LIGHT_VERBS:
        return None  # a root tagged a noun under an auxiliary is a verb the tagger missed ("did the mayor resign?")
    opener = toks[0]
    return root if opener.pos == "AUX" and opener.head == root.i and opener.i < root.i else None


def says(verb: Token, sentences: Sequence[str]) -> bool:
    """Whether any sentence holds the verb: its stem, a near form, or a synonym."""
    stems = frozenset().union(*(sentence_stems(s) for s in sentences)) if sentences else frozenset()
    forms = {stem(verb.lemma.lower()), stem(verb.text.lower())}
    return any(term_match(form, stems) or synonyms(form) & stems for form in forms)


def predicate_unsaid(searched: str, cited: Sequence[str]) -> bool:
    """True when ``searched`` is a yes/no question about a verb that no ``cited`` sentence holds."""
    verb = asked_predicate(syntax(searched))
    return verb is not None and not says(verb, cited)
