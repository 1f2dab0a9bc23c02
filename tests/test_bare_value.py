"""A verbless answer that is only a value answers only a question asking for that kind of value (spaCy parse of
hand-written phrases; no index or model needed beyond the pinned parser)."""

from __future__ import annotations

import pytest

from assistant.answer.bare_value import (
    asked_kinds, bare_value_kind, bare_value_unasked, fewer_than_asked, names_nothing, time_phrase_unasked,
    value_of_another_event, value_told,
)
from assistant.terms import stem


@pytest.mark.parametrize(("text", "kind"), [
    ("In the summer of 2022.", "date"),
    ("Since the early 1980s.", "date"),
    ("Approximately 3,000.", "number"),
    ("5020.", "number"),  # four digits, not a year
    ("The Western Balkans.", "name"),
    ("Prime Minister Enver Hoxha.", "name"),  # a title's capitals count with the name
    ("A geopolitical time bomb.", None),  # words beyond a value
    ("On humanitarian grounds.", None),
    ("Albania cut ties in 2022.", None),  # a verb: a statement, not a bare value
    ("124 instead of 123).", None),  # a piece of a sentence split inside brackets
])
def test_the_kind_of_a_bare_value(text: str, kind: str | None) -> None:
    assert bare_value_kind(text) == kind


def test_read_loosely_a_number_the_tagger_left_out_counts() -> None:
    assert bare_value_kind("The summer of 2022.") == "date"  # the tagger's date, cut before its year, made whole
    assert bare_value_kind("8 years (2014 to 2022).") is None
    assert bare_value_kind("8 years (2014 to 2022).", loose=True) == "date"  # a duration with the years it spans
    assert bare_value_unasked("The summer of 2022.", frozenset({"reason"}), "Why did the guild close the pier?")


def test_a_bare_value_answers_only_its_kind_of_question() -> None:
    why = asked_kinds("why did Albania cut ties with Iran?", [])
    assert bare_value_unasked("Prime Minister Enver Hoxha.", why)
    assert not bare_value_unasked("On humanitarian grounds.", why)  # a bare reason
    what = asked_kinds("what sanctions did Washington impose?", [])
    assert bare_value_unasked("In the summer of 2022.", what)
    assert not bare_value_unasked("The United States.", what)  # a name answers a what-question
    assert not bare_value_unasked("In the summer of 2022.", asked_kinds("since roughly when did it last?", []))
    two = "what is the MEK and when did it arrive?"
    assert not bare_value_unasked("In 2014.", asked_kinds(two, ["what is the MEK", "when did it arrive"]))
    assert not bare_value_unasked("In 2014.", frozenset())  # no question: nothing to judge by


def test_something_abstract_asked_is_not_answered_by_a_bare_value() -> None:
    lessons = "What lessons does the report draw from the flood?"
    assert bare_value_unasked("The Harbour Authority of Halifax.", asked_kinds(lessons, []), lessons)
    assert bare_value_unasked("In 1917.", asked_kinds(lessons, []), lessons)
    assert not bare_value_unasked("That levees must be raised.", asked_kinds(lessons, []), lessons)  # not bare
    capital = "What is the capital of the province?"
    assert not bare_value_unasked("Halifax.", asked_kinds(capital, []), capital)  # a name is the thing asked
    both = "What lessons were drawn, and when was the report published?"
    assert not bare_value_unasked("In 2014.", asked_kinds(both, ["when was the report published"]), both)
    event = "what happened on may 3 and what did the council do about it?"
    assert bare_value_unasked("Mayor Jan Peters.", asked_kinds(event, []), event)  # a name is no event
    assert not bare_value_unasked("A flood of the harbour.", asked_kinds(event, []), event)
    outlook = "so whats the outlook for the harbour towns?"  # a future, which no place is
    assert bare_value_unasked("The Western Isles.", asked_kinds(outlook, []), outlook)
    said = "What did the harbour council say about the flood?"  # what was said, which no speaker's name is
    assert bare_value_unasked("Mayor Jan Peters.", asked_kinds(said, []), said)
    assert not bare_value_unasked("That levees must be raised.", asked_kinds(said, []), said)
    value = "what did the mayor say the capital was?"  # a value the speaker gave: a name can be it
    assert not bare_value_unasked("Halifax.", asked_kinds(value, []), value)
    manner = "in what ways does the new pier help the harbour towns?"  # a manner, which no name is
    assert bare_value_unasked("The Harbour Authority of Halifax.", asked_kinds(manner, []), manner)
    reacted = "how did the council react to the flood?"
    assert bare_value_unasked("Mayor Jan Peters.", asked_kinds(reacted, []), reacted)
    known = "how is the pier known locally?"  # a name asked for after all
    assert not bare_value_unasked("The Long Walk.", asked_kinds(known, []), known)


def test_a_name_asked_is_not_answered_by_a_phrase_naming_nothing() -> None:
    asked = "What is the name of the Iranian Foreign Minister?"
    assert names_nothing("A geopolitical time bomb.", asked)
    assert not names_nothing("Hossein Amir-Abdollahian.", asked)
    assert not names_nothing("sshd_config.", "what is the name of the server's config file?")  # code names things
    assert not names_nothing("It is called Ashraf 3.", "what is the camp called?")  # a statement: other rules judge it
    assert not names_nothing("A geopolitical time bomb.", "What did a diplomat say the move was?")  # no name asked
    # a participle describing a noun makes no clause: the phrase still names nothing
    assert names_nothing("The fallout from its perceived aggression and its isolated position.", asked)
    assert names_nothing("Approximately 3,000.", "whats the farsi name for the guild?")  # a count is no name
    assert not names_nothing("Ashraf 3.", "whats the name of the camp?")


def test_a_nationality_names_only_what_asks_for_one() -> None:
    asked = "What is the name of the compound the guild built near the harbour?"
    assert names_nothing("Night patrols and public notices, as part of its opposition to the Venetian council.", asked)
    assert not names_nothing("Fort Velmora, near the Venetian quay.", asked)  # a name beside the nationality
    assert not names_nothing("The Venetian one.", "Which nationality were the guild's founders?")


def test_which_countries_is_not_answered_by_a_phrase_naming_nothing() -> None:
    asked = "Which countries does the article name as Albania's key allies?"
    assert names_nothing("Robust cybersecurity and clear red lines in digital warfare.", asked)
    assert not names_nothing("Turkey", asked) and not names_nothing("The United States and Israel.", asked)
    assert not names_nothing("Robust cybersecurity.", "What does the article say matters most?")  # no name asked


def test_a_bare_date_cited_from_prose_about_something_else_dates_another_event() -> None:
    told = frozenset("it has been in conflict with the islamic republic since the early 1980s".split())
    asked = frozenset({"mek", "arriv", "albania"})

    def meets(stems: frozenset[str]) -> bool:
        return bool(asked & stems)

    assert value_of_another_event("Since the early 1980s.", meets, told)
    assert not value_of_another_event("Since the early 1980s.", meets, told | {"arriv"})  # its span is about it
    assert not value_of_another_event("2016-01-07.", meets, frozenset({"2016", "01", "07"}))  # output: too little
    assert not value_of_another_event("It has been in conflict since the 1980s.", meets, told)  # a statement


def test_a_bare_value_is_said_of_the_sentence_of_its_span_that_holds_it() -> None:
    historic = "This move was historic, the first severing of ties over a cyberattack."
    officer = "The police officer stood in front of the embassy on September 8, 2022, as diplomats left."
    told = value_told("On September 8, 2022.", [historic, officer])
    assert stem("officer") in told and stem("cyberattack") not in told  # the officer's date, not the cyberattack's
    pointing = "It was taken on September 8, 2022."  # points back: the sentence before names what was taken
    assert stem("photo") in value_told("September 8, 2022.", ["The photo became iconic.", pointing])
    assert stem("cyberattack") in value_told("In 2019.", [historic, officer])  # no sentence holds it: all of them


def test_one_bare_value_does_not_answer_several_asked_for() -> None:
    assert fewer_than_asked("Norway.", "what three things does the harbour guide say matter most?")
    assert fewer_than_asked("Norway.", "which countries helped the harbour? list them all")
    assert not fewer_than_asked("Norway and Denmark.", "which two countries helped the harbour?")
    assert not fewer_than_asked("Norway.", "which country helped the harbour?")
    assert not fewer_than_asked("Norway sent three tugboats.", "what three things did Norway send?")  # a sentence
    assert not fewer_than_asked("2014.", "the 3000 or so exiles were taken in in which year?")  # a quantity stated


def test_a_phrase_of_when_answers_no_question_of_what_or_why() -> None:
    telegram = "On April 16, 1949, by a telegram from Prime Minister Enver Hoxha."
    assert time_phrase_unasked(telegram, asked_kinds("what did israel offer albania after the hack?", []))
    assert time_phrase_unasked(telegram, asked_kinds("why did albania recognise israel?", []))
    assert not time_phrase_unasked(telegram, asked_kinds("when did albania recognise israel?", []))
    assert not time_phrase_unasked(telegram, asked_kinds("who recognised israel for albania?", []))
    # a thing named beside the date answers "what happened"
    assert not time_phrase_unasked("On July 15, 2022, a massive cyberattack.", asked_kinds("what hit albania?", []))


def test_a_when_that_opens_a_clause_asks_for_no_date() -> None:
    """ "how did the council react when the pier fell?" asks how, not when; "since roughly when ...?" and "... and
    when?" ask for a date."""
    assert "date" not in asked_kinds("how did the council react when the pier fell?", [])
    assert "date" in asked_kinds("since roughly when has the pier stood?", [])
    assert "date" in asked_kinds("so the pier fell when?", [])
    assert "date" in asked_kinds("ok and when did the pier fall?", [])
