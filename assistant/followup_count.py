"""A bare "how many?" counts what the previous question was about: after "When did Albania take in the MEK?" it asks
how many *of the MEK's members* Albania took in, not "How many did Albania take in the MEK?", which names no counted
thing. The previous question's object is what is counted: several things by themselves ("how many of the packages"),
one group by its members ("the members of the MEK"); a person, a place or a date is not counted, and nothing is read.
"""

from __future__ import annotations

import re

from assistant.followup_listing import listing_question
from assistant.nlp import WH_TAGS, Syntax, Token, syntax

_BARE = re.compile(r"(?i)^\W*how many\W*$")
_UNCOUNTED = frozenset({"PERSON", "GPE", "LOC", "FAC", "DATE", "TIME"})
"""Names whose members are not counted: a person, a place, a date."""
_OBJECTS = ("dobj", "pobj")


def _object(parsed: Syntax) -> Token | None:
    """The head of the root verb's object: its direct object, or the object of its particle ("take *in* the MEK");
    None when it has neither."""
    toks = parsed.tokens
    root = next((t for t in toks if t.dep == "ROOT" and t.pos == "VERB"), None)
    if root is None:
        return None
    particles = {t.i for t in toks if t.head == root.i and t.dep in ("prt", "dobj")}
    return next((t for t in toks if t.dep in _OBJECTS and (t.head == root.i or t.head in particles)
                 and t.tag not in WH_TAGS and t.pos in ("NOUN", "PROPN")), None)


def _counted(parsed: Syntax, head: Token) -> str | None:
    """What a count of the object at ``head`` counts: several things themselves ("the packages"), else the members
    of a group ("the MEK", "the mek" typed in lower case: one thing that is no person, place or date, named with
    "the" or as a name); None for anything else."""
    span = parsed.subtree(head.i)
    phrase = parsed.span(min(span), max(span) + 1)
    if head.tag in ("NNS", "NNPS"):
        return phrase if phrase.lower().startswith("the ") else f"the {phrase}"
    labels = {label for s, e, label in parsed.ents if s <= head.i < e}
    definite = phrase.lower().startswith("the ") or head.pos == "PROPN" or head.text.isupper()
    return f"the members of {phrase}" if definite and not labels & _UNCOUNTED else None


def counted_question(fragment: str, previous: str) -> str | None:
    """ "how many?" after "When did Albania take in the MEK?" → "how many of the members of the MEK did Albania take
    in": the previous question without its wh-word and object, counting that object (``_counted``); None when the
    fragment is not a bare "how many?" or the previous question has no object that can be counted."""
    bare = _BARE.match(fragment)
    if not bare:
        return None
    if listed := listing_question(fragment, previous):  # "does it have any subheadings?": how many subheadings
        return listed
    parsed = syntax(previous)
    head = _object(parsed)
    counted = _counted(parsed, head) if head is not None else None
    if head is None or counted is None:
        return None
    span = parsed.subtree(head.i)
    dropped = set(span) | {t.i for t in parsed.tokens if t.tag in WH_TAGS or t.pos == "PUNCT"}
    rest = "".join(t.text + " " * t.space for t in parsed.tokens if t.i not in dropped).strip()
    if parsed.tokens[min(span)].tag in WH_TAGS:  # "what lessons does it draw?": "how many lessons does it draw"
        asked = "".join(t.text + " " * t.space for t in parsed.tokens[min(span) + 1:max(span) + 1]).strip()
        return f"how many {asked} {rest}"
    return f"how many of {counted} {rest}"


_NOUNLESS = re.compile(r"(?i)^(\W*(?:(?:and|so|but|then|ok(?:ay)?)\W+)?how (?:many|much))\s+(?=(?:are|is|were|was|have|"
                       r"has|had|did|do|does|will|would|can|could|should|might|must|remain|still)\b)")
"""A "how many" with a verb where its noun would be ("how many *are* there now?", "and how many *have* left?")."""


def noun_for_count(fragment: str, previous: str) -> str | None:
    """ "how many are there now?" after "how many MEK members did albania take in?" → "how many MEK members are
    there now?": the noun the previous "how many" counted (with its modifiers, not its "of" phrase) after the
    fragment's noun-less "how many"; None when the fragment names what it counts or the previous question counted
    no noun."""
    lead = _NOUNLESS.match(fragment)
    if not lead:
        return None
    toks = syntax(previous).tokens
    wh = next((t.i for t in toks[:-2] if t.text.lower() == "how" and toks[t.i + 1].lemma in ("many", "much")), None)
    if wh is None or toks[toks[wh + 1].head].pos != "NOUN" or toks[wh + 1].head <= wh + 1:
        return None
    noun = "".join(t.text + " " * t.space for t in toks[wh + 2:toks[wh + 1].head + 1]).strip()
    return f"{lead.group(1)} {noun} {fragment[lead.end():]}"


def counted_object(parsed: Syntax, wh: int) -> tuple[list[int], int]:
    """The words a "how many N (of X)" at ``wh`` counted, without "how many" ("how many *members of the opposition
    group* did albania accept": the object of "accept"), and the index they follow once the wh-phrase is gone (the
    verb, or its particle); ([], -1) unless the counted noun is the verb's object."""
    toks = parsed.tokens
    if wh + 2 >= len(toks) or toks[wh + 1].lemma not in ("many", "much"):
        return [], -1
    noun = toks[toks[wh + 1].head]
    verb = noun.head if toks[noun.head].pos != "AUX" else toks[noun.head].head  # "packages did": of the verb
    subject_after = any(t.dep == "nsubj" and t.head == verb and t.i > noun.i for t in toks)
    if noun.pos != "NOUN" or not (noun.dep == "dobj" or (noun.dep == "nsubj" and subject_after)):
        return [], -1  # the parser reads a fronted object as a second subject ("... members ... did albania take")
    words = sorted(parsed.subtree(noun.i) - {wh, wh + 1})
    after = max([verb, *(t.i for t in toks if t.head == verb and t.dep == "prt")])
    return words, after
