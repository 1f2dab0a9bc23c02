"""Readings of follow-ups: "the remaining X" asks for the rest of a set the conversation named, a demonstrative
the parser mistook for a conjunction still points to the noun after it, and "and what about X?" asks the previous
question about X.

The questions here are this file's own fixtures (not the conversation dev sets under evals/).
"""

from __future__ import annotations

import pytest

from assistant.followup import without_leaders, resolve
from assistant.followup_cues import cues, misread_determiner
from assistant.followup_swap import about_swap
from assistant.nlp import syntax


def test_the_remaining_few_lean_on_the_history() -> None:
    assert any(c.startswith("continuing") for c in cues("what are the remaining codes?"))
    assert not cues("how do I delete the remaining rows after a failed bulk import?")


def test_the_rest_of_a_set_carries_no_value_already_asked_about() -> None:
    searched = resolve("what are the remaining codes?", ["which code does rsync exit with on error 23?"]).searched
    assert searched is not None and "rsync" in searched
    assert "23" not in searched


def test_a_demonstrative_read_as_a_conjunction_is_the_determiner_of_its_noun() -> None:
    parsed = syntax("what year is that licence from?")
    that = next(t for t in parsed.tokens if t.text == "that")
    assert misread_determiner(that, parsed.tokens)
    assert any(c.startswith("demonstrative") for c in cues("what year is that licence from?"))
    assert resolve("what year is that licence from?", ["who wrote the open source licence of the project?"]).searched == \
        "What year is open source licence from?"


def test_a_that_introducing_a_clause_is_no_determiner() -> None:
    parsed = syntax("is it true that ferries run at night?")
    that = next(t for t in parsed.tokens if t.text == "that")
    assert not misread_determiner(that, parsed.tokens)


def test_every_leading_word_is_stripped_but_the_last_one_asked() -> None:
    assert resolve("and what about ferries?", ["what does the report say about buses?"]).searched == \
        "What does the report say about ferries?"
    assert without_leaders("ok so and why?") == "why?"
    assert without_leaders("and then?") == "then?"


def test_what_about_takes_the_place_of_the_whole_about_phrase() -> None:
    assert about_swap("alliances", "what lesson does the case teach about cyber warfare?") == \
        "what lesson does the case teach about alliances"
    assert about_swap("alliances", "when did the war end?") is None
    assert about_swap("alliances", "what is the report about?") is None


@pytest.mark.parametrize(("previous", "question", "searched"), [
    ("does albania keep an embassy in israel? which city?", "and the other way round?",
     "does israel keep an embassy in albania? which city?"),
    ("did israel help albania after the hack?", "vice versa?", "did albania help israel after the hack?"),
])
def test_the_other_way_round_swaps_the_two_parties_the_previous_question_names(
        previous: str, question: str, searched: str) -> None:
    assert resolve(question, [previous]).query.lower() == searched


def test_the_other_way_round_of_one_party_is_no_swap() -> None:
    assert "albania" in resolve("and the other way round?", ["what did albania do?"]).query.lower()


def test_a_fragment_offering_a_choice_is_asked_of_the_previous_question() -> None:
    resolved = resolve("right away or only over time?", ["how did tehran see the mek's presence on albanian soil?"])
    assert resolved.query.lower() == ("how did tehran see the mek's presence on albanian soil, right away or only over"
                                      " time?")


def test_it_that_brings_something_up_is_the_part_of_the_text_asked_about() -> None:
    resolved = resolve("which ancient folk does it bring up as an example of that?",
                       ["what does the history section say albania's balkan location has often put it at?"])
    assert "history section bring up" in resolved.query.lower()


def test_there_after_a_question_asking_what_a_place_is_is_that_place() -> None:
    resolved = resolve("what did the mek's activity there turn albania into?", ["what's ashraf 3?"])
    assert not resolved.unresolved and "ashraf 3" in resolved.query.lower()
