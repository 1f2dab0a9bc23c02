"""Elliptical follow-ups that say what happens without saying to what, read against the previous question:

- a participle phrase with words of its own and no subject ("and hosted in albania since when?" after "What does
  MEK stand for?") is said of the previous question's subject: "MEK hosted in albania since when?";
- "that" standing for what the previous yes/no question asked to do ("can it show the hostname instead of the
  IP?" + "why isn't *that* recommended?") is that action as a gerund phrase: "Why isn't showing the hostname
  instead of the IP recommended?";
- "it" standing for an event (the subject of "lead to", the object of "do" or "trigger") is the previous question's gerund
  clause: "was albania hosting the mek really humanitarian?" + "what did *it* lead to?" → "What did albania hosting
  the mek lead to?";
- a participle with "by" and nothing more ("triggered by?", "announced by whom?") asks who or what did that to the
  previous question's subject: "When did the tension become a full-blown crisis?" + "triggered by?" → "What
  triggered the tension become a full-blown crisis?" (``agent_fragment``).

``followup.resolve`` asks these before its general rules (a fragment read into the previous question, an event
"that" as the previous question's two most telling words).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from assistant.nlp import WH_TAGS, Syntax, syntax

_YES_NO = frozenset("can could does do did is are will would should may must".split())
_EMPTY_VERBS = frozenset({"do", "be", "have"})
_VOWELS = "aeiou"


def participle_fragment(core: Syntax) -> bool:
    """Whether the question is a participle phrase with no subject and no auxiliary, and a noun of its own
    ("hosted in albania since when?"; not "based on what?", which qualifies the previous question's verb)."""
    toks = [t for t in core.tokens if t.pos not in ("PUNCT", "CCONJ")]
    if not toks or toks[0].tag not in ("VBN", "VBG") or toks[0].dep != "ROOT":
        return False
    root = toks[0].i
    if any(t.head == root and t.dep.startswith(("nsubj", "aux", "expl")) for t in core.tokens):
        return False
    return any(t.pos in ("NOUN", "PROPN") for t in toks[1:])


_AGENT_FRAGMENT = re.compile(r"^\W*(?:(?:and|so|but)\s+)?(?P<verb>[a-z]+)\s+by(?:\s+(?P<wh>what|whom|who))?\W*$",
                             re.IGNORECASE)
_AUXILIARY = r"(?:did|does|do|was|were|is|are|has|have|had|will|would|could|can|should)"
_QUESTION_LEAD = re.compile(rf"^\W*(?:(?:when|where|why|what|who|whom|which\s+\w+|how(?:\s+(?:many|much|long|often|far)"
                            rf"\s+\w+)?)\s+(?:{_AUXILIARY}\s+)?|{_AUXILIARY}\s+)", re.IGNORECASE)


def agent_fragment(question: str, previous: str) -> str | None:
    """"triggered by?", "announced by whom?": who or what did that, said of what the previous question asked
    about (its words after the wh-word and auxiliary); None for any other question."""
    match = _AGENT_FRAGMENT.match(question)
    if not match or not previous.strip():
        return None
    verb = syntax(match.group("verb")).tokens[0]
    if verb.tag not in ("VBN", "VBD"):
        return None
    rest = _QUESTION_LEAD.sub("", previous.strip(), count=1).rstrip(" ?.!")
    asker = "Who" if (match.group("wh") or "").lower() in ("who", "whom") else "What"
    return f"{asker} {match.group('verb').lower()} {rest}?" if rest else None


def subject_first(core: Syntax, subject_of: Callable[[], str | None]) -> str | None:
    """The participle fragment ``core`` said of the previous question's subject phrase (``subject_of()``, looked
    up only for such a fragment), None when ``core`` is no such fragment or there is no subject."""
    subject = subject_of() if participle_fragment(core) else None
    if not subject:
        return None
    text = "".join(t.text + " " * t.space for t in core.tokens if t.pos != "CCONJ" or t.i > 0).strip()
    return f"{subject} {text}"


def gerund(verb: str) -> str:
    """The -ing form of a verb's lemma ("show" → "showing", "make" → "making", "set" → "setting", "die" →
    "dying")."""
    if verb.endswith("ie"):
        return verb[:-2] + "ying"
    if verb.endswith("e") and not verb.endswith(("ee", "ye", "oe")) and len(verb) > 2:
        return verb[:-1] + "ing"
    if (len(verb) <= 4 and len(verb) >= 3 and verb[-1] not in _VOWELS + "wxy" and verb[-2] in _VOWELS
            and verb[-3] not in _VOWELS):
        return verb + verb[-1] + "ing"
    return verb + "ing"


def action_phrase(previous: str) -> str | None:
    """What the previous yes/no question asked to do, as a gerund phrase with its object: "can it show the hostname
    instead of the IP?" → "showing the hostname instead of the IP"; None for another kind of question or a verb
    without an object."""
    parsed = syntax(previous)
    toks = [t for t in parsed.tokens if t.pos != "PUNCT" or t.text not in "?!."]
    if not toks or toks[0].text.lower() not in _YES_NO:
        return None
    root = next((t for t in toks if t.dep == "ROOT" and t.pos == "VERB"), None)
    if root is None or not any(t.head == root.i and t.dep == "dobj" for t in toks):
        return None
    rest = "".join(t.text + " " * t.space for t in toks if t.i > root.i).strip()
    return re.sub(r"\s+", " ", f"{gerund(root.lemma.lower())} {rest}").strip()


EVENT_VERBS = frozenset("lead cause result trigger spark provoke prompt happen bring".split())
"""Verbs whose subject is an event ("what did *it* lead to?"): "it" there is something that happened."""
_CLAUSE_PARTS = frozenset({"nsubj", "dobj", "prt", "prep", "dative", "compound:prt"})
"""What a gerund clause keeps of its verb's dependents: who, whom, and the phrases it takes, not "really
humanitarian"."""


CAUSING_VERBS = frozenset("cause trigger spark provoke prompt".split())
"""Verbs whose object is an event ("what *triggered* it in the end?"): "it" there is what happened."""
EVENT_PRONOUNS = frozenset({"it", "that", "this"})
"""Pronouns that can stand for what happened ("what did *that* lead to?")."""


def event_it(core: Syntax, at: int) -> bool:
    """Whether the "it" (or "that", "this") at token ``at`` stands for an event: the subject of a verb of causing
    ("what did *it* lead to?", "what did *that* end up leading to?"), the object of "do" ("has anyone else done
    *it*?") or of a verb of causing ("what triggered *it*?")."""
    toks = core.tokens
    token = toks[at]
    if token.text.lower() not in EVENT_PRONOUNS or token.tag not in ("PRP", "DT"):
        return False
    head = toks[token.head]
    if token.dep == "dobj":
        return head.lemma == "do" or head.lemma in CAUSING_VERBS
    return token.dep == "nsubj" and (head.lemma in EVENT_VERBS or any(
        t.head == head.i and t.dep == "xcomp" and t.lemma in EVENT_VERBS for t in toks))


def happened_subject(core: Syntax, at: int) -> bool:
    """Whether the word at ``at`` is the subject of a verb that takes no object ("why was *that* a big deal?", "why
    does *that* matter?"): said of something that happened, not of a thing that does something to another ("can
    *that* replace full relations?")."""
    token = core.tokens[at]
    return token.dep == "nsubj" and not any(t.head == token.head and t.dep == "dobj" for t in core.tokens)


def asked_clause(parsed: Syntax) -> str | None:
    """A wh-question's event as a gerund clause, its subject first and the asked-for noun as its object: "what
    activities did the MEK carry out from ashraf 3?" → "the MEK carrying out activities from ashraf 3"; None when
    the main verb is "do", "be" or "have" ("what does gzip -r do?" names no event), has no subject of its own, or
    has the wh-word as its bare object ("what did the MEK blame?")."""
    toks = parsed.tokens
    verb = next((t for t in toks if t.dep == "ROOT" and t.pos == "VERB"), None)
    if verb is None or verb.lemma.lower() in _EMPTY_VERBS or not any(t.tag in WH_TAGS for t in toks):
        return None
    parts = [t for t in toks if t.head == verb.i and t.i != verb.i and t.dep in _CLAUSE_PARTS]
    subject = next((t for t in parts if t.dep == "nsubj" and t.tag not in WH_TAGS), None)
    if subject is None or any(t.dep == "dobj" and t.tag in WH_TAGS for t in parts):
        return None
    ordered = [subject, *(t for t in parts if t.dep in ("prt", "compound:prt")),
               *(t for t in parts if t.dep in ("dobj", "dative")), *(t for t in parts if t.dep == "prep")]
    pieces = [" ".join(x.text for x in toks if x.i in parsed.subtree(t.i) and x.tag not in WH_TAGS) for t in ordered]
    return " ".join([pieces[0], gerund(verb.lemma.lower()), *pieces[1:]]).strip()


def gerund_clause(previous: str) -> str | None:
    """The previous question's event as it says it, a gerund clause with its subject and objects: "was albania
    hosting the mek really humanitarian?" → "albania hosting the mek"; a wh-question's own event
    (``asked_clause``); None when it holds neither."""
    parsed = syntax(previous)
    toks = parsed.tokens
    verb = next((t for t in toks if t.tag == "VBG" and t.pos == "VERB"), None)
    if verb is None:
        return asked_clause(parsed)
    kept = {verb.i}
    for child in (t for t in toks if t.head == verb.i and t.i != verb.i and t.dep in _CLAUSE_PARTS):
        kept |= parsed.subtree(child.i)
    if verb.dep == "acl" and toks[verb.head].i < verb.i:  # "countries cutting ties": the noun is its subject
        kept.add(verb.head)
    words = [t for t in toks if t.i in kept and t.pos != "PUNCT"]
    return "".join(t.text + " " * t.space for t in words).strip() or None

