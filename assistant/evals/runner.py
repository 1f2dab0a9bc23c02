"""Run an eval set through ``Assistant.ask`` (the same path as ``assistant ask``), and optionally the baseline."""

from __future__ import annotations

import contextlib
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from hashlib import sha256
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.evals.metrics import by_type, evidence_spans, judge, summarise
from assistant.evals.schema import SPLITS, EvalQuestion, EvalSetError, QuestionResult, SourceTexts, load_questions
from assistant.schema import Answer

if TYPE_CHECKING:
    from assistant.service import Assistant
    from assistant.settings import Settings

_SECRET = re.compile(r"(^|_)(api_key|key|secret|password|token|credentials?)$", re.IGNORECASE)
Progress = Callable[[str, int, int], None]
"""Called as (system, questions done, questions total)."""


@dataclass
class SystemRun:
    """One system's results on a set, their figures overall and by question type, and how it was configured."""

    name: str
    results: list[QuestionResult]
    config: dict[str, Any] = field(default_factory=dict)

    @property
    def figures(self) -> dict[str, float | int | None]:
        """Headline figures."""
        return summarise(self.results)

    @property
    def by_type(self) -> dict[str, dict[str, float | int | None]]:
        """Figures per question type."""
        return by_type(self.results)

    @property
    def by_kind(self) -> dict[str, dict[str, float | int | None]]:
        """Figures per follow-up kind (pronoun, ellipsis, ...), over the questions that have one."""
        return by_type(self.results, key=lambda r: r.kind)


@dataclass
class EvalRun:
    """Everything one ``assistant eval`` produced: the set, our run and (optionally) the baseline's."""

    set_path: Path
    set_sha256: str
    questions: list[EvalQuestion]
    systems: dict[str, SystemRun]
    started: str
    settings: dict[str, dict[str, Any]]
    split: str = "all"


def score(question: EvalQuestion, answer: Answer, latency: float, texts: SourceTexts, error: str | None = None) -> QuestionResult:
    """A result record for one answer: the raw answer and citations plus every metric's verdict."""
    gold, missing = evidence_spans(question, texts)
    verdicts, reasons = judge(question, answer, gold, texts)
    if missing:
        reasons.insert(0, f"{len(missing)} evidence string(s) not found in the source: {missing[0][:60]!r}")
    if error:
        reasons.insert(0, f"error: {error}")
    sources = texts.candidates(question)
    top3 = [(texts.text(span.source) or "")[span.start:span.end] for span in answer.retrieved[:3]]
    return QuestionResult(
        id=question.id, type=question.type, question=question.question, history=question.history,
        kind=question.kind, searched=answer.searched,
        source=sources[0] if len(sources) == 1 else None, should_abstain=question.should_abstain,
        gold_answer=question.answer, must_include=question.must_include, evidence=question.evidence,
        evidence_spans=gold, answer=answer.answer, abstained=answer.abstained, notice=answer.notice,
        citations=answer.citations,
        retrieved=answer.retrieved, retrieved_words_top3=sum(len(t.split()) for t in top3) if top3 else None,
        latency_s=round(latency, 4), error=error, verdicts=verdicts, reasons=reasons,
    )


Ask = Callable[[str, str, list[str]], Answer]
"""Called as (question, id, history): the earlier questions of its conversation, oldest first."""


def run_system(
    name: str, questions: list[EvalQuestion], ask: Ask, texts: SourceTexts, progress: Progress | None = None,
) -> list[QuestionResult]:
    """Ask every question with ``ask(question, id, history)``, timing each call.

    A question that raises is recorded as an empty, non-abstained answer with the error as a reason, so it fails
    every metric (an error is never a right refusal) and the run goes on.
    """
    results = []
    for done, question in enumerate(questions, start=1):
        started = time.perf_counter()
        try:
            answer, error = ask(question.question, question.id, question.history), None
        except Exception as exc:  # noqa: BLE001 - one broken question must not lose the whole run
            answer = Answer(id=question.id, question=question.question, answer="", abstained=False)
            error = f"{type(exc).__name__}: {exc}"
        results.append(score(question, answer, time.perf_counter() - started, texts, error))
        if progress:
            progress(name, done, len(questions))
    return results


def source_texts(assistant: Assistant) -> SourceTexts:
    """Source texts for an assistant: corpus files, falling back to the indexed document text."""
    return SourceTexts(assistant.settings.paths.corpus_dir, assistant.document_texts())


def _public(name: str, value: Any) -> Any:
    """``value`` redacted if ``name`` looks secret, or with the credentials of a URL dropped."""
    from urllib.parse import urlsplit, urlunsplit

    if _SECRET.search(name) and value:
        return "<redacted>"
    if isinstance(value, str) and "://" in value and "@" in value:
        parts = urlsplit(value)
        return urlunsplit(parts._replace(netloc=parts.netloc.rsplit("@", 1)[1]))
    return value


def public_settings(settings: Settings) -> dict[str, dict[str, Any]]:
    """The settings used, grouped as in ``Settings`` (``{"retrieval": {"top_k": 5, ...}, ...}``), with anything
    secret-looking redacted and URL credentials dropped."""
    return {group: {name: _public(name, value) for name, value in fields.items()}
            for group, fields in settings.model_dump(mode="json").items()}


def evaluate(
    assistant: Assistant, set_path: Path, baseline: bool = False, progress: Progress | None = None, split: str = "all",
) -> EvalRun:
    """Run the set's ``split`` part (tune, test or all) through ``assistant.ask`` (warm: index and model loaded
    first) and, if asked, the baseline."""
    if split not in (*SPLITS, "all"):
        raise EvalSetError(f"unknown split {split!r} (use tune, test or all)")
    questions = [q for q in load_questions(set_path) if q.in_split(split)]
    if not questions:
        raise EvalSetError(f"{set_path}: no questions in the {split} split")
    started = datetime.now(timezone.utc).isoformat(timespec="seconds")
    texts = source_texts(assistant)
    with contextlib.suppress(Exception):  # load everything lazy before timing; a failure shows per question
        assistant.ask(questions[0].question)
    config = {"answerer": assistant.settings.llm.backend, "retrieval": "hybrid BM25 + dense, reciprocal rank fusion",
              "top_k": assistant.settings.retrieval.top_k}
    def ours(question: str, ident: str, history: list[str]) -> Answer:
        return assistant.ask(question, id=ident, history=history or None)

    systems = {"ours": SystemRun("ours", run_system("ours", questions, ours, texts, progress), config)}
    if baseline:
        from assistant.evals.baseline import LlamaIndexBaseline

        base = LlamaIndexBaseline(assistant.embedder, texts.indexed)
        try:
            results = run_system("baseline", questions, lambda q, ident, _history: base.ask(q, ident), texts, progress)
        finally:
            base.close()
        systems["baseline"] = SystemRun("baseline", results, base.config())
    digest = sha256(set_path.read_bytes()).hexdigest()
    return EvalRun(set_path, digest, questions, systems, started, public_settings(assistant.settings), split)
