"""A number counts the noun of the phrase it is a part of: "3,000 members of the exiled group" answers "how many
exiles"."""

from assistant.answer.counted import value_near

SENTENCE = "In 2014 Albania accepted approximately 3,000 members of the exiled opposition group, the PMOI."


def test_a_number_of_members_counts_what_the_phrase_after_of_names() -> None:
    assert value_near(SENTENCE, "exiles", "How many iranian exiles did albania take in?", "number")


def test_no_number_before_of_counts_nothing() -> None:
    assert not value_near("Albania hosted members of the exiled opposition group.", "exiles",
                          "How many exiles did albania take in?", "number")


def test_a_number_the_question_gives_is_not_an_answer() -> None:
    assert not value_near("Albania hosted about 3000 members of the exiled group.", "exiles",
                          "Did albania take in 3000 exiles?", "number")
