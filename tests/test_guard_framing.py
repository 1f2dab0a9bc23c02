"""The asker's judgement of what a question asks about ("why is it a bad idea to ...") is no term a kept sentence must
meet (pure rule, then the guard on a small hand-written document: real index and MiniLM, no model)."""

from __future__ import annotations

import pytest

from assistant.answer.guard import guard_answer
from assistant.answer.relevance import unframed
from guard_helpers import indexed_document, whole_corpus_guard

QUESTION = "why is it a bad idea to keep the htpasswd password file under htdocs?"


def test_the_askers_judgement_is_left_out():
    assert "bad" not in unframed(QUESTION) and "idea" not in unframed(QUESTION)
    assert unframed("is the idea of a bad file format explained?") == "is the idea of a bad file format explained?"


DOC = """# Authentication

To start with, we'll use a text password file. This file should be placed somewhere not accessible from the web.
This is so that folks cannot download the password file.

# Tools

The htpasswd utility creates and updates such files. Documents are served out of the htdocs directory by default.
The apachectl script starts and stops the server, and the rotatelogs program rotates its logs.

# Logging

The server writes one line per request to its access log, in the format the LogFormat directive names.
"""


@pytest.fixture(scope="module")
def docs(tmp_path_factory):
    return indexed_document(tmp_path_factory, "framing", DOC)


def test_a_reason_is_kept_for_a_bad_idea_question(docs):
    kept = guard_answer("It should be placed somewhere not accessible from the web so that people cannot download the "
                        "password file.", whole_corpus_guard(docs)(QUESTION))
    assert not kept.abstained
