"""A fragment asking what the previous question's abbreviation stands for ("stands for?", "full name?")."""

from __future__ import annotations

from assistant.followup import resolve
from assistant.followup_naming import abbreviation_question


def test_stands_for_after_a_question_naming_an_abbreviation() -> None:
    assert resolve("stands for?", ["what does the WMO do?"]).searched == "What does WMO stand for?"
    assert resolve("and the full name?", ["where is the WMO based?"]).searched == "What is the full name of the WMO?"


def test_no_abbreviation_or_another_fragment_is_left_to_the_other_rules() -> None:
    assert abbreviation_question("stands for?", "what does the agency do?") is None
    assert abbreviation_question("stands for?", "does the WMO work with the UN?") is None  # two: which one?
    assert abbreviation_question("based where?", "what does the WMO do?") is None
