"""Does a source span support a generated sentence? Hard facts must match exactly, wording may vary a little.

A *claim* is one generated sentence. A span (or the union of a few) supports it when every number of the claim occurs
in the span, near a word the claim attaches to it, or (by an arithmetic cue: "days", "later", "more") is computed from
its values (days or years between two cited dates, the difference or sum of two cited numbers the claim states too;
never a date's day or year, a bound, or a numbered name's number such as "UTF-8"); every date is written whole in one
span, a number beside a month beside it; every month and name occurs in it (a name as a word the span capitalises); a
negated claim meets a negation (unless it corrects the question's premise); a stated boolean is not contradicted; and
the claim's content words are covered (stems, spaCy lemmas, near forms, synonyms; hedges such as "roughly" and light
words such as "in both cases" need no support; a word found only around the span, or in the question, earns part):
almost all, or all but one, or most when the span also means nearly the same (MiniLM cosine) and lacks no more words
than may go unmatched; only a few may go unmatched whatever their weight, and a claim without a number must be held
in its own words for a share of it (not only by synonyms, near forms and credit). Small rules: ``claim_rules``,
``number_contexts``, ``name_forms``; thresholds fitted: ``guard_params.json``.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

from assistant.answer.arithmetic import DatedValue, difference, find_dates
from assistant.answer.bounds import claim_extremes, span_bounds, unbounded
from assistant.answer.claim_rules import (
    HEDGES, LIGHT_WORDS, MAGNITUDE_STEMS, NUMBER_WORDS, bound_numbers, date_numbers, identifiers, initialisms,
    lemma_forms, lemma_stems, list_count, opening_name, spelled_for_digits, spelled_initials, spelled_only, unbroken,
    without_identifiers, without_manual_sections,
)
from assistant.answer.guard_params import GuardParams
from assistant.answer.matching import TermWeights, term_match
from assistant.answer.name_forms import CAPITAL_RUN, NAME, acronyms, capitalised, in_order, name_found
from assistant.answer.number_contexts import (
    ARITHMETIC_CUES, CLAUSE_BREAK, MEASURE_UNITS, SPAN_CLAUSE_BREAK, pointed_contexts, time_numbers, value_contexts,
    value_units,
)
from assistant.answer.qtypes import DATE, OWN_LANGUAGE_NOUNS
from assistant.answer.synonyms import synonyms
from assistant.answer.text_values import (
    ISO_DAY, YEAR, booleans, dated_numbers, glued_versions, month_years, months, numbers,
)
from assistant.terms import STOPWORDS, content_stems, stem, words

# "in English it is the People's Mojahedin Organization": the documents' own language, no fact a span must name
_OWN_LANGUAGE = re.compile(rf"\bin English\b|\bEnglish (?:{'|'.join(OWN_LANGUAGE_NOUNS)})s?\b")
_ENUMERATOR = re.compile(  # "(2) X", "(iv) X", and "3)" opening a text or after ",", ";", ":": list items, not
    # "is 60)" nor a value in brackets ending a sentence ("July (73).")
    r"(?<!\w)\(\s*(?:\d{1,2}|[ivx]{1,4})\s*\)(?=\s*\w)|(?:^\s*|(?<=[;:,])\s*)\d{1,2}\)")
_NEGATION = re.compile(r"\b(?:not|no|never|none|nor|neither|without|cannot)\b|n[’']t\b", re.I)
_NAME_LIST = re.compile(r"\s+and\s+")  # "Timo Rinne and Tatu Ylonen": two names, each in order, in either order
_CLAIM_WINDOW, _SPAN_WINDOW = 3, 6  # words around a number that say what it is of, in a claim and in a span
_YEAR_WORD = re.compile(r"\b(?:1[5-9]|20)\d\d\b")
_UNITS = ("days", "weeks", "months", "years")
_UNIT_STEMS = frozenset(stem(w) for w in "day days week weeks month months year years".split())
META_STEMS = frozenset(stem(w) for w in (
    "passage passages source sources according article text document mention mentioned answer question "
    "happen happened occur occurred".split()))  # words about the text, or too light to be a claim


@dataclass(frozen=True)
class Facts:
    """What a piece of text says, in the forms the support check compares (``words``: those that can back a name)."""

    stems: frozenset[str]
    numbers: frozenset[str]
    months: frozenset[str]
    words: frozenset[str]
    negated: bool
    dates: tuple[DatedValue, ...] = ()
    booleans: frozenset[str] = frozenset()
    sequence: tuple[str, ...] = ()
    quantities: frozenset[str] = frozenset()
    identifiers: frozenset[str] = frozenset()
    month_years: frozenset[tuple[str, str]] = frozenset()
    contexts: frozenset[tuple[str, str]] = frozenset()
    units: frozenset[tuple[str, str]] = frozenset()
    dated: frozenset[tuple[str, str]] = frozenset()
    initials: frozenset[str] = frozenset()  # of its runs of words: what a claim's initialism may stand for
    spelled: frozenset[str] = frozenset()  # numbers it writes only in words ("one larger")
    bounds: frozenset[tuple[str, str]] = frozenset()  # (number, "max"/"min") where its sentence words a bound

    @classmethod
    def of(cls, text: str, context: str = "", lemmas: Sequence[str] = ()) -> Facts:
        """The facts of a source span; names may also come from ``context`` (its section heading and document
        title, which a citation shows), so "the Balkan country" under "... Albania Iran Relations" can back "Albania";
        ``lemmas`` (the span's, tagged at index time) add their stems, so "came" in a claim meets "come" here.
        Words split by a line-end hyphen count both ways."""
        joined = unbroken(text)
        both = text if joined == text else f"{text} {joined}"
        named_months = months(text)
        plain = without_identifiers(text)
        glued = glued_versions(joined)  # "python3.10": the name Python and the number 3.10, said of each other
        names, versions = frozenset(n for n, _ in glued), frozenset(v for _, v in glued)
        return cls(frozenset(content_stems(both)) | lemma_stems(list(lemmas)) | names, numbers(plain) | versions,
                   named_months, capitalised(both) | frozenset(words(context)) | acronyms(joined) | names,
                   bool(_NEGATION.search(text)),
                   tuple(find_dates(text)), booleans(text), (*words(joined), "|", *words(context)),
                   numbers(DATE.sub(" ", plain)), identifiers(joined),
                   frozenset(itertools.product(named_months, _YEAR_WORD.findall(text))),
                   value_contexts(without_manual_sections(joined), _SPAN_WINDOW, SPAN_CLAUSE_BREAK)
                   | pointed_contexts(joined) | frozenset((v, n) for n, v in glued),
                   value_units(plain), dated_numbers(text), spelled_initials(joined), spelled_only(plain),
                   span_bounds(joined))

    def __or__(self, other: Facts) -> Facts:
        return Facts(self.stems | other.stems, self.numbers | other.numbers, self.months | other.months,
                     self.words | other.words, self.negated or other.negated, self.dates + other.dates,
                     self.booleans | other.booleans, (*self.sequence, "|", *other.sequence),
                     self.quantities | other.quantities, self.identifiers | other.identifiers,
                     self.month_years | other.month_years, self.contexts | other.contexts, self.units | other.units,
                     self.dated | other.dated, self.initials | other.initials,
                     (self.spelled | other.spelled) - (self.numbers - self.spelled) - (other.numbers - other.spelled),
                     self.bounds | other.bounds)

    def derives(self, value: str, stated: frozenset[str]) -> bool:
        """Whether ``value`` is computed from the span's own values: the days, weeks, months or years between two of
        its dates, or the difference or sum of two of its quantities that the claim states too (``stated``: "374
        more: 848 versus 474"; numbers outside dates; never a year-like result)."""
        if value in self._intervals:
            return True
        if YEAR.fullmatch(value) or not re.fullmatch(r"\d+(?:\.\d+)?", value):
            return False
        target = float(value)
        operands = self._operands & {_plain(float(n)) for n in stated if re.fullmatch(r"\d+(?:\.\d+)?", n)}
        return any(_plain(x + target) in operands or _plain(x - target) in operands
                   or (rest := _plain(target - x)) in operands and float(rest) != x for x in map(float, operands))

    @cached_property
    def _intervals(self) -> frozenset[str]:
        out: set[str] = set()
        for i, a in enumerate(self.dates):
            for b in self.dates[i + 1:]:
                out.update(str(n) for unit in _UNITS if (n := difference(a, b, unit)) is not None)
        return frozenset(out)

    @cached_property
    def _operands(self) -> frozenset[str]:
        return frozenset(_plain(float(n)) for n in self.quantities if re.fullmatch(r"\d+(?:\.\d+)?", n))


def _plain(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:g}"


@dataclass(frozen=True)
class Claim:
    """A generated sentence, reduced to what must be found in a supporting span."""

    text: str
    stems: tuple[str, ...]
    numbers: frozenset[str]
    months: frozenset[str]
    names: frozenset[str]
    negated: bool
    booleans: frozenset[str] = frozenset()
    compounds: tuple[tuple[str, ...], ...] = ()
    identifiers: frozenset[str] = frozenset()
    fixed: frozenset[str] = frozenset()  # numbers of its dates and bounds: found as written, never computed
    lemmas: tuple[tuple[str, str], ...] = ()
    month_years: frozenset[tuple[str, str]] = frozenset()
    contexts: frozenset[tuple[str, str]] = frozenset()
    dates: tuple[DatedValue, ...] = ()  # its dates with a day
    units: frozenset[tuple[str, str]] = frozenset()  # (number, the word right after it: what it counts)
    dated: frozenset[tuple[str, str]] = frozenset()  # (month, number written next to it)
    initialisms: frozenset[str] = frozenset()  # "OS", lower case: found as a word, or spelled out in a span
    extremes: frozenset[tuple[str, str]] = frozenset()  # (number, "max"/"min") it gives right after a superlative

    @classmethod
    def of(cls, text: str) -> Claim:
        """The claim made by one generated sentence (marker-free); list numbering ("(2)") is not a number, hedges
        ("roughly") and one-letter tokens are no content, nor is a number word the claim's numbers hold ("Eight years
        (2014 to 2022)": its 8 is checked as a value); a month name outside a date is a name like any other."""
        plain = _ENUMERATOR.sub(" ", text)
        count = list_count(plain)
        found = numbers(without_identifiers(plain)) - {count}
        dated = months(text)
        units = _UNIT_STEMS | MAGNITUDE_STEMS if found else frozenset()
        skip = META_STEMS | HEDGES | LIGHT_WORDS | units | {stem(m) for m in dated}  # values, units, months: facts
        valued = found | ({count} if count else set())  # a number word the claim's numbers hold: a value
        stems = tuple(dict.fromkeys(s for s in content_stems(text) if s not in skip and not s[:1].isdigit()
                                    and len(s) > 1 and NUMBER_WORDS.get(s) not in valued))
        first = re.search(r"\w", text)
        names = {
            w for m in NAME.finditer(text) if first is None or m.start() != first.start()
            for part in re.split(r"[-‐]", m.group(0)) if part[:1].isupper()  # "Debian-specific": a name and a word
            for w in words(part) if w not in STOPWORDS and w not in dated and len(w) > 1
        }
        names |= {opening} if (opening := opening_name(text)) else set()
        names -= {"english"} if _OWN_LANGUAGE.search(text) else set()
        compounds = tuple(kept for m in CAPITAL_RUN.finditer(text) for part in _NAME_LIST.split(m.group(0))
                          if len(kept := tuple(w for w in words(part) if w not in STOPWORDS)) > 1)
        return cls(text, stems, found, dated, frozenset(names), bool(_NEGATION.search(text)), booleans(text),
                   compounds, identifiers(plain), (date_numbers(plain) | bound_numbers(plain)) & found,
                   lemma_forms(text), month_years(text), value_contexts(plain, _CLAIM_WINDOW, CLAUSE_BREAK),
                   tuple(d for d in find_dates(text) if d.has_day), value_units(plain), dated_numbers(text),
                   initialisms(text), claim_extremes(text))


@dataclass(frozen=True)
class Match:
    """How well one span supports a claim."""

    coverage: float
    missing_facts: tuple[str, ...]
    missing_words: tuple[str, ...]
    credited: tuple[str, ...] = ()  # words met only around the span
    terms: int = 0  # content words of the claim
    literal: float = 1.0  # share of its content (idf mass) the span holds in the claim's own words (1.0 with a number)

    def unmatched_allowed(self, params: GuardParams) -> int:
        """Content words that may go unmatched: ``max_unmatched``, or ``unmatched_share`` of a long claim's words (a
        sentence joining several clauses restates more of them in its own words)."""
        return max(params.max_unmatched, int(params.unmatched_share * self.terms))

    @property
    def outside_span(self) -> int:
        """Content words the span itself lacks: unmatched ones and those met only around it."""
        return len(self.missing_words) + len(self.credited)

    @property
    def around_only(self) -> int:
        """Content words met only around the span, number words aside ("three thousand" the span writes 3,000)."""
        return sum(1 for w in self.credited if w not in NUMBER_WORDS and w not in MAGNITUDE_STEMS)

    @property
    def facts_ok(self) -> bool:
        """Every number, month, name and negation of the claim was found."""
        return not self.missing_facts


def match(claim: Claim, facts: Facts, weights: TermWeights, around: frozenset[str] = frozenset(),
          credit: float = 0.0) -> Match:
    """Coverage of the claim's content words by the span, and the hard facts the span lacks; a word the span lacks
    but ``around`` has (its neighbour sentences and heading, the question) counts ``credit`` of itself: the answer
    restates a topic its source names nearby."""
    absent = claim.numbers - facts.numbers
    computed = {n for n in absent - claim.fixed if {s for v, s in claim.contexts if v == n} & ARITHMETIC_CUES}
    missing: list[str] = [f"number {n}" for n in sorted(absent) if n not in computed or not facts.derives(n, claim.numbers)]
    missing += [f"value {n}" for n in sorted(misplaced(claim, facts))]
    missing += [f"date {d.text}" for d in claim.dates if not any(_same_day(d, e) for e in facts.dates)]
    missing += [f"identifier {i}" for i in sorted(claim.identifiers - facts.identifiers)]
    missing += [f"date {m} {y}" for m, y in sorted(claim.month_years - facts.month_years)]  # one date, not two halves
    missing += [f"date {m} {n}" for m, n in sorted(claim.dated - facts.dated)]
    missing += [f"month {m}" for m in sorted(claim.months - facts.months)]
    spelled = claim.initialisms & facts.initials  # "OS" where the span says "operating system"
    missing += [f"name {n}" for n in sorted(claim.names - spelled) if not name_found(n, facts.words)]
    if claim.negated and not facts.negated:
        missing.append("negation")
    missing += [f"boolean {b}" for b in sorted(claim.booleans - facts.booleans) if facts.booleans]
    missing += [f"name order {' '.join(c)}" for c in claim.compounds
                if all(name_found(w, facts.words) for w in c) and not in_order(c, facts.sequence)]
    total = got = own = 0.0
    unmatched: list[str] = []
    credited: list[str] = []
    lemma_of = dict(claim.lemmas)
    for term in claim.stems:
        idf = weights.idf(term)
        total += idf
        hit = 1.0 if term in spelled else max(_term_hit(form, facts.stems) * (1.0 if form == term else 0.9)
                                             for form in (term, lemma_of.get(term, term)))
        if not hit and credit and around:
            hit = credit * max(_term_hit(form, around) for form in (term, lemma_of.get(term, term)))
            credited += [term] if hit else []
        got += hit * idf
        own += idf if hit >= 0.9 else 0.0  # the same stem, lemma or split compound: not a synonym, near form or credit
        if not hit:
            unmatched.append(term)
    coverage = got / total if total else (1.0 if claim.numbers or claim.names or claim.months else 0.0)
    literal = own / total if total and not claim.numbers else 1.0
    return Match(round(coverage, 4), tuple(missing), tuple(unmatched), tuple(credited), len(claim.stems),
                 round(literal, 4))


def misplaced(claim: Claim, facts: Facts) -> set[str]:
    """Numbers of the claim that the span has, but never near any of the span's words the claim puts next to them
    ("currently 5 name servers" where the span's 5 is of something else), that count one of the span's words where
    the span's same number counts another ("32 table blocks" where its 32 counts columns), or that only a number word
    counting something else gives ("one endpoint" for "version 1": ``spelled_for_digits``), or that the claim makes
    an extreme the span does not ("the largest ROWID is 1": ``bounds``): a value attached to the wrong subject."""
    out = set()
    dated = {n.lstrip("0") or "0" for m in ISO_DAY.finditer(claim.text) for n in m.groups()}  # "1994-11-29"
    for n in claim.numbers & facts.numbers - time_numbers(claim.text) - dated:
        counts = {s for v, s in facts.units if v == n}  # what the span's own n counts ("": nothing said)
        context = {s for v, s in claim.contexts if v == n}
        said = context - HEDGES - ARITHMETIC_CUES - LIGHT_WORDS
        cued = context & ARITHMETIC_CUES  # "hour" of "the hour in the range 0-11": the span's own unit for its 0
        said -= MEASURE_UNITS - facts.stems if "" in counts else frozenset()  # a unit named for a bare number
        near = said & facts.stems  # words the span has somewhere
        counted = {s for v, s in claim.units if v == n} & facts.stems - HEDGES
        counts_other = bool(counts) and "" not in counts and not counted & counts  # the span's n counts else
        if (said and not any((n, s) in facts.contexts for s in near | cued)
                or counts_other and (counted or spelled_for_digits(n, claim.text, facts.spelled))):
            out.add(n)
    return out | unbounded(claim.extremes, facts.bounds, facts.numbers)


def _same_day(claimed: DatedValue, written: DatedValue) -> bool:
    """A date with a day in the claim is one the span writes: same day and month, and year when both give one."""
    a, b = claimed.value, written.value
    return written.has_day and (a.month, a.day) == (b.month, b.day) and (
        a.year == b.year or not (claimed.has_year and written.has_year))


def _term_hit(term: str, stems: frozenset[str]) -> float:
    """How well one claim stem is met by a span's stems: the same or a near form, else a synonym (0.8)."""
    return term_match(term, stems) or (0.8 if synonyms(term) & stems else 0.0)


def supports(m: Match, similarity: float | None, params: GuardParams) -> bool:
    """The decision: hard facts all found, no more content words unmatched than allowed, and content covered (fully,
    or mostly and close in meaning: ``paraphrases``)."""
    if not m.facts_ok or m.coverage <= 0 or len(m.missing_words) > m.unmatched_allowed(params):
        return False
    if m.literal < params.literal_share:  # covered mostly by synonyms, near forms and words around the span
        return False
    if m.around_only * 2 > m.terms:  # most of its words only around the span: "Blueprints are new in version 1."
        return False  # against "Changed in version 1.0: ..." beside "New in version 0.7." and a question on blueprints
    if m.coverage >= params.full_coverage or len(m.missing_words) <= 1 and m.coverage >= params.one_word_coverage:
        return True
    return paraphrases(m, similarity, params)


def paraphrases(m: Match, similarity: float | None, params: GuardParams) -> bool:
    """Mostly covered and close in meaning (MiniLM cosine), with no more words outside the span itself than may go
    unmatched: closeness vouches for rewording, not for words found only around the span or nowhere ("The sudden
    shift ... from international diplomacy to cyber warfare" against "... modern warfare" under a heading)."""
    return (m.coverage >= params.soft_coverage and m.outside_span <= m.unmatched_allowed(params)
            and similarity is not None and similarity >= params.soft_similarity)


# Content words a span must hold by itself to lend a joined claim something, when it lends no number or name:
# one common word ("time" for "A geopolitical time bomb.", "geopolitical" from another span) joins no fact.
JOIN_WORDS = 2


def lends(claim: Claim, own: Match, facts: Facts) -> bool:
    """Whether one span of several a claim joins (``own``: the claim matched against it alone, ``facts``: what it
    says) lends it a fact: a number, name or month of the claim, or ``JOIN_WORDS`` of its content words."""
    if claim.numbers & facts.numbers or claim.months & facts.months:
        return True
    if any(name_found(n, facts.words) for n in claim.names):
        return True
    return own.terms - len(own.missing_words) >= JOIN_WORDS
