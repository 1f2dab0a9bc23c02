"""A name asked of someone the conversation only described (issue 16k), on made-up sentences: the real spaCy
parser, no index."""

from __future__ import annotations

from assistant.followup_unnamed import asks_name, person_names, unnamed_answer
from assistant.nlp import syntax


def test_a_name_is_asked_of_a_pronoun() -> None:
    assert asks_name(syntax("what's his name?"))
    assert asks_name(syntax("do we know their names?"))
    assert not asks_name(syntax("what is his role?"))
    assert not asks_name(syntax("what is the name of the river?"))  # no pronoun owns it


def test_acronyms_are_no_persons_names() -> None:
    assert person_names(syntax("The ship's captain, Maria Lopez, told the NATO summit.")) == {"maria lopez"}
    assert "ukip" not in person_names(syntax("As UKIP said, the port closed."))


def test_a_described_person_with_no_name_in_the_answer_is_refused() -> None:
    asked, searched = "whats his name?", "What's the harbour official's name?"
    assert unnamed_answer(asked, searched, ["A harbour official quietly told the Daily Post that the port closed."])
    assert not unnamed_answer(asked, searched, ["A harbour official, Maria Lopez, told the Daily Post so."])


def test_a_named_person_or_another_question_passes() -> None:
    no_name = ["A harbour official quietly told the Daily Post that the port closed."]
    assert not unnamed_answer("whats his full name?", "What's Peter Novak's full name?", no_name)
    assert not unnamed_answer("what did he say?", "What did the harbour official say?", no_name)
