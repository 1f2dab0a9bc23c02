"""Where a document talks about something: the section's heading and the sentence (``answer/locate.py``)."""

from __future__ import annotations

import pytest

from assistant.answer.locate import _LOCATE, topic_terms


@pytest.mark.parametrize("question", [
    "which section covers the cyberattack?", "in which section does the article talk about the Illyrians?",
    "under which heading is the Ashraf 3 compound mentioned?", "what chapter discusses vacuum?"])
def test_questions_asking_where_something_is_said(question: str) -> None:
    assert _LOCATE.search(question)


@pytest.mark.parametrize("question", [
    "Which sections of the Apache 2.0 document make up the License?",  # which ones, not where
    "Which part of the Iranian government did Tirana hold responsible?",  # a part of a thing
    "what does the first section say?"])
def test_other_questions_naming_sections_are_not_locating(question: str) -> None:
    assert not _LOCATE.search(question)


def test_the_topic_is_what_remains_of_the_question() -> None:
    assert topic_terms("in which section does the article talk about the Illyrians?") == ["illyrian"]
    assert topic_terms("which section covers the cyber attack?") == ["cyber", "attack"]


def test_the_section_heading_and_the_sentence_are_cited(assistant) -> None:
    """End to end on the article: refused before (no sentence names a "section"), now the heading and the sentence,
    both verbatim; a topic no passage holds is still refused."""
    answer = assistant.ask("which section covers the cyberattack?")
    assert not answer.abstained
    heading, said = answer.citations
    assert heading.quote == "The Cyber Onslaught: A Turning Point in Albania Iran Relations"
    assert "cyberattack" in said.quote and said.section == heading.quote
    text = assistant.snapshot().meta.documents[heading.source].text
    assert text[heading.start:heading.end] == heading.quote and text[said.start:said.end] == said.quote
    assert answer.answer.startswith("In the section \u201cThe Cyber Onslaught")
    assert assistant.ask("which section talks about recipes for lasagna?").abstained
