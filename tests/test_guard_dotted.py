"""A host or file name in a claim meets no question about another one through their shared parts (pure rule, then
the guard on a small hand-written document: real index and MiniLM, no model)."""

from __future__ import annotations

import pytest

from assistant.answer.guard import guard_answer
from assistant.answer.relevance import without_other_dotted
from guard_helpers import indexed_document, whole_corpus_guard


def test_another_host_name_is_left_out_of_the_claims_words():
    asked = "who built the first master.example.org server?"
    assert "satie" not in without_other_dotted("The centre hosting satie.example.org caught fire.", asked)
    assert "master.example.org" in without_other_dotted("Ada built master.example.org.", asked)
    assert without_other_dotted("Edit apt.conf.", "which file configures apt?") == "Edit apt.conf."


DOC = """# History

The first master.example.org server was built by Ada Lind and hosted by Acme in a spare room.

The mirrors ran on old desktops donated by volunteers in three cities.

Around 08:00 CET on May 3, 2002, the University of Lund Network Operations Centre (NOC) caught fire. The building
burnt to the ground. Among other things the NOC hosted satie.example.org and the bug tracker.

Backups of the mail archive were kept on tapes in another building.
"""


@pytest.fixture(scope="module")
def docs(tmp_path_factory):
    return indexed_document(tmp_path_factory, "dotted", DOC)


def test_a_true_sentence_about_another_host_does_not_answer(docs):
    make = whole_corpus_guard(docs)
    question = "who built the first master.example.org server?"
    assert guard_answer("On May 3, 2002, the University of Lund NOC hosting satie.example.org caught fire.",
                        make(question)).abstained
    assert not guard_answer("Ada Lind built the first master.example.org server.", make(question)).abstained
