"""Ordinal and remainder follow-ups: another item of the enumeration the previous turn asked about.

After a question that asks for an item by its number ("What is the first lesson the article draws ...?", "what's
the first step to ...?", "takeaway #1"), a follow-up that points to another item and asks nothing of its own becomes
a standalone question that the answerer's enumeration rules (``assistant.answer.places``) handle:

- "the second one?", "and the third?", "the last one?", "number 2?": the previous question with that ordinal,
  "What is the second lesson ...?";
- "and the next?", "the one after that?", "what comes next?": the previous question with the ordinal after its own;
- "the other two?", "the others", "the rest", "the next two", "anything else?", "what else is on the list?": the
  list question, "What are the lessons ...?", answered with the enumeration's lead and all its items.

An item asked by number with nothing else of its own ("ok whats the first rule") after a question that names no
enumeration is an item of what that question asked about ("How does sqlite ...: the first rule?").

When the previous question names no ordinal, the previous answer may: a cited sentence opening an item ("Firstly,
...") after a lead that names one of the previous question's nouns ("several critical *lessons*") gives the noun,
and the follow-up is asked as the previous question narrowed to that item ("What lessons ...: the second lesson?").

Stages: ``previous_item`` (what the previous question or answer enumerates), ``asked_step`` (which item the
follow-up points to), ``item_question`` / ``narrowed_item`` (the standalone question). ``followup.resolve`` asks
them before any other reference rule; ``Turns`` then neither reads on (a continuation) nor gates the answer.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from assistant.answer.places import sentence_ordinal
from assistant.followup_agree import plural
from assistant.followup_next import CONTINUING, GENERIC
from assistant.nlp import syntax
from assistant.terms import STOPWORDS

ORDINAL_WORDS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")
_NUMBER = {word: n for n, word in enumerate(ORDINAL_WORDS, 1)} | {"last": -1, "final": -1}
_COUNTS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_ORD = "|".join([*ORDINAL_WORDS, "last", "final"])
_ADJECTIVES = "main|key|big|major|important|critical"
_PREVIOUS = re.compile(
    rf"\b(?:the|its|their|his|her|our|your)\s+(?P<ord>{_ORD})(?:\s+(?P<count>two|three|four|five|[2-9]))?\s+"
    rf"(?:(?:{_ADJECTIVES})\s+)?(?P<noun>[a-z][a-z-]*)\b"
    r"|\b(?P<before>[a-z]+)\s+(?:#\s?|number\s+|no\.\s?)(?P<num>[1-9])\b", re.IGNORECASE)
"""An item asked by number in the previous question: "the first lesson", "its first two guidelines", "takeaway #1"."""
_ONE_ITEM = re.compile(r"\b(?:what(?:['’]?s| is| was| are)|name|give(?: me)?|tell me|list)\s+(?P<ord>one)\s+"
                       r"(?P<noun>[a-z][a-z-]*)\b", re.IGNORECASE)
"""One item asked for of several: "what's one thing whose importance cannot be overstated?" (the others follow)."""
_ASKED_NUMBER = re.compile(r"(?:#\s?|\bnumber\s+|\bno\.\s?)(?P<num>[1-9]|one|two|three|four|five)\b", re.IGNORECASE)
_NEXT = re.compile(r"(?i)\b(?:next|after (?:that|this|it)|another)\b")
_BEFORE_WORDS = frozenset({"previous", "preceding"})
_BEFORE = re.compile(rf"(?i)\b(?:before (?:that|this|it)|{'|'.join(sorted(_BEFORE_WORDS))})\b")
_REMAINDER = frozenset({"other", "others", "rest", "remaining", "else", "more", "further"})
_LIST_WORDS = frozenset(
    {"list", "item", "items", "anything", "any", "ones", "one", "thing", "things", "there", "number", "#"})
_IS = re.compile(r"(?i)\b(?:is|was)\b|'s\b|(?<=\bwhat)s\b")  # "whats" too
_ANSWER_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"“])")
_MARKERS = re.compile(r"\s*\[\d+\]")

Step = Literal["ordinal", "next", "before", "remainder"]
ITEM_CUE = "another item"
"""The cue a resolution names when the follow-up was read as another item of an enumeration."""


@dataclass(frozen=True)
class PreviousItem:
    """What the previous turn enumerates: the item's number it asked for (-1 the last, 0 none: it asked for the
    list), the noun naming the items ("lesson") and where the ordinal sits in the previous question (start, end of
    its ordinal and count words), None when only the previous answer shows the enumeration."""

    number: int
    noun: str
    span: tuple[int, int] | None = None


@dataclass(frozen=True)
class AskedStep:
    """Which item a follow-up points to: one by number ("the second one"), the one after the previous ("the
    next"), or all the others ("the other two", "the rest")."""

    step: Step
    number: int = 0


def previous_item(previous: str, answer: Callable[[], str] | None = None) -> PreviousItem | None:
    """The item the previous (standalone) question asked for by number ("one thing" is the first of several), else
    the enumeration its answer cited ("Firstly, ..." after a lead naming one of the question's nouns); None when
    neither enumerates."""
    match = _PREVIOUS.search(previous)
    if match and match.group("num"):
        return PreviousItem(int(match.group("num")), match.group("before").lower(), match.span("num"))
    if match and match.group("noun").lower() not in STOPWORDS:
        number = _NUMBER[match.group("ord").lower()]
        end = match.end("count") if match.group("count") else match.end("ord")
        return PreviousItem(0 if match.group("count") else number, _head_noun(previous, match),
                            (match.start("ord"), end))
    one = _ONE_ITEM.search(previous)
    if one and one.group("noun").lower() not in STOPWORDS:
        return PreviousItem(1, _head_noun(previous, one), one.span("ord"))
    text = answer() if answer else ""
    return _answer_item(previous, text) if text else None


def _head_noun(previous: str, match: re.Match[str]) -> str:
    """The noun the items are counted by: the word after the ordinal, or the noun it modifies ("the first *related*
    link": link)."""
    word = match.group("noun").lower()
    toks = syntax(previous).tokens
    at = next((t.i for t in toks if t.text.lower() == word and previous.find(t.text, match.start("noun")) >= 0), None)
    if at is not None and toks[at].pos != "NOUN" and at + 1 < len(toks) and toks[at + 1].pos == "NOUN" \
            and toks[at].head == at + 1:
        return toks[at + 1].text.lower()
    return word


def _answer_item(previous: str, answer: str) -> PreviousItem | None:
    """The enumeration the previous answer cited: the lead sentence before its first item names one of the
    previous question's nouns."""
    sentences = [s.strip() for s in _ANSWER_SENTENCE.split(_MARKERS.sub("", answer))]
    first = next((i for i, s in enumerate(sentences) if sentence_ordinal(s) == 1), None)
    if not first:  # no first item, or nothing before it to say what the items are
        return None
    lead = {t.lemma for t in syntax(sentences[first - 1]).tokens if t.pos == "NOUN"}
    noun = next((t.lemma for t in syntax(previous).tokens if t.pos == "NOUN" and t.lemma in lead), None)
    return PreviousItem(0, noun) if noun else None


def own_words(question: str, noun: str) -> list[str]:
    """The content words of ``question`` besides the item noun, ordinals, counts, continuing and generic words."""
    nouns = {noun, plural(noun), noun.rstrip("s")}
    skipped = STOPWORDS | nouns | _LIST_WORDS | set(_NUMBER) | set(_COUNTS) | CONTINUING | _BEFORE_WORDS
    return [t.text for t in syntax(question).tokens if t.pos in ("NOUN", "PROPN", "VERB", "ADJ", "ADV")
            and t.lemma not in GENERIC and t.text.lower() not in skipped and t.lemma not in nouns | _LIST_WORDS]


def asked_step(question: str, noun: str) -> AskedStep | None:
    """Which item of the enumeration of ``noun`` the follow-up points to; None when it names none, or asks
    something of its own (a content word other than the noun, an ordinal or a continuing word)."""
    if own_words(question, noun):
        return None
    lowered = [t.text.lower() for t in syntax(question).tokens]
    count = next((_COUNTS[w] for w in lowered if w in _COUNTS and w != "one"), 1)
    ordinal = next((_NUMBER[w] for w in lowered if w in _NUMBER), None)
    numbered = _ASKED_NUMBER.search(question)
    if ordinal is None and numbered:
        word = numbered.group("num").lower()
        ordinal = _COUNTS.get(word) or int(word)
    if ordinal is not None:
        return AskedStep("ordinal", ordinal)
    if _BEFORE.search(question) and count == 1:
        return AskedStep("before")
    if _NEXT.search(question):
        return AskedStep("next") if count == 1 else AskedStep("remainder")
    if any(w in _REMAINDER for w in lowered):
        return AskedStep("remainder")
    return None


def _ordinal_word(number: int) -> str:
    return {-1: "last", -2: "second to last"}.get(number) or ORDINAL_WORDS[number - 1]


def list_question(previous: str, item: PreviousItem) -> str:
    """The previous question asking for all the items: "What is the first lesson the article draws ...?" →
    "What are the lessons the article draws ...?"."""
    assert item.span is not None
    start, end = item.span
    before, after = previous[:start], previous[end:].lstrip()
    noun = plural(item.noun) if not item.noun.endswith("s") else item.noun
    after = re.sub(rf"(?i)^(?:(?:{_ADJECTIVES})\s+)?{re.escape(item.noun)}\b", noun, after)
    after = re.sub(rf"(?i)^([a-z-]+\s+){re.escape(item.noun)}\b", lambda m: f"{m.group(1)}{noun}", after)  # "related"
    before = _IS.sub(lambda m: " are" if m.group(0)[0] in "'s" else "are", before, count=1)
    return _question(f"{before}{_article(previous[start:end])}{after}")


def _article(counted: str) -> str:
    """ "the " where the words an ordinal or a plural replace were "one" ("what's one thing" → "what's the second
    thing", "what are the things"), else nothing."""
    return "the " if counted.lower() == "one" else ""


def _question(text: str) -> str:
    text = " ".join(text.split()).rstrip("?.! ")
    return f"{text[:1].upper()}{text[1:]}?"


def item_question(question: str, previous: str, answer: Callable[[], str] | None = None) -> str | None:
    """The standalone question for a follow-up pointing to another item of what ``previous`` (the previous
    standalone question) asked about, ``answer()`` giving the previous answer's text when its question names no
    ordinal; None when the follow-up is no such question."""
    if "#" not in question and not any(w in _NUMBER or w in _REMAINDER or w in _BEFORE_WORDS
                                       or w in ("next", "after", "another", "number", "before")
                                       for w in re.findall(r"\w+", question.lower())):
        return None  # cheap test first: no ordinal, count or continuing word
    item = previous_item(previous, answer)
    if item is None:
        return None
    asked = asked_step(question, item.noun)
    if asked is None:
        return None
    number = (asked.number if asked.step == "ordinal" else _before(item.number) if asked.step == "before"
              else item.number + 1 if item.number > 0 else 0)
    if number is None:
        return None  # before the first one: nothing
    if item.span is None:  # only the answer enumerates: the previous question narrowed to the item
        if asked.step != "ordinal":
            return None
        return _question(f"{previous.rstrip('?.! ')}: the {_ordinal_word(number)} {item.noun}")
    if asked.step == "remainder" or number == 0:
        return list_question(previous, item)
    start, end = item.span
    if previous[start:end].isdigit():  # "takeaway #1" → "takeaway #2"
        return _question(f"{previous[:start]}{number if number > 0 else 'last'}{previous[end:]}")
    return _question(f"{previous[:start]}{_article(previous[start:end])}{_ordinal_word(number)}{previous[end:]}")


def _before(number: int) -> int | None:
    """The item before item ``number`` (-1 the last, -2 the one before it); None before the first or the list."""
    return number - 1 if number > 1 or number == -1 else None


def narrowed_item(question: str, previous: str) -> str | None:
    """ "ok whats the first rule" after "how does sqlite decide what affinity a column gets?": an item asked by
    number with nothing else of its own, after a question that names no enumeration, is an item of what that
    question asked about: "How does sqlite decide what affinity a column gets: the first rule?"."""
    match = _PREVIOUS.search(question)
    if not match or not match.group("noun") or _PREVIOUS.search(previous):
        return None
    noun = match.group("noun").lower()
    if noun in STOPWORDS or own_words(question, noun):
        return None
    return _question(f"{previous.rstrip('?.! ')}: the {question[match.start('ord'):match.end('noun')]}")
