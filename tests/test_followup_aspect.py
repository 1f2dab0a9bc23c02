"""A "what about X, ...?" follow-up: X an aspect of the earlier topic, or a country the question calls "they"
(assistant.followup.resolve, named_lead)."""

from __future__ import annotations

from assistant.followup import lead_names_nothing, resolve
from assistant.followup_params import PARAMS


def test_an_aspect_lead_keeps_the_earlier_topic() -> None:
    searched = resolve("what about the scale, how bad was it?", ["who got blamed for the flood?"]).searched
    assert searched == "How bad was the scale flood?"
    searched = resolve("what about the cost, any idea?", ["how did the council react to the bridge closure?"]).searched
    assert searched is not None and "bridge" in searched and searched.startswith("Any idea")


def test_a_named_lead_or_the_same_question_of_another_thing_stands_alone() -> None:
    assert resolve("what about Kosovo, when did it recognize Israel?", ["when did albania recognize israel?"]).searched \
        == "When did Kosovo recognize Israel?"
    # the same wh-question of another thing: a parallel question, not an aspect
    assert resolve("what about the storm, when was that?", ["when did the city close the port?"]).searched \
        == "When was the storm?"


def test_the_lead_names_nothing_without_a_proper_noun() -> None:
    assert lead_names_nothing("what about the scale, how bad was it?")
    assert not lead_names_nothing("what about Iran, does it accept the blame?")


def test_the_aspect_reading_can_be_turned_off() -> None:
    from dataclasses import replace

    off = replace(PARAMS, aspect_lead=False)
    assert resolve("what about the scale, how bad was it?", ["who got blamed for the flood?"], params=off).searched \
        == "How bad was the scale?"


def test_a_country_led_with_is_they() -> None:
    from assistant.followup import named_lead

    assert named_lead("what about the us, what did they give?") == "What did the United States give?"
    assert named_lead("what about France, what did they say?") == "What did France say?"
