"""The one way a ``Citation`` is built, for extractive and generated answers alike.

The quote is read back from the stored document text at the span's offsets (so ``quote == text[start:end]``
always holds), and the title, section and PDF page come with it.
"""

from __future__ import annotations

from typing import Protocol

from assistant.schema import Citation
from assistant.store import Snapshot
from assistant.structure import term_above, valued_term


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
    """Citation ``[n]`` of ``span``, its quote the stored document text at the span's offsets; a span that opens the
    description of a definition list's term naming a value, option or setting starts at the term."""
    doc = snapshot.meta.documents[span.source]
    term = term_above(doc.text, span.start, span.section)  # "priority 990" over "to the versions that belong ..."
    start = doc.text.rindex(term, 0, span.start) if valued_term(term) else span.start
    return Citation(
        n=n, source=span.source, start=start, end=span.end, quote=doc.text[start:span.end],
        score=round(score, 4), section=span.section, title=doc.title, page=span.page,
    )
