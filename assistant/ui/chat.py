"""The chat's behaviour, Gradio-free: one turn per question, sources per turn.

An extractive answer is shown whole as soon as it exists; a generative backend's sentences are shown one by one
as they pass the grounding guard (real work arriving, not a finished answer replayed).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from assistant.errors import AssistantError
from assistant.schema import Answer
from assistant.ui.render import answer_html, esc, question_html, sources_panel_html, turn_sources_html

if TYPE_CHECKING:
    from assistant.service import Assistant

PENDING = '<div class="answer pending">Searching the sources\u2026</div>'


@dataclass(frozen=True)
class Turn:
    """One question and its answer, with that answer's sources panel section rendered when it was asked."""

    answer: Answer
    sources_html: str

    @property
    def standalone(self) -> str:
        """The question as searched: what a later follow-up leans on."""
        return self.answer.searched or self.answer.question


Messages = list[dict[str, str]]


def messages(turns: list[Turn]) -> Messages:
    """The Chatbot value (role/content dicts) for finished turns."""
    out: Messages = []
    for number, turn in enumerate(turns):
        out.append({"role": "user", "content": question_html(turn.answer.question)})
        out.append({"role": "assistant", "content": answer_html(turn.answer, number)})
    return out


def panel(turns: list[Turn]) -> str:
    """The sources panel for these turns (the latest one shown)."""
    return sources_panel_html([t.sources_html for t in turns])


@dataclass
class Update:
    """One step of a turn: the chat messages, and the sources panel and turns when they changed (else None)."""

    chat: Messages
    panel: str | None = None
    turns: list[Turn] | None = None


def _turn(assistant: Assistant, answer: Answer, number: int) -> Turn:
    """The answer as a turn, its sources panel section rendered from the cited documents' stored text."""
    texts = assistant.document_texts(c.source for c in answer.citations)
    return Turn(answer, turn_sources_html(answer, number, texts))


def respond(assistant: Assistant, question: str, turns: list[Turn]) -> Iterator[Update]:
    """Ask ``question`` with the turns' standalone questions as history: a pending step, then (generative backend)
    each guarded sentence as ``Assistant.ask_stream`` delivers it, then the final, authoritative ``Answer`` whole."""
    asked = {"role": "user", "content": question_html(question)}
    yield Update(messages(turns) + [asked, {"role": "assistant", "content": PENDING}])
    number, text, cited = len(turns), "", []
    try:
        for event in assistant.ask_stream(question, history=[t.standalone for t in turns]):
            if isinstance(event, Answer):
                answer = event
                break
            text, cited = text + event.text, [*cited, *event.citations]
            draft = Answer(question=question, answer=text.strip(), abstained=False, citations=cited)
            partial = [*turns, _turn(assistant, draft, number)]
            reply = {"role": "assistant", "content": answer_html(draft, number, more=True)}
            yield Update(messages(turns) + [asked, reply], panel(partial))
    except AssistantError as exc:  # a bad question, an index missing or damaged, a store down: the reason
        error = f'<div class="answer error">Could not answer: {esc(str(exc))}</div>'
        yield Update(messages(turns) + [asked, {"role": "assistant", "content": error}])
        return
    done = [*turns, _turn(assistant, answer, number)]
    yield Update(messages(done), panel(done), done)


def api_answer(assistant: Assistant, question: str, history: list[str] | None = None) -> dict[str, Any]:
    """The JSON answer contract (``Answer.model_dump``) for the ``/ask`` API endpoint."""
    return assistant.ask(question, history=history or None).model_dump(mode="json")
