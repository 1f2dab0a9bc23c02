"""Follow-ups that move in time from a date the conversation named (assistant/followup_dates.py)."""

from __future__ import annotations

import pytest

from assistant.followup import resolve
from assistant.followup_dates import dated_in_question, shifted_date_question

HISTORY = ["What happened on September 7, 2022?", "and how did he announce it?"]


@pytest.mark.parametrize("question, searched", [
    ("and the day after?", "What happened on September 8, 2022?"),
    ("the next day?", "What happened on September 8, 2022?"),
    ("the day before that?", "What happened on September 6, 2022?"),
    ("two weeks later?", "What happened on September 21, 2022?"),
    ("so what happened the following month?", "What happened in October 2022?"),
    ("and the year before?", "What happened in 2021?"),
])
def test_a_move_in_time_is_asked_from_the_last_date_named(question: str, searched: str) -> None:
    assert shifted_date_question(question, HISTORY) == searched


def test_the_moved_date_is_written_as_the_earlier_one_was() -> None:
    assert shifted_date_question("and 3 days later?", ["what hit Albania on 15 July 2022?"]) == \
        "What happened on 18 July 2022?"
    assert shifted_date_question("the month after?", ["what happened on January 31, 2024?"]) == \
        "What happened in February 2024?"


def test_no_move_without_a_date_precise_enough_or_with_more_asked() -> None:
    assert shifted_date_question("the day before?", ["what happened in 2014?"]) is None  # a year has no days
    assert shifted_date_question("the year before?", ["what happened in 2014?"]) == "What happened in 2013?"
    assert shifted_date_question("and the day after?", ["who leads the group?"]) is None
    assert shifted_date_question("what did rama say the day after the attack?", HISTORY) is None


def test_without_a_date_asked_the_previous_answer_s_first_date_is_moved() -> None:
    said = "On September 7, 2022, the prime minister announced the break. It was confirmed on September 9, 2022."
    assert shifted_date_question("what happened the next day?", ["when was the break announced?"], lambda: said) == \
        "What happened on September 8, 2022?"
    assert shifted_date_question("the next day?", ["when was it announced?"], lambda: "It was never announced.") \
        is None
    assert shifted_date_question("the day after?", ["what happened on 1 May 2020?"], lambda: said) == \
        "What happened on 2 May 2020?"  # a date the history names comes first


def test_the_conversation_reads_a_move_in_time_as_the_moved_date() -> None:
    resolution = resolve("and the day after?", HISTORY)
    assert resolution.searched == "What happened on September 8, 2022?" and resolution.tied_to == HISTORY[-1]


@pytest.mark.parametrize("question, searched", [
    ("and what's the image people remember from the day after?", "and what's the image people remember on September 8, "
                                                                  "2022?"),
    ("who was the ambassador at the time?", "who was the ambassador on September 7, 2022?"),
    ("and the year after, what happened to the servers?", "and in 2023, what happened to the servers?"),
])
def test_a_time_said_inside_a_question_is_written_as_its_date(question: str, searched: str) -> None:
    assert dated_in_question(question, HISTORY) == searched


def test_a_time_inside_a_question_needs_a_date_named_and_none_of_its_own() -> None:
    assert dated_in_question("who was the ambassador at the time?", ["who leads the group?"]) is None
    assert dated_in_question("what did rama say the day after the attack?", HISTORY) is None  # names its own event
    assert dated_in_question("who led iran at the time of the attack?", HISTORY) is None
    assert dated_in_question("and the day after?", HISTORY) is None  # the whole question: shifted_date_question's
    assert dated_in_question("who was in charge at the time?", ["what happened in 2014?"]) == \
        "who was in charge in 2014?"  # as precise as the date named


def test_the_conversation_asks_a_question_dated_at_the_time_of_the_last_turn() -> None:
    resolution = resolve("so who was the ambassador at the time?", HISTORY)
    assert resolution.searched == "Who was the ambassador on September 7, 2022?"
    assert "date named" in resolution.cues and resolution.tied_to == HISTORY[-1]


def test_a_time_inside_a_question_that_names_its_own_event_is_left_alone() -> None:
    assert dated_in_question("what did he say the day after rama's announcement?", HISTORY) is None
    assert dated_in_question("and the year after, what happened?", HISTORY) == "and in 2023, what happened?"
