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
