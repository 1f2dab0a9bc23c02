"""Where a document talks about something: the section's heading and the sentence (``answer/locate.py``)."""

from __future__ import annotations

import pytest

from assistant.answer.locate import _LOCATE, _NAMED, another_section, topic_terms


@pytest.mark.parametrize("question", [
    "which section covers the cyberattack?", "in which section does the article talk about the Illyrians?",
    "under which heading is the Ashraf 3 compound mentioned?", "what chapter discusses vacuum?",
    "which heading is the telegram under?", "which section is the camp in?", "which section has the three lessons?",
    "what part of the article covers the Illyrians?", "where in the article is the cyberattack discussed?"])
def test_questions_asking_where_something_is_said(question: str) -> None:
    assert _LOCATE.search(question)


@pytest.mark.parametrize("question", [
    "Which sections of the Apache 2.0 document make up the License?",  # which ones, not where
    "Which part of the Iranian government did Tirana hold responsible?",  # a part of a thing
    "what does the first section say?", "which part of the lock is in the door?",
    "which section is longest in the article?"])
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


@pytest.mark.parametrize("question", [
    "what's the subheading about the west and israel?", "what is the heading that introduces ashraf 3?",
    "what's the history section called?", "whats the section on the proxy war titled"])
def test_questions_asking_a_section_s_name_by_its_topic(question: str) -> None:
    assert _NAMED.search(question)


@pytest.mark.parametrize("question", ["what does the section about the mek say?", "what is the last section?",
                                      "what is the MEK called?"])
def test_other_questions_ask_no_section_s_name(question: str) -> None:
    assert not _NAMED.search(question)


@pytest.mark.parametrize(("question", "previous", "asked"), [
    ("and the one about the west and israel?", "what's the subheading that introduces ashraf 3?",
     "What is the section about the west and israel called?"),
    ("and the history one, what's it called?", "what's the last section listed in the table of contents?",
     "What is the section about history called?"),
    ("and the one on lessons?", "which section covers the proxy war?", "What is the section about lessons called?"),
    ("and the next one?", "what's the first section?", None),  # no topic: the neighbour, asked elsewhere
    ("and the one about iran?", "who was the prime minister?", None)])  # no section asked before
def test_another_section_named_by_its_topic_after_a_section_question(question: str, previous: str,
                                                                     asked: str | None) -> None:
    assert another_section(question, previous) == asked


def test_a_section_asked_by_its_topic_is_answered_by_its_heading(assistant) -> None:
    """End to end on the article: the heading whose words hold the topic (a subheading too), cited verbatim; then
    another one asked as a follow-up."""
    answer = assistant.ask("what's the history section called?")
    assert not answer.abstained and [c.quote for c in answer.citations] == [
        "Historical Echoes: Albania's Past and Present Alliances"]
    other = assistant.ask("and the one about the west and israel?", history=[answer])
    assert [c.quote for c in other.citations] == ["Strengthening Ties with the West and Israel"]
