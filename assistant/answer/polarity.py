"""A "No" (or "Yes", or "Highly unlikely") answers only a question that asks yes or no; a "Because" only one that
asks why.

"How did NATO respond?" is not answered by "No, it might provide a limited channel ...": a sentence that opens by
denying ("No," "No;" "No." "No -") gives the polarity of a yes/no question, and a question with no yes/no clause
anywhere ("Is ...", "..., does that ...", "Before Albania, had any nation ...") asked for none. "No longer", "No
fee" and "No error: ..." open with a determiner or an adverb, not a denial. Likewise "Perhaps because he opted for
a bilateral response first." gives a reason, which "What other lesson does the article draw?" did not ask for.
"""

from __future__ import annotations

import re
from dataclasses import replace

from assistant.answer.support import Claim
from assistant.terms import STOPWORDS

_DENIAL = re.compile(r"\W*no\s*[,;:.!—–-]", re.IGNORECASE)
_AFFIRMATION = re.compile(r"\W*yes\s*[,;:.!—–-]", re.IGNORECASE)
_LIKELIHOOD = re.compile(r"\W*(?:(?:highly|very|quite|most|rather|fairly|extremely)\s+)?(?:un)?likely\s*[,;:.!—–-]"
                         r"|\W*(?:probably|possibly)(?:\s+not)?\s*[,;:.!—–-]", re.IGNORECASE)
_PURPOSE_LEAD = re.compile(r"\W*to\s+[a-z]", re.IGNORECASE)
_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
# a question that asks for a thing, person, time, place or amount, which a purpose does not give
_ASKS_VALUE = re.compile(r"\W*(?:(?:and|so|but|ok|okay|then)\W+)?(?:who|whom|whose|which|when|where"
                         r"|how (?:many|much|long|old)|what(?:['’]s| is| was| are| were) (?:the )?(?:name|date|year"
                         r"|number))\b", re.IGNORECASE)
_WH_WORD = re.compile(r"\b(?:what|which|who|whom|whose|when|where|why|how)\b", re.IGNORECASE)
_ASKS_LIKELIHOOD = re.compile(r"\b(?:likely|likelihood|chances?|probab\w*|odds|possib\w*|expected)\b", re.IGNORECASE)
_REASON_LEAD = re.compile(r"\W*(?:(?:perhaps|probably|possibly|likely|mainly|partly|largely|mostly|simply|only|just)"
                          r"\s+)?because\b", re.IGNORECASE)
_ASKS_REASON = re.compile(r"\b(?:why|how come|reasons?|causes?|caused|motives?|motivated|purpose|what for|what made|"
                          r"what makes|explain)\b", re.IGNORECASE)
_YES_NO_CLAUSE = re.compile(
    r"(?:^|[,;:?!—–-]|\.\s|\bor\b)\s*(?:am|is|are|was|were|isn[’']t|aren[’']t|do|does|did|don[’']t|doesn[’']t|can|could|"
    r"will|would|shall|should|has|have|had|must|may|might|need|right\b)\b", re.IGNORECASE)


def asks_polarity(question: str) -> bool:
    """Whether any clause of the question opens with an auxiliary (or a tag such as ", right?"): it asks yes or no."""
    return bool(_YES_NO_CLAUSE.search(question.strip()))


def gives_polarity(text: str) -> bool:
    """Whether a sentence opens with "Yes," or "No,": it answers a yes/no question whatever follows ("Yes,
    click.version_option().")."""
    return bool(_DENIAL.match(text) or _AFFIRMATION.match(text))


def polarity_unasked(text: str, question: str) -> bool:
    """Whether a sentence opens by giving a polarity ("No, ...", "Yes, ...", or a likelihood: "Highly unlikely,
    ...", "Probably not.") though the question asks no yes/no question (nor, for a likelihood, how likely)."""
    if not question or asks_polarity(question) or _fragment_asked(question):
        return False
    return bool(_DENIAL.match(text) or _AFFIRMATION.match(text)
                or _LIKELIHOOD.match(text) and not _ASKS_LIKELIHOOD.search(question))


def reasons_unasked(text: str, question: str) -> bool:
    """Whether a sentence opens by giving a reason ("Because ...", "Perhaps because ...") though no clause of the
    question asks why (or for a reason, cause, purpose, "how come"), or is only a purpose ("To strengthen its role
    in the region.": ``purpose_only``) while the question asks for a thing, a person, a time, a place or an amount
    ("which hacker group ...?")."""
    if not question or _ASKS_REASON.search(question):
        return False
    return bool(_REASON_LEAD.match(text)) or bool(_ASKS_VALUE.match(question)) and purpose_only(text)


def purpose_only(text: str) -> bool:
    """Whether a sentence is an infinitive of purpose and nothing more: it opens with "To <verb>", that verb is its
    root and it has no finite verb ("To do X, run Y." instructs; "To strengthen its role." does not)."""
    from assistant.nlp import syntax

    if not _PURPOSE_LEAD.match(text):
        return False
    tokens = syntax(text).tokens
    to = next((t for t in tokens if t.text.lower() == "to"), None)
    return (to is not None and to.dep == "aux" and tokens[to.head].dep == "ROOT"
            and not any(t.tag in _FINITE or t.dep == "ROOT" and t.i != to.head for t in tokens))


def _fragment_asked(question: str) -> bool:
    """Whether one of the question's several questions is a fragment with no wh-word ("at what point can it run?
    before preinst?"): it may ask yes or no."""
    asked = [q for q in question.split("?") if q.strip()]
    return len(asked) > 1 and any(not _WH_WORD.search(q) for q in asked)


_POLARITY_LEAD = re.compile(r"^(?i:yes|no)\s*[,:;.—–-]\s*")
_NAME_AFTER_POLARITY = re.compile(r"^\W*(?i:yes|no)\s*[,;—–-]\s*(?P<name>[A-Z][a-z][\w'’-]*)")
"""A capitalised word right after "Yes," or "No," (not after a full stop): mid-sentence, so a name."""


def name_after_polarity(text: str) -> str | None:
    """The name that follows an answer's "Yes,"/"No," ("Yes, Albania is a NATO member": albania), lower case: when
    the claim is read without its polarity, the word opens it and would otherwise pass for a capitalised common
    word; None when none follows (or it is a stopword: "No, The ...")."""
    found = _NAME_AFTER_POLARITY.match(text)
    word = found.group("name").lower() if found else None
    return None if word is None or word in STOPWORDS else word


def polar_claim(text: str) -> Claim:
    """The claim of a sentence answering a yes/no question, read without its "Yes,"/"No," (the polarity is checked
    apart), the name right after it kept a name ("Yes, Roots is a NATO member.": ``name_after_polarity``)."""
    claim = Claim.of(_POLARITY_LEAD.sub("", text))
    name = name_after_polarity(text)
    return replace(claim, names=claim.names | {name}) if name else claim
