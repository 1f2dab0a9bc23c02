"""Questions about the corpus itself, answered with the documents' titles (``answer/inventory.py``)."""

from __future__ import annotations

import pytest

from assistant.answer.inventory import asks_inventory
from assistant.answer.outline import OutlineAsk, asked_outline


@pytest.mark.parametrize("question", [
    "what documents do you have?", "which documents are indexed?", "what can I ask you about?",
    "list the documents", "how many files are there?"])
def test_questions_about_the_corpus(question: str) -> None:
    assert asks_inventory(question)


@pytest.mark.parametrize("question", [
    "what types of systemd unit files are there?",  # files of a kind the documents describe
    "Where are info documents supposed to be installed?",
    "Can you recommend a good sci-fi novel?",
    "what is the article about?"])
def test_questions_about_content_or_one_document_are_not(question: str) -> None:
    assert not asks_inventory(question)


def test_topics_a_document_covers_are_its_gist() -> None:
    assert asked_outline("what topics does the article cover?") == OutlineAsk("gist")


def test_the_article_index_lists_its_one_document(assistant) -> None:
    answer = assistant.ask("what documents do you have?")
    assert not answer.abstained
    assert [c.quote for c in answer.citations] == ["Cyber Warfare & Diplomacy: Albania Iran Relations Explored"]
    assert answer.answer.startswith("The index holds 1 document: \u201cCyber Warfare")
    text = assistant.snapshot().meta.documents[answer.citations[0].source].text
    assert text[answer.citations[0].start:answer.citations[0].end] == answer.citations[0].quote
