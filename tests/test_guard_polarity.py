"""A sentence that opens by denying ("No, ...") answers only a question asking yes or no (pure rule, then the guard
on a small hand-written document: real index and MiniLM, no model)."""

from __future__ import annotations

import pytest

from assistant.answer.guard import guard_answer
from assistant.answer.polarity import (
    asks_polarity, name_after_polarity, polarity_unasked, purpose_only, reasons_unasked,
)
from assistant.answer.reply import split_answer
from guard_helpers import indexed_document, whole_corpus_guard


def test_any_yes_no_clause_makes_a_question_ask_for_polarity():
    assert asks_polarity("Does the ferry run on Sundays?")
    assert asks_polarity("Before 1990, had any ferry crossed the strait?")
    assert asks_polarity("copy into a table with security on - does that work?")
    assert asks_polarity("the ferry runs daily, right?")
    assert asks_polarity("Am I allowed to take a bicycle on board?")
    assert not asks_polarity("How did the harbour respond to the storm?")
    assert not asks_polarity("Which ferry is the fastest?")
    assert asks_polarity("the ferry stopped running on sundays. is that expected?")  # a question after a statement


def test_a_denial_opening_an_answer_to_an_open_question_is_dropped():
    assert polarity_unasked("No, the ferry does not run on Sundays.", "When does the ferry run?")
    assert polarity_unasked("No - it stops in winter.", "How often does the ferry run?")
    assert not polarity_unasked("No, the ferry does not run on Sundays.", "Does the ferry run on Sundays?")
    assert not polarity_unasked("No fee is charged for bicycles.", "What does a bicycle cost on the ferry?")
    assert not polarity_unasked("No longer a small port: it is a hub.", "How is the harbour described?")
    assert not polarity_unasked("No error: the trip is simply cancelled.", "what happens in a storm, an error?")


def test_a_yes_or_a_likelihood_opening_an_answer_to_an_open_question_is_dropped():
    lessons = "What lessons does the article draw from the saga?"
    assert polarity_unasked("Highly unlikely, since military action against a NATO member remains unlikely.", lessons)
    assert polarity_unasked("Yes, the ferry runs daily.", "When does the ferry run?")
    assert not polarity_unasked("Highly unlikely, given the storms.", "How likely is a crossing in January?")
    assert not polarity_unasked("Probably not.", "Will the ferry run in January?")  # a yes/no question
    assert not polarity_unasked("Likely candidates are the two ports.", lessons)  # no polarity given
    assert not polarity_unasked("Yes, it may run first.", "at what point can the script run? before the install?")


def test_a_reason_opening_an_answer_to_a_question_that_asks_no_why_is_dropped():
    assert reasons_unasked("Perhaps because the pier was closed.", "What other lesson does the report draw?")
    assert reasons_unasked("Because of the storm.", "When does the ferry run?")
    assert not reasons_unasked("Because of the storm.", "Why was the ferry cancelled?")
    assert not reasons_unasked("Because the pier was closed.", "The ferry stopped - how come?")
    assert not reasons_unasked("Because the pier was closed.", "What was the reason the ferry stopped?")
    assert not reasons_unasked("Becauseway is the pier's name.", "What is the pier called?")


def test_a_bare_purpose_answers_no_question_asking_for_a_thing_a_time_or_a_place():
    purpose = "To strengthen its ties with the harbour towns."
    assert purpose_only(purpose)
    assert reasons_unasked(purpose, "which guild ran the ferry?")
    assert reasons_unasked(purpose, "When did the ferry start?")
    assert not reasons_unasked(purpose, "What did the guild hope to gain?")  # asks for an aim
    assert not reasons_unasked(purpose, "What was the purpose of the ferry?")
    assert not purpose_only("To book a seat, call the harbour office.")  # an instruction: "call" is its root
    assert not purpose_only("To the harbour.")  # a place, not an infinitive
    assert not purpose_only("The guild wanted to strengthen its ties.")


def test_a_capital_after_yes_or_no_is_a_name():
    assert name_after_polarity("Yes, Roots is a member.") == "roots"
    assert name_after_polarity("No, the ferry does not run.") is None
    assert name_after_polarity("Yes. The ferry runs daily.") is None  # a new sentence: its capital says nothing
    assert name_after_polarity("No, The ferry does not run.") is None  # a stopword


DOC = """# Ferries

The ferry does not run on Sundays. On weekdays it leaves the harbour every two hours, and the crossing takes forty
minutes.
"""


@pytest.fixture(scope="module")
def docs(tmp_path_factory):
    return indexed_document(tmp_path_factory, "polarity", DOC)


def test_the_guard_keeps_a_denial_only_where_polarity_was_asked(docs):
    make = whole_corpus_guard(docs)
    answer = "No, the ferry does not run on Sundays."
    assert not guard_answer(answer, make("Does the ferry run on Sundays?")).abstained
    assert guard_answer(answer, make("How often does the ferry run on Sundays?")).abstained
    assert guard_answer("Yes, Harbour runs on weekdays.", make("Does the ferry run on weekdays?")).abstained  # a name


def test_a_yes_before_a_phrase_states_only_what_the_question_asks(docs):
    """"Yes, <a phrase>" says yes though the phrase has no verb, when the phrase meets the question's terms."""
    make = whole_corpus_guard(docs)
    answer = "Yes, every two hours on weekdays."
    assert not guard_answer(answer, make("Does the ferry leave on weekdays?")).abstained
    assert guard_answer("Every two hours on weekdays.", make("Does the ferry leave on weekdays?")).abstained
    assert guard_answer(answer, make("Is the crossing rough?")).abstained


def test_a_bare_yes_or_no_is_guarded_with_the_sentence_it_opens(docs):
    """"No." alone holds no claim; joined to the next sentence it is kept where polarity was asked, kept in the
    answer's text, and dropped with its sentence where it was not."""
    assert [u.text for u in split_answer("No. [1] The ferry does not run on Sundays. [1] It leaves every two hours.")] \
        == ["No. The ferry does not run on Sundays.", "It leaves every two hours."]
    make = whole_corpus_guard(docs)
    answer = "No. The ferry does not run on Sundays."
    kept = guard_answer(answer, make("Does the ferry run on Sundays?"))
    assert not kept.abstained and kept.text.startswith("No. The ferry does not run on Sundays.")
    assert guard_answer(answer, make("How often does the ferry run on Sundays?")).abstained
