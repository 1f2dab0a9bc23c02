"""Draft → answer text with ``[n]`` markers and verbatim citations (the JSON contract)."""

from __future__ import annotations

from assistant.answer.cite import citation_for
from assistant.answer.draft import Draft
from assistant.schema import Citation
from assistant.store import Snapshot

REFUSAL = "The sources don't say. I found nothing in the indexed documents that answers: \u201c{question}\u201d"


def compose(question: str, draft: Draft, snapshot: Snapshot) -> tuple[str, list[Citation]]:
    """Answer text and citations: one ``[n]`` per cited sentence, numbered in order of appearance."""
    if draft.abstained:
        text = REFUSAL.format(question=question.strip())
        citations = [citation_for(i, s, snapshot, draft.scores.get(s.id, 0.0)) for i, s in enumerate(draft.nearest, 1)]
        if citations:
            text += " Nearest passages: " + " ".join(f"\u201c{_short(c.quote)}\u201d [{c.n}]" for c in citations)
        return text, citations
    citations = [citation_for(i, s, snapshot, draft.scores.get(s.id, 0.0)) for i, s in enumerate(draft.sentences, 1)]
    if draft.template:
        return draft.template.format(*(c.n for c in citations)), citations
    text = " ".join(f"{_one_line(c.quote)} [{c.n}]" for c in citations)
    return text, citations


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _short(text: str, limit: int = 160) -> str:
    text = _one_line(text)
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "\u2026"
