"""Follow-up questions resolved without an LLM: detection, the standalone question, answers over the article."""

from __future__ import annotations

import pytest

from assistant.followup import key_terms, leans_on_context, standalone


@pytest.mark.parametrize("question", [
    "When did he announce it?", "and how?", "how?", "Why?", "What did they do after that?", "Where is that?",
    "And in what year?", "what about Kosovo?", "Who was behind it?", "Is this true?",
])
def test_leaning_questions_are_detected(question: str) -> None:
    assert leans_on_context(question)


@pytest.mark.parametrize("question", [
    "Who cut ties with Iran?", "When did Albania recognize Israel?", "Which country said that Iran was behind the attack?",
    "How many MEK members did Albania accept?", "",
])
def test_standalone_questions_are_left_alone(question: str) -> None:
    assert not leans_on_context(question)
    assert standalone(question, ["Who cut ties with Iran?"]) is None


def test_no_history_means_no_rewrite() -> None:
    assert standalone("When did he announce it?", None) is None
    assert standalone("When did he announce it?", []) is None


def test_previous_key_terms_are_folded_in_and_chain() -> None:
    assert key_terms("Who cut ties with Iran?") == ["cut", "ties", "Iran"]
    second = standalone("When did he announce it?", ["Who cut ties with Iran?"])
    assert second == "When did he announce it? (cut ties Iran)"
    third = standalone("and how?", ["Who cut ties with Iran?", second])
    assert third == "How? (announce cut ties Iran)"


def test_elliptical_question_borrows_the_question_word() -> None:
    searched = standalone("what about Kosovo?", ["When did Albania recognize Israel?"])
    assert searched is not None and searched.startswith("When") and "Kosovo" in searched and "Israel" in searched


def test_conversation_over_the_article(assistant) -> None:
    """The issue's example: the follow-ups are answered about Edi Rama's announcement, with `searched` set."""
    history: list[str] = []
    answers = []
    for question in ["Who cut ties with Iran?", "When did he announce it?", "and how?"]:
        answer = assistant.ask(question, history=history)
        history.append(answer.searched or question)
        answers.append(answer)
    first, when, how = answers
    assert first.searched is None
    assert when.searched and "Iran" in when.searched and not when.abstained
    assert "September 7" in when.answer
    assert how.searched and not how.abstained
    assert "video message" in how.answer
    assert how.question == "and how?"


def test_history_without_a_follow_up_changes_nothing(assistant) -> None:
    plain = assistant.ask("When did Albania recognize Israel?")
    with_history = assistant.ask("When did Albania recognize Israel?", history=["Who cut ties with Iran?"])
    assert with_history.searched is None
    assert with_history.answer == plain.answer
