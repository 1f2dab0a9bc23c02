"""What a text asks of its reader (``assistant.answer.address``): the question, and end to end on the article."""

from __future__ import annotations

import pytest

from assistant.answer.address import asks_reader


@pytest.mark.parametrize("question", [
    "what does the article ask readers at the end?",
    "at the very end of the post what does the writer want readers to do",
    "what question does the author put to the readers?",
    "where does it want us to post our thoughts?",
])
def test_questions_about_what_the_text_asks_of_its_reader(question: str) -> None:
    assert asks_reader(question)


@pytest.mark.parametrize("question", [
    "what does ssh-keygen ask for when it creates a key?",  # a program asking, not the text's voice
    "which readers does the guide target?",
    "what does the article say about the comments?",
])
def test_other_questions_are_left_to_the_answerer(question: str) -> None:
    assert not asks_reader(question)


def test_the_article_s_closing_address_is_cited(assistant) -> None:
    answer = assistant.ask("What does the article ask the reader at the end?")
    assert not answer.abstained
    assert "What are your thoughts" in answer.answer and "comments below" in answer.answer
    assert all(c.quote in answer.answer or c.quote.rstrip(".?") in answer.answer for c in answer.citations)
