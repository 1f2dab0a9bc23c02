"""A question's wh-phrase ("how many", "which empire", "why") and its body without it ("did albania accept
members of the opposition group"): what a fragment or a lone wh-word is read into; and whether a fragment asks its
wh-word in place ("relocated from where?", ``in_situ``)."""

from __future__ import annotations

import re

from assistant.followup_count import counted_object
from assistant.nlp import WH_TAGS, syntax
from assistant.terms import STOPWORDS

_WH_PHRASE = re.compile(
    r"\b(how come|how so|how (?:many|much|long|old|far|big|often)(?: \w+)?|what (?:year|date|time|day|kind of \w+)|"
    r"(?:what|which|whose) \w+|who|whom|when|where|why|how|what|which)\b", re.IGNORECASE)

_IN_SITU_POS = ("NOUN", "PROPN", "VERB", "ADJ")
"""Words that make a fragment ending on its wh-word a phrase of its own ("*relocated* from where?"), unlike a
preposition or conjunction alone ("since when?", "and why?")."""


def wh_phrase(question: str) -> str:
    """The question's wh-phrase in lower case ("" when none): "how many", "which empire", "why"."""
    match = _WH_PHRASE.search(question)
    return match.group(1).lower() if match else ""


def body_without_wh(question: str) -> str:
    """The question without its leading wh-word (and its noun chunk) and final mark."""
    parsed = syntax(question)
    wh = next((t for t in parsed.tokens if t.tag in WH_TAGS), None)
    drop: set[int] = set()
    if wh is not None:
        drop = {wh.i}
        for start, end in parsed.chunks:
            if start <= wh.i < end and not (wh.i + 1 < end and parsed.tokens[wh.i + 1].lemma in ("many", "much")):
                drop = set(range(start, end))  # "which empire" goes; "how many *extra file lookups*" keeps its noun
        if wh.i + 1 < len(parsed.tokens) and parsed.tokens[wh.i + 1].lemma in ("many", "much", "long", "often"):
            drop |= {wh.i + 1, wh.i + 2} if wh.i + 2 < len(parsed.tokens) and \
                parsed.tokens[wh.i + 2].pos == "NOUN" else {wh.i + 1}
    toks = parsed.tokens
    moved, after = counted_object(parsed, wh.i) if wh is not None else ([], -1)  # "how many members of X ... accept"
    glued = {t.i for t in toks  # "albania-iran": a hyphen inside a word stays
             if t.pos == "PUNCT" and not t.space and t.i and not toks[t.i - 1].space}
    order = [i for t in toks if t.i not in moved for i in ([t.i, *moved] if t.i == after else [t.i])]
    kept = [toks[i] for i in order if i not in drop - set(moved) and (toks[i].pos != "PUNCT" or i in glued
                                                                     or toks[i].text == ",")
            and toks[i].text != "?"]  # a comma stays: "September 7, 2022", not "September 72022"
    return "".join(t.text + " " * (t.space or t.i == after) for t in kept).strip(" ,")


def in_situ(before: str, after: str) -> bool:
    """A fragment that ends on its wh-word after words of its own with no subject ("relocated from where?", "based on
    what?", "at the crossroads of what?", "effective when?"; not "since when?", "and why?" or "iran considers it
    what?"): it asks about the whole previous question, so it is read after it rather than over a few of its words."""
    if after.strip(" ?!.") or not before.strip():
        return False
    toks = syntax(before).tokens
    return any(t.pos in _IN_SITU_POS and t.text.lower() not in STOPWORDS for t in toks) and \
        not any(t.dep.startswith("nsubj") or t.pos == "PRON" for t in toks)
