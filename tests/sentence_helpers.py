"""Made-up sentences of one document for the follow-up rules' unit tests."""

from __future__ import annotations

from assistant.schema import Sentence


def consecutive_sentences(*texts: str, source: str = "doc.txt") -> list[Sentence]:
    """``texts`` as consecutive sentences of one document, one space apart (ids s0, s1, ...)."""
    out, at = [], 0
    for n, text in enumerate(texts):
        out.append(Sentence(id=f"s{n}", source=source, start=at, end=at + len(text), text=text))
        at += len(text) + 1
    return out
