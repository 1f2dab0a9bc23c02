"""The time or place a "when"/"where" question asks for, in forms other than a date or a name: a condition clause
for a present-tense "when", a file for "where", and a scene-setting opening clause that does not make a question a
"when" one (pure rules, then the guard on a small hand-written document: real index and MiniLM, no model)."""

from __future__ import annotations

import pytest

from assistant.answer.asked_forms import (asked_grain, asked_value, asks_condition, gives_condition, gives_file_place,
                                          main_question)
from assistant.answer.guard import guard_answer
from guard_helpers import indexed_document, whole_corpus_guard

DOC = """# Patent licence

If You institute patent litigation against any entity alleging that the Work infringes a patent, then any patent
licenses granted to You for that Work shall terminate as of the date such litigation is filed.

# Hashing

The -H option hashes a known hosts file. The original content is moved to a file with a .old suffix.
"""


def test_a_present_tense_when_asks_for_a_condition_a_past_one_for_a_date():
    assert asks_condition("When does the patent licence terminate?")
    assert asks_condition("since when has Albania been a partner?")
    assert not asks_condition("When did Albania cut ties with Iran?")
    assert gives_condition("The licence terminates as of the date the litigation is filed.")
    assert gives_condition("Once the build finishes, the index is valid.")
    assert gives_condition("This option is intended for situations where ssh-agent offers many identities.")
    assert gives_condition("Keep a copy in case the upgrade fails.")
    assert not gives_condition("The licence terminates.")
    assert not gives_condition("In many situations the default is fine.")


def test_a_file_is_a_place():
    assert gives_file_place("It is moved to a file with a .old suffix.")
    assert gives_file_place("Put it in apt.conf.")
    assert gives_file_place("It goes to the current directory.")
    assert not gives_file_place("It is moved away, e.g. to a backup.")


def test_an_opening_clause_sets_a_scene_and_the_question_follows():
    question = "When ssh-keygen -H hashes a file, where does the original go?"
    assert main_question(question) == "where does the original go?"
    assert main_question("When does it terminate, and why?") == "When does it terminate, and why?"


def test_a_topic_named_before_the_question_is_not_the_question():
    assert main_question("the big hack on albania's infrastructure - what date did it hit") == "what date did it hit"
    assert main_question("apt pinning: how does it work?") == "how does it work?"
    assert asked_value(main_question("the big hack - what date did it hit"), "date") == "date"
    assert asked_value("the big hack - what date did it hit", "date") is None  # what the guard read before


def test_a_count_asked_by_a_noun_needs_a_quantity():
    assert asked_value("count of towns that closed their ports before the flood?", "number") == "number"
    assert asked_value("what's the number of ferries the harbour runs?", "number") == "number"
    assert asked_value("what does the number of ferries depend on?", "other") is None
    # a question word before the comma opens the question itself: nothing is cut
    assert main_question("whats the mek, who founded it") == "whats the mek, who founded it"
    assert main_question("What is X, and when did it happen?") == "What is X, and when did it happen?"


@pytest.fixture(scope="module")
def docs(tmp_path_factory):
    return indexed_document(tmp_path_factory, "forms", DOC)


@pytest.fixture
def guard(docs):
    return whole_corpus_guard(docs)


def test_guard_keeps_a_condition_for_a_present_tense_when(guard):
    reply = "The patent licenses terminate as of the date the patent litigation is filed."
    assert not guard_answer(reply, guard("When do the patent licenses terminate?")).abstained
    assert guard_answer(reply, guard("When did the patent licenses terminate?")).abstained  # a date was asked


def test_guard_keeps_a_file_for_a_where_question_opened_by_a_clause(guard):
    reply = "The original content is moved to a file with a .old suffix."
    question = "When -H hashes a known hosts file, where does the original content go?"
    assert not guard_answer(reply, guard(question)).abstained
    assert guard_answer("The original content is moved.", guard("Where does the original content go?")).abstained


def test_guard_wants_the_date_a_question_after_a_topic_asks_for(guard):
    reply = "The original content is moved to a file with a .old suffix."
    assert guard_answer(reply, guard("the hashing of known hosts - what date was it added?")).abstained
    assert not guard_answer(reply, guard("the hashing of known hosts - where does the original content go?")).abstained


def test_a_release_dates_a_change_but_a_numbered_name_is_no_value():
    """Technical documents date a change by the release that made it: "removed in Flask 2.2" answers "when?"; "Ashraf
    3" names a place and is neither a date nor a quantity."""
    from assistant.answer.guard_checks import gives_asked

    assert gives_asked("It was removed in Flask 2.2.", "date", "when was the setting taken out?")
    assert not gives_asked("It moved to Ashraf 3.", "date", "when did the group move?")
    assert not gives_asked("It moved to Ashraf 3.", "number", "how many members moved?")
    assert gives_asked("About 3,000 members moved.", "number", "how many members moved?")
    assert gives_asked("Iraq.", "place", "where did the members live before?")  # its one capital opens it
    assert not gives_asked("Approximately 3,000.", "place", "where did the members live before?")


def test_a_time_is_given_at_the_grain_asked():
    """ "Which month ...?" is not answered by a year alone, "what day ...?" by a month alone, "which century ...?" by
    a sentence without one."""
    from assistant.answer.guard_checks import gives_asked

    assert asked_grain("which month of 2014 did the first members land?") == "month"
    assert asked_grain("in roughly which century bc did it happen?") == "century"
    assert asked_grain("when did they land?") is None and asked_grain("what year did they land?") is None
    assert not gives_asked("The members came in 2014.", "date", "which month of 2014 did the members come?")
    assert gives_asked("The members came in May 2014.", "date", "which month of 2014 did the members come?")
    assert not gives_asked("It hit in July 2022.", "date", "what day did the attack hit?")
    assert gives_asked("It hit on July 15, 2022.", "date", "the big attack - what day did it hit?")
    assert not gives_asked("It was the first empire.", "date", "in roughly which century bc did it fall?")
    assert gives_asked("In the 5th century BC.", "date", "in roughly which century bc did it fall?")
    assert gives_asked("The members came in 2014.", "date", "what year did the members come?")
