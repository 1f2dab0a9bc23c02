"""Candidate-sentence features: each a small named object whose value the fitted ranker weighs.

A feature reads a ``QuestionView`` (the analysed question) and a ``CandidateView`` (one retrieved sentence with
its match evidence) and returns a number, mostly in [-1, 1]. Weights live in ``params.json`` (fitted by
``assistant tune``), never here: these objects only say what is measured.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal, Protocol

from assistant.answer.asked_forms import asks_condition, gives_condition, main_question
from assistant.answer.qtypes import DURATION_HEADS, SIZE_WORDS, AnswerType, asked_date_unit, has_value, holds_date_unit
from assistant.answer.values import has_number_value, states_other_number

if TYPE_CHECKING:
    from assistant.answer.query import Query
    from assistant.nlp import QuestionParse
    from assistant.schema import Sentence

# Which entity labels (assistant.nlp) hold each asked-for kind of value.
KIND_LABELS: dict[str, frozenset[str]] = {
    "date": frozenset({"DATE", "TIME"}),
    "number": frozenset({"CARDINAL", "QUANTITY", "MONEY", "PERCENT", "ORDINAL"}),
    "entity": frozenset({"PERSON", "ORG", "NORP", "GPE", "FAC", "WORK_OF_ART", "LAW", "PRODUCT", "EVENT"}),
    "place": frozenset({"GPE", "LOC", "FAC"}),
}
DURATION_LABELS = frozenset({"DATE", "TIME"})
_PLACE = frozenset({"GPE", "LOC"})
# The named thing a "which X" question asks for, by X (general English): only an entity of these labels answers it.
NOUN_LABELS: dict[str, frozenset[str]] = {
    **dict.fromkeys(("country", "countries", "nation", "nations", "city", "cities", "town", "towns", "capital"), _PLACE),
    **dict.fromkeys(("person", "author", "authors", "minister", "president", "founder", "founders"),
                    frozenset({"PERSON"})),
    **dict.fromkeys(("university", "universities", "company", "companies", "organization", "organisation",
                     "agency", "agencies", "newspaper", "body", "bodies", "ministry", "ministries", "institution",
                     "institutions", "alliance", "alliances"), frozenset({"ORG"})),
}
_WHICH_NOUN = re.compile(r"\b(?:which|what)\s+([a-z]+)\b", re.IGNORECASE)
# "how much money ...", "how much did it cost / was it worth / did they spend": only an amount of money answers
MONEY_ASKED = re.compile(r"\bhow much\b.*\b(?:money|spen[dt]|spending|costs?|paid|pays?|worth|price|charged?)\b",
                         re.IGNORECASE)
# "how big / high / deep": a size is asked. Not "long" or "old": the rule was measured on sizes only (a span or
# an age may be reckoned from a year the question states).
_SIZES = (SIZE_WORDS - {"long", "old"}) | {"high", "deep"}
_CURRENCY = re.compile(r"[$€£¥]\s?\d|\d\s?(?:dollars?|euros?|pounds?|usd|eur|gbp)\b", re.IGNORECASE)


def asked_noun_labels(question: str) -> frozenset[str] | None:
    """The entity labels that answer a "which X" question by its X ("which country" → places), or None."""
    match = _WHICH_NOUN.search(question)
    return NOUN_LABELS.get(match.group(1).lower()) if match else None
_REASON = re.compile(
    r"\b(?:because|due to|since|as a result|in order to|so that|so as to|reasons?|the purpose|caus(?:e|ed|es)|"
    r"led to|leads to|result(?:s|ed)? in|prevents?|avoids?|allows?|ensures?|therefore|thus|hence|in response|"
    r"retaliation|motivat\w+|aim(?:s|ed)? to|intended to|designed to|necessary|otherwise|grounds|behest|"
    r"stem(?:s|med|ming)? from|owing to|thanks to|driven by|for fear|on account of|in light of)\b", re.IGNORECASE)
_DEFINES = re.compile(r"\b(?:is|are|was|were|means|refers to|denotes|stands for|is called|are called|known as)\b",
                      re.IGNORECASE)
_INSTRUCTS = re.compile(r"\b(?:use|run|type|enter|add|set|call|write|install|create|specify|invoke|select|"
                        r"execute|issue|edit|put|make sure|you can|you must|you should|to do this|command)\b",
                        re.IGNORECASE)
_CODE = re.compile(r"[;{}()=<>]|\b[A-Z]{3,}\b|--\w|\w_\w")


@dataclass(frozen=True)
class QuestionView:
    """The question as the features see it."""

    query: Query
    parse: QuestionParse
    definitional: bool = False  # "what is X", "what does X mean"
    instruction: bool = False  # "how do I ...", "how to ..."
    yes_no: bool = False  # "is X ...?", "can I ...?"
    strict: bool = False  # a second, deeper look: a value must sit in a sentence naming every name asked about
    term_idf: dict[str, float] = field(default_factory=dict)  # the question's terms and their corpus idf


@dataclass
class CandidateView:
    """One candidate sentence with the evidence computed for it."""

    sentence: Sentence
    chunk_rank: int
    top_k: int
    coverage: float
    window_coverage: float
    dense: float
    section_coverage: float
    typed: bool
    lemmas: frozenset[str] = field(default_factory=frozenset)
    window_lemmas: frozenset[str] = field(default_factory=frozenset)
    heading: frozenset[str] = field(default_factory=frozenset)  # stems of its section heading and document title
    bm25_rank: int | None = None  # the chunk's rank in each retriever (None: that retriever did not return it)
    dense_rank: int | None = None


@dataclass
class Candidate:
    """A sentence under consideration: its match evidence, feature values and the ranker's verdict."""

    view: CandidateView
    matched: set[str]
    window: frozenset[str]
    features: dict[str, float] = field(default_factory=dict)
    logit: float = 0.0
    prob: float = 0.0

    @property
    def sentence(self) -> Sentence:
        """The candidate sentence."""
        return self.view.sentence

    @property
    def typed(self) -> bool:
        """Holds the asked-for kind of value (by entity label or pattern)."""
        return self.features.get("asked_kind_present", 0.0) > 0


class Feature(Protocol):
    """A named measurement of how well a candidate sentence answers a question."""

    name: str

    def __call__(self, q: QuestionView, c: CandidateView) -> float: ...


@dataclass(frozen=True)
class TermCoverage:
    """Share of the question's idf-weighted terms the sentence holds (soft: stems, near forms, thesaurus)."""

    name: str = "term_coverage"

    def __call__(self, q: QuestionView, c: CandidateView) -> float:
        return c.coverage


@dataclass(frozen=True)
class WindowCoverage:
    """The same coverage over the sentence, its paragraph neighbours and its section heading."""

    name: str = "window_coverage"

    def __call__(self, q: QuestionView, c: CandidateView) -> float:
        return c.window_coverage


@dataclass(frozen=True)
class DenseSimilarity:
    """MiniLM cosine similarity of the sentence to the question."""

    name: str = "dense_similarity"

    def __call__(self, q: QuestionView, c: CandidateView) -> float:
        return c.dense


@dataclass(frozen=True)
class ChunkRank:
    """How high the sentence's chunk ranked in hybrid retrieval: 1 for the first, falling to 0 for the last."""

    name: str = "chunk_rank"

    def __call__(self, q: QuestionView, c: CandidateView) -> float:
        return 1.0 - (c.chunk_rank - 1) / max(c.top_k, 1)


@dataclass(frozen=True)
class RetrieverRank:
    """The reciprocal rank of the sentence's chunk in one retriever (BM25 or dense); 0 when it did not return it."""

    retriever: Literal["bm25", "dense"]

    @property
    def name(self) -> str:
        return f"chunk_{self.retriever}_rank"

    def __call__(self, q: QuestionView, c: CandidateView) -> float:
        rank = c.bm25_rank if self.retriever == "bm25" else c.dense_rank
        return 1.0 / rank if rank else 0.0


@dataclass(frozen=True)
class SectionMatch:
    """Share of the question's terms found in the sentence's section heading and document title."""

    name: str = "section_match"

    def __call__(self, q: QuestionView, c: CandidateView) -> float:
        return c.section_coverage


@dataclass(frozen=True)
class LemmaCoverage:
    """Share of the question's content lemmas (spaCy) among the sentence's lemmas."""

    name: str = "lemma_coverage"

    def __call__(self, q: QuestionView, c: CandidateView) -> float:
        wanted = set(q.parse.lemmas)
        return len(wanted & c.lemmas) / len(wanted) if wanted else 0.0


@dataclass(frozen=True)
class FocusHead:
    """The head of the noun phrase the question asks about is in the sentence (1), its paragraph (0.5) or not (0)."""

    name: str = "focus_head"

    def __call__(self, q: QuestionView, c: CandidateView) -> float:
        if not q.parse.focus:
            return 0.0
        head = q.parse.focus[-1]
        return 1.0 if head in c.lemmas else 0.5 if head in c.window_lemmas else 0.0


@dataclass(frozen=True)
class AskedKindPresent:
    """For a question asking for a date, number, name or place: +1 when the sentence holds one (an entity of a
    fitting label, or a value pattern such as "fourteen" or "July 1887"), -1 when it does not; 0 otherwise.
    Dates go by pattern alone: the entity label DATE also covers durations ("45 years"), which answer no "when";
    an amount of money (``MONEY_ASKED``) by its label or currency alone, not any number; a size ("how big") by a
    number the question does not state itself. A present-tense "when" (``asks_condition``) is answered by a
    condition as well as by a date ("if ...", "once ...", "in situations where ...": ``gives_condition``). A date
    question naming its unit ("which season", "what year": ``asked_date_unit``) needs a date to that unit."""

    name: str = "asked_kind_present"

    def __call__(self, q: QuestionView, c: CandidateView) -> float:
        labels = KIND_LABELS.get(q.query.kind)
        if labels is None:
            return 0.0
        if q.query.kind == "date" and asks_condition(main_question(q.query.text)) and gives_condition(c.sentence.text):
            return 1.0  # "when is it meant to be used?" asks for a condition: "intended for situations where ..."
        if q.query.kind == "number" and q.query.head in DURATION_HEADS:  # "how long", "how many years": a duration
            labels = labels | DURATION_LABELS  # ("twenty minutes", "45 years") or a start ("since the early 1980s")
        unit = asked_date_unit(q.query.text) if q.query.kind == "date" else None
        if unit and not holds_date_unit(c.sentence.text, unit):
            return -1.0  # "in which season ...?": a date without a season ("September 7") answers another question
        ents = set(c.sentence.tags.ents) if c.sentence.tags and q.query.kind != "date" else set()
        if q.query.kind == "number" and MONEY_ASKED.search(q.query.text):  # an amount of money, not any number
            return 1.0 if "MONEY" in ents or _CURRENCY.search(c.sentence.text) else -1.0
        if q.query.head in _SIZES and not states_other_number(c.sentence.text, q.query.text):
            return -1.0  # a size asked, and only the question's own numbers ("how big is Ashraf 3?")
        named = asked_noun_labels(q.query.text) if q.query.kind in ("entity", "place") else None
        if named:  # "which country ...": a place name answers, not any capitalised word
            return 1.0 if ents & named else -1.0
        return 1.0 if (ents & labels) or c.typed else -1.0


@dataclass(frozen=True)
class ReasonCue:
    """For a why-question: the sentence states a cause or purpose ("because", "in order to", "prevents")."""

    name: str = "reason_cue"

    def __call__(self, q: QuestionView, c: CandidateView) -> float:
        return float(q.query.kind == "reason" and bool(_REASON.search(c.sentence.text)))


@dataclass(frozen=True)
class Definition:
    """For "what is X": the sentence names the focus and defines it ("X is a ...", "X means ...")."""

    name: str = "definition"

    def __call__(self, q: QuestionView, c: CandidateView) -> float:
        if not q.definitional or not q.parse.focus or q.parse.focus[-1] not in c.lemmas:
            return 0.0
        return float(bool(_DEFINES.search(c.sentence.text)))


@dataclass(frozen=True)
class Instruction:
    """For "how do I ...": the sentence instructs (opens with a verb, says what to use or run, or shows code)."""

    name: str = "instruction"

    def __call__(self, q: QuestionView, c: CandidateView) -> float:
        if not q.instruction:
            return 0.0
        tags = c.sentence.tags
        return float(bool(tags and tags.imperative) or bool(_INSTRUCTS.search(c.sentence.text))
                     or bool(_CODE.search(c.sentence.text)))


@dataclass(frozen=True)
class NegationAgreement:
    """For a yes/no question: the sentence holds a negation (the answer may well be "no")."""

    name: str = "negation"

    def __call__(self, q: QuestionView, c: CandidateView) -> float:
        tags = c.sentence.tags
        return float(q.yes_no and bool(tags and tags.negated))


@dataclass(frozen=True)
class AcronymSpelled:
    """For "what does ABC stand for": the sentence spells the abbreviation out ("... Khalq (MEK)")."""

    name: str = "spells_acronym"

    def __call__(self, q: QuestionView, c: CandidateView) -> float:
        return float(q.query.defines_acronym(c.sentence.text))


@dataclass(frozen=True)
class Brevity:
    """Short fragments rarely answer: 1 for sentences of 6+ words, less for shorter ones."""

    name: str = "length"
    full: int = 6  # words from which a sentence counts as full length

    def __call__(self, q: QuestionView, c: CandidateView) -> float:
        return min(len(c.sentence.text.split()), self.full) / self.full


FEATURES: tuple[Feature, ...] = (
    TermCoverage(), WindowCoverage(), DenseSimilarity(), ChunkRank(), RetrieverRank("bm25"), RetrieverRank("dense"),
    SectionMatch(), LemmaCoverage(), FocusHead(),
    AskedKindPresent(), ReasonCue(), Definition(), Instruction(), NegationAgreement(), AcronymSpelled(), Brevity(),
)


@dataclass(frozen=True)
class Standing:
    """How a candidate's value of a base feature compares with the other candidates of the same question: its
    reciprocal rank among them (``rank``) or its distance below the best one (``gap``, at most 0)."""

    base: str
    mode: Literal["rank", "gap"]

    @property
    def name(self) -> str:
        return f"{self.base}_{self.mode}"

    def apply(self, rows: list[dict[str, float]]) -> None:
        """Add this standing to every candidate's feature values (rows of one question)."""
        values = [row[self.base] for row in rows]
        if self.mode == "gap":
            best = max(values, default=0.0)
            for row, value in zip(rows, values):
                row[self.name] = value - best
            return
        for place, i in enumerate(sorted(range(len(values)), key=lambda i: -values[i]), start=1):
            rows[i][self.name] = 1.0 / place


STANDINGS: tuple[Standing, ...] = tuple(
    Standing(base, mode) for base in ("dense_similarity", "term_coverage", "window_coverage", "lemma_coverage")
    for mode in ("rank", "gap"))
FEATURE_NAMES = tuple(f.name for f in FEATURES) + tuple(s.name for s in STANDINGS)


def feature_values(q: QuestionView, c: CandidateView) -> dict[str, float]:
    """Every per-candidate feature's value (the standings are added over all candidates by ``with_standings``)."""
    return {f.name: float(f(q, c)) for f in FEATURES}


def with_standings(rows: list[dict[str, float]]) -> None:
    """Add every standing feature to the rows of one question's candidates."""
    for standing in STANDINGS:
        standing.apply(rows)


def typed(text: str, kind: AnswerType) -> bool:
    """Whether a sentence holds the asked-for kind of value by pattern (numbers in words count)."""
    return has_number_value(text) if kind == "number" else has_value(text, kind)
