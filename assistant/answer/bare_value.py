"""A verbless answer that is only a value ("In the summer of 2022.", "45 years.", "The Western Balkans.") answers
only a question that asks for that kind of value: never a why-question, and a date or a quantity never a question
that asks for neither (a confident model's stray value, true of its span, answering something else)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Literal

from assistant.answer.people import GROUP_NOUNS, PARTY_NOUNS, person_noun
from assistant.answer.qtypes import AnswerType, expected_type
from assistant.answer.text_values import MONTH_NAMES, YEAR
from assistant.nlp import NAME_LABELS
from assistant.terms import STOPWORDS, stem, words

if TYPE_CHECKING:
    from assistant.nlp import Syntax

ValueKind = Literal["date", "number", "name"]
_LABEL_KINDS: dict[str, ValueKind] = {
    "DATE": "date", "TIME": "date", "CARDINAL": "number", "QUANTITY": "number", "MONEY": "number",
    "PERCENT": "number", "ORDINAL": "number", "PERSON": "name", "ORG": "name", "GPE": "name", "LOC": "name",
    "NORP": "name", "FAC": "name"}
_DIGITS = re.compile(r"\d[\d,.]*")  # a number as written, not a tagger's NUM for "timedelta(days=31"
_WHEN = re.compile(r"^\W*(?:\w+\W+){0,3}?when\b|\b(?:since|until|till|from|by|and|or|but|roughly|about|around|"
                   r"approximately|exactly)\s+when\b|\bwhen\W*$", re.IGNORECASE)
"""A "when" that asks ("since roughly when ...", "so when did ...", "... and when?"), not one opening a clause of
the question ("how did russia react when albania cut ties?")."""
_NAME_ASKED = re.compile(r"\bname (?:of|for)\b|\bnamed\b|\bcalled\b|\bwhat(?:'s| is| was) (?:its|their|his|her) name\b",
                         re.IGNORECASE)
_QUOTE = re.compile(r"[\"'“‘`]")
_CODE_LIKE = re.compile(r"\w[_./:=-]\w|\d|\(\)")
_CONTENT = frozenset({"NOUN", "PROPN", "NUM", "ADJ"})
# nouns for what a value alone never is: "what lessons ...?" is not answered by "The United States."
_ABSTRACT_HEADS = frozenset(stem(w) for w in """
    lesson implication consequence significance importance goal aim objective strategy challenge benefit advantage
    disadvantage drawback takeaway motivation intention outlook prospect""".split())
_ASKS_EVENT = re.compile(r"\bwhat (?:happened|happens|(?:did|does|do|will|would) (?:[\w'’-]+ ){1,3}do)\b",
                         re.IGNORECASE)
"""An event asked for: "what happened on July 15?", "what did the government do about it?"."""
_ASKS_SAID = re.compile(r"\bwhat (?:did|does|do|will|would|has|have|had) (?:[\w'’-]+ ){1,4}(?:say|state|announce|"
                        r"claim|argue|suggest|write|report|reply|respond)\b(?=\s*(?:about|of|on|regarding|in|when|"
                        r"after|before|to)\b|\s*[?.]?\s*$)", re.IGNORECASE)
"""What someone said asked for ("what did the EU say about it?"), not a value they said a thing was ("what did he
say the capital was?"): no bare name, date or number is what was said."""
_ASKS_MANNER = re.compile(
    r"^\W*(?:(?:and|so|but|ok|then)\s+)?how (?:does|did|do|can|could|will|would|has|have|had)\b(?!.*\b(?:known|call|"
    r"called|name|named|refer|referred|spell|spelled|spelt|pronounce|pronounced|write|written|abbreviate|"
    r"abbreviated|translate|translated|label|labelled|labeled)\b)|\bin what ways?\b|\bwhat ways\b", re.IGNORECASE)
"""A manner asked for ("how did russia react?", "in what ways does X steady the region?"), not a name ("how is it
known?", "how does iran label the mek?"): no bare name, date or number is how something happened."""
# the question kinds a value of each kind can answer
_ANSWERS: dict[ValueKind, frozenset[AnswerType]] = {
    "date": frozenset({"date", "number", "list", "entity"}),
    "number": frozenset({"number", "date", "list", "other"}),  # "what is the average salary?": "5020."
    "name": frozenset({"entity", "place", "list", "other", "date", "number"}),
}


def bare_value_kind(text: str, loose: bool = False) -> ValueKind | None:
    """The kind of value a phrase with no verb is and nothing more: every content word inside one kind of entity
    (a capitalised word counts as a name's: "Prime Minister Enver Hoxha."); None for anything else. ``loose``: a
    digit outside an entity counts as a number's too, a lone four-digit number that looks like a year is a date
    ("2014."), and a date with numbers beside it is a date ("8 years (2014 to 2022).")."""
    from assistant.nlp import syntax

    if text.count("(") != text.count(")"):  # a piece of a sentence split inside brackets ("124 instead of 123).")
        return None
    parsed = syntax(text)
    if any(t.pos in ("VERB", "AUX") for t in parsed.tokens):
        return None
    label_of = {i: label for start, end, label in parsed.ents for i in range(start, end)}
    content = [t for t in parsed.tokens if t.pos in _CONTENT]
    if content and all(t.pos == "NUM" for t in content):  # "5020.", "In 2014.": a number, whatever the label
        return "date" if loose and len(content) == 1 and YEAR.fullmatch(content[0].text) else "number"
    kinds: set[ValueKind] = set()
    for token in content:
        kind = _LABEL_KINDS.get(label_of.get(token.i, ""))
        if kind is None and (token.pos == "PROPN" or loose and _DIGITS.fullmatch(token.text)):
            kind = "name" if token.pos == "PROPN" else "number"
        if kind is None:
            return None
        kinds.add(kind)
    if loose and kinds == {"date", "number"}:
        return "date"
    return kinds.pop() if len(kinds) == 1 else None


def bare_value_unasked(text: str, asked: frozenset[AnswerType], question: str = "") -> bool:
    """Whether ``text`` is a bare value of a kind none of the question's ``asked`` kinds (of the whole question and
    of its parts) takes: "Prime Minister Enver Hoxha." to a why-question, "45 years." to "what does X hope to gain?";
    when the ``question`` asks for something abstract (``asks_abstract``) its open kind ("other") takes no value."""
    kind = bare_value_kind(text, loose=True)
    if kind is None or not asked:
        return False
    return not (asked - {"other"} if asks_abstract(question) else asked) & _ANSWERS[kind]


_ALL_ASKED = re.compile(r"\b(?:list (?:them|those|these) all|all (?:of )?(?:them|the \w+s))\b", re.IGNORECASE)
_ONE = frozenset({"one", "1", "a", "an", "single"})


MAX_LISTED = 12
"""The most things a question counts that it may ask to be listed: "the 3000 or so dissidents" are a quantity it
states, not items it asks for."""


def fewer_than_asked(text: str, question: str) -> bool:
    """Whether ``text`` is one bare value (no "and", no list) while the question asks for several things by number
    ("what *three things* matter most?", "the *two deadlines*"; not more than ``MAX_LISTED``) or for all of them
    ("list them all"): "Israel." is not three things."""
    from assistant.nlp import syntax

    if bare_value_kind(text) is None or re.search(r"[,;]|\band\b|\bor\b", text):
        return False
    if _ALL_ASKED.search(question):
        return True
    toks = syntax(question).tokens
    return any(t.dep == "nummod" and t.text.lower() not in _ONE and toks[t.head].tag in ("NNS", "NNPS")
               and (not t.text.isdigit() or 1 < int(t.text) <= MAX_LISTED) for t in toks)


def value_of_another_event(text: str, met: Callable[[frozenset[str]], bool], told: frozenset[str],
                           least: int = 3) -> bool:
    """Whether ``text`` is a bare date or number cited from prose (``told``: the stems of its spans, ``least`` words
    or more besides numbers) that meets none of the question's terms (``met``): "Since the early 1980s." from "It
    has been in conflict with the Islamic Republic since the early 1980s ..." dates another event than the MEK's
    arrival asked about. A line of output ("2016-01-07") says too little to judge."""
    if len([t for t in told if not t[:1].isdigit()]) < least or bare_value_kind(text) not in ("date", "number"):
        return False
    return not met(told)


def value_told(text: str, sentences: Sequence[str]) -> frozenset[str]:
    """The stems of a span's sentences (``sentences``, in order) that hold every number of ``text`` (a bare date or
    number), each with the sentence before it when it points back (``relevance.points_back``): what the value is
    said of. A two-sentence span about the question ("This move was historic ... due to a cyberattack. The police
    officer ... on September 8, 2022 ...") does not make "On September 8, 2022." the date of the cyberattack. All
    of them when no sentence holds the numbers."""
    from assistant.answer.matching import sentence_stems
    from assistant.answer.relevance import points_back
    from assistant.answer.text_values import numbers

    wanted = numbers(text)
    told: set[str] = set()
    for at, sentence in enumerate(sentences):
        if wanted and wanted <= numbers(sentence):
            told |= sentence_stems(sentence)
            if at and points_back(sentence):
                told |= sentence_stems(sentences[at - 1])
    return frozenset(told) if told else frozenset().union(*(sentence_stems(s) for s in sentences))


def asks_abstract(question: str) -> bool:
    """Whether the question asks for something abstract ("what lessons ...", "the main goal of ..."), for an event
    ("what happened ...?", "what did Albania do about it?"), for what someone said ("what did the EU say about
    it?") or for a manner ("how did russia react?"), which a bare date, number or name does not give."""
    from assistant.answer.query import asked_phrase

    if _ASKS_EVENT.search(question) or _ASKS_SAID.search(question) or _ASKS_MANNER.search(question):
        return True
    phrase = asked_phrase(question)
    return bool(phrase) and stem(phrase[-1]) in _ABSTRACT_HEADS


def names_nothing(text: str, question: str) -> bool:
    """Whether ``text`` is a phrase with no verb that names nothing (no capitalised word but its first, no quoted
    or code-like word, no proper noun or entity: "Turkey." names a country; a nationality only where one is asked:
    "... opposition to the Iranian government." names no compound) while the question asks for a name
    ("what is the name of ...", "what is X called?", "which countries ...": ``name_kinds.asked_labels``): "A
    geopolitical time bomb." gives an epithet, not the Foreign Minister's name; "Robust cybersecurity and strong
    alliances." names no country. A participle that describes a noun ("its *perceived* cyber aggression") makes no
    clause of the phrase. A bare number or date never is a name ("Approximately 3,000." to "what's the farsi name
    for the PMOI?")."""
    from assistant.answer.name_kinds import asked_labels
    from assistant.nlp import syntax

    labels, named = asked_labels(question), bool(_NAME_ASKED.search(question))
    if named and bare_value_kind(text) in ("date", "number"):  # "Approximately 3,000."
        return True
    if not (named or labels) or _QUOTE.search(text[1:]) or _CODE_LIKE.search(text):
        return False
    parsed = syntax(text)
    nationality = set() if labels and "NORP" in labels else {  # "the Iranian government" names no compound
        i for start, end, label in parsed.ents if label == "NORP" for i in range(start, end)}
    others = [t for t in parsed.tokens if t.i not in nationality]
    return (not any(label != "NORP" or not nationality for _, _, label in parsed.ents)
            and not any(t.i > 0 and t.text[:1].isupper() or t.pos in ("VERB", "AUX", "PROPN") and t.dep != "amod"
                        for t in others))


def asked_kinds(question: str, parts: list[str]) -> frozenset[AnswerType]:
    """The kinds of value a question and each of its parts ask for; a date wherever it asks "when" ("since roughly
    when ...", ``_WHEN``)."""
    kinds = {expected_type(q) for q in [question, *parts]}
    return frozenset(kinds | {"date"} if _WHEN.search(question) else kinds)


_VALUES = ("date", "number")


def names_someone(text: str, question: str) -> bool:
    """Whether a sentence can answer a "who" question: a bare date or number never does ("45 years.", "On September
    8, 2022."), nor a bare name the question already gives ("Edi Rama." to "who did rama blame?", ``_echoes``);
    otherwise it adds a name to the question's ("Edi Rama", ``asked_names.new_names``; not a month's: "the attack
    was on July 15, 2022" names no one) or is a bare phrase with no verb ("Albanian analysts.", or before a colon:
    "Hostile state actors: ...") or has people named by what they do as its subject ("Albanian analysts have
    suggested this.", ``_people_subject``); "It is believed to be the first time ..." answers no "who"."""
    from assistant.answer.attachment import LEAD_ANSWER, bare_phrase
    from assistant.nlp import syntax

    kind = bare_value_kind(text)
    if kind in _VALUES:  # before the names: a month's capital makes no name of a date
        return False
    parsed = syntax(text)
    if kind == "name" and _echoes(parsed, question):
        return False
    if _added_names(parsed, text, question) or _people_subject(parsed, question):
        return True
    lead = LEAD_ANSWER.match(text)  # "Hostile state actors: Albania's alignment deters them ...": the phrase first
    if lead is None:
        return not any(t.pos in ("VERB", "AUX") for t in parsed.tokens) and _someone_in(parsed)
    # a phrase, and not a value: "About 7 weeks (54 days): ..." names no one
    return bare_value_kind(lead.group(1), loose=True) not in _VALUES and bare_phrase(lead.group(1))


_PARTY_WORDS = GROUP_NOUNS | PARTY_NOUNS


def _added_names(parsed: Syntax, text: str, question: str) -> frozenset[str]:
    """The names ``text`` adds to the question (``asked_names.new_names``, not a month's), less an opening word
    capitalised only because it opens the sentence ("Approximately 3,000 members.": no name, by the parser)."""
    from assistant.answer.asked_names import new_names

    added = new_names(text, question) - MONTH_NAMES
    first = parsed.tokens[0] if parsed.tokens else None
    if first is not None and first.pos not in ("PROPN", "NOUN") and first.ent not in NAME_LABELS:
        added -= {first.text.lower()}
    return added


def _someone_in(parsed: Syntax) -> bool:
    """Whether a phrase names someone: a name (a named entity or a proper noun, not a month's) or a noun for people
    or a party ("Albanian analysts.", "Only local clients.", "The government."); "A bilateral response." and "July
    (July 15, 2022)." name no one, nor does a count of people ("Approximately 3,000 members.")."""
    if any(label in NAME_LABELS for _, _, label in parsed.ents):
        return True
    counted = {t.head for t in parsed.tokens if t.dep == "nummod"}  # "Approximately 3,000 members.": how many
    return any(t.pos == "PROPN" and t.text.lower() not in MONTH_NAMES
               or t.pos == "NOUN" and (person_noun(t.lemma) or t.lemma.lower() in _PARTY_WORDS) and t.i not in counted
               for t in parsed.tokens)


_PEOPLE = frozenset(stem(w) for w in """analyst expert official observer critic authority researcher developer
    maintainer user administrator author writer journalist scholar historian diplomat minister leader president
    spokesman spokesperson""".split())
"""Nouns for people by what they do (general English): a sentence whose subject they are tells who ("Albanian
analysts have suggested this.")."""


def _people_subject(parsed: Syntax, question: str) -> bool:
    """Whether the sentence's subject is people named by what they do, a noun the question lacks."""
    asked = {stem(w) for w in words(question)}
    return any(t.dep in ("nsubj", "nsubjpass") and t.pos == "NOUN" and parsed.tokens[t.head].dep == "ROOT"
               and (s := stem(t.lemma)) in _PEOPLE and s not in asked for t in parsed.tokens)


_CHOICE = re.compile(r"\bor\b", re.IGNORECASE)


def _echoes(parsed: Syntax, question: str) -> bool:
    """Whether a bare name ends on a word the question holds ("Edi Rama." to "who did rama call the author?"): the
    asker named that one already; not when the question offers a choice ("Rama or Meta?")."""
    names = [t for t in parsed.tokens if t.pos == "PROPN"]
    return bool(names) and not _CHOICE.search(question) and names[-1].text.lower() in set(words(question))


def wrong_kind_in_spans(text: str, question: str, span_texts: list[str]) -> bool:
    """Whether a bare name answers a "which/what X" question (``name_kinds.asked_labels``) with words that the spans
    tag only as names of another family ("The Farsi." to "Which country pushed for ...?" where the span has "its Farsi
    name", not a country): the tagger reads a name better in its sentence than alone. A name the spans never tag is
    left to ``name_kinds.wrong_kind_name``."""
    from assistant.answer.name_kinds import asked_labels
    from assistant.nlp import syntax

    wanted = asked_labels(question)
    if wanted is None or bare_value_kind(text) != "name":
        return False
    asked = frozenset(words(question))
    own = {w for w in words(text) if w not in STOPWORDS and w not in asked}
    labels = set()
    for span in span_texts:
        parsed = syntax(span)
        labels |= {label for start, end, label in parsed.ents
                   if own & set(words(" ".join(t.text for t in parsed.tokens[start:end])))}
    return bool(labels) and not labels & wanted


_TIME_LABELS = frozenset({"DATE", "TIME"})
_TIMED_KINDS: frozenset[AnswerType] = frozenset({"date", "number", "list", "entity", "place"})


def time_phrase_unasked(text: str, asked: frozenset[AnswerType]) -> bool:
    """Whether ``text`` is only phrases after prepositions, the first of them a time ("On April 16, 1949, by a
    telegram from ..."), while the question (its ``asked`` kinds) wants a thing, an event or a reason: such a
    phrase tells when something happened, not what. "On July 15, 2022, a massive cyberattack." names a thing (the
    phrase set beside the date) and is left alone."""
    from assistant.nlp import syntax

    if not asked or asked & _TIMED_KINDS:
        return False
    parsed = syntax(text)
    if any(t.pos in ("VERB", "AUX") or t.dep == "appos" for t in parsed.tokens):
        return False
    roots = [t for t in parsed.tokens if t.dep == "ROOT"]
    timed = {i for start, end, label in parsed.ents if label in _TIME_LABELS for i in range(start, end)}
    return len(roots) == 1 and roots[0].pos in ("ADP", "SCONJ") and any(
        t.head == roots[0].i and t.dep == "pobj" and t.i in timed for t in parsed.tokens)
