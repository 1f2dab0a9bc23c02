"""Order and interval questions ("which came first, A or B?", "how many days between A and B?"): the two events,
whether two dates tell them apart, and the computed answer (assistant.answer.arithmetic), on made-up text."""

from __future__ import annotations

from datetime import date

from assistant.answer.arithmetic import (
    DatedValue, asks_order, asks_relative, event_dates, order_parts, order_phrase, told_apart,
)
from assistant.answer.query import question_parts


def test_the_two_events_an_order_question_compares() -> None:
    assert order_parts("which came first, the bridge or the tower?") == ["the bridge", "the tower"]
    assert order_parts("What happened earlier: the great storm or the new pier?") == ["the great storm", "the new pier"]
    assert order_parts("was the harbour rebuilt before or after the ferry moved?") == ["the harbour rebuilt",
                                                                                        "the ferry moved"]
    assert question_parts("which came first, the bridge or the tower?") == ["the bridge", "the tower"]


def test_no_order_of_two_named_events_is_no_order_question() -> None:
    assert order_parts("which came first?") == []  # nothing named: a follow-up's, read from the conversation
    assert order_parts("which bridge came first, the stone one?") == []  # no second event
    assert order_parts("which is faster, the bridge or the ferry?") == []  # not an order in time
    assert order_parts("in the loop, do callbacks run before or after the hooks?") == []  # no auxiliary leads it


def test_which_of_those_came_first_asks_an_order() -> None:
    assert asks_order("which of those came first?")  # the two events of the conversation
    assert asks_order("which of the two events happened earlier?")
    assert not asks_order("which of those came with a warranty?")


def _dated(text: str, value: date, day: bool = True, year: bool = True) -> DatedValue:
    return DatedValue(text, value, day, year)


def test_two_dates_tell_the_events_apart_by_year_or_by_day() -> None:
    assert told_apart(_dated("1911", date(1911, 1, 1), day=False), _dated("July 15, 2022", date(2022, 7, 15)))
    assert told_apart(_dated("May 4, 2020", date(2020, 5, 4)), _dated("May 9, 2020", date(2020, 5, 9)))
    assert not told_apart(_dated("2022", date(2022, 1, 1), day=False), _dated("summer of 2022", date(2022, 1, 1),
                                                                             day=False))  # the same year only


def test_the_computed_answer_names_the_earlier_event_first() -> None:
    later, earlier = _dated("July 15, 2022", date(2022, 7, 15)), _dated("1911", date(1911, 1, 1), day=False)
    phrase = order_phrase(["the cyberattack", "the glass flute"], later, earlier)
    assert phrase.startswith("The glass flute came first (1911 [{0}]), then the cyberattack (July 15, 2022 [{1}])")


def test_a_before_or_after_question_is_answered_before_or_after_first() -> None:
    later, earlier = _dated("July 15, 2022", date(2022, 7, 15)), _dated("1911", date(1911, 1, 1), day=False)
    assert asks_relative("was the cyberattack before or after the glass flute?")
    assert not asks_relative("which came first, the cyberattack or the glass flute?")
    parts = ["the cyberattack", "the glass flute"]
    assert order_phrase(parts, later, earlier, relative=True).startswith("After: The glass flute came first")
    assert order_phrase(parts[::-1], earlier, later, relative=True).startswith("Before: The glass flute came first")


def test_a_remark_is_dated_by_its_telling() -> None:
    told = 'As a sailor told the Harbour Gazette in 1999, "the storm was the worst".'
    assert event_dates(told) == []  # the storm is not dated by the telling
    assert [d.text for d in event_dates(told, "the sailor's remark")] == ["1999"]  # the remark is


def test_an_interval_s_events_follow_what_the_interval_is() -> None:
    from assistant.answer.arithmetic import question_parts as interval_parts

    assert interval_parts("how many years did the keeper wait between the storm and the rebuild of the pier?") == [
        "the storm", "the rebuild of the pier"]  # "the keeper wait" says what the interval is
    assert interval_parts("how many days did the town wait after the great storm before rebuilding the pier?") == [
        "the great storm", "rebuilding the pier"]
    assert interval_parts("how many days after the storm did the town rebuild the pier?") == [
        "the storm", "the town rebuild the pier"]  # one event before the verb, one after: both kept
    assert interval_parts("the storm vs the pier being rebuilt - how many days apart?") == [
        "the storm", "the pier being rebuilt"]  # events named before the question, "vs" between them
    assert interval_parts("how many days apart were the storm and the rebuild?") == ["the storm", "the rebuild"]
