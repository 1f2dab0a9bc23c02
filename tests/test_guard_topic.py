"""A span's topic for relevance: a span whose sentence points back to the one before it ("That would mean ...",
"this is ..." also mid-sentence) is about what that sentence names (real index, real MiniLM; no model needed)."""

from __future__ import annotations

import pytest

from assistant.answer.relevance import points_back
from guard_helpers import indexed_document, whole_corpus_guard

DOC = """# Subcommands

Several subcommands can be chained in a single call when the group sets chain=True.
Starting with Clack 3.0 this is very simple to implement.

# Parsers

The option parser reads every argument of the command line from left to right.
Starting with Clack 4.0 the parser is much faster on long argument lists.
"""


def test_a_sentence_points_back_by_its_opening_or_a_this_subject():
    assert points_back("That would mean a restart.")
    assert points_back("Starting with Clack 3.0 this is very simple to implement.")
    assert not points_back("Starting with Clack 4.0 the parser is much faster.")
    assert not points_back("Use this option to start faster.")  # "this" names its own noun


@pytest.fixture(scope="module")
def guard(tmp_path_factory):
    return whole_corpus_guard(indexed_document(tmp_path_factory, "topic", DOC))


def test_a_span_saying_this_is_takes_the_topic_of_the_sentence_before(guard):
    spans = {g._text(s): g._topic(s) for g in [guard("which version?")] for s in g._spans if len(s.row) == 1}
    assert "chain" in spans["Starting with Clack 3.0 this is very simple to implement."]
    assert "read" not in spans["Starting with Clack 4.0 the parser is much faster on long argument lists."]  # no pointer
