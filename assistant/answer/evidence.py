"""The answer stage's narrow, read-only view of an index snapshot: sentences and their paragraph neighbours,
sentence vectors, term weights (corpus-wide and per document), and a document's chunks. Nothing else of the
``Snapshot`` reaches the answerer."""

from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING

import numpy as np

from assistant.answer.arithmetic import find_dates, refers_to_earlier_year
from assistant.answer.defined_terms import introduces_list, term_start
from assistant.answer.matching import TermWeights
from assistant.answer.list_items import item_lead, items_after
from assistant.answer.places import sentence_ordinal
from assistant.store import chunk_search_text
from assistant.structure import CONSOLE_LINE, is_prose


if TYPE_CHECKING:
    from assistant.answer.places import Place
    from assistant.schema import Chunk, Sentence
    from assistant.store import DocumentRecord, Snapshot


class Evidence:
    """What the answerer may read; built once per snapshot."""

    def __init__(self, snapshot: Snapshot, own_weights_min_chunks: int = 20) -> None:
        """``own_weights_min_chunks``: documents with at least this many chunks get term weights of their own."""
        self._snapshot = snapshot
        self._by_id = {s.id: s for s in snapshot.meta.sentences}
        self._own_min = own_weights_min_chunks
        self._document_weights: dict[str, TermWeights] = {}
        self._places: dict[str, dict[str, Place]] = {}
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

    def with_earlier_year(self, sentence: Sentence) -> Sentence:
        """The sentence, or, when it dates its event by pointing back ("It was in this year that ...") to a year
        the sentence before it names, that sentence and this one as one span."""
        before = self.neighbour(sentence, -1) if refers_to_earlier_year(sentence.text) else None
        if before is None or not find_dates(before.text):
            return sentence
        text = self._snapshot.meta.documents[sentence.source].text
        return sentence.model_copy(update={"start": before.start, "text": text[before.start:sentence.end]})

    def output_of(self, sentence: Sentence, most: int) -> list[Sentence]:
        """The lines a console line printed (">>> Locale.parse('zh_TW')" then "Locale('zh', ...)"): up to ``most``
        answerable lines after it in its section, up to the next console line or a line of prose ([] when the
        sentence is no console line)."""
        if not CONSOLE_LINE.match(sentence.text):
            return []
        sentences, row = self._snapshot.meta.sentences, self._snapshot.sentence_row[sentence.id]
        out: list[Sentence] = []
        for other in sentences[row + 1:row + 1 + most]:
            if (other.source != sentence.source or other.section != sentence.section or not other.answerable
                    or CONSOLE_LINE.match(other.text) or is_prose(other.text)):
                break
            out.append(other)
        return out

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

    def enumeration_lead(self, sentence: Sentence, reach: int = 20) -> Sentence | None:
        """For a sentence that opens an item of an enumeration ("Secondly, ..."), the sentence right before the
        first item, which says what the items are ("The saga offers several lessons."); looks ``reach`` back."""
        if sentence_ordinal(sentence.text) is None:
            return None
        sentences = self._snapshot.meta.sentences
        row = self._snapshot.sentence_row[sentence.id]
        for j in range(row, max(row - reach, 0), -1):
            if sentences[j].source != sentence.source:
                return None
            if sentence_ordinal(sentences[j].text) == 1:
                lead = sentences[j - 1]
                return lead if lead.source == sentence.source and lead.answerable else None
        return None

    def enumeration_items(self, lead: Sentence, reach: int = 20) -> list[Sentence]:
        """The items of an enumeration that ``lead`` introduces (the next sentence opens with "First(ly)"), each
        by the sentence that opens it, in order; empty when no enumeration follows."""
        sentences = self._snapshot.meta.sentences
        row = self._snapshot.sentence_row[lead.id]
        following = [s for s in sentences[row + 1:row + 1 + reach] if s.source == lead.source and s.answerable]
        if not following or sentence_ordinal(following[0].text) != 1:
            return []
        items, expected = [following[0]], 2
        for other in following[1:]:
            found = sentence_ordinal(other.text)
            if found == expected or found == -1:
                items.append(other)
                expected += 1
            if found == -1:
                break
        return items

    def enumeration(self, sentence: Sentence) -> tuple[Sentence, list[Sentence]] | None:
        """The enumeration ``sentence`` leads or is an item of: its lead ("The saga offers several lessons.") and
        its items' opening sentences; None when it is part of none."""
        lead = sentence if sentence_ordinal(sentence.text) is None else self.enumeration_lead(sentence)
        items = self.enumeration_items(lead) if lead else []
        return (lead, items) if items else None

    def enumeration_item(self, sentence: Sentence, number: int, reach: int = 20) -> Sentence | None:
        """The item ``number`` (-1: the last) of an enumeration that starts at or after ``sentence`` in its document,
        looking ``reach`` sentences ahead: "Secondly, ..." for 2; "Finally, ..." or the last numbered one for -1;
        from an item of the enumeration, any other of its items ("Firstly, ..." for 1 from "Secondly, ..."); else
        of the list ``sentence`` leads or is an item of, by position."""
        lead = self.enumeration_lead(sentence, reach)
        if lead is not None and number > 0:  # an item already: its enumeration's items, counted from its lead
            items = self.enumeration_items(lead, reach)
            if number <= len(items) and sentence_ordinal(items[number - 1].text) == number:
                return items[number - 1]
        sentences = self._snapshot.meta.sentences
        row = self._snapshot.sentence_row[sentence.id]
        last = None
        for other in sentences[row:row + reach]:
            if other.source != sentence.source:
                break
            found = sentence_ordinal(other.text)
            if found is not None and other.answerable:
                if found == number:
                    return other
                last = other if found > 0 or last is None else last
        if last is not None:
            return last if number == -1 else None
        text = self._snapshot.meta.documents[sentence.source].text
        listed = item_lead(text, sentences, row)  # the list it is an item of, or else leads
        row = self._snapshot.sentence_row[listed[0].id] if listed else row
        items = [s for s in items_after(text, sentences, row) if s.answerable]
        return items[number - 1 if number > 0 else -1] if len(items) >= max(number, 1) else None

    def list_lead(self, sentence: Sentence) -> Sentence | None:
        """For a sentence that opens an item of a bulleted or numbered list (``list_items``), the sentence before
        the list's first item, which says what the items are; else None."""
        text = self._snapshot.meta.documents[sentence.source].text
        listed = item_lead(text, self._snapshot.meta.sentences, self._snapshot.sentence_row[sentence.id])
        return listed[0] if listed and listed[0].answerable else None

    def place(self, sentence: Sentence) -> Place | None:
        """Whether the sentence is in its document's opening part ("start") or closing part ("end"): the section
        of the document's first (last) answerable sentence, or in a document of one section its first (last)
        paragraph."""
        if sentence.source not in self._places:
            self._places[sentence.source] = self._document_places(sentence.source)
        return self._places[sentence.source].get(sentence.id)

    def _document_places(self, source: str) -> dict[str, Place]:
        sentences = [s for s in self._snapshot.meta.sentences if s.source == source and s.answerable]
        if not sentences:
            return {}
        record = self._snapshot.meta.documents[source]
        offsets = [offset for offset, _ in record.sections]
        part = {s.id: bisect_right(offsets, s.start) for s in sentences}  # the section a sentence is in
        first, last = part[sentences[0].id], part[sentences[-1].id]
        if first == last:  # one section: its first and last paragraphs
            part = {s.id: int("\n" not in record.text[sentences[0].end:s.start])
                    - int("\n" not in record.text[s.end:sentences[-1].start]) for s in sentences}
            first, last = 1, -1
        return ({s.id: "end" for s in sentences if part[s.id] == last}
                | {s.id: "start" for s in sentences if part[s.id] == first})

    def chunks_at(self, source: str, place: Place, most: int = 2) -> list[Chunk]:
        """The first ``most`` chunks of a document holding a sentence of its opening (closing) part."""
        chunks = [c for c in self.document_chunks(source)
                  if any((s := self.sentence(i)) is not None and self.place(s) == place for i in c.sentence_ids)]
        return chunks[:most] if place == "start" else chunks[-most:]

    def documents(self) -> list[DocumentRecord]:
        """Every indexed document, by source."""
        return [self._snapshot.meta.documents[s] for s in sorted(self._snapshot.meta.documents)]

    def document(self, source: str) -> DocumentRecord:
        """A document's title, text and headings."""
        return self._snapshot.meta.documents[source]

    def document_sentences(self, source: str, every: bool = False) -> list[Sentence]:
        """A document's answerable sentences (``every``: its questions and fragments too), in order."""
        rows = self._snapshot.document_rows.get(source, range(0))
        return [s for s in self._snapshot.meta.sentences[rows.start:rows.stop] if every or s.answerable]

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
