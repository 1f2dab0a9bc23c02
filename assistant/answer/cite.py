"""The one way a ``Citation`` is built, for extractive and generated answers alike.

The quote is read back from the stored document text at the span's offsets (so ``quote == text[start:end]``
always holds), and the title, section and PDF page come with it.
"""

from __future__ import annotations

from typing import Protocol

from assistant.schema import Citation
from assistant.store import Snapshot


class CitedSpan(Protocol):
    """What a citation is made from: an indexed sentence, or a run of them the grounding guard chose."""

    @property
    def source(self) -> str: ...

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...

    @property
    def section(self) -> str: ...

    @property
    def page(self) -> int | None: ...


def citation_for(n: int, span: CitedSpan, snapshot: Snapshot, score: float) -> Citation:
    """Citation ``[n]`` of ``span``, its quote the stored document text at the span's offsets."""
    doc = snapshot.meta.documents[span.source]
    return Citation(
        n=n, source=span.source, start=span.start, end=span.end, quote=doc.text[span.start:span.end],
        score=round(score, 4), section=span.section, title=doc.title, page=span.page,
    )
