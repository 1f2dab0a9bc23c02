"""A "No" answers only a question that asks yes or no; a "Because" only one that asks why.

"How did NATO respond?" is not answered by "No, it might provide a limited channel ...": a sentence that opens by
denying ("No," "No;" "No." "No -") gives the polarity of a yes/no question, and a question with no yes/no clause
anywhere ("Is ...", "..., does that ...", "Before Albania, had any nation ...") asked for none. "No longer", "No
fee" and "No error: ..." open with a determiner or an adverb, not a denial. Likewise "Perhaps because he opted for
a bilateral response first." gives a reason, which "What other lesson does the article draw?" did not ask for.
"""

from __future__ import annotations

import re

_DENIAL = re.compile(r"\W*no\s*[,;:.!—–-]", re.IGNORECASE)
_REASON_LEAD = re.compile(r"\W*(?:(?:perhaps|probably|possibly|likely|mainly|partly|largely|mostly|simply|only|just)"
                          r"\s+)?because\b", re.IGNORECASE)
_ASKS_REASON = re.compile(r"\b(?:why|how come|reasons?|causes?|caused|motives?|motivated|purpose|what for|what made|"
                          r"explain)\b", re.IGNORECASE)
_YES_NO_CLAUSE = re.compile(
    r"(?:^|[,;:?!—–-]|\bor\b)\s*(?:am|is|are|was|were|isn[’']t|aren[’']t|do|does|did|don[’']t|doesn[’']t|can|could|"
    r"will|would|shall|should|has|have|had|must|may|might|need|right\b)\b", re.IGNORECASE)


def asks_polarity(question: str) -> bool:
    """Whether any clause of the question opens with an auxiliary (or a tag such as ", right?"): it asks yes or no."""
    return bool(_YES_NO_CLAUSE.search(question.strip()))


def denies_unasked(text: str, question: str) -> bool:
    """Whether a sentence opens by denying ("No, ...") though the question asks no yes/no question."""
    return bool(question) and bool(_DENIAL.match(text)) and not asks_polarity(question)


def reasons_unasked(text: str, question: str) -> bool:
    """Whether a sentence opens by giving a reason ("Because ...", "Perhaps because ...") though no clause of the
    question asks why (or for a reason, cause, purpose, "how come")."""
    return bool(question) and bool(_REASON_LEAD.match(text)) and not _ASKS_REASON.search(question)
