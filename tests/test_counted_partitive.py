"""A number counts the noun of the phrase it is a part of ("3,000 members of the exiled group" answers "how many
exiles"), and people are counted by any noun that counts people ("3,000 members" answers "how many people")."""

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


def test_people_are_counted_by_any_noun_that_counts_people() -> None:
    assert value_near(SENTENCE, "people", "roughly how many mek people did albania let in?", "number")
    assert not value_near("Albania accepted the exiled group in 2014 and 3 ministries fell.", "people",
                          "how many people did albania let in?", "number")
