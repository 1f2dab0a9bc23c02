"""A manual page's dated footer (``Sentence.back_matter``) dates the page: it is a candidate answer only for a
question about the document, never for the date of an event the page describes."""

from __future__ import annotations

import numpy as np

from assistant.answer.extractive import ExtractiveAnswerer
from assistant.answer.qtypes import asks_of_document
from assistant.schema import Hit
from assistant.settings import Settings
from evidence_helpers import evidence_over

FOOTER = "TOOL 1.2                       03 January 2022                      TOOL(1)"
PAGE = ("NAME\n       tool - copy frames between spools\n\n"
        "DESCRIPTION\n       The tool copies frames between spools. It was first written for the harbour office, "
        "and it keeps one log per spool.\n\n"
        f"{FOOTER}\n")


def _candidates(question: str) -> list[str]:
    view, sentences = evidence_over("tool.1.txt", "tool", PAGE)
    answerer = ExtractiveAnswerer(view, Settings())
    chunks = {c.id: c for c in view._snapshot.meta.chunks}  # noqa: SLF001 - a test reads its own fixture
    hits = [Hit(chunk=c, score=1.0, bm25_rank=i, dense_rank=i) for i, c in enumerate(chunks.values(), start=1)]
    seen = answerer.inspect(question, hits, np.ones(8, dtype=np.float32) / np.sqrt(8))
    return [c.sentence.text for c in seen.ranked] if seen else []


def test_the_footer_is_indexed_as_back_matter() -> None:
    _, sentences = evidence_over("tool.1.txt", "tool", PAGE)
    assert [s.text for s in sentences if s.back_matter] == [FOOTER]
    assert all(not s.back_matter for s in sentences if s.text != FOOTER)


def test_only_a_question_about_the_page_gets_its_date() -> None:
    assert FOOTER in _candidates("what date is on the tool man page?")
    assert FOOTER in _candidates("when was the tool page last updated?")
    assert FOOTER not in _candidates("what year was the tool first written?")


def test_questions_about_a_document() -> None:
    assert asks_of_document("whats the date printed at the bottom of the passwd(5) man page?")
    assert asks_of_document("When was this version of the environ(7) man page dated?")
    assert not asks_of_document("what year was apt-get first released in debian?")
    assert not asks_of_document("which PCRE2 library version does grep 3.8 need for -P to work?")
