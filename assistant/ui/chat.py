"""The chat's behaviour, Gradio-free: one turn per question, answers streamed token by token, sources per turn."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from assistant.errors import AssistantError
from assistant.schema import Answer
from assistant.ui.render import (
    answer_html, answer_tokens, esc, question_html, sources_panel_html, turn_sources_html,
)

if TYPE_CHECKING:
    from assistant.service import Assistant

STREAM_FIRST = 1  # tokens in the first streamed update: the first word shows as soon as the answer exists
STREAM_STEP = 3  # tokens added per later update
STREAM_PAUSE = 0.02  # seconds between updates, so the text visibly flows in
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
    """One streamed step: the chat messages, and the sources panel and turns when they changed (else None)."""

    chat: Messages
    panel: str | None = None
    turns: list[Turn] | None = None


def document_texts(assistant: Assistant, answer: Answer) -> dict[str, str]:
    """Stored text of each cited document (the text citation offsets point into)."""
    documents = assistant.snapshot().meta.documents
    return {c.source: documents[c.source].text for c in answer.citations if c.source in documents}


def respond(assistant: Assistant, question: str, turns: list[Turn]) -> Iterator[Update]:
    """Ask ``question`` with the turns' standalone questions as history, streaming the answer.

    A generative backend's sentences are shown as ``Assistant.ask_stream`` delivers them; the final ``Answer``
    (authoritative) is then streamed word by word when nothing was shown yet (the extractive backend).
    """
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
            partial = [*turns, Turn(draft, turn_sources_html(draft, number, document_texts(assistant, draft)))]
            reply = {"role": "assistant", "content": answer_html(draft, number, more=True)}
            yield Update(messages(turns) + [asked, reply], panel(partial))
    except AssistantError as exc:  # a bad question, an index missing or damaged, a store down: the reason
        error = f'<div class="answer error">Could not answer: {esc(str(exc))}</div>'
        yield Update(messages(turns) + [asked, {"role": "assistant", "content": error}])
        return
    done = [*turns, Turn(answer, turn_sources_html(answer, number, document_texts(assistant, answer)))]
    total = len(answer_tokens(answer, number))
    shown = total if text else min(STREAM_FIRST, total)
    yield Update(messages(turns) + [asked, _reply(answer, number, shown)], panel(done), done)
    while shown < total:
        time.sleep(STREAM_PAUSE)
        shown = min(total, shown + STREAM_STEP)
        yield Update(messages(turns) + [asked, _reply(answer, number, shown)])


def _reply(answer: Answer, number: int, shown: int) -> dict[str, str]:
    return {"role": "assistant", "content": answer_html(answer, number, shown)}


def api_answer(assistant: Assistant, question: str, history: list[str] | None = None) -> dict[str, Any]:
    """The JSON answer contract (``Answer.model_dump``) for the ``/ask`` API endpoint."""
    return assistant.ask(question, history=history or None).model_dump(mode="json")
