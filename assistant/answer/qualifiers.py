"""Qualifiers a question asks for (the default, the maximum, the first, the current one...) and the words by which a
passage states each (general English): ``refusal.QualifierUnmatched`` reads them."""

from __future__ import annotations

import re

# an identifier that names a bound ("minversion=", "max_size") states it too
_BOUNDED = r"_?(?:version|size|len(?:gth)?|value|count|width|height|depth|age)\b"
_MAX = (r"\bmax(?:imum|imal)?\b|\blimit|\bat most\b|\bup to\b|\bcap(?:s|ped)?\b|\bupper\b|\bno more than\b|\bexceed"
        r"|\bor (?:less|fewer|lower|earlier|smaller|below)\b|\b(?:largest|greatest|highest|biggest)\b"
        r"|\bmax" + _BOUNDED)
_MIN = (r"\bmin(?:imum|imal)?\b|\bat least\b|\blower\b|\bno less than\b|\bor (?:more|greater|higher|later|newer|above)\b"
        r"|\b(?:smallest|lowest|fewest)\b|\bmin" + _BOUNDED)
_CURRENT = (r"\bcurrent(?:ly)?\b|\bnow\b|\btoday\b|\blatest\b|\bpresent|\bmodern\b|\bongoing\b|\bcontemporary\b"
            r"|\bnowadays\b|\bthese days\b")  # "modern diplomacy" is diplomacy today
# "is it in the EU yet?", "which countries host them today?": how things stand now, which a passage says as it does
# the current state, or by "still", "already", "so far", "to date"
_STILL = _CURRENT + r"|\bstill\b|\balready\b|\bso far\b|\bto date\b|\bas of\b"
# A qualifier a question can ask for and the words by which a passage states it (general English).
QUALIFIERS: dict[str, re.Pattern[str]] = {q: re.compile(p, re.IGNORECASE) for q, p in {
    "default": r"\bdefaults?\b|\bunless\b|\botherwise\b|\bif (?:not|no|omitted)\b|\bimplicit(?:ly)?\b",
    "maximum": _MAX, "max": _MAX, "limit": _MAX, "minimum": _MIN, "min": _MIN,
    "first": r"\bfirst\b|\binitial(?:ly)?\b|\boriginal(?:ly)?\b|\bintroduc|\badded\b|\bsince\b|\bnew in\b",
    "current": _CURRENT, "today": _STILL, "yet": _STILL,
    "latest": r"\blatest\b|\bnewest\b|\bcurrent|\brecent",
    "typical": r"\btypical(?:ly)?\b|\busual(?:ly)?\b|\bgeneral(?:ly)?\b|\bnormal(?:ly)?\b|\boften\b|\bcommon(?:ly)?\b",
    "average": r"\baverage\b|\bmean\b|\btypical",
}.items()}
_CONTRASTED = re.compile(r"\b(?:instead of|other than|rather than|besides|not)\s+(?:the\s+|a\s+|an\s+)?\w+")
_IDIOMATIC = re.compile(r"\b(?:in the first place|first of all|at first)\b")  # "first" here qualifies nothing
# "a file that doesn't exist yet": "yet" of a negated relative clause describes the thing; it asks no current state
_NOT_YET_CLAUSE = re.compile(r"\b(?:that|which|who)\b[^,.;?]*?\b(?:not|never|\w+n't|doesnt|dont|didnt|isnt|arent|"
                             r"wasnt|werent|havent|hasnt|cant|wont)\s+(?:\w+\s+){0,2}?yet\b")
_WHERE_ONE_IS = re.compile(r"\bcurrent\s+(?:working\s+)?(?:director(?:y|ies)|dir|folder|path|location|branch|line|"
                           r"buffer|window|shell|terminal|session|user|process|thread|row|position|cursor|scope|page|"
                           r"tab|context)\b")
""""the current folder", "the current user": where or as whom one works, not how things stand now."""
_FIRST_OF_TWO = re.compile(r"\bfirst\s*[,:;\-\u2013\u2014]\s*\S.*\bor\b")
"""Which of two alternatives comes first ("which is popped first - the request context or the app context?"): an
order, which a passage tells by "then" or "before" as well as by "first"."""
_PLAIN_WORD = re.compile(r"(?<![\w.])[a-z]+(?![\w(])")  # a word, not part of an identifier (current_date, max()


def asked_qualifiers(question: str, head_phrase: list[str]) -> set[str]:
    """The qualifiers ``question`` asks for: not one in a contrast ("instead of the current one"), an idiom ("in the
    first place", "the current folder": ``_WHERE_ONE_IS``) or a negated relative clause ("a file that doesn't exist
    yet"), one before another noun than the asked-for ``head_phrase``, or "first" of an act."""
    text = _WHERE_ONE_IS.sub(" ", _IDIOMATIC.sub(" ", _NOT_YET_CLAUSE.sub(" ", _CONTRASTED.sub(" ", question.lower()))))
    asked = {w for w in _PLAIN_WORD.findall(text) if w in QUALIFIERS and not _qualifies_another(w, text, head_phrase)}
    if "first" in asked and (_first_of_an_act(question) or _first_beforehand(question) or _FIRST_OF_TWO.search(text)):
        asked.discard("first")  # "how did X first recognise Y": the act, which a passage tells without "first"
    return asked


def _qualifies_another(word: str, text: str, phrase: list[str]) -> bool:
    """The qualifier sits before a noun phrase other than the asked-for one ("what rowid does the very *first* row
    get", "since what version has the *current* format been used"): not when it stands alone or as an adverbial
    ("by default", "a kb limit?"), nor when the question asks for no particular noun."""
    if not phrase or word in phrase:
        return False
    return bool(re.search(rf"(?<!\bby )(?<!\bat )\b{word}\s+(?!by\b|of\b|for\b)[a-z]", text))


def _first_of_an_act(question: str) -> bool:
    """Whether "first" in the question modifies a verb ("how did Albania *first* recognise Israel?", "when did unix
    first get a glob program?"), not a noun ("the first step"), nor a verb that itself says "first" ("which release
    first *added* --rsyncable?": a passage must tell when it was added)."""
    from assistant.nlp import syntax

    tokens = syntax(question).tokens
    return any(t.text.lower() == "first" and t.tag == "RB" and i + 1 < len(tokens) and tokens[i + 1].tag[:2] == "VB"
               and not QUALIFIERS["first"].search(tokens[i + 1].text) for i, t in enumerate(tokens))


def _first_beforehand(question: str) -> bool:
    """Whether a yes/no question's (``polarity.asks_polarity``) "first" follows the verb it modifies ("will it ask me
    to confirm *first*?", "do I need to stop the server first?"): beforehand, which a passage says with "before", not
    a first of anything."""
    from assistant.answer.polarity import asks_polarity
    from assistant.nlp import syntax

    if not asks_polarity(question):
        return False
    tokens = syntax(question).tokens
    return any(t.text.lower() == "first" and t.dep == "advmod" and t.head < t.i and tokens[t.head].tag[:2] == "VB"
               for t in tokens)
