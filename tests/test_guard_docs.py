"""The grounding guard on a small hand-written technical document (real index, real MiniLM; no model needed):
a supported sentence worded like a refusal is kept, and a "where" or "what's the maximum size" question is
answered only by a sentence carrying a place or a quantity (so is "how big ...")."""

from __future__ import annotations

import pytest

from assistant.answer.asked_forms import asked_value
from assistant.answer.guard import guard_answer
from guard_helpers import indexed_document, whole_corpus_guard

DOC = """# ssh_config

XAuthLocation specifies the full pathname of the xauth program. The default is /usr/bin/xauth.

# Index ordering

The default sort order of a B-tree index is ascending. NULLS LAST is the default when DESC is not specified.

# Index tuples

The maximum size of an index tuple is 2704 bytes. An index tuple larger than the maximum size is rejected.
"""


@pytest.fixture(scope="module")
def docs(tmp_path_factory):
    return indexed_document(tmp_path_factory, "docs", DOC)


@pytest.fixture
def guard(docs):
    return whole_corpus_guard(docs)


def test_a_supported_sentence_worded_like_a_refusal_is_kept(guard):
    """"... when DESC is not specified" states a fact of its span; "The exact release date is not given." (no span
    supports it) and "The passages do not say." are refusals."""
    question = "Which nulls order is the default?"
    kept = guard_answer("NULLS LAST is the default when DESC is not specified [1].", guard(question))
    assert not kept.abstained, kept.dropped
    for reply in ("The passages do not say.", "The exact release date is not given."):
        refusal = guard(question)
        assert guard_answer(reply, refusal).abstained and refusal.refused


def test_asked_value_reads_where_and_measure_questions():
    assert asked_value("Where does ssh expect the xauth program?", "place") == "place"
    assert asked_value("whats the maximum size in bytes of a btree index tuple?", "other") == "number"
    assert asked_value("What's the default sort order?", "other") is None
    assert asked_value("How big is the compound, in hectares?", "other") == "number"
    assert asked_value("When was it released?", "date") == "date"


def test_when_asked_with_how_or_why_needs_no_date():
    """"When and how does that fail?" may be answered in words ("on its first IO operation, by raising ..."); a
    "when" on its own still asks for a date."""
    assert asked_value("When and how does a lazily opened file fail?", "date") is None
    assert asked_value("When and why was the option deprecated?", "date") is None
    assert asked_value("When and where was the project founded?", "date") == "date"


def test_a_where_question_needs_a_place(guard):
    question = "Where does ssh expect the xauth program to be by default?"
    no_place = "XAuthLocation specifies the full pathname of the xauth program [1]."
    assert guard_answer(no_place, guard(question)).abstained
    assert not guard_answer("The default is /usr/bin/xauth [1].", guard(question)).abstained


@pytest.mark.parametrize("question", ["What's the maximum size in bytes of an index tuple?",
                                      "How big can an index tuple be?"])
def test_a_maximum_size_question_needs_a_quantity(guard, question):
    assert guard_answer("An index tuple larger than the maximum size is rejected [1].", guard(question)).abstained
    assert not guard_answer("The maximum size of an index tuple is 2704 bytes [1].", guard(question)).abstained


def test_asked_value_reads_a_date_asked_by_its_unit_or_with_a_word_before_when():
    """"which season ...", "in what decade ...", "since roughly when ...": a time is owed as for "when ..."."""
    assert asked_value("which season did the velmor tensions blow up?", "date") == "date"
    assert asked_value("in what decade was the tarsh accord signed?", "date") == "date"
    assert asked_value("since roughly when has the velmor guild existed?", "date") == "date"
    assert asked_value("which seasoning goes with it?", "other") is None


def test_an_aside_the_spans_do_not_support_is_cut_and_the_rest_kept(guard):
    """A model's example in parentheses with a value of its own ("(e.g. 1/usr/bin/xauth2)") fails the value rule;
    the sentence without it stands on its span, and is shown so. Without a supported rest, nothing is kept."""
    question = "where is the xauth program by default?"
    kept = guard_answer("The default is /usr/bin/xauth (for example /opt/xauth2 on older systems) [1].", guard(question))
    assert not kept.abstained and "/opt/xauth2" not in kept.text and kept.text.startswith("The default is /usr/bin/xauth")
    wrong = guard_answer("The default is /opt/xauth2 (for example /usr/bin/xauth) [1].", guard(question))
    assert wrong.abstained
