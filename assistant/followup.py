"""Follow-up questions without an LLM: a question that leans on the previous turn gets its key terms folded in.

"When did he announce it?" after "Who cut ties with Iran?" is searched as
"When did he announce it? (cut ties Iran)": the pronouns stay (they are stopwords to retrieval), the
previous standalone question's content words and names make the question answerable on its own.
"""

from __future__ import annotations

import re

from assistant.answer.qtypes import QUESTION_FILLER
from assistant.terms import STOPWORDS, stem, words

_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)
REFERRING = frozenset("he she it they him her them his hers its their theirs this these those".split())
_THAT_AFTER = frozenset(
    "did does do was is were are about after before of to for by with on in from why when how where what".split()
)
_TRAILING_REFERENCE = frozenset("that there then".split())
_LEADING = ("what about", "how about", "and", "but", "also", "so", "or", "then")
WH_WORDS = ("how many", "how much", "how long", "how", "when", "where", "why", "who", "whom", "whose", "which", "what")


def _content(tokens: list[str]) -> list[str]:
    return [t for t in tokens if t not in STOPWORDS and t not in REFERRING and stem(t) not in QUESTION_FILLER]


def leans_on_context(question: str) -> bool:
    """True for a question that needs the previous turn: referring pronouns, a leading "and", or no content words."""
    tokens = words(question)
    if not tokens:
        return False
    if any(t in REFERRING for t in tokens):
        return True
    for i, token in enumerate(tokens):
        last = i == len(tokens) - 1
        if token == "that" and (last or (i > 0 and tokens[i - 1] in _THAT_AFTER)):
            return True
        if token in _TRAILING_REFERENCE and last and i > 0:
            return True
    lowered = " ".join(tokens)
    if any(lowered == lead or lowered.startswith(lead + " ") for lead in _LEADING):
        return True
    return not _content(tokens)


def key_terms(question: str) -> list[str]:
    """The question's content words in order, original casing kept, duplicates (by stem) dropped."""
    seen: set[str] = set()
    out = []
    for surface in _TOKEN.findall(question):
        token = words(surface)
        if not token or not _content(token):
            continue
        key = stem(token[0])
        if key not in seen:
            seen.add(key)
            out.append(surface)
    return out


def _strip_leading(question: str) -> str:
    text = question.strip()
    for lead in _LEADING:
        if text.lower().startswith(lead + " ") or text.lower() == lead:
            return text[len(lead):].lstrip(" ,")
    return text


def _wh_phrase(question: str) -> str:
    lowered = " ".join(words(question))
    for wh in WH_WORDS:
        if re.search(rf"\b{wh}\b", lowered):
            return wh
    return ""


def standalone(question: str, history: list[str] | None) -> str | None:
    """The question to search when it leans on the previous one (``history[-1]``), else None."""
    if not history or not history[-1].strip() or not leans_on_context(question):
        return None
    previous = history[-1]
    core = _strip_leading(question).rstrip(" ?.!") or _wh_phrase(previous)
    if not _wh_phrase(core) and _wh_phrase(previous):
        core = f"{_wh_phrase(previous)} {core}".strip()
    present = {stem(w) for w in words(core)}
    terms = [t for t in key_terms(previous) if stem(words(t)[0]) not in present]
    if not terms:
        return None
    return f"{core[:1].upper()}{core[1:]}? ({' '.join(terms)})"
