"""Ordinal and remainder follow-ups (issue 16g): each rule on a made-up two-turn example with the real spaCy parser
and no index, then the issue's example through ``Assistant.ask`` on the article index."""

from __future__ import annotations

import pytest

from assistant.followup import resolve, resolve_conversation
from assistant.followup_items import asked_step, item_question, list_question, narrowed_item, previous_item

FIRST = "What is the first reason the report gives for the delay?"


@pytest.mark.parametrize("question, expected", [
    ("what's the second one?", "What is the second reason the report gives for the delay?"),
    ("and the third?", "What is the third reason the report gives for the delay?"),
    ("the last one?", "What is the last reason the report gives for the delay?"),
    ("number 3?", "What is the third reason the report gives for the delay?"),
])
def test_an_ordinal_asks_the_previous_question_of_that_item(question: str, expected: str) -> None:
    assert item_question(question, FIRST) == expected


@pytest.mark.parametrize("question", ["and the next?", "the one after that?", "ok what comes next?"])
def test_the_next_one_is_the_item_after_the_previous(question: str) -> None:
    assert item_question(question, FIRST) == "What is the second reason the report gives for the delay?"


def test_the_one_before_is_the_item_before_the_previous() -> None:
    third = FIRST.replace("first", "third")
    assert item_question("and the one before that?", third) == FIRST.replace("first", "second")
    last = FIRST.replace("first", "last")
    assert item_question("the previous one?", last) == FIRST.replace("first", "second to last")
    assert item_question("and the one before that?", FIRST) is None  # nothing comes before the first


@pytest.mark.parametrize("question", ["And the other two?", "the others", "the rest?", "anything else?",
                                      "what else is on the list?", "and the next two?"])
def test_the_remainder_asks_for_the_whole_list(question: str) -> None:
    assert item_question(question, FIRST) == "What are the reasons the report gives for the delay?"


def test_the_list_question_keeps_the_rest_of_the_previous_question() -> None:
    item = previous_item("what's the first two rules of the club?")
    assert item is not None and item.number == 0 and item.noun == "rules"  # a count asks for several: the list
    step = previous_item("what's the first step to bake bread?")
    assert step is not None and list_question("what's the first step to bake bread?", step) == \
        "What are the steps to bake bread?"
    linked = "whats the first related link at the bottom?"
    link = previous_item(linked)
    assert link is not None and link.noun == "link"  # the noun "related" modifies, not "related"
    assert list_question(linked, link) == "What are the related links at the bottom?"


def test_a_numbered_item_keeps_its_form() -> None:
    assert item_question("and #2?", "what's takeaway #1 of the talk?") == "What's takeaway #2 of the talk?"


@pytest.mark.parametrize("question", ["what else did the mayor say?", "why?", "the second bridge?",
                                      "what happened next in the city?"])
def test_a_follow_up_with_words_of_its_own_is_no_item(question: str) -> None:
    assert item_question(question, FIRST) is None


def test_one_of_several_asked_is_the_first_of_them() -> None:
    previous = "according to the report, what's one thing whose cost cannot be ignored?"
    assert item_question("the other two?", previous) == (
        "According to the report, what are the things whose cost cannot be ignored?")
    assert item_question("and another?", previous) == (
        "According to the report, what's the second thing whose cost cannot be ignored?")
    assert item_question("the other two?", "is one bridge enough?") is None  # asks yes or no, names no item


def test_no_item_without_an_enumeration_before() -> None:
    assert item_question("the second one?", "Who built the bridge?") is None
    assert asked_step("so what?", "reason") is None


def test_the_previous_answer_can_show_the_enumeration() -> None:
    """The previous question names no ordinal; its answer cited an enumeration whose lead names its noun."""
    answer = "The council gave three reasons for the delay. [1] Firstly, the budget ran out. [2] Secondly, rain. [3]"
    assert item_question("what's the second one?", "Why was the bridge delayed, and for what reasons?",
                         lambda: answer) == "Why was the bridge delayed, and for what reasons: the second reason?"
    assert item_question("what's the second one?", "Why was the bridge delayed?", lambda: "It rained. [1]") is None


def test_an_item_with_nothing_of_its_own_narrows_the_previous_question() -> None:
    assert narrowed_item("what's the first rule", "how does the club choose its captain?") == \
        "How does the club choose its captain: the first rule?"
    assert narrowed_item("what's the first rule of chess?", "how does the club choose its captain?") is None
    assert narrowed_item("what's the first rule", "what's the first step?") is None  # an enumeration of its own


def test_a_chain_of_items_stays_on_the_first_question() -> None:
    resolved, standalone = resolve_conversation(
        "and the one after that?", ["how does the club choose its captain?", "ok whats the first rule"])
    assert standalone[1] == "How does the club choose its captain: the first rule?"
    assert resolved.searched == "How does the club choose its captain: the second rule?"
    assert resolve("And the other two?", ["What is the first lesson the article draws?"]).searched == \
        "What are the lessons the article draws?"


def test_the_other_two_lessons_over_the_article(assistant) -> None:
    """The issue's example: after the first lesson, "And the other two?" holds the second and the last lesson."""
    history = ["What is the first lesson the article draws from the Albania-Iran saga?"]
    answer = assistant.ask("And the other two?", history=history)
    assert not answer.abstained
    assert answer.searched == "What are the lessons the article draws from the Albania-Iran saga?"
    assert "Secondly, the case demonstrates" in answer.answer
    assert "Finally, the incident reinforces the importance of strong alliances" in answer.answer
    second = assistant.ask("what's the second one?", history=history)
    assert "Secondly, the case demonstrates" in second.answer and "Finally" not in second.answer
