"""What a follow-up adds to the conversation, looked for in its answer and near the previous answer.

A follow-up is searched with words the history supplied ("which dns server software do they recommend for that?"
is searched with the earlier question's "ServerAlias names" and "DNS"). The words it types and no earlier question
holds are what it adds ("software"); the borrowed ones are known to be in the corpus, near the previous answer, and
say nothing of whether the follow-up can be answered. So a follow-up is judged on what it adds:

- ``adds_unanswered``: when it adds nouns or adjectives the corpus knows and no cited sentence holds any of them
  (stem, near form or synonym), the answer speaks of the earlier question only and is refused (the corpus says
  something of that "software" elsewhere, not here). Words the corpus never uses are left out (the asker's
  paraphrase, "db" for "database"), and so, when a date or a number is asked, are the nouns that name its kind
  (``GENERIC_HEADS``: "what *year*?" is answered by "in 2023", which holds no "year"), and so is such a noun when
  it is the head asked for ("what *role* did it play?" is answered by "became a de facto headquarters") and a word
  naming the document ("according to the *article*"); only a follow-up that leans on the history is judged (one
  typed to stand alone was searched with its own words);
- ``found_near``: when the answerer refused, a sentence near the previous answer that holds every word it adds
  (nouns, verbs, adjectives, all known to the corpus) is where its answer is ("can it show the hostname instead of
  the IP?" + "why isn't that recommended?": "However, this configuration is not recommended since ...", the
  sentence after the one that answered).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from assistant.answer.matching import holds, sentence_stems
from assistant.answer.places import TEXT_NOUNS
from assistant.answer.qtypes import expected_type
from assistant.answer.query import GENERIC_HEADS, asked_phrase
from assistant.followup import apostrophes
from assistant.followup_asked import LIGHT_VERBS, VALUE_KINDS
from assistant.followup_params import ADDED, AddedParams
from assistant.nlp import syntax
from assistant.schema import Sentence
from assistant.terms import content_stems, stem


_DOCUMENT = re.compile(rf"(?i)\b(?:the|this|that)\s+({TEXT_NOUNS}|author|writer)\b(?!\s*\d)")
"""How a question names the document itself ("according to the article"), not a numbered part of something
("when he invoked article 5")."""


_REASON_NOUNS = frozenset(stem(w) for w in "reason motive motivation cause purpose rationale grounds basis".split())
"""Nouns that ask for a reason ("for what reasons?"): the kind of answer asked, which a reason seldom names."""


def _stems(texts: Sequence[str]) -> frozenset[str]:
    """The content stems of all ``texts``."""
    return frozenset().union(*(sentence_stems(t) for t in texts)) if texts else frozenset()


def added_words(asked: str, history: Sequence[str], parts: Sequence[str]) -> list[str]:
    """The stems of the words of ``parts`` (parts of speech; light verbs left out) that ``asked`` types and no
    earlier question (``history``, as asked) holds, in order."""
    earlier = _stems(history)
    added = []
    for token in syntax(apostrophes(asked)).tokens:
        if token.pos in parts and token.lemma not in LIGHT_VERBS:
            added += [t for t in content_stems(token.text) if not holds(t, earlier)]
    return list(dict.fromkeys(added))


_OR = re.compile(r"\s+or\s+", re.IGNORECASE)
ANSWERS_EARLIER = "the passages found answer the earlier question, not what this one adds"
"""Why an answer to a follow-up is refused when it holds nothing the follow-up adds."""


def adds_unanswered(asked: str, history: Sequence[str], cited: Sequence[str], known: Callable[[str], bool],
                    params: AddedParams = ADDED) -> str | None:
    """The reason to refuse an answer (``cited``: its sentences) to ``asked`` after ``history`` that holds none of
    the nouns and adjectives the corpus knows (``known`` of a stem) that the follow-up adds, in one alternative at
    least of a choice; None otherwise."""
    pieces = _OR.split(asked)
    if len(pieces) > 1:  # "right away or only over time?": one alternative held answers the choice
        answered = any(adds_unanswered(p, history, cited, known, params) is None for p in pieces)
        return None if answered else ANSWERS_EARLIER
    asked_type = expected_type(asked)
    valued = asked_type in VALUE_KINDS  # "what *year*?": the noun names the value asked, not a topic
    head = asked_phrase(asked)[-1:]  # "what *role* did it play?": the kind of answer asked, which it need not name
    kind = {stem(w) for w in head} & GENERIC_HEADS | (_REASON_NOUNS if asked_type == "reason" else frozenset())
    kind |= _qualifying(asked, kind)  # "albania's *official* reason": which reason, no topic of its own
    document = {stem(m.group(1)) for m in _DOCUMENT.finditer(asked)}
    added = [t for t in added_words(asked, history, params.refuse_parts)
             if known(t) and not (valued and t in GENERIC_HEADS) and t not in kind and t not in document]
    stems = _stems(cited)
    if not added or any(holds(t, stems) for t in added):
        return None
    return ANSWERS_EARLIER


def _qualifying(asked: str, kind: set[str] | frozenset[str]) -> frozenset[str]:
    """The stems of the adjectives that qualify a noun naming the kind of answer asked (``kind``): "what was
    albania's *official* reason?" asks which reason, as "what role" asks what it was."""
    if not kind:
        return frozenset()
    parsed = syntax(apostrophes(asked))
    return frozenset(s for t in parsed.tokens if t.pos == "ADJ" and t.dep == "amod"
                     and stem(parsed.tokens[t.head].lemma) in kind for s in content_stems(t.text))


def found_near(asked: str, history: Sequence[str], near: Sequence[Sentence], known: Callable[[str], bool],
               params: AddedParams = ADDED) -> list[Sentence]:
    """The answer to ``asked`` among ``near`` (the sentences near the previous answer, in the order looked at): the
    first that holds every word the follow-up adds and the ``params.found_after`` after it; none when it adds no
    word, or one the corpus never uses (``known`` of a stem), or no sentence holds them all."""
    added = added_words(asked, history, params.found_parts)
    if not added or not all(known(t) for t in added):
        return []
    for i, sentence in enumerate(near):
        if all(holds(t, sentence_stems(sentence.text)) for t in added):
            return list(near[i:i + 1 + params.found_after])
    return []
