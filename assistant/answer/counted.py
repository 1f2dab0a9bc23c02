"""The noun a question counts and a value beside it: "how many *bells*" is answered by a number next to "bells"."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from assistant.answer.matching import sentence_stems, term_match
from assistant.answer.qtypes import COUNT_NOUNS, DATE, DURATION_HEADS, HOW_MANY, SIZE_WORDS, names
from assistant.answer.values import DIGITS, NUMBER_WORDS, without_references
from assistant.terms import STOPWORDS, stem, words

if TYPE_CHECKING:
    from assistant.answer.features import Candidate, QuestionView

# Heads a number answers without sitting by them: lengths, ages, sizes ("how large a share"), versions, mass nouns
# measured in units, and the words that ask for a value ("the max number of X", "the size of X in bytes": the passage
# need not write them). Beyond SIZE_WORDS: sizes the parse may give as the focus ("how high", "how small").
NOT_COUNTED = SIZE_WORDS | {"small", "high", "deep"} | {"version", "release", "money", "time", "space", "memory"} | {
    "number", "amount", "total", "quantity", "size", "maximum", "minimum", "max", "min"} | COUNT_NOUNS
SHARE_HEADS = frozenset({"percentage", "percent", "proportion"})
MEASURE_ADJECTIVES = frozenset({"long", "old", "wide", "tall", "high", "deep", "big", "large"})
"""Adjectives a unit comes before in "how many <unit> <adjective>" ("minutes long", "metres tall"; general English)."""
_SHARE = re.compile(r"\d\s*(?:%|per ?cent\b)", re.IGNORECASE)
_HOW_MEASURED = re.compile(r"\bhow (?:long|old|far|often|soon|big|large|small|wide|tall|heavy|high|deep)\b",
                           re.IGNORECASE)  # a span, rate or size: no noun counted
_IDENTIFIER = re.compile(r"\w+(?:(?:_|::)\w+)+")  # maintenance_work_mem, APT::Get::Download


def counted_head(q: QuestionView) -> str | None:
    """The noun a number must sit by to answer the question ("how many *bells*", "the *population* of X"), or None
    when nothing is counted by name ("how much does gzip shrink text?", "which version ...", "how long ...", "how
    many years ...": a length of time may be given by dates)."""
    if q.query.kind != "number" or _HOW_MEASURED.search(q.query.text):
        return None
    if HOW_MANY.search(q.query.text):
        head = q.query.head  # the noun after "how many"; none: nothing is counted by name
        if head in MEASURE_ADJECTIVES and len(q.query.head_phrase) > 1:
            head = q.query.head_phrase[-2]  # "how many minutes long": minutes, as "how many minutes"
        parsed = q.parse.focus[-1] if q.parse.focus else None
        if head and parsed and parsed != head and any(stem(parsed) == stem(w) for w in q.query.head_phrase):
            head = parsed  # the parser's noun within the phrase ("how many keyboard *keymaps* ship")
    else:
        head = q.parse.focus[-1] if q.parse.focus else q.query.head
    if head and any(head in name.lower() for name in _IDENTIFIER.findall(q.query.text)):
        return None  # a setting's name ("how much maintenance_work_mem"): its value is stated, not counted beside it
    if not head or head in NOT_COUNTED | DURATION_HEADS:  # a length of time: as "how long"
        return None
    return q.query.corrections.get(stem(head), head)  # misspelt ("how many paramters"): the corpus word


# Words after the counted noun a number may sit ("connections ..., but only one simultaneous write"); chosen on the
# tuning parts: 8 (the names' reach) -> 12 gave +1 / -0, 16 the same.
NUMBER_AFTER_HEAD = 12
# Words from "<number> members of" to the counted noun ("3,000 members of the exiled opposition group"): "of" and
# up to three words of the phrase before the noun. Hand-set (general English; the tuning parts hold few partitives).
OF_REACH = 6


def beside_counted_head(q: QuestionView, candidates: list[Candidate]) -> list[Candidate]:
    """The candidates whose number sits by the noun the question counts (all of them when nothing is counted). On a
    second, deeper look (``q.strict``) a number that counts another noun does not count: the first look found no
    number by the noun, and a wider search must not answer "how many diplomats" with "the two countries". (On the
    first look the same exclusion lost six tune questions whose documents count the thing by another noun:
    "a few hundred entries" for users, "two dozen keyboards" for keymaps; on the second look: follow-ups tune +1.)"""
    head = counted_head(q)
    if not head:
        return candidates
    if head in SHARE_HEADS:  # "what percentage ...?": a share, written as its value ("100% free"), no noun by it
        return [c for c in candidates if _SHARE.search(c.sentence.text)]
    return [c for c in candidates
            if value_near(c.sentence.text, head, q.query.text, "number", after=NUMBER_AFTER_HEAD, exclusive=q.strict)]


def value_near(text: str, head: str, question: str, kind: str, before: int = 3, after: int = 8,
               exclusive: bool = False) -> bool:
    """A number (or a capitalised name) not taken from the question close to the head noun: up to ``before``
    words ahead of it ("Edi Rama, the prime minister") or ``after`` words behind it ("the keeper was named X").
    ``exclusive``: a number that counts another noun (``counts_another``) is passed over."""
    tokens = text.split()
    head_stem = stem(head.lower())
    question_stems = frozenset(stem(w) for w in words(question))
    if kind == "number" and head.lower() in _PEOPLE and _counts_people(text, question_stems):
        return True  # "how many people": "3,000 MEK members" counts them
    heads = _CATEGORY_STEMS if head_stem in _CATEGORY_STEMS else frozenset({head_stem})
    spots = [i for i, tok in enumerate(tokens) if any(term_match(h, sentence_stems(tok)) for h in heads)]
    for i in spots:
        if kind == "number" and _counted_through_of(tokens[:i], question_stems):
            return True
        near = " ".join(tokens[_words_back(tokens, i, before):i + after + 1])
        if kind == "number":
            undated = DATE.sub(" ", without_references(near))
            found = [m.group(0).lower() for pattern in (DIGITS, NUMBER_WORDS) for m in pattern.finditer(undated)
                     if not (exclusive and counts_another(undated[m.end():], head_stem))]
        else:
            found = [w for name in names(" " + near) for w in words(name) if w not in STOPWORDS]
        if any(not _in_question(stem(w), question_stems) for w in found):
            return True
    return False


# Nouns for a kind of something, any of which counts what another does ("how many kinds": "two types of ...").
_CATEGORY_STEMS = frozenset(stem(w) for w in ("kind", "type", "sort", "variety", "category", "class", "flavour",
                                              "flavor"))


def _words_back(tokens: list[str], i: int, reach: int) -> int:
    """Where the ``reach`` words before ``tokens[i]`` start, stopwords not counted ("a dozen or more new packages":
    "or more" is no word between the number and its noun)."""
    start, taken = i, 0
    while start > 0 and taken < reach:
        start -= 1
        taken += tokens[start].lower().strip(",;") not in STOPWORDS
    return start


# Nouns that count whatever the question counts ("3,000 people" for "how many members").
_ANY_COUNTED = frozenset({"people", "person", "persons", "individual", "individuals", "men", "women", "member",
                          "members", "unit", "units", "item", "items", "entries", "ones", "time", "times", "total"})


# Plural nouns for people, any of which counts what "how many people" asks (general English).
_PEOPLE = frozenset({"people", "persons", "individuals", "members", "men", "women"})
_PEOPLE_COUNTED = re.compile(rf"(?P<number>\S+)\s+(?:[\w-]+\s+)?(?:{'|'.join(sorted(_PEOPLE))})\b", re.IGNORECASE)


def _new_number(word: str, question_stems: frozenset[str]) -> bool:
    """Whether ``word`` is a number, in digits or words, that the question does not give itself."""
    word = word.lower()
    return bool(DIGITS.fullmatch(word) or NUMBER_WORDS.fullmatch(word)) and not _in_question(stem(word), question_stems)


def _counts_people(text: str, question_stems: frozenset[str]) -> bool:
    """A number (not the question's) right before a plural noun for people, one word between at most ("3,000 MEK
    members", "forty people")."""
    return any(_new_number(found.group("number").strip("("), question_stems) and not DATE.search(found.group(0))
               for found in _PEOPLE_COUNTED.finditer(without_references(text)))


def _counted_through_of(ahead: list[str], question_stems: frozenset[str], reach: int = OF_REACH) -> bool:
    """The head noun ends a phrase after "<number> <members|people|...> of" within ``reach`` words (``ahead``: the
    words before it): "3,000 members of the exiled opposition group" counts exiles, "12 units of the reserve army"
    the army's units (a partitive: the number counts members of what the head names)."""
    tail = ahead[-reach:]
    for j, word in enumerate(tail):
        if word.lower() != "of" or j < 2 or tail[j - 1].lower().strip(",;") not in _ANY_COUNTED:
            continue
        if _new_number(tail[j - 2], question_stems):
            return True
    return False


def counts_another(after: str, head_stem: str, reach: int = 3) -> bool:
    """The number ending just before ``after`` counts another noun: the word after it is a noun-like word (not a
    function word) and neither the counted noun nor a noun counting anything is among the next ``reach`` words
    ("the two *countries*" does not count diplomats; "3,000 MEK *members*" counts members; "50 were expelled" may)."""
    following = words(after)[:reach]
    if not following or following[0] in STOPWORDS or not following[0].isalpha():
        return False
    return not any(w in _ANY_COUNTED or term_match(head_stem, sentence_stems(w)) for w in following)


def _in_question(word_stem: str, question_stems: frozenset[str]) -> bool:
    """Whether a word of a found value already appears in the question (Iran/Iranian count as the same)."""
    return any(q.startswith(word_stem) or word_stem.startswith(q) for q in question_stems
               if min(len(q), len(word_stem)) >= 4)
