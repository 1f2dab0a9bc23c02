"""Generative answers held to the extractive contract: prompt → backend → grounding guard, or a visible fallback.

The extractive draft of the same question is the safety net: its answerability decision gates the model (with
``llm_gate``), and its answer (or its refusal, nearest sentences cited) stands in, with a notice, whenever the
backend cannot be built, cannot be reached, errs or runs past ``llm_timeout_s``, and whenever nothing of the reply
survives the guard: the model said it does not know, or the guard dropped every sentence.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from pydantic import BaseModel, Field

from assistant.answer.compose import compose
from assistant.answer.draft import Draft
from assistant.answer.generative import Backend, BackendError, make_backend
from assistant.answer.guard import Embed, Guard, guard_answer
from assistant.answer.reply import SentenceStream, Unit
from assistant.answer.matching import TermWeights
from assistant.answer.prompts import Prompt, answer_prompt, passages_for, prompt_budget_chars, shown_hits
from assistant.schema import Citation, Hit, Span
from assistant.settings import Settings
from assistant.store import Snapshot


def draft_hints(draft: Draft) -> tuple[tuple[Span, ...], tuple[Span, ...]]:
    """What the guard learns from the extractive draft (``Guard.anchors``, ``Guard.chosen``): the sentences it gave
    or found nearest, and the sentences it gave; nothing when it refused (the sentences nearest to a question the
    documents do not answer anchor nothing: "who won the 2018 world cup?" is not answered by "The United States and
    Israel." because that is the nearest passage). The guard's fit reads them the same way."""
    if draft.abstained:
        return (), ()
    return tuple(draft.sentences + draft.nearest), tuple(draft.sentences)


class AnswerDelta(BaseModel):
    """One streamed step: a guarded sentence (with its ``[n]`` markers) and the citations it introduced."""

    text: str = Field(description="Text to append to the answer shown so far (starts with a space after the first).")
    citations: list[Citation] = Field(default_factory=list, description="Citations first used by this sentence.")


@dataclass
class Generated:
    """A generative (or fallen-back) answer, ready to become an ``Answer``."""

    text: str
    citations: list[Citation]
    abstained: bool
    notice: str | None = None
    dropped: list[str] = field(default_factory=list)


class GenerativeAnswerer:
    """Runs the configured backend over one snapshot and guards what it says."""

    def __init__(self, settings: Settings, embed: Embed | None = None) -> None:
        self.settings = settings
        self.embed = embed
        self._backend: Backend | None = None
        self._weights: tuple[Snapshot, TermWeights] | None = None
        self._lock = threading.Lock()

    def backend(self) -> Backend:
        """The backend, built on first use; raises ``BackendError``."""
        with self._lock:
            if self._backend is None:
                self._backend = make_backend(self.settings)
            return self._backend

    def prompt(self, query: str, hits: list[Hit], draft: Draft | None = None) -> Prompt:
        """The grounded prompt for a question over its retrieved chunks (those holding ``draft``'s sentences among
        the passages shown: ``shown_hits``)."""
        llm = self.settings.llm
        budget = prompt_budget_chars(llm.context_tokens, llm.max_tokens, query)
        drafted = frozenset(s.id for s in draft.sentences) if draft is not None else frozenset()
        shown = shown_hits(hits, drafted, llm.passages)
        return answer_prompt(query, passages_for(shown, len(shown), budget))

    def _guard(self, prompt: Prompt, snapshot: Snapshot, query: str, draft: Draft) -> Guard:
        if self._weights is None or self._weights[0] is not snapshot:
            self._weights = (snapshot, TermWeights.of_bm25(snapshot.bm25, len(snapshot.meta.chunks)))
        anchors, chosen = draft_hints(draft)
        return Guard(prompt.passages, snapshot, self._weights[1], self.embed, self.settings.answer.keep_unsupported,
                     query, anchors=anchors, chosen=chosen)

    @staticmethod
    def _extractive(question: str, draft: Draft, snapshot: Snapshot, notice: str | None = None) -> Generated:
        text, citations = compose(question, draft, snapshot)
        return Generated(text, citations, draft.abstained, notice)

    def _notice(self, error: BackendError) -> str:
        return f"The {self.settings.llm.backend} model did not answer ({error}); this is the extractive answer."

    def _finish(self, question: str, draft: Draft, guard: Guard) -> Generated:
        """The guarded answer; when none of it survives, the extractive answer stands in, with a notice saying why
        (or, where the extractive answerer refuses too, its refusal). That holds for a reply that says it does not
        know, one whose every sentence the guard dropped, and one with no content to check ("[3]", "For example, [1]"):
        the extractive answerer's own refusal decides whether the corpus lacks the answer."""
        result = guard.result()
        if not result.abstained:
            return Generated(result.text, result.citations, False, None, result.dropped)
        notice = None if draft.abstained else self._fallback_notice(guard.refused and not result.dropped)
        return replace(self._extractive(question, draft, guard.snapshot, notice), dropped=result.dropped)

    def _fallback_notice(self, model_abstained: bool) -> str:
        name = self.settings.llm.backend
        if model_abstained:
            return f"The {name} model found no answer in the sources; this is the extractive answer."
        return (f"No sentence of the {name} model's answer is supported by the sources and answers the question; "
                "this is the extractive answer.")

    def answer(self, question: str, query: str, hits: list[Hit], draft: Draft, snapshot: Snapshot) -> Generated:
        """The guarded generated answer; the extractive one (with a notice) when the backend fails."""
        if (self.settings.llm.gate and draft.abstained) or not hits:
            return self._extractive(question, draft, snapshot)
        prompt = self.prompt(query, hits, draft)
        try:
            reply = self.backend().complete(prompt)
        except BackendError as exc:
            return self._extractive(question, draft, snapshot, self._notice(exc))
        guard = self._guard(prompt, snapshot, query, draft)
        guard_answer(reply, guard)
        return self._finish(question, draft, guard)

    def stream(
        self, question: str, query: str, hits: list[Hit], draft: Draft, snapshot: Snapshot
    ) -> Iterator[AnswerDelta | Generated]:
        """``AnswerDelta`` for each sentence that survives the guard as it completes, then the final ``Generated``.

        The final value is authoritative: on abstention or fallback its text replaces whatever was streamed.
        """
        if (self.settings.llm.gate and draft.abstained) or not hits:
            yield self._extractive(question, draft, snapshot)
            return
        prompt = self.prompt(query, hits, draft)
        guard, sentences = self._guard(prompt, snapshot, query, draft), SentenceStream()

        def units() -> Iterator[Unit]:
            for delta in self.backend().stream(prompt):
                yield from sentences.feed(delta)
            yield from sentences.close()

        try:
            for unit in units():
                text, citations = guard.add(unit)
                if text:
                    yield AnswerDelta(text=f" {text}" if len(guard.parts) > 1 else text, citations=citations)
        except BackendError as exc:
            yield self._extractive(question, draft, snapshot, self._notice(exc))
            return
        yield self._finish(question, draft, guard)
