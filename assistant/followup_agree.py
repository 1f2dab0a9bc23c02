"""Agreement: what a pronoun can stand for, by person and number as the parser tells ("he" a person, "it" one
thing that is no person, "they" a group or several), and a pronoun whose name stands earlier in the same question
("what about Iran, does *it* accept the blame?": Iran, not the previous turn)."""

from __future__ import annotations

import re
from typing import Literal

from assistant.answer.people import person_noun
from assistant.followup_bind import own_subject
from assistant.nlp import Syntax, syntax

Referent = Literal["person", "group", "thing"]

_PERSONAL: dict[str, Referent] = {"he": "person", "him": "person", "his": "person", "she": "person",
                                  "her": "person", "hers": "person", "it": "thing", "its": "thing",
                                  "they": "group", "them": "group", "their": "group", "theirs": "group"}


def pronoun_referent(word: str) -> Referent | None:
    """What a personal pronoun stands for: "person" (he, his), "thing" (it), "group" (they); None for others."""
    return _PERSONAL.get(word.lower())


def _acronym(text: str) -> bool:
    return len(text) > 1 and text.isupper() and text.isalpha()


def phrase_kind(parsed: Syntax, start: int, end: int) -> Referent:
    """What the phrase ``tokens[start:end]`` is, for agreement: a person (a PERSON name, not an acronym, or a
    person noun), a group (an organisation, a people, or several of anything) or a thing."""
    toks = parsed.tokens
    root = next((i for i in range(start, end) if not start <= toks[i].head < end or toks[i].head == i), end - 1)
    labels = {label for s, e, label in parsed.ents if s < end and start < e}
    plural = toks[root].tag in ("NNS", "NNPS") and toks[root].text.lower().endswith("s")  # not a guess on "gzip"
    if "PERSON" in labels and not _acronym(toks[root].text):
        return "group" if plural else "person"
    if toks[root].pos == "NOUN" and person_noun(toks[root].lemma):
        return "group" if plural else "person"
    if plural or "NORP" in labels or (_acronym(toks[root].text) and "GPE" not in labels):
        return "group"
    return "thing"


def agrees(pronoun: str, parsed: Syntax, start: int, end: int) -> bool:
    """Whether ``pronoun`` can stand for the phrase ``tokens[start:end]``: "he" a person, "it" one thing (a
    country or an organisation too, an acronym among them, whatever label the parser gave it), "they" a group,
    several, or an organisation."""
    wanted = pronoun_referent(pronoun)
    if wanted is None:
        return True
    kind = phrase_kind(parsed, start, end)
    labels = {label for s, e, label in parsed.ents if s < end and start < e}
    if wanted == "group":
        return kind == "group" or "ORG" in labels
    if wanted == "thing":
        return kind == "thing" or (kind == "group" and ("ORG" in labels or _acronym(parsed.tokens[end - 1].text)) and
                                   parsed.tokens[end - 1].tag not in ("NNS", "NNPS"))  # "the MEK ... its base"
    return kind == "person"


def named_before(parsed: Syntax, at: int) -> tuple[int, int] | None:
    """The name earlier in the same question that the pronoun at token ``at`` agrees with (an entity or a proper
    noun, nearest first), None when there is none: then the pronoun points to an earlier turn."""
    pronoun = parsed.tokens[at].text
    if pronoun_referent(pronoun) is None:
        return None
    spans = [(s, e) for s, e, label in parsed.ents if e <= at and label not in ("DATE", "TIME", "CARDINAL",
                                                                                 "ORDINAL", "QUANTITY", "PERCENT")]
    spans += [(t.i, t.i + 1) for t in parsed.tokens[:at] if t.pos == "PROPN"
              and not any(s <= t.i < e for s, e in spans)]
    for start, end in sorted(spans, key=lambda span: -span[0]):
        if agrees(pronoun, parsed, start, end) and not own_subject(parsed, at, start, end) \
                and not _modified_by_own_clause(parsed, at, start, end):  # "is X in *it*?"
            return start, end
    return coordinated(parsed, spans) if pronoun_referent(pronoun) == "group" else None


def _modified_by_own_clause(parsed: Syntax, at: int, start: int, end: int) -> bool:
    """Whether the pronoun at ``at`` is in a relative clause of the noun the name at [start, end) belongs to ("the
    *English* name *it* goes by"): a pronoun never stands for the noun its own relative clause describes."""
    toks = parsed.tokens
    verb = toks[toks[at].head]
    if verb.dep != "relcl":
        return False
    noun = verb.head
    return start <= noun < end or any(toks[i].head == noun for i in range(start, end))


def coordinated(parsed: Syntax, spans: list[tuple[int, int]]) -> tuple[int, int] | None:
    """Two of the names ``spans`` joined by "and"/"or", which a plural pronoun can stand for together ("what will
    *Albania and Iran* focus on given the outlook for *their* relations?"): from the first to the second, nearest
    last first; None when no name is another's conjunct."""
    toks = parsed.tokens
    for start, end in sorted(spans, key=lambda span: -span[0]):
        joined = next((s for s, e in spans if toks[end - 1].dep == "conj" and s <= toks[end - 1].head < e), None)
        if joined is not None:
            return joined, end
    return None


def plural(word: str) -> str:
    """A regular English plural ("view" → "views", "policy" → "policies", "box" → "boxes")."""
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    return word + ("es" if word.endswith(("s", "x", "z", "ch", "sh")) else "s")


def in_number(target: str, pronoun: str) -> str:
    """``target`` in the pronoun's number: "they"/"them" standing for one of a kind ("what's *a view*?" + "why
    use *them*?") make its common-noun head plural ("views"); a name, a path, a person (a singular "they"), an
    organisation or a plural stays, and so does any phrase for "their"."""
    if pronoun.lower() not in ("they", "them") or "/" in target:
        return target
    parsed = syntax(target)
    toks = parsed.tokens
    if not toks or parsed.ents:
        return target
    root = next((t for t in toks if t.dep == "ROOT"), toks[-1])
    if root.pos != "NOUN" or root.tag != "NN" or not root.text.isalpha() or not root.text.islower() or \
            not re.search("[aeiou]", root.text) or person_noun(root.lemma):  # "dpkg": a name the parser calls a noun
        return target
    return "".join((plural(t.text) if t.i == root.i else t.text) + " " * t.space for t in toks).strip()


def people_phrase(parsed: Syntax, start: int, end: int) -> tuple[int, int]:
    """A people's name said as an adjective stands with the plural noun it describes ("*albanian analysts*": the
    analysts, whom "them" points to, not the nation); any other span as it is."""
    toks = parsed.tokens
    head = toks[end - 1].head
    if end - 1 != head and toks[end - 1].dep in ("amod", "compound") and head >= end and toks[head].tag == "NNS" \
            and all(toks[i].head == head for i in range(end, head)):
        return start, head + 1
    return start, end


def both_parties(parsed: Syntax) -> str | None:
    """The two a question names ("What did Israel do for Albania ...?": "Israel and Albania"), what "their" points
    to before a noun of what holds between two ("their ties"); None unless it names two people, groups or places."""
    named = list(dict.fromkeys(parsed.span(s, e) for s, e, label in parsed.ents
                               if label in ("PERSON", "ORG", "NORP", "GPE")))
    return " and ".join(named) if len(named) == 2 else None


_BETWEEN_TWO = re.compile(r"(?i)\bbetween\s+(?:the\s+two|both|them|those\s+two|these\s+two)\b(?!\s+(?:of\b|[a-z]+s\b))")
""""Between" two parties named before ("the outlook between the two", "the talks between them"); not "between the
two countries" or "between the two of them", whose noun the parser reads."""


def between_pair(question: str, previous: str) -> str | None:
    """``question`` with the two parties it puts something between written out as the previous question names them
    ("how's the outlook between the two?" after "did iran keep a presence in albania?": "between iran and albania";
    ``both_parties``), None when it puts nothing between two or the previous question names no two."""
    match = _BETWEEN_TWO.search(question)
    both = both_parties(syntax(previous)) if match else None  # parsed only when something is put between two
    return f"{question[:match.start()]}between {both}{question[match.end():]}" if match and both else None
