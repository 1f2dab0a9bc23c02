"""Whether a question leans on the conversation: the evidence (``cues``) read from its spaCy parse.

A referring pronoun or demonstrative ("he", "it", "that"), "there"/"then", "the other(s)"/"the next", a fragment
with no verb, a verb with no subject, a wh-word alone or a very short question ("one"/"ones" standing for a noun
too); a leading "and"/"but" or a comparative counts only beside other evidence. None of these is a cue when the
question gives what it needs itself (``assistant.followup_within``, ``assistant.followup_agree``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.answer.people import GROUP_NOUNS
from assistant.followup_agree import named_before
from assistant.followup_params import PARAMS, FollowupParams
from assistant.followup_within import (
    clause_before, compared, fronted_topic, parallel_one, place_before, reciprocal, resolved_within,
)
from assistant.nlp import Syntax, Token, syntax
from assistant.terms import STOPWORDS

PERSONAL = {"he": "person", "she": "person", "him": "person", "her": "person", "his": "person", "hers": "person",
            "they": "group", "them": "group", "their": "group", "theirs": "group",
            "it": "thing", "its": "thing"}
DEMONSTRATIVES = frozenset({"this", "that", "these", "those"})
RELATION_NOUNS = frozenset("tie relation relationship dispute conflict rift cooperation partnership rivalry feud "
                           "friendship tension talk dealing".split())
"""Nouns (lemmas) of what holds between two ("their *ties*"): "their" before one points to both parties named."""
OTHERS = frozenset({"other", "others", "rest", "remaining", "next", "previous", "latter", "former", "same", "another"})
LEFTOVER = frozenset({"remaining"})
"""Adjectives that always pick out the rest of a set ("the *remaining* codes"): no kind of their own, unlike "other"
in "other kinds of join"."""
WEAK = ("leading conjunction", "comparison")
"""Cues that count only beside other evidence."""
NOW_NOUNS = frozenset("day week month year season summer winter spring autumn morning evening night time".split())
"""Nouns of time a demonstrative ties to the time of asking ("these days", "this year"), general English."""
SAME_ASKED = tuple(f"{the}same {what}{but} {prep}" for the in ("the ", "") for what in ("question", "thing")
                   for but in (" but", "") for prep in ("for", "about", "with", "regarding"))
"""Leads that ask the previous question of something else, as "what about" does ("same question for the MEK?")."""
LEADERS = ("what about", "how about", *SAME_ASKED, "and", "but", "also", "so", "or", "then", "ok", "okay")
_ASKS_ANOTHER = re.compile(rf"(?i)(?:and |so |ok )?(?:(?:what|how) about|{'|'.join(SAME_ASKED)})\b[^,;?]*\??")
"""The whole question a lead that asks the previous question of something else ("what about X?")."""
WH_ALIASES = {"how come": "why", "how so": "how"}
TOPIC_CHANGE = re.compile(r"(?i)^\W*(?:(?:ok|okay|so|now|and|anyway)\W+)*(?:(?:switching|changing|change of|(?:a )?new|"
                          r"(?:a )?different|another) (?:topics?|subjects?|the (?:topic|subject)|question)|on "
                          r"(?:another|a different|an unrelated|a separate) note|unrelated(?: question)?|"
                          r"(?:(?:(?:a |totally |completely )?(?:different|diff)|another|one more) (?:thing|one|q)|"
                          r"(?:totally|completely) different|something else)(?=\s*[,:;.\u2014\u2013-]))\b"
                          r"[\s,:;.\u2014\u2013-]*(?:(?:but|and|so)\s+)?")
"""Words that say the question leaves the conversation's topic ("switching topics, what does iran say ...?", "ok
something else, when ...?", "diff thing - who ...?", "different question, but does ...?"): it is asked alone, without
them (and without a "but" or "and" after them). "Something else" and "another thing" count only when a comma, colon
or dash closes them: "something else about X?" asks for more on X."""
WH_WORDS = frozenset("what which who whom whose when where why how".split())
EXISTENTIAL_BE = frozenset({"is", "are", "was", "were"})
"""A finite "be" right before "there" makes it existential ("what types of unit files *are there*?"), whatever the
parser says; "been there", "happened there" point to a place."""
CONDITION_ALONE = re.compile(r"(?i)(?:(?:and|but|so|ok|what)\s+)*(?:if|unless|in case)\b"
                             r"(?:(?!\b(?:what|which|who|whom|whose|when|where|why|how)\b)[^,;?])*\??")
"""A condition with nothing asked after it ("and if it's empty?"); not "if I leave it out which one gets used?"."""


def _content(tokens: Syntax) -> list[str]:
    return [t.lemma for t in tokens.tokens if t.pos in ("NOUN", "PROPN", "VERB", "ADJ", "NUM")
            and t.lemma not in STOPWORDS and t.text.lower() not in STOPWORDS and t.text.lower() not in WH_WORDS]


def demonstrative_tag(tag: str, dep: str) -> bool:
    """Whether a demonstrative word, by its tag and relation, may point back: not a relative "that" nor a
    conjunction ("so *that* ..."), unless the parser made the "conjunction" a subject or an object ("why was *that*
    such a big deal?", "had any country done *that* before?": tagged IN, parsed nsubj, dobj)."""
    return (tag not in ("WDT", "IN") or dep.startswith("nsubj") or dep == "dobj") and dep != "mark"


def cues(question: str, params: FollowupParams = PARAMS) -> tuple[str, ...]:
    """The evidence that ``question`` leans on an earlier turn (empty: it stands on its own)."""
    parsed = syntax(question)
    toks = parsed.tokens
    lowered = [t.text.lower() for t in toks]
    found: list[str] = []
    content = _content(parsed)
    for t in toks:
        low = t.text.lower()
        if low in PERSONAL and t.tag in ("PRP", "PRP$"):
            if not named_before(parsed, t.i) and not resolved_within(parsed, t.i):  # "when did Israel open *its* ...?"
                found.append(f"pronoun {low!r}")
        elif group_noun(t, toks):
            found.append(f"definite {low!r}")  # "how does iran view the group?": the organisation named before
        elif low in DEMONSTRATIVES and demonstrative_tag(t.tag, t.dep) and t.dep != "nsubj:relcl" or \
                misread_determiner(t, toks):
            if t.dep == "det" or misread_determiner(t, toks):
                if _now(toks[t.head]):  # "these days", but "that year" is the time of an earlier turn, as "then" is
                    if low == "that" and toks[t.head].lemma.lower() in NOW_NOUNS:
                        found.append("'then'")
                elif not clause_before(parsed, t.i):  # "... call that move?"
                    found.append(f"demonstrative {low!r}")
            elif not (low == "that" and t.tag == "WDT") and not clause_before(parsed, t.i) \
                    and not fronted_topic(parsed, t.i):  # "and the hacks, when were *those*?"
                found.append(f"pronoun {low!r}")
        elif low == "there" and t.dep != "expl" and not (t.i and lowered[t.i - 1] in EXISTENTIAL_BE) and \
                not place_before(parsed, t.i):
            found.append("'there'")
        elif low == "then" and t.i >= len(toks) - 2:
            found.append("'then'")
        elif pro_one(t, toks):
            found.append("'one'")
        elif low in OTHERS and not _own_kind(t, toks, len(content) > params.short_words) and not compared(t, toks) \
                and not reciprocal(t, toks):
            found.append(f"continuing {low!r}")  # "the other two", "the others"; not "other kinds of join"
    words = [t for t in toks if t.pos not in ("PUNCT", "SPACE")]
    root = next((t for t in toks if t.dep == "ROOT"), None)
    # a phrase rooted in its preposition ("in front of which building?", where the tagger reads "building" as a
    # verb) is no clause either
    clauseless = not any(t.pos in ("VERB", "AUX") for t in words) or (root is not None and root.pos == "ADP")
    if words and clauseless and len(content) < params.named_words:
        found.append("no verb")  # "and telnet?"; not "default timeout for apt's ftp method in seconds?"
    if root is not None and root.pos == "VERB" and root.tag != "VB" and not any(
            t.head == root.i and t.dep.startswith(("nsubj", "csubj", "expl")) for t in toks) and not any(
            t.tag in ("WP", "WDT") and t.head == root.i for t in toks) and not inverted(toks, root.i):
        found.append("no subject")  # "and hosted in albania since when?", "based on what?"
    text = " ".join(w for w in lowered if w.isalnum())
    if len(content) <= params.short_words:
        alone = not content or any(text.endswith(alias) for alias in WH_ALIASES)
        found.append("wh-word alone" if alone and any(w in WH_WORDS for w in lowered) else "short")
    nouns = [t for t in toks if t.pos in ("NOUN", "PROPN") and t.text.lower() not in STOPWORDS]
    weak = []
    if any(text == lead or text.startswith(lead + " ") for lead in LEADERS):
        weak.append("leading conjunction")
    if any(t.tag in ("JJR", "RBR") for t in toks) or "before or after" in text or "came first" in text:
        weak.append("comparison")
    if _ASKS_ANOTHER.fullmatch(question.strip()):
        found.append("what about")  # "what about FLOATING POINT?": the previous question about something else
    if CONDITION_ALONE.fullmatch(question.strip()):
        found.append("condition alone")  # "and if it's empty?": the previous question under another condition
    if found == ["short"] and nouns:  # a short question with a noun and no reference stands alone
        return ()
    return (*found, *weak) if found else ()  # a leading "and" or a comparative counts only beside other evidence


REFERRING = ("pronoun", "demonstrative", "definite", "'there'", "no subject")
"""The cues of a word that points outside the question, or of a missing subject (not "short", "no verb", ...)."""


def refers_outside(question: str, params: FollowupParams = PARAMS) -> bool:
    """Whether ``question`` points at something it does not name: a pronoun, demonstrative, definite group noun or
    "there" with no antecedent in it ("which country would host *it*?"), or a verb with no subject ("ordered out").
    A short or verbless question of its own words ("default ssh port") does not."""
    return any(cue.startswith(REFERRING) for cue in cues(question, params))


def _now(noun: Token) -> bool:
    """Whether a demonstrative's noun is a time ("these *days*", "this *summer*"): said of the time of asking, not of
    an earlier turn."""
    return noun.ent in ("DATE", "TIME") or noun.lemma.lower() in NOW_NOUNS


def _own_kind(t: Token, toks: list[Token], worded: bool) -> bool:
    """Whether "other"/"another" at ``t`` names a kind of the question's own rather than the rest of a list: an
    adjective of a noun ("other kinds of join"), or a determiner of one in a question with words enough of its own
    (``worded``: "can I define a view on another view?"; not "is there another way?"); a ``LEFTOVER`` adjective
    only as a determiner is ("delete the remaining rows after a failed import?"; not "what are the remaining
    codes?")."""
    noun = toks[t.head].pos in ("NOUN", "PROPN")
    determiner = t.dep == "det" or t.text.lower() in LEFTOVER
    return noun and ((t.dep == "amod" and not determiner) or (determiner and worded))


def inverted(toks: Sequence[Token], root: int) -> bool:
    """Whether a question's verb at ``root`` has an auxiliary before it or is one ("*did* wheezy freeze?", "why *is*
    swearing not allowed?", "*had* any nation severed ties?"): a question with a subject the parser missed, not a
    fragment ("hosted in albania since when?")."""
    return any(t.pos == "AUX" or t.tag == "MD" for t in toks[:root]) or toks[root].lemma.lower() in ("have", "do")


def misread_determiner(t: Token, toks: Sequence[Token]) -> bool:
    """Whether a demonstrative the parser took for a conjunction is the determiner of the noun right after it
    ("what year is *that* copyright from?"): tagged "IN" but introducing no clause."""
    return t.text.lower() in DEMONSTRATIVES and t.tag == "IN" and t.dep != "mark" and t.i + 1 < len(toks) and \
        toks[t.i + 1].tag in ("NN", "NNS") and toks[t.i + 1].dep != "nsubj"


def pro_one(t: Token, toks: list[Token], bare: bool = False) -> bool:
    """ "one"/"ones" standing for a noun of the previous turn: "in one", "the integer one", "the binary ones"
    (``bare``: only with nothing but a determiner or preposition before it, "in one", "which one")."""
    before = ("DET", "ADP") if bare else ("DET", "ADJ", "ADP", "PROPN", "NOUN")
    return t.text.lower() in ("one", "ones") and t.dep in ("pobj", "nsubj", "dobj", "ROOT", "attr") and \
        t.i > 0 and toks[t.i - 1].pos in before and not parallel_one(t, toks)


def between_two(t: Token, toks: list[Token]) -> bool:
    """Whether the possessive at ``t`` owns a noun of what holds between two ("*their* ties", "their relations")."""
    return t.text.lower() == "their" and t.dep == "poss" and toks[t.head].lemma.lower() in RELATION_NOUNS


def mutual(t: Token, toks: list[Token]) -> bool:
    """Whether "they" or "them" at ``t`` acts on each other ("how do *they* talk to each other now?"): both parties."""
    return t.text.lower() in ("they", "them") and any(reciprocal(other, toks) for other in toks)


def group_noun(t: Token, toks: list[Token]) -> bool:
    """Whether ``t`` is a bare group noun after "the" ("view *the group*"), nothing else modifying it."""
    return t.lemma in GROUP_NOUNS and t.tag == "NN" and t.i > 0 and toks[t.i - 1].text.lower() == "the" and \
        not any(x.head == t.i and x.i != t.i - 1 for x in toks)


def topic_changed(question: str) -> str | None:
    """The question after words that say it changes the topic ("switching topics, what does iran say about the
    hacks?" → "what does iran say about the hacks?"), None when it opens with no such words or nothing follows them."""
    marker = TOPIC_CHANGE.match(question)
    rest = question[marker.end():].strip() if marker else ""
    return rest if re.search(r"\w", rest) else None


def without_leaders(question: str) -> str:
    """The question without the words that lead it on from the last turn, however many ("and what about
    alliances?", "ok so why?"), a last one kept when nothing would be left after it ("and then?")."""
    text, first = question.strip(), True
    while lead := next((lead for lead in LEADERS if re.match(rf"(?i){re.escape(lead)}\b", text)), None):
        rest = re.sub(rf"(?i)^{re.escape(lead)}\b[ ,—–-]*", "", text)
        if not first and not re.search(r"\w", rest):  # "and then?": "then" is what is asked
            break
        text, first = rest, False
    return text
