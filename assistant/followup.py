"""Follow-up questions without an LLM: whether a question leans on the conversation, and the question to search.

Evidence that a question leans on the previous turn (``cues``): a referring pronoun or demonstrative ("he", "it",
"that"), "there"/"then", "the other(s)"/"the next", a fragment with no verb, a verb with no subject, a wh-word alone
or a very short question ("one"/"ones" standing for a noun too); a leading "and"/"but" or a comparative counts only
beside other evidence. The standalone question keeps the new question's words and supplies only what is missing: a pronoun is
replaced by the phrase it points to (found in the previous question, or in the previous answer when that question
asked for it: "Who cut ties?" → "When did *he* announce it?"), a lone wh-word takes over the previous question
("How come?"), and a fragment is read into it ("what about Kosovo?" swaps the entity of the same kind).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from assistant.followup_agree import agrees, in_number, named_before, pronoun_referent
from assistant.followup_bind import other_phrase
from assistant.followup_ellipsis import action_phrase, event_it, gerund_clause, subject_first
from assistant.followup_items import ITEM_CUE, item_question, narrowed_item
from assistant.followup_names import spelled_out
from assistant.followup_refs import Antecedents, wh_phrase
from assistant.followup_swap import Similar
from assistant.followup_within import clause_before, compared, parallel_one, place_before, reciprocal, resolved_within
from assistant.nlp import Syntax, Token, syntax
from assistant.terms import STOPWORDS

PERSONAL = {"he": "person", "she": "person", "him": "person", "her": "person", "his": "person", "hers": "person",
            "they": "group", "them": "group", "their": "group", "theirs": "group",
            "it": "thing", "its": "thing"}
POSSESSIVE = frozenset({"his", "her", "its", "their", "theirs", "hers"})
DEMONSTRATIVES = frozenset({"this", "that", "these", "those"})
GROUP_NOUNS = frozenset({"group", "organisation", "organization", "movement"})
"""A bare "the group" names no group of its own: it points to the organisation the conversation is about."""
OTHERS = frozenset({"other", "others", "rest", "remaining", "next", "previous", "latter", "former", "same", "another"})
WEAK = ("leading conjunction", "comparison")
"""Cues that count only beside other evidence."""
NOW_NOUNS = frozenset("day week month year season summer winter spring autumn morning evening night time".split())
"""Nouns of time a demonstrative ties to the time of asking ("these days", "this year"), general English."""
LEADERS = ("what about", "how about", "and", "but", "also", "so", "or", "then", "ok", "okay")
_EVENT_HEADS = frozenset("do happen cause create mean lead before after than since by about because".split())
WH_ALIASES = {"how come": "why", "how so": "how"}
_WH = frozenset("what which who whom whose when where why how".split())
_NAMED_LEAD = re.compile(r"(?i)(?:(?:and|so|ok|but)\s+)?(?:what|how)\s+about\s+[^,;?]+[,;\u2014\u2013-]\s*\S.*")
_CASUAL = re.compile(r"(?i)\b(what|how|where|who|that|there)s\b")
"""A wh-word's "'s" typed without its apostrophe ("whats his name"), put back before parsing; never "its"."""
_THEN = re.compile(r"(?i)\b(?:(by|until|till|since|before|after|back)\s+)?then\b")
_ASIDES = (re.compile(r"(?i),?\s*\b(?:tho|though|anyway)\s*(?=\?*$)"),  # "why bother using them though?"
           re.compile(r"(?i)\b((?:what|who|where|which|how)\s+)else\b\s*"),  # "what else has to go with it?"
           re.compile(r"(?i)\b(?:btw|by the way)\b,?\s*"))
"""Words said to the listener, not asked about: the answerer would look for them in the documents."""
_EXISTENTIAL_BE = frozenset({"is", "are", "was", "were"})
"""A finite "be" right before "there" makes it existential ("what types of unit files *are there*?"), whatever the
parser says; "been there", "happened there" point to a place."""
_CONDITION_ALONE = re.compile(r"(?i)(?:(?:and|but|so|ok|what)\s+)*(?:if|unless|in case)\b"
                              r"(?:(?!\b(?:what|which|who|whom|whose|when|where|why|how)\b)[^,;?])*\??")
"""A condition with nothing asked after it ("and if it's empty?"); not "if I leave it out which one gets used?"."""


@dataclass(frozen=True)
class FollowupParams:
    """The resolver's choices, fitted on the tuning parts of the conversations (``python -m assistant.followup_fit``,
    2026-11-30, 45 answerable and 13 unanswerable follow-ups): 26 right, 5 refused, 4 false refusals (27 right
    since "the first one" reads as "the first <noun>", checked at these values). More words of
    the previous question cost answers (gist_terms 3: -3; context_terms 2/4/8, the old "(previous terms)": -3 to
    -5); topic_phrases 2 traded a right answer for a false refusal; short_words (1-3) and use_answer tied."""

    short_words: int = 2  # a question with at most this many content words of its own is short
    gist_terms: int = 2  # words of the previous question that stand for "that" / fill a fragment
    topic_phrases: int = 1  # phrases of the previous question (subject, object) that "it" stands for
    use_answer: bool = True  # the previous answer supplies what "he" or "which X ... it" points to
    context_terms: int = 0  # at most this many more words of the previous question, in brackets after the question
    parallel_swap: bool = True  # a fragment replaces the previous question's word nearest it in meaning (tune: +2)
    claim_words: int = 1  # words of the previous answer's claim a lone "why?" carries (issue 16j tune: 1, 2, 3 +1)
    named_words: int = 3  # a verbless question with this many content words names what it asks: no fragment (16m: 4;
    # 16o: 3, the tune fragments of three are all "what about X?", cued by that; probe: "bsd copyright holder?")


PARAMS = FollowupParams()


@dataclass(frozen=True)
class Resolution:
    """How a question reads in its conversation: the question to search, why, and what it was tied to."""

    question: str
    searched: str | None = None
    cues: tuple[str, ...] = ()
    tied_to: str | None = None
    unresolved: str | None = None  # why it could not be tied to the history (then nothing is searched)

    @property
    def query(self) -> str:
        """What to search: the standalone question, else the question as asked."""
        return self.searched or self.question


def _content(tokens: Syntax) -> list[str]:
    return [t.lemma for t in tokens.tokens if t.pos in ("NOUN", "PROPN", "VERB", "ADJ", "NUM")
            and t.lemma not in STOPWORDS and t.text.lower() not in STOPWORDS and t.text.lower() not in _WH]


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
        elif _group_noun(t, toks):
            found.append(f"definite {low!r}")  # "how does iran view the group?": the organisation named before
        elif low in DEMONSTRATIVES and t.tag not in ("WDT", "IN") and t.dep not in ("mark", "nsubj:relcl"):
            if t.dep == "det":
                if not _now(toks[t.head]) and not clause_before(parsed, t.i):  # "these days"; "... call that move?"
                    found.append(f"demonstrative {low!r}")
            elif not (low == "that" and t.tag == "WDT") and not clause_before(parsed, t.i):
                found.append(f"pronoun {low!r}")
        elif low == "there" and t.dep != "expl" and not (t.i and lowered[t.i - 1] in _EXISTENTIAL_BE) and \
                not place_before(parsed, t.i):
            found.append("'there'")
        elif low == "then" and t.i >= len(toks) - 2:
            found.append("'then'")
        elif _pro_one(t, toks):
            found.append("'one'")
        elif low in OTHERS and not _own_kind(t, toks, len(content) > params.short_words) and not compared(t, toks) \
                and not reciprocal(t, toks):
            found.append(f"continuing {low!r}")  # "the other two", "the others"; not "other kinds of join"
    words = [t for t in toks if t.pos not in ("PUNCT", "SPACE")]
    if words and not any(t.pos in ("VERB", "AUX") for t in words) and len(content) < params.named_words:
        found.append("no verb")  # "and telnet?"; not "default timeout for apt's ftp method in seconds?"
    root = next((t for t in toks if t.dep == "ROOT"), None)
    if root is not None and root.pos == "VERB" and root.tag != "VB" and not any(
            t.head == root.i and t.dep.startswith(("nsubj", "csubj", "expl")) for t in toks) and not any(
            t.tag in ("WP", "WDT") and t.head == root.i for t in toks) and not inverted(toks, root.i):
        found.append("no subject")  # "and hosted in albania since when?", "based on what?"
    text = " ".join(w for w in lowered if w.isalnum())
    if len(content) <= params.short_words:
        alone = not content or any(text.endswith(alias) for alias in WH_ALIASES)
        found.append("wh-word alone" if alone and any(w in _WH for w in lowered) else "short")
    nouns = [t for t in toks if t.pos in ("NOUN", "PROPN") and t.text.lower() not in STOPWORDS]
    weak = []
    if any(text == lead or text.startswith(lead + " ") for lead in LEADERS):
        weak.append("leading conjunction")
    if any(t.tag in ("JJR", "RBR") for t in toks) or "before or after" in text or "came first" in text:
        weak.append("comparison")
    if re.fullmatch(r"(?i)(?:and |so |ok )?(?:what|how) about\b[^,;?]*\??", question.strip()):
        found.append("what about")  # "what about FLOATING POINT?": the previous question about something else
    if _CONDITION_ALONE.fullmatch(question.strip()):
        found.append("condition alone")  # "and if it's empty?": the previous question under another condition
    if found == ["short"] and nouns:  # a short question with a noun and no reference stands alone
        return ()
    return (*found, *weak) if found else ()  # a leading "and" or a comparative counts only beside other evidence


def _now(noun: Token) -> bool:
    """Whether a demonstrative's noun is a time ("these *days*", "this *summer*"): said of the time of asking, not of
    an earlier turn."""
    return noun.ent in ("DATE", "TIME") or noun.lemma.lower() in NOW_NOUNS


def _own_kind(t: Token, toks: list[Token], worded: bool) -> bool:
    """Whether "other"/"another" at ``t`` names a kind of the question's own rather than the rest of a list: an
    adjective of a noun ("other kinds of join"), or a determiner of one in a question with words enough of its own
    (``worded``: "can I define a view on another view?"; not "is there another way?")."""
    noun = toks[t.head].pos in ("NOUN", "PROPN")
    return noun and (t.dep == "amod" or (t.dep == "det" and worded))


def inverted(toks: Sequence[Token], root: int) -> bool:
    """Whether a question's verb at ``root`` has an auxiliary before it or is one ("*did* wheezy freeze?", "why *is*
    swearing not allowed?", "*had* any nation severed ties?"): a question with a subject the parser missed, not a
    fragment ("hosted in albania since when?")."""
    return any(t.pos == "AUX" or t.tag == "MD" for t in toks[:root]) or toks[root].lemma.lower() in ("have", "do")


def _named(target: str, parsed: Syntax) -> bool:
    """Whether every word of ``target`` is a word of the question already (it cannot be what a pronoun adds)."""
    words = {t.text.lower() for t in parsed.tokens}
    return all(w.lower() in words for w in target.split())


def _pro_one(t: Token, toks: list[Token], bare: bool = False) -> bool:
    """ "one"/"ones" standing for a noun of the previous turn: "in one", "the integer one", "the binary ones"
    (``bare``: only with nothing but a determiner or preposition before it, "in one", "which one")."""
    before = ("DET", "ADP") if bare else ("DET", "ADJ", "ADP", "PROPN", "NOUN")
    return t.text.lower() in ("one", "ones") and t.dep in ("pobj", "nsubj", "dobj", "ROOT", "attr") and \
        t.i > 0 and toks[t.i - 1].pos in before and not parallel_one(t, toks)


def _group_noun(t: Token, toks: list[Token]) -> bool:
    """Whether ``t`` is a bare group noun after "the" ("view *the group*"), nothing else modifying it."""
    return t.lemma in GROUP_NOUNS and t.tag == "NN" and t.i > 0 and toks[t.i - 1].text.lower() == "the" and \
        not any(x.head == t.i and x.i != t.i - 1 for x in toks)


def one_of(toks: list[Token], at: int) -> bool:
    """Whether the pronoun at ``at`` ends "one of those" / "one of them": a member of a kind, not the kind."""
    return at >= 2 and toks[at - 1].text.lower() == "of" and toks[at - 2].text.lower() == "one" and \
        toks[at].text.lower() in ("those", "these", "them")


def counted_members(target: str, toks: list[Token], at: int) -> str:
    """ "how many of *them*" pointing to one organisation or people counts its members: "the members of MEK" (the
    answer's number sits by "members"); a plural target ("the packages") stays as it is."""
    if at >= 2 and toks[at - 1].text.lower() == "of" and toks[at - 2].text.lower() in ("many", "much"):
        if syntax(target).tokens[-1].tag not in ("NNS", "NNPS"):
            return f"the members of {target}"
    return target


def _reference_kind(low: str, tag: str, dep: str, head: str = "") -> str | None:
    """What a referring word points to (person, group, thing, event, place, determiner), None if it does not;
    ``head``: the lemma of the word it depends on ("done *that*", "after *that*" point to an event)."""
    if low in PERSONAL and tag in ("PRP", "PRP$"):
        return PERSONAL[low]
    if low in DEMONSTRATIVES and tag not in ("WDT", "IN") and dep != "mark":
        if dep == "det":
            return "determiner"
        return "event" if dep.startswith("nsubj") or head in _EVENT_HEADS else "thing"
    if low == "there" and dep != "expl":
        return "place"
    return None


def named_lead(question: str) -> str | None:
    """ "What about Iran, does it accept the blame?": the question after the comma, its pronoun replaced by the
    name the lead gives ("Does Iran accept the blame?"); None when the question is not of that shape."""
    lead = _NAMED_LEAD.match(question.strip())
    if not lead:
        return None
    parsed = syntax(apostrophes(question.strip()))
    toks = parsed.tokens
    comma = next((t.i for t in toks if t.pos == "PUNCT" and t.text in ",;—–-"), None)
    if comma is None:
        return None
    start = next((t.i + 1 for t in toks if t.text.lower() == "about"), comma)  # the lead: "about X,"
    for t in toks[comma + 1:]:
        if pronoun_referent(t.text) and start < comma and agrees(t.text, parsed, start, comma):
            name = parsed.span(start, comma)
            pieces = [x.text if x.i != t.i else f"{name}'s" if x.text.lower() in POSSESSIVE else name
                      for x in toks[comma + 1:]]
            return _finish(" ".join(pieces))
    return None


def without_asides(question: str) -> str:
    """The question without the words said to the listener ("though", "btw", the "else" of "what else"): "why
    bother using them though?" → "why bother using them?"."""
    for aside in _ASIDES:
        question = aside.sub(lambda m: m.group(1) if m.groups() and m.group(1) else "", question)
    return question.strip()


def apostrophes(question: str) -> str:
    """The question with a wh-word's "'s" put back where it was typed without its apostrophe ("whats his name")."""
    return _CASUAL.sub(r"\1's", question)


def _under(previous: str, condition: str) -> str:
    """The previous question under the new condition, in place of a condition of its own: "What does xargs exit
    with if it succeeds?" + "and if the command exited with 255?" → "What does xargs exit with, if the command ..."."""
    clause = re.search(r"(?i)\b(?:if|unless|in case)\b.*", condition)
    asked = re.sub(r"(?i),?\s*\b(?:if|unless|when|in case)\b[^,;?]*\??$", "", previous.strip()).rstrip("?.! ")
    return f"{asked}, {clause.group(0) if clause else condition}"


def _strip_leader(question: str) -> str:
    text = question.strip()
    for lead in LEADERS:
        if text.lower() == lead or re.match(rf"(?i){re.escape(lead)}\b[ ,—–-]*", text):
            return re.sub(rf"(?i)^{re.escape(lead)}\b[ ,—–-]*", "", text)
    return text


def dated_then(text: str, date: str) -> str:
    """ "How long had he been PM by then?" after a question dated September 7, 2022: the last "then" is that date
    ("by September 7, 2022"); a bare "then" is "on" it ("in" a bare year)."""
    found = list(_THEN.finditer(text))
    if not found:
        return text
    last = found[-1]
    lead = last.group(1) or ("in" if re.fullmatch(r"\d{4}", date) else "on")
    return f"{text[:last.start()]}{lead} {date}{text[last.end():]}"


def _finish(text: str) -> str:
    text = " ".join(text.replace(" ?", "?").split()).strip(" ,;—–-")
    text = re.sub(r"\s+,", ",", text)  # "September 7 , 2022" as the parser split it
    text = re.sub(r"(?i)(\w) ('s|'re|'ll|'ve)\b", r"\1\2", text)  # "What 's" as typed: "What's"
    text = text.rstrip("?.! ")
    return f"{text[:1].upper()}{text[1:]}?"


def resolve(
    question: str, history: Sequence[str], previous_answer: Callable[[str], str] | None = None,
    params: FollowupParams = PARAMS, weight: Callable[[str], float] | None = None, similar: Similar | None = None,
) -> Resolution:
    """The question to search for ``question`` asked after ``history`` (standalone earlier questions, oldest
    first); ``previous_answer(previous standalone question)`` gives the last answer's text when a reference needs
    it; ``weight(word)`` ranks the previous question's words when only a few of them are carried over."""
    found = cues(question, params)
    previous = next((h for h in reversed(history) if h.strip()), "")
    if previous and (named := named_lead(question)):
        return Resolution(question, named, ("named in the question",), previous)
    answer = (lambda: previous_answer(previous)) if previous_answer and params.use_answer else None
    if previous and (item := item_question(question, apostrophes(_strip_leader(previous)), answer)):  # "the other two?"
        return Resolution(question, item, (*found, ITEM_CUE), previous)
    if previous and (item := narrowed_item(apostrophes(question), previous)):  # "ok whats the first rule"
        return Resolution(question, item, (*found, ITEM_CUE), previous)
    if not found or not previous:
        return Resolution(question, cues=found)
    refs = Antecedents(previous, answer, weight, params.gist_terms, params.topic_phrases,
                       similar if params.parallel_swap else None, params.claim_words)
    definite = any(c.startswith("definite") for c in found)
    group = refs.organisation() if definite else None
    if definite and group is None:  # "the group" with no organisation named before
        found = tuple(c for c in found if not c.startswith("definite"))
        strong = [c for c in found if c not in WEAK]
        if not strong or strong == ["short"]:  # nothing else leans on the history: asked as typed
            return Resolution(question)
    core = spelled_out(apostrophes(without_asides(_strip_leader(question))))  # "whats his name"; "the us"
    parsed = syntax(core)
    if "no subject" in found and (said := subject_first(parsed, lambda: refs.find("thing"))):  # "hosted in albania ..."
        return Resolution(question, _finish(said), found, previous)
    pieces, missing = [], []
    used: set[str] = set()
    for t in parsed.tokens:
        if _group_noun(t, parsed.tokens) and group:  # "the group": the organisation the previous turn named
            pieces[-1:] = [group]  # "the" gives way to the name
            used.add(group)
            continue
        if _pro_one(t, parsed.tokens):  # "in one": the previous phrase; "the first one": its noun
            kind: str | None = "thing" if _pro_one(t, parsed.tokens, bare=True) else "noun"
        else:
            kind = _reference_kind(t.text.lower(), t.tag, t.dep, parsed.tokens[t.head].lemma)
        if kind and (named_before(parsed, t.i) or resolved_within(parsed, t.i) or clause_before(parsed, t.i)
                     or (kind == "place" and place_before(parsed, t.i))):
            kind = None
        if kind in ("thing", "group") and one_of(parsed.tokens, t.i) and (instance := refs.instance()):
            pieces[-2:] = ["", ""]  # "is it *one of those*?": "is it a WITHOUT ROWID table?"
            pieces.append(instance)
            used.add(instance)
            continue
        target = refs.find(kind, parsed.tokens[t.head].lemma if kind == "determiner" else "", t.text) if kind else None
        if kind in ("thing", "group") and target and _named(target, parsed):  # "is albania in it?": not albania
            target = other_phrase(previous, parsed)
        if kind == "event" and (action := action_phrase(previous)):  # "why isn't that recommended?": what was asked
            target = action
        if (kind == "thing" or (kind == "event" and t.dep == "nsubj")) and event_it(parsed, t.i) and \
                (clause := gerund_clause(previous)):  # "it led to", "what did that lead to?"
            target = clause
        if kind is None or target in used:  # not a reference, or its phrase is already in the question
            pieces.append(t.text)
        elif not target:
            pieces.append(t.text)
            missing += [] if kind == "determiner" else [t.text]
        else:
            used.add(target)
            if kind == "group":
                target = in_number(counted_members(target, parsed.tokens, t.i), t.text)
            pieces.append(f"{target}'s" if t.text.lower() in POSSESSIVE and kind != "determiner" else target)
    if missing and not used:  # it refers to something, and the earlier question offers nothing it can be
        return Resolution(question, cues=found, tied_to=previous,
                          unresolved=f"could not tie {', '.join(repr(m) for m in missing)} to the earlier question "
                                     f"\u201c{previous}\u201d")
    text = "".join(piece + " " * t.space for piece, t in zip(pieces, parsed.tokens))
    date = refs.find("date") if "'then'" in found else None
    text = dated_then(text, date) if date else text
    substituted = pieces != [t.text for t in parsed.tokens] or bool(date)
    fragment = any(c in ("no verb", "no subject", "what about") or c.startswith("continuing") for c in found)
    if "condition alone" in found:
        text = _under(previous, text)
    elif fragment or (("short" in found or "wh-word alone" in found) and not substituted):
        text = refs.merge(text, wh_phrase(core), WH_ALIASES, "" if substituted else core)
    if "comparison" in found and len(history) > 1:
        text = f"{text} {Antecedents(history[-2], None, weight, params.gist_terms).gist()}"
    searched = _finish(text)
    extra = refs.context(searched, params.context_terms)
    searched = f"{searched} ({extra})" if extra else searched
    if searched.rstrip("?").lower() == question.strip().rstrip("?").lower():
        return Resolution(question, cues=found)
    return Resolution(question, searched, found, previous)


def resolve_conversation(
    question: str, history: Sequence[str], answer_of: Callable[[int, str], str] | None = None,
    params: FollowupParams = PARAMS, weight: Callable[[str], float] | None = None, similar: Similar | None = None,
) -> tuple[Resolution, list[str]]:
    """``question``'s resolution after ``history`` (as asked, oldest first), each earlier question resolved against
    the ones before it; also returns those standalone earlier questions. ``answer_of(i, standalone question)``:
    the text of turn ``i``'s answer, asked for only when a reference needs it."""
    standalone: list[str] = []
    for turn, earlier in enumerate([*history, question]):
        previous = (lambda text, i=turn - 1: answer_of(i, text)) if answer_of and turn else None
        resolution = resolve(earlier, standalone, previous, params, weight, similar)
        standalone.append(resolution.query)
    return resolution, standalone[:-1]
