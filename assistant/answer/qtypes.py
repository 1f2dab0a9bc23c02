"""What a question asks for (a date, a number, a name, a reason...) and whether a sentence holds one."""

from __future__ import annotations

import re
from typing import Literal

from assistant.answer.values import has_number_value, has_written_date
from assistant.terms import STOPWORDS, stem, words

AnswerType = Literal["date", "number", "entity", "place", "reason", "list", "other"]

_MONTHS = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
DATE = re.compile(
    rf"\b{_MONTHS}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?\b|\b\d{{1,2}}\s+{_MONTHS}(?:\s+\d{{4}})?\b"
    rf"|\b(?:1[5-9]|20)\d{{2}}s?\b|\b\d{{4}}-\d{{2}}-\d{{2}}\b|\b(?:early|late|mid)[- ]\d{{4}}s\b",
    re.IGNORECASE,
)
LOOSE_DATE = re.compile(  # a month or season on its own still answers "when" ("every March", "in the summer")
    r"\b(?:January|February|March|April|June|July|August|September|October|November|December)\b"
    r"|\b(?:in|every|each|during|this|last|next|early|late) (?:the )?(?:spring|summer|autumn|fall|winter)\b"
    r"|\b(?:century|decade|weekend|yesterday|today|tomorrow|noon|midnight|dawn|dusk)\b"
    r"|\b\d{1,2}[:.]\d{2}\b|\b\d{1,2} ?(?:a\.m\.|p\.m\.|am|pm|o'clock)(?!\w)"
    r"|\bfrom now\b|\b(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?) (?:ago|later|hence)\b"  # relative
)
VERSION = re.compile(  # a software version stamp: technical documents date changes by version, not by calendar
    r"\b(?:version|release|v)\s?\d+(?:\.\d+)*[a-z]?\b|\b\d+\.\d+\.\d+\b"
    r"|\b(?-i:[A-Z]{2,6})[-:](?:[789]\d|(?:19|20)\d{2})\b", re.IGNORECASE)  # a standard by its year: SQL-92, SQL:2011
# A version written as one, what "which release added X?" asks for: ``VERSION``'s stamps, dotted digits ("2.26",
# "python3.10", "6.x.y"), a version word or a name before digits ("release 7", "Debian 7"), a version tuple
# ("(3, 10)"); never a number word ("two") or a bare count
VERSION_FORM = re.compile(
    VERSION.pattern + r"|(?<![\w.])v?\d+(?:\.(?:\d+|x|y|z|\*))+[a-z]?\b|(?<=[a-z])\d+\.\d+\b"
    r"|\b(?:version|release)\s?\d+\b|\b(?-i:[A-Z][\w+-]*) \d+\b|\(\d+, ?\d+(?:, ?\d+)?\)", re.IGNORECASE)
HOW_MANY = re.compile(r"\bhow (?:many|much)\b", re.IGNORECASE)
"""A count or an amount asked for ("how many ...", "how much ...")."""
PATH = re.compile(  # a file-system path or a URL: where a technical document says something lives
    r"(?<![\w/])~?/[\w.-]+(?:/[\w.*-]*)*|\b[A-Za-z]:\\\w|\bhttps?://\S+")
_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][\w’'-]+(?:\s+(?:of\s+the\s+|of\s+|de\s+|al-)?[A-Z][\w’'-]+)*")
_REASON_CUES = re.compile(
    r"\b(?:because|due to|in retaliation|retaliation|as a result|led to|caused|stemming from|fueled by|"
    r"in response|so that|in order to|reasons?|therefore|thus|triggered|believed to be|aim(?:ing|ed)? to|"
    r"hopes? to|framed|seeks? to|prompted|accused|blamed|on .{1,30} grounds|explains?|motivated|driven by)\b",
    re.IGNORECASE,
)

QUESTION_FILLER = frozenset(
    stem(w) for w in
    """happen happened occur occurred name named mention mentioned article text source sources say says said
    according describe described explain explained know known give list kind type thing things way ways
    main specific exactly actually really year date day time month number people person live lives lived living
    reside resides resided intro introduction conclusion paragraph para passage section chapter document
    whats whos hows wheres whys
    roughly approximately approx anymore nowadays
    doesnt dont isnt cant wont didnt shouldnt wouldnt couldnt arent wasnt werent hasnt havent""".split()
)
# Prepositions not among the stopwords: one the documents never use names no detail they lack ("inside" where they
# write "in"), so it is no unseen word of a question (general English)
PREPOSITIONS = frozenset("""inside outside within without across toward towards beneath underneath upon onto via among
    amongst throughout besides beside despite unlike alongside""".split())


# The document's voice as the question's subject ("what does the writer say ...", "why does the author bring up X"):
# words about who tells, never in what is told
_META_SUBJECT = re.compile(
    r"\b(?:the|this|that) (?:writer|author|article|piece|post|essay|closing|ending|conclusion|text)(?:'s)?"
    r"(?= (?:\w+ )?(?:says?|said|asks?|asked|brings?|brought|mentions?|mentioned|argues?|argued|claims?|claimed|"
    r"suggests?|suggested|thinks?|describes?|described|calls?|called|notes?|noted|concludes?|concluded|points?|"
    r"wants?|means?|refers?|draws?|urges?|urged|warns?|warned|stresses?|stressed)\b)", re.IGNORECASE)
_BRING_UP = re.compile(r"\b(?:bring|brings|bringing|brought|come|comes|coming|came) up\b(?! with\b)", re.IGNORECASE)


_REPORTING = re.compile(  # right after the document's voice: its act of telling, not what it tells
    r"^ (\w+ )?(?:says?|said|asks?|asked|thinks?|argues?|argued|claims?|claimed|suggests?|suggested|notes?|noted|"
    r"stresses?|stressed|concludes?|concluded)\b", re.IGNORECASE)


def without_meta_subject(question: str) -> str:
    """The question without the document's voice as its subject and its verb of telling ("what does the author *ask*
    readers to share?"), and "bring up" or "come up" read as "mention" (filler; not "come up with")."""
    parts = _META_SUBJECT.split(question)
    told = parts[:1] + [_REPORTING.sub(lambda m: f" {m.group(1) or ''}", p) for p in parts[1:]]
    return _BRING_UP.sub("mention", " ".join(told))


_IDENTIFIER = re.compile(r"\S*(?:_|::|\w[./]\w)\S*")  # gin_pending_list_limit, Acquire::http, apt.conf, /etc/passwd
# "... in seconds?", "in kilobytes": the unit a number is asked in
_IN_UNIT = re.compile(
    r"\bin (?:(?:milli|micro|nano)?seconds?|minutes?|hours?|days?|weeks?|months?|years?|(?:kilo|mega|giga|tera)?bytes?|"
    r"(?:k|m|g|t|ki|mi|gi)?b|bits?|characters?|chars?|percent(?:age)?|pixels?|lines?|ms|secs?|mins?|blocks?|pages?)\b")


# "list" asks for a list as a verb ("List the ...", "what does the handbook list as ...") or in "a list of", not as
# the noun of "a mailing list", "the search list"
_LIST_ASKED = re.compile(r"(?:^|\b(?:please|you|me)\s)list\b|\ba list of\b|\b(?:does|do|did) (?:the |a |an )?\w+ list\b")


# "how big / long / old is X": an adjective of size after "how" asks for a measure, so a number answers it
SIZE_WORDS = frozenset({"big", "large", "long", "tall", "wide", "old", "far", "heavy"})
# the heads of a question asking for a length of time in years or more ("how long", "how many decades"): a date
# answers it too ("since the early 1980s"); "how many hours" needs its hours stated ("within 24 hours")
DURATION_HEADS = frozenset({"long", "year", "years", "decade", "decades", "century", "centuries"})
# "the maximum length of a hostname", "the size of a key": a measure is asked for, so a number answers it
OWN_LANGUAGE_NOUNS = ("name", "title", "translation", "term", "word", "spelling")
"""What a document gives in its own language without saying so: "the English name of X" is the name it writes."""
COUNT_NOUNS = frozenset({"count", "headcount", "tally"})  # "the headcount of X": how many X (general English)
MEASURE_NOUNS = ("length", "size", "width", "height", "depth", *sorted(COUNT_NOUNS), "capacity")
_MEASURE = re.compile(rf"\b(?:(?:maximum|minimum|max|min|total|average)\s+)?(?:{'|'.join(MEASURE_NOUNS)})"
                      r"\s+(?:of|for)\b|\b(?:maximum|minimum|max|min)\s+(?:length|size|number|count|value|amount)\b")


# "what tool can tell me the average row size ...?", "which option sets the max length of ...?": the noun after the
# wh-word is what is asked for, and the measure named in its clause is what that thing acts on
_ASKS_THING_THAT_ACTS = re.compile(
    rf"^(?:(?:so|and|but|ok|okay|then|well) )?(?:what|which) (?!number|percentage|amount|share|value|limit|"
    rf"{'|'.join(MEASURE_NOUNS)})[a-z]+ (?:can|could|will|would|does|do|did|should|must|lets|tells|shows|gives|"
    r"sets|controls|changes|reports|measures|prints)\b")


# A question asking for a way or a reason ("how did X cut down on the number of questions?", "why does the number
# of files grow?"): a "number of" in it is not the asked-for value.
_ASKS_WAY = re.compile(r"^\W*(?:(?:so|and|but|ok|okay|then|well)\s+)?(?:why|how (?:do|does|did|can|could|should|would|"
                       r"to|is|are|was|were))\b")


_YES_NO = re.compile(r"\W*(?:is|are|was|were|do|does|did|can|could|should|will|would|may|must|has|have|had)\b",
                     re.IGNORECASE)


# The document itself asked about: its page, manual, footer, when it was last changed (general English)
_OF_DOCUMENT = re.compile(r"\b(?:man(?:ual)?\s*pages?|manuals?|pages?|documents?|docs|documentation|footer|header|"
                          r"bottom of|top of|last (?:modified|updated|changed|revised)|dated)\b", re.IGNORECASE)


def asks_of_document(question: str) -> bool:
    """Whether the question asks about a document as such ("what date is on the apt-get man page?", "when was the
    quirks page last updated?"): only such a question is answered by a document's back matter (``Sentence.
    back_matter``), whose date dates the page, not an event ("what year was apt-get first released?")."""
    return bool(_OF_DOCUMENT.search(question))


def asks_yes_no(question: str) -> bool:
    """Whether the question opens with an auxiliary ("Is ...", "Does ..."): a yes/no question."""
    return bool(_YES_NO.match(question))


# "when" asks for a time where it opens the question or a clause joined to it ("... and when?", "since when", "since
# roughly when"); "the values of when a plain assert fails" is a condition
_OPENS_WHEN = r"(?:^|\b(?:and|but|so|or|since|until|by|from)\s(?:(?:roughly|about|around|approximately|exactly)\s)?)"
# "When a target release is set, what priority ...?": an opening clause of condition before the question proper
_LEADING_CONDITION = re.compile(r"^\W*(?:when|whenever|if|once)\b[^,?;]*,\s*(?=(?:what|which|who|whom|whose|where|"
                                r"why|how|when|is|are|does|do|can|should)\b)", re.IGNORECASE)
# "what about iran, when did ...?", "... gives 'command not found', why?": a wh-word after a comma opens the question;
# not "when" with a subject right after it ("..., when the same option was fine?"): a clause of time, not asked
_CLAUSE_WH = re.compile(r",\s*(?=(?:why|who|whom|whose|where)\b|when\b(?!\s+(?:the|a|an|my|your|his|her|its|our|their|"
                        r"this|that|these|those|i|you|he|she|we|they|it|someone|somebody|anyone|everyone)\b))",
                        re.IGNORECASE)
_NAMED_UNITS = r"season|month|year|yr|decade|century"  # a date's unit a question may name ("which season")
# "what date formats", "which year field": the date word describes another noun, the one asked for
_DATE_AS_MODIFIER = r"(?:formats?|fields?|types?|strings?|columns?|values?|ranges?|objects?|functions?|class(?:es)?|modules?|parsers?|stamps?|arithmetic)\b"


def expected_type(question: str) -> AnswerType:
    """The kind of value a right answer must contain, from the question's wording.

    Wh-words count where they open a question (or follow "and", a preposition or a comma), so "hosting
    groups when they..." or "the diplomat who said" do not turn a question into a date or person question.
    Words inside an identifier or a path ("gin_pending_list_limit", "/var/lib/dpkg/status") cue nothing.
    """
    q = " ".join(words(_IDENTIFIER.sub(" ", _CLAUSE_WH.sub(" and ", _LEADING_CONDITION.sub("", question)))))
    opens = r"(?:^|\b(?:and|but|so|or|since|until|by|at|to|from|for|with|of|in|on)\s)"
    if re.search(rf"{_OPENS_WHEN}when\b|\b(what|which) ((?:is|was|are|were) )?(\w+ )?(date|day|week|{_NAMED_UNITS})\b"
                 rf"(?! {_DATE_AS_MODIFIER})"
                 r"|\bwhat time\b|\bhow long ago\b|\bhow far back\b"
                 r"|\b(?:release|publication|start|end|exact) date\b|\b(?:exact|precise) (?:day|year|month)\b|\bdate of\b"
                 r"|(?<!up to )\bdate\s*\??$|^(?:the )?(?:exact |precise )?(?:date|year)\b(?! \d)", q):
        return "date"
    if re.search(r"\b(how (many|much|long|old|far)|what (number|percentage|amount|share))\b", q) \
            or not _ASKS_THING_THAT_ACTS.match(q) and (_IN_UNIT.search(q) or _MEASURE.search(q)) \
            or (re.search(r"\bnumber of\b", q) and not _ASKS_WAY.match(q)):
        return "number"
    if re.search(rf"{opens}why\b|\b(what (caused|led|prompted|triggered|motivated)|reasons?|motives?|because of what|"
                 r"for what purpose|"
                 r"what (makes|made) \w+(?: \w+)? (say|think|believe|claim|conclude|decide|want))\b", q):
        return "reason"
    if re.search(rf"{opens}(who|whom|whose)\b|\bwhich (person|country|countries|group|organization|nation|leader|"
                 r"minister|official|government|state|body|agency|ally|allies|newspaper|empire)\b", q):
        return "entity"
    if re.search(rf"{opens}where\b|\bwhich (city|place|location|region)\b", q):
        return "place"
    if re.search(r"\b(name (two|three|four|all|the)|what are (the|some)|which .* (were|are) )\b", q) or _LIST_ASKED.search(q):
        return "list"
    return "other"


_ASKED_UNIT = re.compile(rf"\b(?:what|which) (?:\w+ )?(?P<unit>{_NAMED_UNITS})\b(?! {_DATE_AS_MODIFIER})",
                         re.IGNORECASE)
DATE_UNITS: dict[str, re.Pattern[str]] = {  # how a sentence states a date to the asked-for unit (general English)
    "season": re.compile(r"\b(?:spring|summer|autumn|fall|winter)\b", re.IGNORECASE),
    "month": re.compile(rf"\b{_MONTHS}\b(?!-)|\b\d{{4}}-\d{{2}}\b"),
    "year": re.compile(r"(?<![\d.])(?:1[5-9]|20)\d{2}(?![\d.])"),
    "decade": re.compile(r"\b(?:1[5-9]|20)\d0s\b|\b(?:twenties|thirties|forties|fifties|sixties|seventies|eighties|"
                         r"nineties)\b|\bdecade\b", re.IGNORECASE),
    "century": re.compile(r"\bcentur(?:y|ies)\b", re.IGNORECASE),
}


def asked_date_unit(question: str) -> str | None:
    """The unit a date question asks for by name ("which *season*", "what *year*", "in what *decade*"), None when
    it names none ("when ...?")."""
    found = _ASKED_UNIT.search(question)
    if found is None:
        return None
    unit = found["unit"].lower()
    return "year" if unit == "yr" else unit


def holds_date_unit(sentence: str, unit: str) -> bool:
    """Whether the sentence states a date to the asked-for unit (a season for "which season", a year for "what
    year")."""
    return bool(DATE_UNITS[unit].search(sentence))


def has_value(sentence: str, kind: AnswerType) -> bool:
    """Whether the sentence holds a value of the expected kind."""
    if kind == "date":
        return bool(DATE.search(sentence) or LOOSE_DATE.search(sentence) or has_written_date(sentence)
                    or VERSION.search(sentence))
    if kind == "number":
        return has_number_value(DATE.sub(" ", sentence))
    if kind == "place":
        return bool(_NAME.search(sentence) or PATH.search(sentence))
    if kind == "entity":
        return bool(_NAME.search(sentence))
    if kind == "reason":
        return bool(_REASON_CUES.search(sentence))
    return True


def names(text: str) -> set[str]:
    """Capitalised names in text (not sentence-initial), lower-cased."""
    return {m.group(0).lower() for m in _NAME.finditer(text)}


def focus_words(question: str) -> list[str]:
    """Question words that carry its content: no stopwords, no generic question filler."""
    return [w for w in words(question) if w not in STOPWORDS and stem(w) not in QUESTION_FILLER]
