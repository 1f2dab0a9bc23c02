"""Issue 16u's reading rules, each on a hand-built fixture (the real spaCy parser, no index)."""

from __future__ import annotations

from assistant.followup_refs import Antecedents

ALLIANCE = ("It signals its dedication to its alliances and its inclination towards certain alliances. [1] As a NATO "
            "member, Albania is an active participant in global security efforts. [2]")


def test_a_which_question_is_answered_by_one_thing_of_its_kind_that_points_nowhere_else() -> None:
    refs = Antecedents("Which alliance is Albania a member of?", lambda: ALLIANCE, lambda word: 1.0)
    assert refs.find("thing") == "NATO"  # not "its alliances" (pointing back itself) nor "certain alliances"
    plural = Antecedents("Which alliances is Albania a member of?", lambda: ALLIANCE, lambda word: 1.0)
    assert plural.find("thing") == "certain alliances"
