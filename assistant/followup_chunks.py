"""Noun phrases of a parsed question, as the follow-up reference rules read them: a phrase's head, its text without
its determiner, heads that frame the question or name what something else is called rather than a topic, and the
phrase a previous answer gives for what its question asked to be done."""

from __future__ import annotations

import re

from assistant.answer.qtypes import QUESTION_FILLER
from assistant.answer.synonyms import synonyms
from assistant.nlp import Syntax, syntax
from assistant.terms import stem


DOCUMENT_PARTS = frozenset(stem(w) for w in """article text document page section subsection part bit paragraph para
    passage chapter heading subheading intro introduction opening conclusion ending""".split())
"""Nouns for a part of the text a question is about (general English)."""

TELLING = frozenset(stem(w) for w in """say state claim argue suggest mention describe call predict note conclude
    stress warn list cover frame portray explain bring cite quote discuss highlight raise reference talk""".split())
"""Verbs a text's part is the subject of when it only frames the question ("what does the history section *say*
...?"), general English."""


def framing_noun(parsed: Syntax, head: int, parts: bool = True) -> bool:
    """Whether the noun at ``head`` only frames the question ("the *section*", "the *article*"): a filler word with
    no noun compounded with it ("the interest *section*" names a thing), or a part of the text, named or not, that
    tells what the question asks ("what does *the history section* say ...?"), unless ``parts`` is False."""
    return (parts and _tells(parsed, head)) or stem(parsed.tokens[head].lemma) in QUESTION_FILLER and not any(
        t.head == head and t.dep == "compound" and t.pos in ("NOUN", "PROPN") for t in parsed.tokens)


def _tells(parsed: Syntax, head: int) -> bool:
    """Whether the noun at ``head`` is a part of the text that is the subject of a verb of telling."""
    toks = parsed.tokens
    return (stem(toks[head].lemma) in DOCUMENT_PARTS and toks[head].dep.startswith("nsubj")
            and stem(toks[toks[head].head].lemma) in TELLING)


def kept_frame(searched: str, previous: str) -> str:
    """``searched``, a follow-up read against ``previous``, with the named part of the text ``previous`` asked
    about ("what does *the roots section* say albania accepted?" + "how are they regarded?": "..., per the roots
    section?"), which leads the search to that part; as it is when ``previous`` names no such part or ``searched``
    names a part of its own."""
    if any(stem(w) in DOCUMENT_PARTS for w in re.findall(r"\w+", searched.lower())):
        return searched
    parsed = syntax(previous)
    for start, end in parsed.chunks:
        root = chunk_root(parsed, start, end)
        if _tells(parsed, root) and end - start > 1 + (parsed.tokens[start].pos == "DET"):
            return f"{searched.rstrip(' ?')}, per the {without_det(parsed, start, end)}?"
    return searched


NAMING_NOUNS = frozenset(stem(w) for w in "name nickname title acronym abbreviation spelling".split())
"""Nouns for what a thing is called (general English): "the farsi name for the PMOI" is about the PMOI."""


def names_another(parsed: Syntax, head: int) -> bool:
    """Whether the noun at ``head`` is what something else is called ("the farsi *name* for the PMOI"): the
    phrase after its "of" or "for", not the name, is what "it" points to next ("how long has it been at odds with
    Tehran?")."""
    return stem(parsed.tokens[head].lemma) in NAMING_NOUNS and any(
        t.head == head and t.dep == "prep" and t.text.lower() in ("of", "for") for t in parsed.tokens)


def without_det(parsed: Syntax, start: int, end: int) -> str:
    """A chunk's text without a leading determiner."""
    if start < end and parsed.tokens[start].pos == "DET" and end - start > 1:
        start += 1
    return parsed.span(start, end).replace(" 's", "'s").strip(" \"'\u201c\u201d")


def chunk_root(parsed: Syntax, start: int, end: int) -> int:
    """The chunk's head token: the one whose head lies outside it."""
    return next((i for i in range(start, end) if not start <= parsed.tokens[i].head < end or
                 parsed.tokens[i].head == i), end - 1)


def answered_object(question: Syntax, answer: Syntax | None) -> str | None:
    """What the previous answer says was done when the previous question asked it ("what did Israel *offer* Albania?"
    answered "Israel offered *cyber aid* to Albania": "why does albania need *it*?" needs the aid): the object of the
    question's verb (or of a synonym: "announce" answered "stated") in the answer, or the subject of the clause it
    takes ("stated that *an interest section* would be opened"), None when the question's "what" is no object or
    the answer does not use its verb."""
    toks = question.tokens
    wh = next((t for t in toks if t.lemma == "what" and t.tag == "WP" and t.dep in ("dobj", "dative", "obj")), None)
    if wh is None or toks[wh.head].pos != "VERB" or answer is None:
        return None
    said = answer.tokens
    asked = stem(toks[wh.head].lemma.lower())
    verbs = {asked} | synonyms(asked)
    for verb in (t for t in said if t.pos == "VERB" and stem(t.lemma.lower()) in verbs):
        done = next((t.i for t in said if t.head == verb.i and t.dep in ("dobj", "obj")), None)
        clause = next((t.i for t in said if t.head == verb.i and t.dep == "ccomp"), None) if done is None else None
        if clause is not None:  # "stated that an interest section would be opened": the clause's subject
            done = next((t.i for t in said if t.head == clause and t.dep in ("nsubj", "nsubjpass")), None)
        chunk = next((c for c in answer.chunks if c[0] <= done < c[1]), None) if done is not None else None
        if chunk and said[chunk_root(answer, *chunk)].pos != "PRON":
            return without_det(answer, *chunk)
    return None


def stranded_object(question: Syntax, answer: Syntax | None) -> str | None:
    """What the previous answer gives after the preposition the previous question ends on ("what did the officer
    stand in *front of*?" answered "standing in front of *the Embassy of Iran*"): the phrase right after the
    question's last two words, where the answer has them too. Read from the words, not the parse, which often takes
    a lower-case question's noun for its root. None when the question ends on no preposition or the answer lacks
    the two words."""
    toks = [t for t in question.tokens if t.pos != "PUNCT"]
    if answer is None or len(toks) < 3 or toks[-1].pos != "ADP" or toks[-2].pos in ("ADP", "PRON", "DET"):
        return None
    ending = [toks[-2].text.lower(), toks[-1].text.lower()]
    said = answer.tokens
    for i in range(len(said) - 2):
        if [said[i].text.lower(), said[i + 1].text.lower()] == ending:
            chunk = next((c for c in answer.chunks if c[0] <= i + 2 < c[1]), None)
            if chunk is None or said[chunk_root(answer, *chunk)].pos == "PRON":
                return None
            start, end = chunk
            while end < len(said) and said[end].text.lower() == "of" and (
                    more := next((c for c in answer.chunks if c[0] == end + 1), None)):
                end = more[1]  # "the Embassy *of the Islamic Republic* *of Iran*"
            return without_det(answer, start, end)
    return None
