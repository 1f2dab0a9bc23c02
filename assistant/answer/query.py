"""Question analysis: corrected content terms, the kind of value asked for, and the noun it is asked about.

The "head" is the thing a question asks for ("how many *hours*", "what kind of *malware*", "the name of the
*minister*", "who is the *ambassador*"). When the head, or a proper name the question relies on, occurs nowhere in
the corpus, the corpus cannot hold the answer, however close the nearest sentence sounds.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property

from assistant.answer import arithmetic
from assistant.answer.countries import capitals_for_countries, demonym_place, peoples_for_countries
from assistant.answer.matching import TermWeights, question_terms
from assistant.answer.places import asked_item
from assistant.answer.synonyms import synonyms
from assistant.answer.typos import correct, word_corrections
from assistant.answer.qtypes import (
    COUNT_NOUNS, DATE, HOW_MANY, MEASURE_NOUNS, OWN_LANGUAGE_NOUNS, PREPOSITIONS, QUESTION_FILLER, SIZE_WORDS,
    AnswerType, asks_yes_no, expected_type, without_meta_subject,
)
from assistant.schema import Chunk
from assistant.terms import ABBREVIATIONS, STOPWORDS, expand_abbreviations, stem, words

GENERIC_HEADS = frozenset(stem(w) for w in """
    country countries city cities place places year years date dates day days month months season time times
    week weeks hour hours minute minutes decade decades century centuries timeframe timescale timeline period periods
    person people group groups organization organisation outfit outfits faction factions nation nations number numbers
    name names kind type
    sort way ways reason reasons part parts role thing things stuff event events word words term terms body bodies
    official officials leader leaders state states government governments partner partners ally allies
    lesson lessons step steps action actions activity activities fact facts detail details much many
    basis grounds purpose means manner method methods approach approaches workaround workarounds alternative
    alternatives area areas field fields domain respect aspect aspects
    motive motives cause causes rationale justification benefit benefits advantage advantages upside upsides
    downside downsides drawback drawbacks disadvantage disadvantages pro pros con cons
    setup setups arrangement arrangements
    range ranges style styles format formats value values amount amounts level levels minimum maximum limit limits money
    percentage percentages proportion proportions fraction circumstance circumstances situation situations scenario
    scenarios
    setting settings version versions mode modes form forms unit units
    language languages paper papers newspaper newspapers magazine magazines outlet outlets publication publications
    metaphor metaphors analogy image phrase phrases expression expressions nickname nicknames spelling spellings
    wording wordings
    """.split())
# nouns that sort what they head into a class: "which kernel *series*" is answered by "the 5.x kernel"
_CLASSIFIERS = frozenset(stem(w) for w in "series category categories family families variety varieties".split())

_AUX = r"(?:is|was|are|were|did|does|do|has|have|had|can|could|will|would|should|may|might)"
_PRONOUN = r"(?:i|you|he|she|it|we|they)"  # a subject opening a relative clause: "the base *it* set up" ends at "base"
_VERB_AFTER_NP = (r"(?:live|lives|work|works|stay|stays|remain|remains|reside|resides|exist|exists|belong|belongs|"
                  r"serve|serves|go|went|come|came|get|got|take|took|make|made|use|uses|speak|speaks|need|needs)")
_STOP = rf"(?= {_AUX}\b| {_VERB_AFTER_NP}\b| who\b| that\b| which\b| {_PRONOUN}\b| in\b| at\b| of\b| for\b| from\b| to\b| on\b| with\b| by\b| like\b| behind\b| about\b| into\b| over\b| under\b| between\b| through\b| during\b| against\b| among\b| without\b| within\b| across\b| around\b| near\b| since\b| until\b| going\b| the\b| a\b| an\b| per\b| each\b| every\b| [a-z]+ed\b| before\b| after\b| if\b| when\b| than\b|$)"
_NP = r"(?P<np>[a-z][\w'-]*(?: [a-z][\w'-]*){0,3}?)"
_HEAD_PATTERNS = [
    re.compile(rf"\bhow (?:many|much) (?:more |fewer |of the )?(?!{_AUX}\b){_NP}{_STOP}"),  # "how many did": no noun
    re.compile(rf"\b(?:what|which) (?:kind|type|sort|form)s? of {_NP}{_STOP}"),
    re.compile(rf"\bnames? of (?:the |a |an |its |their |his |her )?{_NP}{_STOP}"),
    re.compile(rf"\bwho (?:is|was|are|were) (?:the |a |an )?{_NP}{_STOP}"),
    re.compile(rf"\b(?:what|which) (?!{_AUX}\b){_NP} {_AUX}\b"),
    re.compile(rf"\bwhat(?:s| (?:is|was|are|were))? (?:the |a |an ){_NP}{_STOP}"),  # "whats": no apostrophe typed
    re.compile(rf"\bhow (?P<np>{'|'.join(sorted(SIZE_WORDS))})\b(?:.* in (?P<unit>[a-z]+)$)?"),
]
# "what's the empire's capital?": the possessed noun is what is asked for (``words`` drops the "'s")
_POSSESSED = re.compile(
    r"^\W*what(?:['’]?s| is| was| are| were)\s+(?:[\w.-]+\s+){0,3}?[\w.-]+(?:['’]s|s['’])\s+"
    r"(?P<np>[a-z][\w-]*(?:\s[a-z][\w-]*){0,2}?)"
    r"(?=\s*[?.!]*\s*$|\s(?:in|of|for|on|at|per|according|from|to|by|during|before|after|now|today)\b|,)")
_PART_SPLIT = re.compile(
    r"\?\s+|\s*;\s*|,?\s+\band\b\s+(?=(?:(?:in|on|at|for|from|to|with|by|of|under|during)\s+)?"
    r"(?:when|why|how|who|whom|whose|what|where|which|did|was|were|is|are|does|do|can|could|has|have|should|will)\b)",
    re.IGNORECASE)
_QUALIFIERS = frozenset("""exact exactly precise specific approximate approximately rough roughly main total overall
    current actual full first last latest one two three four five six seven eight nine ten else other
    alleged supposed purported presumed apparent
    apart ago away more less fewer higher lower greater bigger larger smaller longer shorter older newer younger
    earlier later faster slower further farther""".split())
_VERSION_HEADS = frozenset({"version", "release"})
# Nouns naming a measure (general English and computing): "what wrap length ...", "what uid does root have": a number
# answers a question asking for one.
_MEASURE_HEADS = frozenset(MEASURE_NOUNS) | frozenset("""percentage percent timeout interval duration delay ratio rate
    frequency threshold port uid gid pid""".split())
_NUMBER_IN_QUESTION = re.compile(r"\b(?:1[5-9]|20)\d{2}\b")
_HOW_FAR_BACK = re.compile(r"\bhow far back\b", re.IGNORECASE)
_OWN_LANGUAGE = re.compile(rf"\benglish (?:{'|'.join((*OWN_LANGUAGE_NOUNS, 'equivalent'))})s?\b", re.IGNORECASE)
_HOW_FAR_BACK_WORDS = frozenset(stem(w) for w in ("far", "back", "go", "goes", "went", "gone"))
_NAME_IN_QUESTION = re.compile(r"(?<!^)(?<![.?!]\s)\b([A-Z][a-z][\w-]+)\b")
# A program, package or option name as typed: words joined by "-" or "_" ("unattended-upgrades", "wpa_supplicant").
_IDENTIFIER_IN_QUESTION = re.compile(r"(?<![\w-])([A-Za-z][A-Za-z0-9]*(?:[-_][A-Za-z0-9]+)+)")
_IDENTIFIER_PART_MIN = 4  # shorter parts ("busy-ish", "one-time") are affixes or common words
_ACRONYM_IN_QUESTION = re.compile(r"\b([A-Z]{2,6})s?\b")
_ACRONYM_ASKED = re.compile(  # "What does MEK stand for?", "What is PMOI short for?", "the full name of the MEK"
    r"(?i:\bwhat (?:does|do|did|is|was) (?:the )?)(?P<a>[A-Z][A-Za-z]{1,7}) (?i:(?:stand|short) for)\b"
    r"|(?i:\b(?:full|long) (?:name|form) (?:of|for) (?:the )?)(?P<b>[A-Z]{2,8})\b")
_ACRONYM_FILLER = frozenset({"stand", "short", "full", "long", "form"})
# "What X does it use if I don't pass -D?", "... when no format is given", "without specifying USING": what holds when
# nothing is set is the default, so the word joins the query.
_UNSET = re.compile(
    r"\b(?:if|when|unless)\s+(?:i|you|we|one|it|they)\s+(?:do\s*n['’]?o?t|dont|never)\s+(?:\w+\s+)?"
    r"(?:specify|pass|set|give|provide|supply|add|include|say|choose|pick|name)\b"
    r"|\b(?:if|when)\s+(?:no|none)\b.*\b(?:is|are)\s+(?:given|specified|set|passed|provided|supplied)\b"
    r"|\bwithout\s+(?:specifying|passing|setting|giving|providing|supplying)\b"
    r"|\b(?:is|are)\s+(?:not|n['’]t)\s+(?:given|specified|set|passed|provided|supplied)\b", re.IGNORECASE)


_SHORT_YEAR_RANGE = re.compile(r"\b(?P<century>1[5-9]|20)(?P<first>\d{2})\s*[-\u2013/]\s*(?P<last>\d{2})\b")
"""A range of years whose second year is written short ("1992-93", "the 2019/20 season")."""


def full_year_ranges(text: str) -> str:
    """``text`` with short year ranges written out ("1992-93" is "1992-1993"), as documents write them."""
    return _SHORT_YEAR_RANGE.sub(lambda m: f"{m['century']}{m['first']}-{m['century']}{m['last']}", text)


def implied_words(question: str) -> str:
    """Words the question means without saying them: "default" when it asks what holds if nothing is set."""
    return "default" if _UNSET.search(question) else ""


@dataclass
class Query:
    """One analysed question."""

    text: str
    terms: list[str]
    kind: AnswerType
    head: str | None = None
    head_phrase: list[str] = field(default_factory=list)
    unseen_words: list[str] = field(default_factory=list)
    unseen_names: list[str] = field(default_factory=list)
    corrections: dict[str, str] = field(default_factory=dict)
    parts: list[str] = field(default_factory=list)
    expansion: str = ""
    names: list[str] = field(default_factory=list)  # stems of the proper names the question relies on
    acronym: str | None = None  # the abbreviation whose full form is asked for

    def defines_acronym(self, text: str) -> bool:
        """Whether ``text`` spells out the asked-for abbreviation: "... of Iran (PMOI)", "the PMOI/MEK"."""
        return bool(self.acronym) and bool(re.search(rf"[(/]{re.escape(self.acronym)}[)/]", text))

    stand_ins: list[str] = field(default_factory=list)  # the corpus's synonyms of question words it never uses
    asks_version: bool = False  # "which release added X?": a version answers it (``qtypes.VERSION_FORM``)

    @property
    def extra_stems(self) -> list[str]:
        """Stems to add to the keyword search: spelling fixes, abbreviation expansions and stand-ins."""
        return [*self.corrections.values(), *(stem(w) for w in words(self.expansion)), *self.stand_ins]

    @cached_property
    def needs_dated_passage(self) -> bool:
        """Whether the question is an interval or an order question, which only a dated passage serves."""
        return bool(arithmetic.interval_unit(self.text) or arithmetic.order_parts(self.text))

    def keep_chunk(self, chunk: Chunk) -> bool:
        """Whether a chunk can serve a sub-question: interval and order questions need a dated passage (the
        question is read once, ``needs_dated_passage``, not once per chunk)."""
        return not self.needs_dated_passage or bool(DATE.search(chunk.text))

    @property
    def out_of_corpus(self) -> str:
        """Why the corpus cannot answer, judged from the question alone ("" when it might)."""
        if self.unseen_names:
            return f"the documents never mention {', '.join(self.unseen_names)}"
        if self.unseen_words:
            return f"the documents never mention {' or '.join(self.unseen_words)}"
        return ""


_CALENDAR_NAME = re.compile(r"(?:January|February|March|April|May|June|July|August|September|October|November|"
                            r"December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)", re.IGNORECASE)
_COUNTED = re.compile(  # a count of the things asked for: "what three things", "the two main goals", "the 4 stages"
    r"\b(?:what|which|the|these|those|its|their)\s+(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d)\s+"
    r"(?=[a-z])", re.IGNORECASE)


def _head_matches(q: str, question: str) -> Iterator[re.Match[str] | None]:
    """Each head pattern's match on the question's words ``q`` in turn, then the possessed noun's on the question as
    typed (``_POSSESSED``): searched only until one names the asked-for phrase."""
    for pattern in _HEAD_PATTERNS:
        yield pattern.search(q)
    yield _POSSESSED.search(question.lower())


def asked_phrase(question: str) -> list[str]:
    """Content words of the phrase naming what is asked for; the last one is the head noun ("what's the empire's
    *capital*?": the noun after a possessive, when no other form names one)."""
    q = " ".join(words(question))
    for match in _head_matches(q, question):
        if match:
            unit = match.groupdict().get("unit")
            tokens = [w for w in words(unit or match.group("np"))
                      if w not in STOPWORDS and w not in _QUALIFIERS and not w.isdigit()]
            if tokens:
                return tokens
    return []


def analyse(question: str, weights: TermWeights) -> Query:
    """Terms (typos corrected against the corpus vocabulary), answer kind, head and unseen names."""
    # "washington", "the americans": the United States, where the documents name it so
    governments = capitals_for_countries(question, weights) | peoples_for_countries(question, weights)
    expansion = " ".join(filter(None, (expand_abbreviations(question), implied_words(question), *governments.values())))
    raw_terms = question_terms(f"{full_year_ranges(without_meta_subject(question))} {expansion}", QUESTION_FILLER)
    corrections = {t: c for t in raw_terms if (c := correct(t, weights)) != t}
    corrections |= word_corrections(question, [t for t in raw_terms if t not in corrections], weights)
    corrections |= {t: place for name in _NAME_IN_QUESTION.findall(question)  # "Israeli": search for "Israel"
                    if not weights.known(t := stem(name.lower())) and (place := demonym_place(name, weights))}
    item = asked_item(question)
    structural = stem(item.word) if item and item.word else ""  # "the last lesson": "last" says where, not what
    counts = {stem(m.group(1)) for m in _COUNTED.finditer(question)}  # "what *three* things": how many, not what
    if _HOW_FAR_BACK.search(question):  # "how far back does X go": asks since when, its words name nothing
        counts |= _HOW_FAR_BACK_WORDS
    # "the english name of X": the documents' own language, which they seldom write beside the name
    unsaid = counts | ({stem("english")} if _OWN_LANGUAGE.search(question) else set())
    terms = list(dict.fromkeys(corrections.get(t, t) for t in raw_terms if t != structural and t not in unsaid))
    phrase = asked_phrase(question)
    unseen_words = [
        w for w in phrase
        if w not in SIZE_WORDS and len(w) > 3 and w not in ABBREVIATIONS and stem(w) not in QUESTION_FILLER  # "happens"
        and (st := corrections.get(stem(w), stem(w))) not in GENERIC_HEADS and st not in _CLASSIFIERS
        and w not in COUNT_NOUNS  # "the headcount of X": how many, not a thing the documents must name
        and w not in PREPOSITIONS
        and not weights.known(st) and not any(weights.known(s) for s in synonyms(st))  # "help": the documents' "aid"
    ]
    if unseen_words:  # parsed only when a word is missing: most questions need no second parse
        described = _describing_words(question)
        unseen_words = [w for w in unseen_words if w not in described]
    unseen_names = [n for n in _NUMBER_IN_QUESTION.findall(arithmetic.without_compared_year(question))
                    if not weights.known(n.replace(",", ""))]
    names: list[str] = []
    for name in _NAME_IN_QUESTION.findall(question):
        if name.lower() in STOPWORDS:  # a title's capitals ("'Debian Will Remain ...'") make no name of "Will"
            continue
        if _CALENDAR_NAME.fullmatch(name):  # "2 March 2011" is a date a document may write as (2011, 3, 2)
            continue
        parts = [corrections.get(p, p) for p in (stem(p) for p in name.lower().split("-") if p and p not in STOPWORDS)]
        # "Valid-Until": the documents' index keeps no stopword, so only the other parts can be looked for
        names += parts
        if not all(weights.known(p) for p in parts):
            unseen_names.append(name)
    unseen_names += _unseen_lowercase_names(question, corrections, weights)
    unseen_names = [n for n in unseen_names if n.lower() not in governments]
    joined = [token for token in _IDENTIFIER_IN_QUESTION.findall(question) if _unseen_identifier(token, weights)]
    unseen_names += [token for token in joined if not _describing_compound(token, question)] if joined else []
    names += [stem(a.lower()) for a in _ACRONYM_IN_QUESTION.findall(question)
              if ABBREVIATIONS.get(a.lower(), a.lower()) == a.lower()]  # NATO, MEK; not US (= united states)
    asked = _ACRONYM_ASKED.search(question.strip())
    acronym = next((g for g in asked.groups() if g), None) if asked else None
    if acronym:
        terms = [t for t in terms if t not in _ACRONYM_FILLER]
    kind = expected_type(question)
    measured = kind != "date" and bool(phrase) and (  # "how far back": a time, not a size
        phrase[0] in SIZE_WORDS or kind == "other" and phrase[-1] in _MEASURE_HEADS)
    version = kind != "reason" and _asks_version(question)  # "why was it the first release to ...?": a why
    if measured or version:
        kind = "number"
    phrase = [x for w in phrase for x in (ABBREVIATIONS.get(w, w).split())]
    head = phrase[-1] if phrase else None
    return Query(
        question, terms, kind, head, phrase, unseen_words, unseen_names, corrections, question_parts(question),
        expansion, names, acronym, stand_ins(terms, weights), version,
    )


def stand_ins(terms: list[str], weights: TermWeights) -> list[str]:
    """For each term the corpus never uses ("mandatory"), the thesaurus's synonyms it does use ("required"): the
    keyword search can find the passage only by the document's own word."""
    return list(dict.fromkeys(s for t in terms if not weights.known(t) for s in sorted(synonyms(t)) if weights.df(s)))


_LOWERCASE_NAME_LABELS = frozenset({"PERSON", "NORP", "ORG", "GPE", "LOC"})


def _unseen_lowercase_names(question: str, corrections: dict[str, str], weights: TermWeights) -> list[str]:
    """Names typed in lower case ("how did russia react ...?") that no indexed text contains: words the corpus never
    uses (typos corrected, nor grown from a stem it uses) that the tagger reads as a proper noun naming a person,
    people, organisation or place ("respond" read as a person is a verb). Parsed only when such a word is there."""
    unknown = {w for w in words(question) if w.islower() and w not in STOPWORDS and len(w) > 2
               and not weights.known(corrections.get(stem(w), stem(w))) and not _grown_from_known(w, weights)}
    if not unknown:
        return []
    from assistant.nlp import syntax

    return [t.text for t in syntax(question).tokens
            if t.text in unknown and t.pos == "PROPN" and t.ent in _LOWERCASE_NAME_LABELS]


_KNOWN_START_MIN = 6


def _grown_from_known(word: str, weights: TermWeights) -> bool:
    """Whether a word starts with a corpus stem of some length ("automaticaly", misspelt, starts with "automat"):
    a form of a word the documents use, which the tagger can misread as a name."""
    return any(len(t) >= _KNOWN_START_MIN and word.startswith(t) for t in weights.vocab_by_initial(word[:1]))


def _unseen_identifier(token: str, weights: TermWeights) -> bool:
    """Whether a joined name of the question is in no indexed text: neither whole nor by one of its longer parts."""
    if weights.known(stem(token.lower())):
        return False
    parts = [p for p in re.split(r"[-_]", token.lower()) if len(p) >= _IDENTIFIER_PART_MIN and p not in STOPWORDS]
    return any(not weights.known(stem(p)) for p in parts)


def _describing_words(question: str) -> frozenset[str]:
    """The question's adjectives, adverbs and verbs, lower case ("the biggest possible rowid", "the right flag", "the
    base they *built*"): words that describe or act on what is asked for rather than name it, so their absence from
    the documents says nothing."""
    from assistant.nlp import syntax

    return frozenset(t.text.lower() for t in syntax(question).tokens if t.pos in ("ADJ", "ADV", "VERB"))


_LIKENESS = frozenset({"style", "like", "ish", "esque"})  # "libc-style libraries": like libc, not libc itself
# A verb or noun with its particle ("hands-on", "built-in", "follow-up", "opt-out"): an English compound, not a name
_PARTICLES = frozenset({"on", "in", "up", "out", "off", "down", "over", "back", "away"})


def _describing_compound(token: str, question: str) -> bool:
    """Whether a hyphenated word of the question is an English adjective the tagger reads as one ("far-fetched",
    "well-known": its last part an adjective or a participle, or a particle: "hands-on"), not a name joined by
    hyphens ("ssh-keygen"); or a likeness ("libc-style", "C-like": the documents may name the kind by another
    example)."""
    from assistant.nlp import syntax

    if re.search(r"[_\d]", token):
        return False
    last = token.split("-")[-1].lower()
    if last in _LIKENESS or last in _PARTICLES:
        return True
    return any(t.text.lower() == last and t.tag in ("JJ", "VBN", "VBG") for t in syntax(question).tokens)


def _asks_version(question: str) -> bool:
    """"Which version/release ...": the phrase asked about is headed by a version word, so a version number
    answers it ("which version control system" is headed by "system")."""
    from assistant.nlp import parse

    if asks_yes_no(question):  # "is there a version of X that ...?": a variant, no number asked for
        return False
    if HOW_MANY.search(question):  # "how many versions ...?": a count of them
        return False
    focus = parse(question).focus
    return bool(focus) and focus[-1] in _VERSION_HEADS


def question_parts(question: str) -> list[str]:
    """The sub-questions of a multi-part or interval question (empty for a simple one)."""
    if arithmetic.interval_unit(question):
        parts = arithmetic.question_parts(question)
    elif ordered := arithmetic.order_parts(question):
        parts = ordered
    else:
        parts = each_parts(question) or _with_topic([p for p in _PART_SPLIT.split(question) if words(p)])
    return parts if len(parts) > 1 else []


_EACH_AFTER = re.compile(r"^\W*(?P<a>[^?]+?)\s+and\s+(?P<b>[^?]+?)\s*(?:[-\u2013\u2014:,]\s*|\?\s+)"
                         r"(?P<q>(?:what|how|which|where|when|why|who)\b[^?]*?\beach(?: one| of them)?\b[^?]*\??)\s*$",
                         re.IGNORECASE)
_EACH_OF = re.compile(r"\beach of (?P<a>[^?,]+?)\s+and\s+(?P<b>[^?,]+?)(?=\s+(?:do|does|did|mean|means|is|are|stand|"
                      r"stands|for|in|on)\b|\?|$)", re.IGNORECASE)


def each_parts(question: str) -> list[str]:
    """A question asked of each of two things, one part per thing: "cp -d and cp -p - what is each one shorthand
    for?" asks "what is cp -d shorthand for?" and "what is cp -p shorthand for?"; "what does each of -a and -b do?"
    likewise (empty for any other question)."""
    if match := _EACH_AFTER.match(question):
        asked = match.group("q")
        return [re.sub(r"\beach(?: one| of them)?\b", thing.strip(), asked, count=1, flags=re.IGNORECASE)
                for thing in (match.group("a"), match.group("b"))]
    if match := _EACH_OF.search(question):
        return [question[:match.start()] + thing.strip() + question[match.end():]
                for thing in (match.group("a"), match.group("b"))]
    return []


def _with_topic(parts: list[str]) -> list[str]:
    """The parts, when the first has at least two terms; a later part with fewer ("... and in what year?", "and how
    do I then list it?") is asked about the first part's topic: the first part's content words are added to it."""
    first_terms = question_terms(parts[0], QUESTION_FILLER) if parts else []
    if len(first_terms) < 2:
        return []
    topic = " ".join(w for w in words(parts[0]) if stem(w) in first_terms)
    return [parts[0], *(p if len(question_terms(p, QUESTION_FILLER)) >= 2 else f"{p.rstrip(' ?')} {topic}?"
                        for p in parts[1:])]
