"""The answer pipeline's outer stages: analyse → retrieve (with sub-questions) → answer → a deeper second look
before a refusal for want of a date, number or name. ``Assistant.ask`` is a thin call to ``AnswerPipeline.run``."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from assistant.answer.places import asked_place
from assistant.answer.qtypes import has_value
from assistant.schema import Hit

if TYPE_CHECKING:
    from assistant.answer.extractive import Draft, ExtractiveAnswerer, Inspection
    from assistant.answer.query import Query
    from assistant.retrieve import HybridRetriever


@dataclass
class Retrieved:
    """An analysed question, its vector and the chunks retrieved for it."""

    query: Query
    vector: np.ndarray
    hits: list[Hit]


@dataclass
class AnswerPipeline:
    """One snapshot's retriever and answerer, and the embedder for questions."""

    retriever: HybridRetriever
    answerer: ExtractiveAnswerer
    embed: Callable[[list[str]], np.ndarray]

    def retrieve(self, text: str) -> Retrieved:
        """Analyse the question and retrieve chunks for it and for each of its sub-questions."""
        query = self.answerer.analyse(text)
        vectors = self.embed([text, *query.parts])
        fixes = query.extra_stems
        if query.parts:
            hits = self.retriever.retrieve_multi([text, *query.parts], vectors, extra_stems=fixes, keep=query.keep_chunk)
        else:
            hits = self.retriever.retrieve(text, vectors[0], extra_stems=fixes)
        place = asked_place(text)
        if place:  # "what does the intro say ...": the opening part of the best-matching document joins the hits
            seen = {h.chunk.id for h in hits}
            hits += [Hit(chunk=c, score=0.0) for c in self.answerer.evidence.chunks_at(hits[0].chunk.source, place)
                     if c.id not in seen] if hits else []
        return Retrieved(query, vectors[0], hits)

    def inspect(self, text: str) -> tuple[Retrieved, Inspection | None]:
        """What the answerer measures for a question on its first look (for fitting and debugging)."""
        found = self.retrieve(text)
        return found, self.answerer.inspect(text, found.hits, found.vector, found.query)

    def run(self, text: str) -> tuple[list[Hit], Draft]:
        """The retrieved chunks and the answerer's draft, after a second look where one can help."""
        found = self.retrieve(text)
        query, vector, hits = found.query, found.vector, found.hits
        draft = self.answerer.answer(text, hits, vector, query)
        if draft.second_look:  # no date, number or name where one was asked for: the fact may rank lower down
            wider = self.retriever.widen(text, vector, hits, extra_stems=query.extra_stems,
                                         keep=lambda chunk: has_value(chunk.text, query.kind),
                                         rank=lambda chunk: self.answerer.chunk_coverage(query.terms, chunk))
            second = self.answerer.answer(text, wider, vector, query, strict=True) if len(wider) > len(hits) else draft
            if not second.abstained and not second.second_look:  # the deeper look found the asked-for value
                hits, draft = wider, second
        return hits, draft
