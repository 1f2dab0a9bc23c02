"""An object pronoun never stands for its own clause's subject (issue 16i), on made-up questions: the real spaCy
parser, no index."""

from __future__ import annotations

from assistant.followup import resolve
from assistant.followup_bind import other_phrase, own_subject, parallel_phrase, small_clause
from assistant.nlp import syntax


def test_an_object_pronoun_is_not_its_own_subject() -> None:
    parsed = syntax("is Portugal even in it?")
    it = next(t.i for t in parsed.tokens if t.text == "it")
    assert own_subject(parsed, it, 1, 2)
    possessive = syntax("did Portugal open its embassy?")
    its = next(t.i for t in possessive.tokens if t.text == "its")
    assert not own_subject(possessive, its, 1, 2)  # a possessive can be its subject's
    owned = syntax("and Portugal's answer to it was?")
    it = next(t.i for t in owned.tokens if t.text == "it")
    assert own_subject(owned, it, 1, 2)  # the owner of the phrase the pronoun stands in is not what it points to


def test_the_pronoun_takes_the_previous_phrase_the_question_does_not_name() -> None:
    assert other_phrase("did Portugal take the fishing dispute to the court?", syntax("is Portugal in it?")) == \
        "court"
    assert other_phrase("did Portugal resign?", syntax("is Portugal in it?")) is None
    assert resolve("is Portugal even in it?", ["did portugal take the fishing dispute to the court?"]).searched == \
        "Is Portugal even in court?"


def test_the_subject_of_a_verbless_clause_under_the_verb_is_its_object() -> None:
    parsed = syntax("and portugal considers it what?")
    it = next(t.i for t in parsed.tokens if t.text == "it")
    assert small_clause(parsed, it)
    assert own_subject(parsed, it, 1, 2)
    verb = syntax("and portugal says it failed?")
    assert not small_clause(verb, next(t.i for t in verb.tokens if t.text == "it"))  # "it failed": a verb of its own
    searched = resolve("and portugal considers it what?", ["Since when has the KLF opposed the Crown?"]).searched
    assert searched is not None and "KLF" in searched


def test_a_pronoun_of_the_same_verb_takes_the_phrase_of_the_same_role() -> None:
    previous = syntax("which country offered the harbour two tugboats?")
    asked = syntax("when did they offer them?")
    them = next(t.i for t in asked.tokens if t.text == "them")
    they = next(t.i for t in asked.tokens if t.text == "they")
    assert parallel_phrase(asked, them, previous) == "two tugboats"
    assert parallel_phrase(asked, they, previous) is None  # "which country": the answer fills the subject
    other_verb = syntax("when did they sell them?")
    assert parallel_phrase(other_verb, next(t.i for t in other_verb.tokens if t.text == "them"), previous) is None
    assert resolve("when did they offer them?", ["why did the board buy two tugboats?"]).searched != \
        "When did they offer two tugboats?"  # another verb before: no parallel role


def test_it_after_a_name_asked_is_the_thing_named_not_the_name() -> None:
    searched = resolve("how long has it been in business?", ["whats the welsh name for the harbour guild"]).searched
    assert "harbour guild" in searched and "name" not in searched
