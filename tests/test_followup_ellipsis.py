"""Elliptical follow-ups of issue 16g, each on a made-up two-turn example: the real spaCy parser, no index."""

from __future__ import annotations

import pytest

from assistant.followup import resolve
from assistant.followup_ellipsis import (
    action_phrase, agent_fragment, event_it, gerund, gerund_clause, participle_fragment,
)
from assistant.answer.qtypes import expected_type
from assistant.nlp import syntax


def test_a_participle_phrase_is_said_of_the_previous_subject() -> None:
    assert resolve("and founded in paris since when?", ["What does UNESCO stand for?"]).searched == \
        "UNESCO founded in paris since when?"


def test_a_participle_with_nothing_of_its_own_qualifies_the_previous_verb() -> None:
    assert not participle_fragment(syntax("and based on what?"))
    assert not participle_fragment(syntax("was it founded in paris?"))  # a subject and an auxiliary of its own
    searched = resolve("and based on what?", ["Who did the council blame?"]).searched
    assert searched is not None and "blame" in searched


def test_a_fragment_ending_on_its_wh_word_asks_its_own_kind_of_the_previous_question() -> None:
    searched = resolve("relocated from where?", ["Which country was the museum relocated to?"]).searched
    assert searched is not None and "museum" in searched and "which country" not in searched.lower()
    assert expected_type(searched) == "place"  # not the previous question's "which country": an entity
    searched = resolve("a landmark for what?", ["How does the guide describe the size of the old museum?"]).searched
    assert searched is not None and "museum" in searched and expected_type(searched) == "other"  # no size asked


def test_that_is_the_action_the_previous_yes_no_question_asked_about() -> None:
    assert resolve("why isn't that recommended?", ["can the server log the hostname of each client?"]).searched == \
        "Why isn't logging the hostname of each client recommended?"
    assert action_phrase("what does the server log?") is None  # no yes/no question: the event's gist instead
    assert action_phrase("is the server fast?") is None  # no verb with an object


@pytest.mark.parametrize("verb, form", [("show", "showing"), ("make", "making"), ("set", "setting"),
                                        ("die", "dying"), ("see", "seeing"), ("log", "logging"), ("run", "running")])
def test_gerunds(verb: str, form: str) -> None:
    assert gerund(verb) == form


def test_it_that_led_to_something_is_the_previous_questions_gerund_clause() -> None:
    assert gerund_clause("was the city building the bridge really necessary?") == "city building the bridge"
    assert gerund_clause("what's the rule about towns raising taxes in winter?") == "towns raising taxes in winter"
    assert gerund_clause("was the bridge necessary?") is None  # no event said as a gerund: "it" as before
    assert resolve("so what did it end up leading to?", ["was the city building the bridge really necessary?"]) \
        .searched == "What did city building the bridge end up leading to?"


@pytest.mark.parametrize(("question", "event"), [
    ("what did it lead to?", True), ("so what did it end up causing?", True), ("has anyone else done it?", True),
    ("what triggered it in the end?", True), ("what caused it?", True),
    ("when did it end?", False), ("how did the mayor see it?", False), ("what does it cost?", False)])
def test_it_is_an_event_only_beside_a_verb_of_causing_or_doing(question: str, event: bool) -> None:
    parsed = syntax(question)
    assert [event_it(parsed, t.i) for t in parsed.tokens if t.text == "it"] == [event]


def test_a_wh_questions_event_is_its_subject_doing_the_asked_for_thing() -> None:
    assert gerund_clause("what repairs did the city carry out on the bridge?") == \
        "the city carrying out repairs on the bridge"
    assert gerund_clause("why did the council close the harbour?") == "the council closing the harbour"
    assert gerund_clause("what does the council do?") is None  # "do" names no event
    assert gerund_clause("who did the council blame?") is None  # the wh-word is the bare object
    assert resolve("and what did that lead to?", ["why did the council close the harbour?"]).searched == \
        "What did the council closing the harbour lead to?"


def test_what_triggered_it_asks_what_set_off_the_previous_event() -> None:
    assert resolve("what triggered it in the end?", ["why did the council and the union fall out?"]).searched == \
        "What triggered the council and the union falling out in the end?"


@pytest.mark.parametrize(("question", "event"), [("what did that lead to?", True), ("why is that a problem?", False)])
def test_that_is_an_event_beside_a_verb_of_causing(question: str, event: bool) -> None:
    parsed = syntax(question)
    assert [event_it(parsed, t.i) for t in parsed.tokens if t.text == "that"] == [event]


def test_a_participle_with_by_asks_who_or_what_did_it() -> None:
    previous = "when did the strike become a full-blown crisis?"
    assert agent_fragment("triggered by?", previous) == "What triggered the strike become a full-blown crisis?"
    assert agent_fragment("announced by whom?", "when did the city close the port?") == \
        "Who announced the city close the port?"
    assert agent_fragment("by whom?", previous) is None and agent_fragment("go by?", previous) is None
    searched = resolve("triggered by?", [previous]).searched
    assert searched is not None and expected_type(searched) != "date"  # not the previous question's "when"
