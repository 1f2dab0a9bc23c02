"""The kind of value a question asks for (``qtypes.expected_type``) and whether it asks yes or no."""

from __future__ import annotations

import pytest

from assistant.answer.qtypes import asks_yes_no, expected_type


@pytest.mark.parametrize("question", [
    "What is the default value of gin_pending_list_limit, in kilobytes?",
    "default timeout for the ftp method in seconds?",
    "whats the maximum size in bytes of an index tuple?",
    "whats the maximum length of a hostname in /etc/hosts",  # a measure is asked for
    "what is the size of the read buffer?",
])
def test_a_unit_asks_for_a_number(question: str) -> None:
    assert expected_type(question) == "number"


def test_the_date_asked_after_a_copula_asks_for_a_date() -> None:
    assert expected_type("what was the date the systems got knocked about by the hack?") == "date"
    assert expected_type("which is the day the release came out?") == "date"
    assert expected_type("what was the reason for the hack?") == "reason"


def test_reasons_or_motives_in_the_plural_ask_for_a_reason() -> None:
    assert expected_type("for what reasons?") == "reason"
    assert expected_type("what motives did they have?") == "reason"


def test_the_exact_day_or_year_asks_for_a_date_wherever_it_stands() -> None:
    assert expected_type("date rama went public with dropping iran?") == "date"  # typed like a form's field
    assert expected_type("year the mek arrived?") == "date"
    assert expected_type("year 2000 problem?") != "date"
    assert expected_type("what was the exact day of the storm?") == "date"
    assert expected_type("exact day of the worst one?") == "date"
    assert expected_type("do you know the precise year the bridge opened?") == "date"


def test_words_inside_an_identifier_or_a_path_cue_nothing() -> None:
    assert expected_type("what does gin_pending_list_limit control?") == "other"  # "list" is part of a name
    assert expected_type("what is /etc/when_ready for?") == "other"
    assert expected_type("list the options of apt.conf") == "list"  # a word of the question itself still cues
    assert expected_type("what is the number of bells?") == "number"
    assert expected_type("how did the installer cut down the number of questions?") == "other"  # a way is asked
    assert expected_type("why does the number of files grow?") == "reason"
    assert expected_type("what does the length option do?") == "other"  # a measure named, not asked for


@pytest.mark.parametrize("question,kind", [
    ("List the package priority levels dpkg knows about.", "list"),
    ("which version control systems does the handbook list as alternatives?", "list"),
    ("give me a list of the lessons", "list"),
    ("which mailing list does the report get forwarded to?", "other"),  # the noun of "mailing list"
    ("How do I reverse a list in Python?", "other"),
])
def test_list_asks_for_a_list_as_a_verb_not_as_a_noun(question: str, kind: str) -> None:
    assert expected_type(question) == kind


def test_a_date_word_that_describes_another_noun_asks_for_no_date() -> None:
    assert expected_type("What date formats does DateTime try by default?") != "date"
    assert expected_type("which year field holds the century?") != "date"
    assert expected_type("what date was the release?") == "date"
    assert expected_type("which year did the port start?") == "date"
    assert expected_type("In which season did the crisis erupt?") == "date"  # a season, a decade: still a date
    assert expected_type("what decade did the port start?") == "date"
    assert expected_type("what yr was it?") == "date"


def test_a_when_clause_of_condition_asks_for_no_time() -> None:
    assert expected_type("Which subexpressions does pytest show the values of when a plain assert fails?") != "date"
    assert expected_type("what port does the server listen on when I do flask run") != "date"
    assert expected_type("when did the port start?") == "date"
    assert expected_type("and since when is it allowed?") == "date"
    assert expected_type("since roughly when has the group been active?") == "date"


def test_an_opening_clause_of_condition_asks_for_no_time() -> None:
    assert expected_type("When a target release is set, what priority do its versions get?") != "date"
    assert expected_type("If I sign it with -V +52w1d, when does it expire?") == "date"
    assert expected_type("When did Albania cut ties, and why?") == "date"


def test_a_question_opening_with_an_auxiliary_is_a_yes_no_question() -> None:
    assert asks_yes_no("Is there a version of autoremove that also purges?")
    assert asks_yes_no('"Must I pass -f?"')
    assert not asks_yes_no("What is the default port?")


def test_a_wh_word_after_a_comma_opens_the_question() -> None:
    assert expected_type("what about iran, when did albania break with it?") == "date"
    assert expected_type("cgi script edited on windows gives 'command not found', why?") == "reason"
    assert expected_type("and israel, where does albania stand with them?") == "place"
    assert expected_type("hosting groups when they arrive is what?") == "other"  # no comma: inside a clause


def test_a_when_with_its_own_subject_after_a_comma_is_a_clause_of_time() -> None:
    assert expected_type("why was my request refused, when the same one was fine yesterday?") == "reason"
    assert expected_type("the backup ran fine, when did it stop working?") == "date"  # inverted: asked


@pytest.mark.parametrize("question, kind", [
    ("what tool can tell me the average row size of the tables?", "other"),  # a tool is asked for, not a size
    ("which setting controls the timeout in seconds?", "other"),
    ("what size does the cache default to in bytes?", "number"),  # the wh-word's noun is the measure itself
    ("what is the max length of a hostname?", "number"),
])
def test_a_thing_that_acts_on_a_measure_is_asked_for_not_the_measure(question: str, kind: str) -> None:
    assert expected_type(question) == kind
