"""The answer stage's narrow, read-only view of an index snapshot: sentences and their paragraph neighbours,
sentence vectors, term weights (corpus-wide and per document), and a document's chunks. Nothing else of the
``Snapshot`` reaches the answerer."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from assistant.answer.defined_terms import introduces_list, term_start
from assistant.answer.matching import TermWeights
from assistant.store import chunk_search_text

if TYPE_CHECKING:
    from assistant.schema import Chunk, Sentence
    from assistant.store import Snapshot


class Evidence:
    """What the answerer may read; built once per snapshot."""

    def __init__(self, snapshot: Snapshot, own_weights_min_chunks: int = 20) -> None:
        """``own_weights_min_chunks``: documents with at least this many chunks get term weights of their own."""
        self._snapshot = snapshot
        self._by_id = {s.id: s for s in snapshot.meta.sentences}
        self._own_min = own_weights_min_chunks
        self._document_weights: dict[str, TermWeights] = {}
        self.weights = TermWeights.of_bm25(snapshot.bm25, len(snapshot.meta.chunks))

    def sentence(self, sentence_id: str) -> Sentence | None:
        """The sentence with this id, if indexed."""
        return self._by_id.get(sentence_id)

    def similarity(self, sentence: Sentence, vector: np.ndarray) -> float:
        """Cosine similarity of the sentence's stored vector to ``vector`` (both normalised)."""
        return float(self._snapshot.sentence_vectors[self._snapshot.sentence_row[sentence.id]] @ vector)

    def window_similarity(self, sentence: Sentence, vector: np.ndarray) -> float:
        """Best similarity of ``vector`` to the sentence or a neighbour in its paragraph."""
        rows = [self._snapshot.sentence_row[s.id] for s in (sentence, self.neighbour(sentence, -1),
                                                            self.neighbour(sentence, 1)) if s is not None]
        return float(np.max(self._snapshot.sentence_vectors[rows] @ vector))

    def neighbour(self, sentence: Sentence, step: int) -> Sentence | None:
        """The answerable sentence ``step`` places away in the same paragraph of the same document, if any."""
        sentences = self._snapshot.meta.sentences
        j = self._snapshot.sentence_row[sentence.id] + step
        if not 0 <= j < len(sentences):
            return None
        other = sentences[j]
        if other.source != sentence.source or not other.answerable:
            return None
        text = self._snapshot.meta.documents[sentence.source].text
        return other if "\n" not in text[min(other.end, sentence.end):max(other.start, sentence.start)] else None

    def with_term(self, sentence: Sentence) -> Sentence:
        """The sentence, or, when it opens the description of a term (an option, a function, a keyword on the line
        before it), the term and the sentence as one span."""
        record = self._snapshot.meta.documents.get(sentence.source)
        start = term_start(record.text, record.sections, sentence.start) if record else None
        if start is None:
            return sentence
        return sentence.model_copy(update={"start": start, "text": record.text[start:sentence.end]})

    def with_list(self, sentence: Sentence, reach: int) -> Sentence:
        """The sentence, or, when it announces a list ("The editors are:"), the sentence and what follows it in
        the same document up to ``reach`` characters past its end, ending at a sentence end."""
        if not introduces_list(sentence.text):
            return sentence
        sentences = self._snapshot.meta.sentences
        end = sentence.end
        for j in range(self._snapshot.sentence_row[sentence.id] + 1, len(sentences)):
            other = sentences[j]
            if other.source != sentence.source or other.end > sentence.end + reach:
                break
            end = other.end
        if end == sentence.end:
            return sentence
        text = self._snapshot.meta.documents[sentence.source].text
        return sentence.model_copy(update={"end": end, "text": text[sentence.start:end]})

    def document_chunks(self, source: str) -> list[Chunk]:
        """The chunks of one document, in order."""
        record = self._snapshot.meta.documents.get(source)
        return [self._snapshot.chunk_by_id[i] for i in record.chunk_ids] if record else []

    def document_weights(self, source: str) -> TermWeights:
        """Term weights within one document (its chunks), used to judge how well its sentences cover a question:
        adding unrelated documents to the corpus then leaves those judgements, and the refusals, unchanged. A short
        note has too few chunks for weights of its own and uses the corpus-wide ones."""
        if source not in self._document_weights:
            chunks = self.document_chunks(source)
            self._document_weights[source] = (
                TermWeights.of_texts([chunk_search_text(c) for c in chunks]) if len(chunks) >= self._own_min
                else self.weights)
        return self._document_weights[source]
