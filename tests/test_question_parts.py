"""Multi-part questions split into sub-questions (assistant.answer.query.question_parts), on plain strings."""

from __future__ import annotations

from assistant.answer.query import question_parts


def test_two_questions_joined_by_and_are_two_parts() -> None:
    assert question_parts("Where does apt-get keep downloaded files, and where does it store the package lists?") == [
        "Where does apt-get keep downloaded files", "where does it store the package lists?"]
    assert question_parts("who is the prime minister and can he dissolve parliament?")[1] == "can he dissolve parliament?"


def test_a_preposition_may_lead_the_second_question() -> None:
    assert question_parts("When did Albania recognize Israel, and in which city is its embassy?") == [
        "When did Albania recognize Israel", "in which city is its embassy?"]


def test_a_short_second_part_is_asked_about_the_first_parts_topic() -> None:
    parts = question_parts("how many members did albania accept and in what year?")
    assert parts[0] == "how many members did albania accept"
    assert parts[1].startswith("in what year") and "albania" in parts[1] and "accept" in parts[1]


def test_single_questions_and_pairs_of_nouns_stay_whole() -> None:
    assert question_parts("what is the relation between albania and iran?") == []
    assert question_parts("what is X? thanks") == []  # the first part is too thin to stand alone
    assert question_parts("Who leads the group these days?") == []
