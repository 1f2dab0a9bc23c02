"""A value a follow-up asks for, attached to the follow-up's own predicate.

A typical follow-up asks a further attribute (a time, a place) of what the history established: "who was albania's
prime minister when it recognized israel?" + "when did he die?". The passages found speak of the history's entity at
length and hold dates, but the date they hold is the history's event's ("recognized ... on April 16, 1949"), not the
follow-up's. So when a follow-up whose own main verb no earlier question holds asks for a date or a place, a cited
sentence holding such a value must also hold that verb (its stem, a near form, a synonym) or its object; when none
does, the answer dates the earlier question's event and is refused (``value_unattached``). The object alone
attaches a sentence only beside the verb's named subject: "and when did Israel open its embassy in Tirana?" is not
dated by a sentence about Iran's embassy in Tirana (``attached``).

Before refusing, the paragraphs the previous answer cited are read on: a sentence after a citation, in its
paragraph, that holds the verb is where the follow-up's answer is ("does the Apache License include a patent
license?" + "when does it terminate?": the patent grant's paragraph goes on "... shall terminate as of the date such
litigation is filed"), the answerer having found the licence's other passages (``holding_predicate``).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from assistant.answer.matching import holds
from assistant.answer.qtypes import expected_type, has_value
from assistant.followup import apostrophes
from assistant.followup_asked import LIGHT_VERBS, asks_duration, dated_by_another
from assistant.followup_next import paragraph_breaks
from assistant.followup_params import ATTACHED, AttachedParams
from assistant.nlp import syntax
from assistant.schema import Sentence, Span
from assistant.terms import content_stems

_PREFIX = re.compile(r"\b\w+-(?=\w)")
"""The first part of a hyphenated compound ("*post*-communist", "*pre*-war"): a modifier of the compound, never
the verb of its sentence."""


def predicate_stems(text: str) -> frozenset[str]:
    """The content stems of ``text`` that may say its verbs: the first parts of hyphenated compounds left out."""
    return frozenset(content_stems(_PREFIX.sub(" ", text)))


def new_predicate(asked: str, history: Sequence[str], params: AttachedParams = ATTACHED) -> list[str]:
    """The stems of ``asked``'s main verb and of its object nouns, when the verb is the follow-up's own: not a light
    verb nor one that only places a thing (``params.placing``: "where is it *located*?"), and no earlier question
    (``history``) holds it (by lemma, stem, near form or synonym: "who sent ...?" + "when did he send it?" asks
    nothing new); [] otherwise. A verb of intent or aspect (``params.catenative``) stands for its complement's
    ("where did they want them *moved* from?", "how many did they end up *taking*?"). The object may stand for the
    event ("when did he send the telegram?": "by a telegram")."""
    verb, objects, _ = predicate_parts(asked, history, params)
    return [*verb, *objects]


def predicate_parts(asked: str, history: Sequence[str], params: AttachedParams = ATTACHED
                    ) -> tuple[list[str], list[str], list[str]]:
    """``new_predicate``'s verb stems and object stems apart, with the stems of the verb's named subject (a noun or
    a name, not a pronoun); three empty lists when the verb is not the follow-up's own."""
    lemmas = {t.lemma for h in history for t in syntax(apostrophes(h)).tokens}
    earlier = frozenset().union(*(predicate_stems(h) for h in history)) if history else frozenset()
    parsed = syntax(apostrophes(asked))
    root = next((t for t in parsed.tokens if t.dep == "ROOT"), None)
    if root is not None and root.lemma in params.catenative:
        root = next((t for t in parsed.tokens if t.head == root.i and t.dep in ("xcomp", "ccomp")
                     and t.pos in ("VERB", "AUX")), root)  # "expect iran's focus *to be*": a copula, no event
    if root is None or root.pos != "VERB" or root.lemma in LIGHT_VERBS | lemmas | set(params.placing):
        return [], [], []
    verb = content_stems(root.text)
    if not verb or any(holds(s, earlier) for s in verb):
        return [], [], []
    objects = [s for t in parsed.tokens if t.head == root.i and t.dep in ("dobj", "obj") and t.pos in ("NOUN", "PROPN")
               for s in content_stems(t.text) if not holds(s, earlier)]
    subject = [s for t in parsed.tokens if t.head == root.i and t.dep in ("nsubj", "nsubjpass")
               and t.pos in ("NOUN", "PROPN") for s in content_stems(t.text)]
    return list(verb), objects, subject


def value_unattached(asked: str, searched: str, history: Sequence[str], cited: Sequence[str],
                     params: AttachedParams = ATTACHED) -> str | None:
    """The reason to refuse an answer (``cited``: its sentences) to ``asked`` (searched as ``searched``) after
    ``history`` when it asks a kind of value of ``params.kinds`` (a number counted, not a duration: "how long was it
    cut off?" is answered by "45 years of isolation") with a verb of its own and no cited sentence holding such a
    value holds that verb or its object; None otherwise."""
    kind = expected_type(searched)
    if kind not in params.kinds or kind == "number" and asks_duration(searched):  # a span is said with other verbs
        return None
    verb, objects, subject = predicate_parts(asked, history, params)
    if not verb:
        return None
    valued = [predicate_stems(s) for s in cited if has_value(s, kind) or kind == "date" and dated_by_another(s, cited)]
    if any(attached(stems, verb, objects, subject) for stems in valued):
        return None
    return f"the passages found give no {kind} for what this question asks"


def paragraph_after(sentences: Sequence[Sentence], span: Span, text: str) -> list[Sentence]:
    """The answerable sentences after ``span`` to the end of its paragraph (``sentences``: its document's, in order;
    ``text``: the document)."""
    breaks = paragraph_breaks(text)
    after, previous_end = [], span.end
    for sentence in sentences[bisect.bisect_left(sentences, span.end, key=lambda s: s.start):]:
        if breaks.search(text[previous_end:sentence.start]):
            break
        previous_end = sentence.end
        if sentence.answerable:
            after.append(sentence)
    return after


def holding_predicate(asked: str, history: Sequence[str], paragraphs: Sequence[Sequence[Sentence]], kind: str,
                      params: AttachedParams = ATTACHED) -> list[Sentence]:
    """The answer to ``asked`` in the rest of the previous answer's cited ``paragraphs`` (each as
    ``paragraph_after`` gives it): the first sentence holding the follow-up's own verb, or its object, its named
    subject and a value of the ``kind`` asked (``attached``), and the ``params.found_after`` after it; none when it
    has no verb of its own or no sentence holds it."""
    verb, objects, subject = predicate_parts(asked, history, params)
    for paragraph in paragraphs if verb else ():
        for i, sentence in enumerate(paragraph):
            stems = predicate_stems(sentence.text)
            if any(holds(v, stems) for v in verb) or _object_with_subject(stems, objects, subject) and has_value(
                    sentence.text, kind):
                return list(paragraph[i:i + 1 + params.found_after])
    return []


def attached(stems: frozenset[str], verb: Sequence[str], objects: Sequence[str], subject: Sequence[str]) -> bool:
    """Whether a sentence (its ``predicate_stems``) says the follow-up's predicate: it holds the verb, or the object
    with the verb's named subject ("when did Israel open its embassy?" is not dated by a sentence about Iran's)."""
    return any(holds(v, stems) for v in verb) or _object_with_subject(stems, objects, subject)


def _object_with_subject(stems: frozenset[str], objects: Sequence[str], subject: Sequence[str]) -> bool:
    """Whether the stems hold one of the verb's objects and every stem of its named subject."""
    return any(holds(o, stems) for o in objects) and all(holds(n, stems) for n in subject)
