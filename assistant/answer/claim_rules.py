"""Small rules the support check applies to a claim and its span, each one named and tested on its own.

- ``HEDGES``: words that qualify a claim rather than assert it ("roughly", "usually"); they need no support.
- ``identifiers``: numbered names ("UTF-8", "OS/2", "fcntl(2)"): found whole in the span, never computed; their
  numbers are no values (``without_identifiers``); so are settings ("NAME=0", ``settings``).
- ``date_numbers``: the numbers of a claim's dates (the day, the year): found as written, never computed.
- ``lemma_forms``: the stem of each word's dictionary form ("held" → "hold", "came" → "come"), from spaCy.
- ``unbroken``: text with words split by a line-end hyphen ("Infor-\\n mation") joined again.
- ``list_count``: the number that opens a list and counts its items ("Three: a; b; and c", "Four: a, b, c and d",
  "One each: A has an X and B has an X"): said by the claim itself.
- ``opening_name``: the first word of a sentence when it opens a name of several words ("Ean Debian's").
- ``plain_number``: a written number as compared ("5,020.0000" → "5020").
"""

from __future__ import annotations

import itertools
import re
from functools import lru_cache

from assistant.answer.qtypes import DATE
from assistant.terms import STOPWORDS, stem, words

HEDGES = frozenset(stem(w) for w in (
    "about approximately roughly nearly almost around usually typically generally normally often sometimes "
    "perhaps possibly probably likely certainly surely already also still even just simply instead respectively "
    "actually really basically essentially e g eg etc ie i.e versus vs whereas plus".split()
))
"""Stems of words that hedge or frame a claim (degree, frequency, likelihood, "e.g.", "versus", "plus"): a claim may add
them freely."""

LIGHT_WORDS = frozenset(stem(w) for w in (
    "use uses used using let lets put puts whether besides case cases part way ways kind kinds thing things get gets "
    "got come comes came go goes went yes every several various another either neither "
    "however therefore thus hence although though otherwise".split()
))
"""Stems of light words a paraphrase adds around its content ("in both cases", "as part of", "lets you", "use -l",
"put X in Y", a "Yes, ..." opening an answer to a question that was not a yes/no one), quantifiers the stopwords
lack ("every other element") and connectives ("however", "although", "otherwise"): they assert nothing a span must
hold."""

_BOUND = re.compile(r"\b(?:(?:more|less|fewer|greater|larger|smaller|higher|lower|longer|shorter) than|at (?:least|most)"
                    r"|up to)\s+(\d+(?:,\d{3})*(?:\.\d+)?)", re.IGNORECASE)


def bound_numbers(text: str) -> frozenset[str]:
    """Numbers given as a bound ("more than 59100", "less than 2**32", "at least 6"): quoted, never computed, though
    "more" and "less" are arithmetic cues elsewhere."""
    return frozenset(m.group(1).replace(",", "") for m in _BOUND.finditer(text))


_IDENTIFIER = re.compile(r"(?<![\w.])([A-Za-z][A-Za-z_]*)(?:[-/]|\()?(\d+(?:\.\d+)*)\)?(?![\w])")
_MANUAL_SECTION = re.compile(r"(?<=[A-Za-z0-9_])\(\d[a-z]?\)(?!\w)")  # "ssh_config(5)": a manual page named
_OPTION = re.compile(r"(?<![\w.-])-(\d+)\b(?![.,]\d)")  # "xargs -0", "gzip -9": a flag, not a value
_POWER = re.compile(r"(?<![\w.])(\d+)\s*(?:\*\*|\^)\s*(\d+)\b")  # "2**32", "2^32": one value, written whole
_SETTING = re.compile(r"(?<![\w=])([A-Za-z_][\w.:-]*)(?:=|\s=\s)([\w.-]*\w)")  # "NAME=VALUE", "NAME = VALUE";
# not "the input= keyword": a keyword argument named in prose, then a word
_LINE_BREAK_HYPHEN = re.compile(r"(\w)[‐­-]\s*\n\s*(\w)")


def identifiers(text: str) -> frozenset[str]:
    """Numbered names in ``text``, lower case without separators: "UTF-8" → "utf8", "shadow(5)" → "shadow5",
    "OS/2" → "os2"; a word and a number apart ("version 2", "Ashraf 3") are not one (their number is an ordinary
    value). A number that belongs to such a name is part of the name: another value must not stand in for it."""
    return (frozenset(f"{m.group(1).lower()}{m.group(2)}" for m in _IDENTIFIER.finditer(text)
                      if m.group(1).lower() not in STOPWORDS) | settings(text) | options(text)
            | frozenset(f"{m.group(1)}**{m.group(2)}" for m in _POWER.finditer(text)))


def options(text: str) -> frozenset[str]:
    """Command-line flags written as a hyphen and a number ("xargs -0", "gzip -9" → "-0", "-9"): a flag is named,
    not counted, so it is found whole and never stands in for a value (nor a value for it)."""
    return frozenset(f"-{m.group(1)}" for m in _OPTION.finditer(text))


def settings(text: str) -> frozenset[str]:
    """Settings written as ``NAME=VALUE`` ("NCURSES_NO_UTF8_ACS=0" → "ncurses_no_utf8_acs=0"), lower case: a
    setting is quoted whole, so its value cannot be swapped for another."""
    return frozenset(f"{m.group(1).lower()}={m.group(2).lower()}" for m in _SETTING.finditer(text))


def without_manual_sections(text: str) -> str:
    """``text`` without the manual section written after a name ("bcrypt_pbkdf(3)" → "bcrypt_pbkdf"): it names a
    page, and is no value said of the words around it ("the number of KDF (bcrypt_pbkdf(3)) rounds")."""
    return _MANUAL_SECTION.sub("", text)


def without_identifiers(text: str) -> str:
    """``text`` with the numbers of its numbered names, flags and powers taken out ("see ssh(1) on port 587" → "see
    ssh on port 587"; "xargs -0", "2**32"): such a number names a thing (or is one value written whole) and is never
    a value to find, compute or stand in for another; nor is a manual section after any name ("pcre2syntax(3)",
    "bcrypt_pbkdf(3)")."""
    text = without_manual_sections(_POWER.sub(" ", _OPTION.sub("-", text)))
    return _IDENTIFIER.sub(lambda m: m.group(0) if m.group(1).lower() in STOPWORDS else m.group(1), text)


_INITIALISM = re.compile(r"\b[A-Z]{2,5}(?=s?\b)")
_SPELLED_RUN = (2, 3, 4)  # words an initialism may spell out


def initialisms(text: str) -> frozenset[str]:
    """Words written in two to five capitals ("OS", "NOC", "DNS"; a plural "s" aside), lower case: initialisms, which a
    span may spell out instead ("operating system")."""
    return frozenset(m.group(0).lower() for m in _INITIALISM.finditer(text))


def spelled_initials(text: str) -> frozenset[str]:
    """The initials of every run of two to four words with no stopword or number among them ("the operating system"
    → "os"; "Network Operations Center" → "noc", "no", "oc"), lower case: what a claim's initialism may stand for."""
    tokens = words(text)
    runs = (tokens[i:i + n] for n in _SPELLED_RUN for i in range(len(tokens) - n + 1))
    return frozenset("".join(w[0] for w in run) for run in runs
                     if not any(w in STOPWORDS or not w[:1].isalpha() for w in run))


def date_numbers(text: str) -> frozenset[str]:
    """The numbers written inside the dates of ``text`` ("September 7, 2022" → "7", "2022"): a date is quoted,
    not computed, so these must be found as they are."""
    return frozenset(form for m in DATE.finditer(text) for n in re.findall(r"\d+", m.group(0))
                     for form in (n, n.lstrip("0") or "0"))


def unbroken(text: str) -> str:
    """``text`` with line-end hyphenation undone ("Infor‐\\n  mation" → "Information"); other text unchanged."""
    return _LINE_BREAK_HYPHEN.sub(r"\1\2", text)


@lru_cache(maxsize=4096)
def lemma_forms(text: str) -> tuple[tuple[str, str], ...]:
    """(stem of a word, stem of its lemma) for each word of ``text`` whose lemma stems differently ("held" →
    ("held", "hold")): an inflection the stemmer misses, so a claim in other forms still meets its span's words."""
    from assistant.nlp import syntax

    pairs = {}
    for token in syntax(text).tokens:
        word = token.text.lower()
        if word in STOPWORDS or not token.lemma or not word.isalpha():
            continue
        a, b = stem(word), stem(token.lemma)
        if a != b:
            pairs[a] = b
    return tuple(sorted(pairs.items()))


def opening_name(text: str) -> str | None:
    """The sentence's first word, lower case, when it opens a name of several words ("Ean Debian's ...", "Edi Rama
    announced ...", "Mujahedin-e Albania"): a capitalised proper noun followed by another (or joined to one by a
    hyphen). Other first words are capitalised only because they open the sentence, so a claim's names leave them
    out; this one must be found like any name. Not a light word ("Use SQLite ...")."""
    from assistant.nlp import syntax

    tokens = syntax(text).tokens
    if len(tokens) < 3 or tokens[0].pos != "PROPN" or not tokens[0].text[:1].isupper():
        return None
    hyphened = tokens[1].text in ("-", "‐") and tokens[2].pos == "PROPN"  # "Mujahedin-e Albania"
    if not (tokens[1].pos == "PROPN" and tokens[1].text[:1].isupper() or hyphened):
        return None
    first = tokens[0].text.lower()
    return None if first in STOPWORDS or stem(first) in LIGHT_WORDS | HEDGES or not first.isalpha() else first


def lemma_stems(lemmas: list[str]) -> frozenset[str]:
    """Stems of a span's lemmas (as tagged at index time), to add to its own stems."""
    return frozenset(stem(w) for lemma in lemmas for w in words(lemma) if w not in STOPWORDS)


_NEGATED = re.compile(r"\b(?:not|never|no)\b|n[’']t\b", re.IGNORECASE)
_CLAUSE_END = re.compile(r"[:;,—–]|\b(?:but|instead|rather)\b", re.IGNORECASE)


def corrects_premise(text: str, question: str) -> bool:
    """Whether ``text`` denies a value the question takes for granted and gives another: "Albania did not cut ties
    in 2014: ... it cut them in 2022" to "Why did Albania cut ties in 2014?". Such a negation answers the question's
    premise, so the span need not hold one; a bare denial ("It did not cut ties.") is not a correction."""
    negation = _NEGATED.search(text)
    if not negation or _NEGATED.search(question):
        return False
    end = _CLAUSE_END.search(text, negation.end())
    if end is None:
        return False
    asked = set(re.findall(r"\d+", question))
    denied = set(re.findall(r"\d+", text[:end.start()])) & asked
    return bool(denied) and bool(set(re.findall(r"\d+", text[end.end():])) - denied)


_SCALE = {"dozen": 12, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
MAGNITUDE_STEMS = frozenset(stem(w) for w in _SCALE)
"""Stems of the magnitude words, which belong to the number before them."""


def magnitudes(text: str) -> dict[str, str]:
    """Numbers written with a magnitude word, as the plain value they stand for: "55 million" → {"55": "55000000"},
    "two dozen" → {"2": "24"}, so "55 million" and "55,000,000" are one value, and "two dozen" and "24"."""
    out = {}
    for m in _MAGNITUDE.finditer(text):
        number = NUMBER_WORDS.get(m.group(1).lower(), m.group(1))
        value = float(number) * _SCALE[m.group(2).lower()]
        out[number] = str(int(value)) if value == int(value) else f"{value:g}"
    return out


_ZERO_FRACTION = re.compile(r"^(\d+)\.0+$")


def plain_number(written: str) -> str:
    """A written number as the support check compares it: no thousands commas, no full stop after it, no all-zero
    fraction ("5,020.0000" → "5020": a table prints the value a sentence writes as 5020); "1.10" and "10.0.0.0" stay."""
    return _ZERO_FRACTION.sub(r"\1", written.replace(",", "").rstrip("."))


NUMBER_WORDS = {w: str(i) for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())}
"""Number words and the numbers they write."""
_DIGITS = re.compile(r"(?<![\w.])\d+(?:,\d{3})*(?:\.\d+)?")


def spelled_only(text: str) -> frozenset[str]:
    """The numbers ``text`` writes only in words, never in digits ("one larger than the largest ROWID")."""
    written = {plain_number(m.group(0)) for m in _DIGITS.finditer(text)}
    return frozenset(NUMBER_WORDS[w] for w in re.findall(r"[a-z]+", text.lower()) if w in NUMBER_WORDS) - written


def spelled_for_digits(value: str, claim: str, spelled: frozenset[str]) -> bool:
    """Whether the span gives ``value`` only as a number word (``spelled``: "one endpoint", "one larger") where the
    claim writes it in digits ("version 1", "ROWID is 1")."""
    return value in spelled and value not in spelled_only(claim)


_MAGNITUDE = re.compile(rf"\b(\d+(?:\.\d+)?|{'|'.join(NUMBER_WORDS)})\s+({'|'.join(_SCALE)})\b", re.IGNORECASE)
_LIST_HEAD = re.compile(r"^\W*(\d{1,2}|[a-z]+)(\s+each)?\s*:\s*(.+)$", re.IGNORECASE | re.DOTALL)
_ITEM_BREAK = re.compile(r",\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+")
_SERIAL_BREAK = re.compile(r",\s*(?:(?:and|or)\s+)?")  # with a serial comma (", and"), "and" alone joins within an item
_BRACKETED = re.compile(r"\([^()]*\)")
_ONE_THING = re.compile(r"\b(?:a|an|one)\s+(\w+)", re.IGNORECASE)


def list_items(body: str) -> list[str]:
    """The items of a list: split at ";", else at the commas and the "and"/"or" outside brackets ("compile (...),
    extract (...) and update (...)"); with a serial comma (", and the importance of ...") at the commas only, so
    "humanitarian gestures and geopolitics" stays one item."""
    items = [part for part in body.split(";") if re.search(r"\w", part)]
    if len(items) > 1:
        return items
    flat = _BRACKETED.sub(lambda m: " " * len(m.group(0)), body)
    breaks = _SERIAL_BREAK if re.search(r",\s*(?:and|or)\s", flat) else _ITEM_BREAK
    cuts = [0, *(i for m in breaks.finditer(flat) for i in (m.start(), m.end())), len(body)]
    return [part for a, b in zip(cuts[::2], cuts[1::2]) if re.search(r"\w", part := body[a:b])]


def list_count(text: str) -> str | None:
    """The number opening ``text`` as a list's head when the claim counts its own items: "Three: (1) ...; (2) ...;
    (3) ..." or "Four: a, b, c and d" (the items that many), or "One each: A has an embassy in X and B has an
    embassy in Y" (every item one of the same thing); no span need hold the number."""
    head = _LIST_HEAD.match(text)
    if not head:
        return None
    value = NUMBER_WORDS.get(head.group(1).lower(), head.group(1))
    items = list_items(head.group(3))
    if not value.isdigit() or len(items) < 2:
        return None
    if head.group(2):
        things = [{m.group(1).lower() for m in _ONE_THING.finditer(item)} for item in items]
        return value if value == "1" and set.intersection(*things) else None
    return value if int(value) == len(items) else None


CLAUSE_BREAK = re.compile(r"[:;()\[\]]")
"""Where a claim's clause ends: what a number is said of stays on its side ("Three: (1) ..." counts nothing)."""
SPAN_CLAUSE_BREAK = re.compile(r";")
"""Where a span's clause ends for the same purpose; a span's "default: 30" and "(2016-03)" still say what their
numbers are of."""
_VALUE_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+")
MEASURE_UNITS = frozenset(stem(w) for w in (
    "byte bytes bit bits character characters char chars kb kib mb mib gb gib tb tib percent ms millisecond "
    "milliseconds".split()))
"""Stems of units a claim may name for a span's bare number ("1048576 bytes" for "is 1048576 (1 MiB)")."""
ARITHMETIC_CUES = frozenset(stem(w) for w in (
    "days weeks months years hours minutes seconds more less fewer difference differ apart total sum combined "
    "together higher highest lower lowest gap between after later before passed elapsed longer shorter earlier "
    "older newer increase decrease".split()
))
"""Stems that mark a number as computed (an interval, a difference, a total): only next to one of these may a
claim's number be derived from the span's values rather than found in it."""


REFERENCE_NOUNS = frozenset("chapter chapters section sections figure table appendix step page pages rfc example "
                            "clause paragraph".split())
"""Nouns that number a part of a document: the number after one ("see Chapter 13") is said of it alone."""


def _number_groups(text: str) -> list[tuple[str, int | None]]:
    """The content tokens of ``text`` (lower case) with, for each number, the group it belongs to: numbers joined by
    "-", "/" or ":" ("2016-03", "1-125") are one group; words have none."""
    out: list[tuple[str, int | None]] = []
    group = 0
    for m in _VALUE_TOKEN.finditer(text.lower()):
        token = m.group(0)
        if token in STOPWORDS and token not in NUMBER_WORDS and stem(token) not in ARITHMETIC_CUES:
            continue  # "374 more": a cue stays
        if not (token[0].isdigit() or token in NUMBER_WORDS):
            out.append((token, None))
            continue
        joined = m.start() > 1 and text[m.start() - 1] in "-/:" and text[m.start() - 2].isdigit()
        group += not joined
        out.append((token, group))
    return out


def value_contexts(text: str, window: int, breaks: re.Pattern[str] | None = None) -> frozenset[tuple[str, str]]:
    """(number, stem) for each content word within ``window`` content words of a number of ``text``, not past a number
    of another group (a word beyond it is that number's: "normally 0, and 1 on an error"): what the number is said of
    ("currently 3 name servers" → ("3", "name"), ("3", "server"), ...), or only of the part of a document it
    numbers ("Chapter 13", ``REFERENCE_NOUNS``); not across ``breaks`` when given (``CLAUSE_BREAK``,
    ``SPAN_CLAUSE_BREAK``)."""
    if breaks is not None:
        return frozenset().union(*(value_contexts(part, window) for part in breaks.split(text)))
    tokens = _number_groups(text)
    out = set()
    for i, (token, group) in enumerate(tokens):
        if group is None:
            continue
        value = NUMBER_WORDS.get(token) or plain_number(token)
        if i and tokens[i - 1][0] in REFERENCE_NOUNS:  # "(see Chapter 13)": 13 numbers the chapter, nothing else
            out.add((value, stem(tokens[i - 1][0])))
            continue
        before = itertools.takewhile(lambda t: t[1] in (None, group), reversed(tokens[max(0, i - window):i]))
        after = itertools.takewhile(lambda t: t[1] in (None, group), tokens[i + 1:i + 1 + window])
        out.update((value, stem(w)) for w, g in [*before, *after] if g is None)
    return frozenset(out)


_NAME_TOKEN = re.compile(r"[^\W\d_][\w'’-]*")


def name_contexts(text: str, window: int, breaks: re.Pattern[str] | None = None) -> frozenset[tuple[str, str]]:
    """(name word, stem) for each lower-case content word within ``window`` content words of a capitalised word of
    ``text``: what the name is said of ("at the behest of the United States, which had advocated" → ("united",
    "behest"), ("states", "advoc"), ...); not across ``breaks`` when given."""
    if breaks is not None:
        return frozenset().union(*(name_contexts(part, window) for part in breaks.split(text)))
    tokens = [t for t in _NAME_TOKEN.findall(text) if t.lower() not in STOPWORDS]
    out = set()
    for i, token in enumerate(tokens):
        if token[0].isupper():
            near = tokens[max(0, i - window):i] + tokens[i + 1:i + 1 + window]
            out.update((w, stem(n)) for w in words(token) for n in near if n[0].islower())
    return frozenset(out)


_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
SHORT_SENTENCE = 3
"""A span sentence with at most this many content words besides its numbers ("The default is 128.") says its
numbers of what the sentence before it names."""


def pointed_contexts(text: str) -> frozenset[tuple[str, str]]:
    """(number, stem) for each number of a short sentence (``SHORT_SENTENCE``) and each content word of the sentence
    before it: "Defines the number of table blocks ... of a BRIN index. The default is 128." says 128 of table blocks
    and BRIN indexes."""
    out: set[tuple[str, str]] = set()
    sentences = _SENTENCE_BREAK.split(text)
    for before, sentence in zip(sentences, sentences[1:]):
        tokens = [t for t in _VALUE_TOKEN.findall(sentence.lower()) if t not in STOPWORDS]
        values = [NUMBER_WORDS.get(t) or plain_number(t) for t in tokens
                  if t[0].isdigit() or t in NUMBER_WORDS]
        if values and len(tokens) - len(values) <= SHORT_SENTENCE:
            stems = {stem(t) for t in _VALUE_TOKEN.findall(before.lower()) if t not in STOPWORDS and not t[0].isdigit()}
            out.update(itertools.product(values, stems))
    return frozenset(out)


_COUNTED = re.compile(rf"(?<![\w.])(\d+(?:,\d{{3}})*(?:\.\d+)?|{'|'.join(NUMBER_WORDS)})\b"
                      rf"(?=((?:\s+[^\W\d_]+(?:/[^\W\d_]+)?){{0,3}}))")  # "64 concurrent read/write requests"


def value_units(text: str) -> frozenset[tuple[str, str]]:
    """(number, stem) for the content words written right after each number of ``text`` (up to three, to the first
    stopword; "read/write" one of them, two words): what it counts ("32 table blocks" → ("32", "tabl"), ("32",
    "block"); "3,000 MEK members"); ("128", "") for a number that counts nothing said ("The default is 128.")."""
    out = set()
    for n, phrase in _COUNTED.findall(text.lower()):
        value = NUMBER_WORDS.get(n) or plain_number(n)
        counted = list(itertools.takewhile(lambda w: w not in STOPWORDS and w not in NUMBER_WORDS, phrase.split()))
        out.update((value, stem(w)) for slot in counted or [""] for w in slot.split("/"))
    return frozenset(out)


_TIME_LEAD = re.compile(r"(?:\b(?:in|on|since|by|until|till|from|of|to|before|after|between|and|during|as of|"
                        r"january|february|march|april|may|june|july|august|september|october|november|december)"
                        r"|[,(–-])\s*$", re.IGNORECASE)  # a month before a year ("the July 2022 attack") too


def time_numbers(text: str) -> frozenset[str]:
    """The numbers of ``text`` written as a time: a date with a month or day, or a year after a time word ("in 2014",
    "from 1996 to 2004"); not a year-like number used of something else ("Sections 2004 through 9")."""
    out: set[str] = set()
    for m in DATE.finditer(text):
        if not m.group(0).isdigit() or _TIME_LEAD.search(text[:m.start()]) or m.start() == 0:
            out.update(re.findall(r"\d+", m.group(0)))
    return frozenset(out)
