"""The answer stage's read-only Evidence view over a hand-built snapshot (real chunking and BM25, no embedder)."""

from __future__ import annotations

import numpy as np

from assistant.answer.evidence import Evidence
from evidence_helpers import evidence_over

TEXT = ("# Bells\n\nThe clock has fourteen bells. They ring at noon. The tower is old.\n\n"
        "A second paragraph starts here. It has two sentences.\n")


def evidence() -> tuple[Evidence, list]:
    return evidence_over("clock.md", "Bells", TEXT)


def test_neighbours_stay_in_their_paragraph() -> None:
    view, sentences = evidence()
    by_text = {s.text: s for s in sentences}
    ring = by_text["They ring at noon."]
    assert view.neighbour(ring, -1).text == "The clock has fourteen bells."
    assert view.neighbour(ring, 1).text == "The tower is old."
    assert view.neighbour(by_text["The tower is old."], 1) is None  # the next paragraph is another paragraph


def test_similarity_reads_the_stored_vector() -> None:
    view, sentences = evidence()
    probe = np.zeros(8, dtype=np.float32)
    probe[1] = 1.0
    assert view.similarity(sentences[1], probe) == 1.0
    assert view.similarity(sentences[0], probe) == 0.0
    assert view.window_similarity(sentences[0], probe) == 1.0  # its neighbour matches


def test_term_weights_and_sentences() -> None:
    view, sentences = evidence()
    assert view.sentence(sentences[0].id) == sentences[0]
    assert view.sentence("no-such-id") is None
    assert view.document_weights("clock.md") is view.weights  # too few chunks for weights of its own
    assert view.weights.idf("bell") > 0
    assert view.document_chunks("clock.md") and view.document_chunks("other.md") == []


def test_a_console_line_brings_what_it_printed() -> None:
    text = ("# Parsing\n\nLocales are parsed as follows:\n\n>>> parse('zh_TW')\n\nLocale('zh', script='Hant')\n\n"
            ">>> parse('und_AZ')\n\nLocale('az', script='Latn')\n\nThe parser reads the likely subtags.\n")
    view, sentences = evidence_over("p.md", "Parsing", text)
    by_text = {s.text: s for s in sentences}
    assert [s.text for s in view.output_of(by_text[">>> parse('zh_TW')"], 3)] == ["Locale('zh', script='Hant')"]
    assert [s.text for s in view.output_of(by_text[">>> parse('und_AZ')"], 3)] == ["Locale('az', script='Latn')"]
    assert view.output_of(by_text["Locale('zh', script='Hant')"], 3) == []  # no console line
    assert view.output_of(by_text[">>> parse('zh_TW')"], 0) == []
