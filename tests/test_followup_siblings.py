"""Words the documents list side by side take each other's place in a parallel follow-up (pure functions on
made-up texts)."""

from __future__ import annotations

from assistant.followup_siblings import LISTED_FIRST, listed_together, with_listings

TEXTS = ["Every package belongs to one of the areas main, contrib or non-free.",
         "Packages in main must comply with the guidelines; the mirrors carry packages for users."]


def test_a_series_lists_its_items_together() -> None:
    assert listed_together("main", "non-free", TEXTS) and listed_together("non-free", "main", TEXTS)
    assert listed_together("contrib", "non-free", TEXTS)
    assert listed_together("apples", "pears", ["We sell apples, plums, pears."])
    assert not listed_together("packages", "non-free", TEXTS)  # in one text, but in no series
    assert not listed_together("main", "main", TEXTS)
    assert not listed_together("free", "main", TEXTS)  # "non-free" is not "free"


def test_a_listed_option_ranks_first_whatever_its_cosine() -> None:
    scores = with_listings("non-free", ["packages", "main", "comply"], [0.6, 0.3, 0.1], TEXTS)
    assert max(range(3), key=lambda i: scores[i]) == 1
    assert scores == [0.6, 0.3 + LISTED_FIRST, 0.1]
    assert with_listings("kiwis", ["packages"], [0.2], TEXTS) == [0.2]  # listed with nothing: cosines as they are
