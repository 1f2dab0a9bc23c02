"""A count asked of the present needs a number stated in the present tense (``assistant.followup_current``; the real
spaCy parser)."""

from __future__ import annotations

import pytest

from assistant.followup_current import asks_current_count, no_current_count, present_count

CAME = "In 2014 the town took in about 3,000 refugees from the coast."


@pytest.mark.parametrize(("question", "asks"), [
    ("how many are there now?", True),
    ("how many of them still live there today?", True),
    ("how many kinds of namespaces does linux have these days?", True),
    ("how many bugs are currently open?", True),
    ("how many refugees did the town take in?", False),
    ("what is there now?", False),
])
def test_a_count_of_the_present_is_asked_with_a_word_of_now(question: str, asks: bool) -> None:
    assert asks_current_count(question) is asks


@pytest.mark.parametrize(("sentence", "present"), [
    ("Since kernel version 5.6 there are 8 kinds of namespaces.", True),
    ("About 2,500 refugees live in the camp.", True),
    ("The table now holds 2 rows.", True),
    (CAME, False),
    ("In 2019, 40 of them left.", False),
    ("The camp opened in 2015.", False),  # a date is no count
])
def test_a_number_in_a_present_tense_clause(sentence: str, present: bool) -> None:
    assert present_count(sentence) is present


def test_a_past_count_does_not_answer_how_many_now() -> None:
    asked, searched = "how many are there now?", "How many refugees are there now?"
    assert no_current_count(asked, searched, [CAME])
    assert no_current_count(asked, searched, [CAME, "About 2,500 refugees live in the camp."]) is None
    assert no_current_count("how many came?", "How many refugees came?", [CAME]) is None  # not asked of now


def test_the_article_s_count_of_2014_does_not_say_how_many_are_there_now(assistant) -> None:
    history = ["how many MEK members did albania take in?"]
    assert not assistant.ask(history[0]).abstained
    now = assistant.ask("how many are there now?", history=history)
    assert now.abstained
    assert assistant.ask("How many MEK members still live at Ashraf 3 today?").abstained
