"""A lone "why?" / "how come?" asks for the reason of what the previous answer said, not of the previous question:
after "how does the article rate the outlook for albania-iran relations?" the answer's "The future outlook ... remains
*bleak*" is the claim asked about, so the searched question carries the claim's telling words the question lacks
("Why does the article rate the outlook for albania-iran relations (bleak)?").

``claim_sentence`` picks the answer sentence that answers the previous question (the one sharing most of its telling
words); ``claim_terms`` gives that sentence's words the question does not hold, the most telling first.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from assistant.answer.name_forms import name_found
from assistant.answer.name_kinds import asked_labels
from assistant.answer.qtypes import QUESTION_FILLER
from assistant.nlp import syntax
from assistant.terms import STOPWORDS, stem, words

_CITED_SENTENCE = re.compile(r"(.+?)\s*\[\d+\]")
_NO_NAME = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"})
"""Entity labels that count or date something rather than name it."""


def _stems(text: str) -> dict[str, str]:
    """The text's content words by their stems, without the words that only frame a question ("article")."""
    return {stem(w): w for w in words(text) if w not in STOPWORDS and w.isalpha() and stem(w) not in QUESTION_FILLER}


def claim_sentence(question: str, answer: str, weight: Callable[[str], float]) -> str:
    """The sentence of ``answer`` (cited sentences, each closed by its "[n]") that shares the most idf weight with
    ``question``'s words ("" when none shares any): what the answer says in reply to it."""
    asked = _stems(question)
    best, found = 0.0, ""
    for match in _CITED_SENTENCE.finditer(answer):
        sentence = match.group(1).strip()
        shared = sum(weight(word) for key, word in _stems(sentence).items() if key in asked)
        if shared > best:
            best, found = shared, sentence
    return found


def claim_name(question: str, answer: str, weight: Callable[[str], float]) -> str | None:
    """The first name in the answer's claim (``claim_sentence``) that ``question`` does not give, one of the kind a
    "which/what X" question asks for first (``name_kinds.asked_labels``: "which alliance" an organisation's, the
    tagger permitting): what "which country is the us's closest partner ...?" was answered with ("*Tirana* is
    perhaps the United States' closest partner ..." → "Tirana"); None when the claim names nothing new. A name the
    question gives in another form is not new ("Iranian" after "albania-iran ties", ``name_found``)."""
    claim = claim_sentence(question, answer, weight)
    parsed = syntax(claim) if claim else None
    if parsed is None:
        return None
    asked, kinds = frozenset(_stems(question)), asked_labels(question) or frozenset()
    new = [(parsed.span(start, end), label) for start, end, label in parsed.ents
           if label not in _NO_NAME and not all(name_found(w, asked) for w in _stems(parsed.span(start, end)))]
    return next((name for name, label in new if label in kinds), None) or next((name for name, _ in new), None)


def claim_terms(question: str, answer: str, weight: Callable[[str], float], limit: int) -> list[str]:
    """Up to ``limit`` words of the answer's claim (``claim_sentence``) that ``question`` lacks, the rarest in the
    documents first (words the documents lack weigh nothing and are left out)."""
    claim = claim_sentence(question, answer, weight)
    asked = _stems(question)
    fresh: dict[str, float] = {}
    for key, word in _stems(claim).items():
        if key not in asked and weight(word) > 0:
            fresh[word] = weight(word)
    return sorted(fresh, key=lambda w: -fresh[w])[:limit]


def claim_suffix(question: str, answer: Callable[[], str] | None, weight: Callable[[str], float] | None,
                 limit: int) -> str:
    """The claim's words (``claim_terms``) for the searched question, in brackets (" (bleak)"); "" without an
    answer, a weighting or words to add (``answer`` is asked for only when ``limit`` is above 0)."""
    if not limit or answer is None or weight is None:
        return ""
    terms = claim_terms(question, answer(), weight, limit)
    return f" ({' '.join(terms)})" if terms else ""
