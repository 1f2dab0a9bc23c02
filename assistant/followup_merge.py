"""How a fragment or a lone wh-word is read into the previous question: "why?" as "why" + its body, "and Kosovo?"
with an entity of the same kind swapped in, "otherwise known as?" after the thing the answer named, or the previous
question with the fragment after it (``merge``; the phrases it reads are ``followup_refs.Antecedents``')."""

from __future__ import annotations

import re
from collections.abc import Mapping

from assistant.followup_listing import listing_question
from assistant.followup_naming import abbreviation_question
from assistant.followup_next import CONTINUING
from assistant.followup_reason import claim_suffix
from assistant.followup_refs import Antecedents
from assistant.followup_swap import adds_topic, entity_swap, gerund_fragment, naming_fragment, parallel_swap
from assistant.followup_wh import body_without_wh, in_situ, wh_phrase
from assistant.nlp import syntax
from assistant.terms import STOPWORDS

_KEPT_WH = ("when", "where", "who", "how many", "how much", "how long", "how old", "how far")
_CONTINUING = frozenset({"other", "rest", "next", "remaining", "another"})
_ORDINALS = frozenset("first second third fourth fifth last final".split())
_CHOICE = re.compile(r"(?i)\w\s+or\s+\w")
"""A fragment offering a choice ("right away or only over time?"): asked of the previous question as it stands."""


def merge(refs: Antecedents, fragment: str, own_wh: str, aliases: Mapping[str, str], written: str = "") -> str:
    """A fragment or lone wh-word read into the previous question: "why" + its body, an entity of the same
    kind swapped in, or the previous question with the fragment after it (``written``: the fragment as
    typed, when no reference in it was replaced)."""
    if listed := listing_question(written or fragment, refs.previous):  # "does it give any dates?" + "which?"
        return listed
    if spelled := abbreviation_question(written or fragment, refs.previous):  # "whats the MEK?" + "stands for?"
        return spelled
    own = syntax(fragment)
    if own_wh and not re.search(rf"(?i)\b{re.escape(own_wh)}\b", fragment):
        own_wh = wh_phrase(fragment)  # its noun already resolved: "which one?" now reads "which alliance?"
    continuing = any(t.lemma in CONTINUING or t.text.lower() in CONTINUING for t in own.tokens)
    if own_wh:
        wh = aliases.get(own_wh, own_wh)
        before, _, after = re.split(rf"(?i)\b({re.escape(own_wh)})\b", fragment, maxsplit=1)
        rest = f"{before} {after}".strip(" ?")
        if in_situ(before, after):  # "relocated from where?", "based on what?": said of what the previous
            # question was about, by its telling words (``gist``), not by its own asking words: the fragment's
            # wh-word says what is asked ("which country?" + "from where?": a place; "... the size of X?" + "a
            # headquarters for what?": no number)
            return f"{fragment.strip(' ?')}: {refs.gist()}"
        if any(t.pos in ("NOUN", "PROPN", "VERB") and t.text.lower() not in STOPWORDS for t in syntax(rest).tokens):
            return f"{fragment.strip(' ?')} {refs.gist(rest=continuing)}"  # its own question: the history's topic
        body = body_without_wh(refs.previous)
        first = body.split(" ", 1)[0]
        if first.lower() in STOPWORDS:  # "is a return ...", but "MEK members ...", "Albania ..." as written
            body = body[:1].lower() + body[1:]
        reason = claim_suffix(refs.previous, refs.answer_text, refs.weight, refs.claim_words) \
            if wh == "why" and refs.asked != "why" else ""  # "how come?": why the answer's claim holds
        return f"{before.strip()} {wh} {after.strip(' ?')} {body}{reason}".strip()  # "in what timeframe": "in" leads
    if _CHOICE.search(fragment) and not any(t.pos in ("VERB", "AUX") for t in own.tokens):
        return f"{refs.previous.strip().rstrip('?')}, {fragment.strip(' ?')}"  # "right away or only over time?"
    event = gerund_fragment(own)  # "taking in the mek?": an event whole, not an entity to swap in
    swapped = None if event or naming_fragment(own) else (
        None if adds_topic(own, refs.parsed) else entity_swap(refs.parsed, own)) or (
        parallel_swap(written or fragment, refs.previous, refs.similar)
        if refs.similar and not continuing else None)
    if swapped:
        return swapped
    drop_ordinals = any(t.lemma in _CONTINUING for t in own.tokens)  # "the other ones?": not "the first ones"
    if any(t.pos in ("NOUN", "PROPN") and t.text.lower() not in STOPWORDS for t in own.tokens) and not drop_ordinals:
        wh = wh_phrase(refs.previous)
        wh = wh if wh.startswith(_KEPT_WH) else "what is"
        return f"{wh} {fragment.strip(' ?')} {'' if event else refs.gist()}".strip()
    tail = fragment.strip(" ?")
    if own.tokens and own.tokens[0].pos != "PROPN" and tail[1:2].islower():  # "Otherwise known as": mid-sentence now
        tail = tail[:1].lower() + tail[1:]
    noun = refs.wh_noun()
    named = refs.answer_chunk(noun) if noun and not drop_ordinals else None
    if named:  # "which empire ...?" + "otherwise known as?": said of the empire the answer named
        return f"{named}, {tail}"
    kept = [t.text for t in refs.parsed.tokens if t.pos != "PUNCT" and not (drop_ordinals and t.lemma in _ORDINALS)]
    return f"{' '.join(kept)}, {tail}"
