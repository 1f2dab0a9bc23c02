"""Number comparison questions: the two sides, the value each sentence gives for a side, the computed sentence."""

from __future__ import annotations

from assistant.answer.comparison import compared_parts, phrase, stated_values, value_for


def test_comparative_questions_name_two_sides() -> None:
    assert compared_parts("how many more packages did rex have compared to buzz") == ["packages did rex have", "buzz"]
    assert compared_parts("How much higher is Las Vegas than Madison?") == ["is Las Vegas", "Madison"]
    assert compared_parts("how many more steps are there between the north tower and the south one?") == [
        "the north tower", "the south one"]
    assert compared_parts("how much slower is it?") == []  # one side only: nothing to compute


def test_how_two_things_differ_is_not_a_number_question() -> None:
    assert compared_parts("What's the difference between /tmp and /var/tmp?") == []
    assert compared_parts("how many packages did rex have than buzz?") == []  # no comparative: no difference asked
    assert compared_parts("How many fewer developers did buzz have than rex?") == ["developers did buzz have", "rex"]


def test_dates_are_no_stated_quantities() -> None:
    text = "1.2 Rex released December 1996 (848 packages, 120 developers), in 1997 followed by Bo"
    assert [v.value for v in stated_values(text)] == [1.2, 848.0, 120.0]
    assert [v.value for v in stated_values("Las Vegas | 2174")] == [2174.0]  # a bare year-like number counts


def test_the_value_sits_by_the_counted_noun_or_after_the_side() -> None:
    text = "1.2 Rex released December 1996 (848 packages, 120 developers)"
    assert value_for(text, "rex", "packages").value == 848
    assert value_for(text, "rex", "developers").value == 120
    assert value_for("Las Vegas | 2174 and Mariposa | 1953", "Mariposa", None).value == 1953
    assert value_for("It has 3 doors and 9 windows.", "house", None) is None  # two numbers, nothing to tell them


def test_the_computed_sentence_cites_both_values() -> None:
    a, b = stated_values("848 packages")[0], stated_values("474 packages")[0]
    assert phrase(a, b).format(1, 2) == (
        "The difference is 374: 848 [1] against 474 [2] (computed from the cited values).")
