"""Countries as people type them in a follow-up (issue 16i), on made-up questions: the real spaCy parser, no index."""

from __future__ import annotations

from assistant.followup import resolve
from assistant.followup_names import spelled_out


def test_lower_case_initials_after_the_are_the_country() -> None:
    assert spelled_out("what aid does the us send them?") == "what aid does the United States send them?"
    assert spelled_out("and the uk?") == "and the United Kingdom?"


def test_a_peoples_name_after_the_is_their_country() -> None:
    assert spelled_out("and with the americans?") == "and with the United States?"


def test_capitals_a_pronoun_and_a_bare_people_stay_as_typed() -> None:
    assert spelled_out("did the US sign it?") == "did the US sign it?"
    assert spelled_out("can you tell us more?") == "can you tell us more?"
    assert spelled_out("do americans like it?") == "do americans like it?"
    assert spelled_out("what about the users?") == "what about the users?"


def test_a_follow_up_searches_the_country_by_name() -> None:
    searched = resolve("and with the americans?", ["what's portugal's relationship with brazil like?"]).searched
    assert searched is not None and "United States" in searched and "americans" not in searched

