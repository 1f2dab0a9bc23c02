"""Eval-set records (one JSON line per question), per-question results, and the source texts offsets point into."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field, ValidationError, computed_field

from assistant.errors import AssistantError
from assistant.schema import Citation, Span

DEFAULT_SOURCE = "albania-iran-relations.txt"
TEXT_SUFFIXES = {".txt", ".md", ".markdown"}
SPLITS = ("tune", "test")
Split = Literal["tune", "test"]


class EvalSetError(AssistantError, ValueError):
    """An eval set that cannot be read; the message names the file and line."""


class EvalQuestion(BaseModel):
    """One line of an eval set (see evals/README.md)."""

    id: str
    question: str
    type: str
    answer: str | None = None
    must_include: list[str | list[str]] = Field(default_factory=list)
    evidence: list[str] = Field(default_factory=list)
    should_abstain: bool = False
    source: str | None = None
    split: Split | None = Field(None, description="tune or test part of a collection; None: in every part.")
    history: list[str] = Field(default_factory=list, description="Earlier questions of the conversation, oldest "
                               "first; asked with them as ``Assistant.ask(question, history=...)``.")
    kind: str | None = Field(None, description="A follow-up's kind (pronoun, ellipsis, topic_shift, continuation, "
                             "unanswerable): reported per kind, split per kind.")
    standalone: str | None = Field(None, description="The follow-up written out in full: for diagnosis and fitting "
                                   "only, never asked.")

    def in_split(self, split: str) -> bool:
        """True when the question belongs to ``split`` (``all`` holds every question)."""
        return split == "all" or self.split is None or self.split == split

    def keys(self) -> list[list[str]]:
        """Each must_include item as a list of alternatives."""
        return [[key] if isinstance(key, str) else list(key) for key in self.must_include]


class CitationVerdict(BaseModel):
    """How one citation scored; ``precise`` is None for citations of abstained answers (not counted)."""

    n: int
    overlaps_evidence: bool
    supports_sentence: bool
    shares_key_word: bool
    precise: bool | None
    verbatim: bool


class Verdicts(BaseModel):
    """Per-metric verdicts of one question; None means the metric does not apply to it."""

    retrieval_rank: int | None = Field(None, description="1-based rank of the first retrieved chunk overlapping gold evidence.")
    retrieval_scored: bool = False
    accurate: bool | None = None
    accurate_strict: bool | None = None
    missing_keys: list[list[str]] = Field(default_factory=list)
    citation_hit: bool | None = None
    citations: list[CitationVerdict] = Field(default_factory=list)
    abstain_correct: bool


class QuestionResult(BaseModel):
    """A question, the system's raw answer and citations (re-scorable by anyone), and each metric's verdict."""

    id: str
    type: str
    question: str
    history: list[str] = Field(default_factory=list)
    kind: str | None = None
    searched: str | None = Field(None, description="The standalone question the system searched, when it differs.")
    source: str | None
    should_abstain: bool
    gold_answer: str | None
    must_include: list[str | list[str]]
    evidence: list[str]
    evidence_spans: list[Span] = Field(default_factory=list)
    answer: str
    abstained: bool
    notice: str | None = Field(None, description="The answer's notice: with a generative backend, why "
                               "the extractive answer stands in for the model's.")
    citations: list[Citation] = Field(default_factory=list)
    retrieved: list[Span] = Field(default_factory=list)
    retrieved_words_top3: int | None = Field(None, description="Words in the first three retrieved chunks: how much "
                                             "text hit@3 hands the answerer.")
    latency_s: float
    error: str | None = None
    verdicts: Verdicts
    reasons: list[str] = Field(default_factory=list, description="Why the question failed; empty when it passed.")

    @computed_field  # type: ignore[prop-decorator]
    @property
    def passed(self) -> bool:
        """True when no metric flagged the question."""
        return not self.reasons


def load_questions(path: Path) -> list[EvalQuestion]:
    """Read a JSON-lines eval set; raises ``EvalSetError`` naming the bad line."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise EvalSetError(f"cannot read eval set {path}: {exc.strerror or exc}") from exc
    questions, seen = [], set()
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            question = EvalQuestion.model_validate(json.loads(line))
        except (ValueError, ValidationError) as exc:
            raise EvalSetError(f"{path}:{number}: not a valid eval question ({str(exc).splitlines()[0]})") from exc
        if question.id in seen:
            raise EvalSetError(f"{path}:{number}: duplicate id {question.id!r}")
        seen.add(question.id)
        questions.append(question)
    if not questions:
        raise EvalSetError(f"{path}: no questions")
    return questions


class SourceTexts:
    """The text citation offsets point into: a text file's UTF-8 content (BOM dropped), else the indexed text."""

    def __init__(self, corpus_dir: Path, indexed: Mapping[str, str]) -> None:
        self.corpus_dir = Path(corpus_dir)
        self.indexed = dict(indexed)
        self._cache: dict[str, str | None] = {}

    def text(self, source: str) -> str | None:
        """The source's text, or None when neither the corpus file nor the index has it."""
        if source not in self._cache:
            self._cache[source] = self._read(source)
        return self._cache[source]

    def _read(self, source: str) -> str | None:
        path = self.corpus_dir / source
        if path.suffix.lower() in TEXT_SUFFIXES and path.is_file():
            try:
                return path.read_bytes().decode("utf-8-sig")  # as the text reader: a leading BOM is dropped
            except (OSError, UnicodeDecodeError):
                pass
        return self.indexed.get(source)

    def candidates(self, question: EvalQuestion) -> list[str]:
        """Sources to search for a question's evidence: its own, else the article, else every indexed source."""
        if question.source:
            return [question.source]
        if DEFAULT_SOURCE in self.indexed or (self.corpus_dir / DEFAULT_SOURCE).is_file():
            return [DEFAULT_SOURCE]
        return sorted(self.indexed)
