"""A yes/no question whether there are any of something, then a fragment asking for them ("which?", "such as?",
"how many?"): the fragment's wh-word takes the place of "any"."""

from __future__ import annotations

from assistant.followup import resolve
from assistant.followup_listing import listing_question


def test_which_after_does_it_give_any_asks_which_of_them() -> None:
    assert resolve("which?", ["does the guide give any opening hours?"]).searched == \
        "Which opening hours does the guide give?"
    assert listing_question("such as?", "does the guide list any fees apart from parking?") == \
        "Which fees does the guide list apart from parking?"


def test_how_many_after_are_there_any_counts_them() -> None:
    assert resolve("how many?", ["are there any ferries to the island in winter?"]).searched == \
        "How many ferries are there to the island in winter?"
    assert listing_question("how many?", "besides the museum, does the town have any galleries?") == \
        "How many galleries does the town have, besides the museum?"


def test_other_fragments_and_questions_are_left_to_the_other_rules() -> None:
    assert listing_question("why?", "are there any ferries?") is None  # asks no list
    assert listing_question("which?", "is the ferry any good?") is None  # no "are there any" / "does X V any"
    assert listing_question("which?", "when did the ferry start?") is None
