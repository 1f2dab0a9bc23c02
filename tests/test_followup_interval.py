"""Follow-ups that ask how far apart, or in which order, the conversation's events are ("which came first?", "how
long between them?", "how many days later did X?"): the events they name or point to (assistant.followup_interval),
on made-up questions."""

from __future__ import annotations

from assistant.followup_interval import asked_event, interval_followup


def test_a_time_question_names_its_event_without_its_asking_words() -> None:
    assert asked_event("when was the storm on the island?") == "the storm on the island"
    assert asked_event("And in which year did the old pier get rebuilt?") == "the old pier get rebuilt"
    assert asked_event("what date did the ferry stop running?") == "the ferry stop running"
    assert asked_event("and the date the keeper retired?") == "the keeper retired"


def test_two_earlier_questions_give_both_events() -> None:
    history = ["when was the storm on the island?", "When did the ferry stop running?"]
    assert interval_followup("which came first?", history) == \
        "Which came first, the storm on the island or the ferry stop running?"
    assert interval_followup("how long between them?", history) == \
        "How much time passed between the storm on the island and the ferry stop running?"  # no unit asked
    assert interval_followup("and how many years apart were they?", history) == \
        "How many years passed between the storm on the island and the ferry stop running?"


def test_one_event_of_its_own_is_paired_with_the_previous_one() -> None:
    history = ["when was the storm on the island?"]
    assert interval_followup("how many days later did the ferry stop running?", history) == \
        "How many days passed between the storm on the island and the ferry stop running?"
    assert interval_followup("how long after that did the ferry stop running?", history) == \
        "How much time passed between the storm on the island and the ferry stop running?"
    assert interval_followup("how many years after the pier opened was that?", history) == \
        "How many years passed between the storm on the island and the pier opened?"
    assert interval_followup("was that before or after the ferry stopped running?", history) == \
        "Was the storm on the island before or after the ferry stopped running?"  # "that" is the one placed
    assert interval_followup("and was the ferry stopped before or after that?", history) == \
        "Was the ferry stopped before or after the storm on the island?"


def test_how_far_apart_after_an_order_question_takes_both_of_its_events() -> None:
    history = ["which came first, the storm on the island or the ferry stopping?"]
    assert interval_followup("how far apart were they?", history) == \
        "How much time passed between the storm on the island and the ferry stopping?"
    assert interval_followup("how many years apart were they?", history) == \
        "How many years passed between the storm on the island and the ferry stopping?"
    timed = ["when was the storm on the island?", "When did the ferry stop running?"]
    assert interval_followup("how far apart were they?", timed) == \
        "How much time passed between the storm on the island and the ferry stop running?"
    assert interval_followup("how far apart are they?", ["where is the lighthouse?", "where is the pier?"]) is None
    assert interval_followup("how far apart are they?", ["who built the lighthouse?", "what is the pier made of?"]) \
        is None  # no time asked before: a distance, or nothing the conversation can measure


def test_a_question_naming_both_events_or_asking_no_interval_is_left_alone() -> None:
    history = ["when was the storm on the island?"]
    assert interval_followup("how many days between the storm and the flood?", history) is None
    assert interval_followup("which came first, the storm or the flood?", history) is None
    assert interval_followup("who ran the ferry?", history) is None
    assert interval_followup("which came first?", history) is None  # one earlier event is not two
