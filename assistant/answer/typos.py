"""Typos in a question: a misspelt word replaced by the corpus word it was meant to be, so that it is searched by the
documents' own spelling and not taken for a word the documents lack."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from string import ascii_lowercase
from typing import TYPE_CHECKING

from assistant.embedder import MINILM_TOKENIZER
from assistant.terms import CLIPPED, stem, words

if TYPE_CHECKING:
    from assistant.answer.matching import TermWeights

_SHORT_VERSION = re.compile(r"(?P<name>[a-z]{2,})?v\d+(?:\.\d+)*")  # v3, gplv3, cgroupsv2 (stems)
_DIGITS = re.compile(r"\d+")


def _edit_distance_within(a: str, b: str, limit: int) -> bool:
    if abs(len(a) - len(b)) > limit:
        return False
    if limit == 1 and len(a) == len(b):  # short words: only a swap of two neighbours counts as a typo
        diff = [i for i, (x, y) in enumerate(zip(a, b)) if x != y]
        return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        if min(cur) > limit:
            return False
        prev = cur
    return prev[-1] <= limit


_MIN_CORRECTED = 4  # shorter stems are left as typed
_ANY_EDIT_FROM = 6  # stems this long take any one edit; shorter ones only a swap of two neighbouring letters


def correct(term: str, weights: TermWeights) -> str:
    """A misspelt stem replaced by the closest corpus stem (edit distance 1, or 2 for long words; for a short one,
    two neighbouring letters swapped: "feild" for "field"; its numbers as typed: "debconf22" is no "debconf"); a
    clipped word ("spec", ``terms.CLIPPED``) or a version written short ("v3", "gplv3") unknown to the corpus by the
    word it stands for ("specification", "version", "gpl")."""
    if weights.df(term):
        return term
    full = CLIPPED.get(term)
    if full and weights.df(stem(full)):  # "spec" where the documents write "specification"
        return stem(full)
    short = _SHORT_VERSION.fullmatch(term)
    if short:
        known = [w for w in (short.group("name"), stem(short.group("name") or "")) if w and weights.df(w)]
        return known[0] if known else "version" if weights.df("version") else term
    if len(term) < _MIN_CORRECTED:
        return term
    limit = 1 if len(term) < 9 else 2
    digits = _DIGITS.findall(term)  # a number names a thing, it is not misspelt
    best = [t for t in weights.vocab_by_initial(term[0]) if _edit_distance_within(term, t, limit)
            and (len(term) >= _ANY_EDIT_FROM or len(t) == len(term))  # "feild": only two letters swapped
            and _DIGITS.findall(t) == digits]
    return max(best, key=weights.df) if best else term


_WORD_EDIT_FROM = 6  # words this long are tried with one edit of their letters before stemming


_KEPT_ENDING = 2  # letters at the end never edited: "hacker" is no typo of "hacked", nor "leader" of "lead"


def _one_edit(word: str) -> set[str]:
    """Every string one deletion, swap of neighbours, replacement or insertion away from ``word`` before its last
    letters, which tell a word's form rather than a typo."""
    splits = [(word[:i], word[i:]) for i in range(len(word) - _KEPT_ENDING)]
    return ({a + b[1:] for a, b in splits if b} | {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
            | {a + c + b[1:] for a, b in splits if b for c in ascii_lowercase}
            | {a + c + b for a, b in splits for c in ascii_lowercase})


@lru_cache(maxsize=1)
def _english_words() -> frozenset[str]:
    """Whole English words of the packaged MiniLM WordPiece vocabulary (30,522 entries, ~23,000 whole words): a
    word list that ships with the package, read only when a question has a word the corpus lacks."""
    vocab = json.loads(MINILM_TOKENIZER.read_text(encoding="utf-8"))["model"]["vocab"]
    return frozenset(w for w in vocab if w.isalpha())


def word_corrections(question: str, unknown: list[str], weights: TermWeights) -> dict[str, str]:
    """Stems of misspelt words that ``correct`` could not mend because the misspelling changed the stem itself
    ("automaticaly" stems to "automaticali", "permanantly" to "permanant"): a word that is no English word is
    edited once letter by letter and the corpus stem of the edited form that the most chunks hold is taken
    ("automatically" → "automat")."""
    found: dict[str, str] = {}
    for word in words(question):
        term = stem(word)
        if term not in unknown or term in found or len(word) < _WORD_EDIT_FROM or weights.known(term) \
                or not word.isalpha() or word in _english_words():  # "beaches" is no typo of "breaches"
            continue
        known = {s for edit in _one_edit(word) if weights.df(s := stem(edit))}
        if known:
            found[term] = max(sorted(known), key=weights.df)
    return found
