"""A yes/no follow-up whose verb no cited sentence says is refused (issue 16k), on made-up sentences: the real spaCy
parser, no index."""

from __future__ import annotations

from assistant.followup_predicate import asked_predicate, predicate_unsaid, says
from assistant.nlp import syntax


def test_the_verb_a_yes_no_question_asks_about() -> None:
    verb = asked_predicate(syntax("Has the council adopted the harbour plan?"))
    assert verb is not None and verb.lemma == "adopt"
    assert asked_predicate(syntax("and did the mayor resign?")) is not None  # an opener before the auxiliary
    assert asked_predicate(syntax("When did the council adopt the plan?")) is None  # a wh-question
    assert asked_predicate(syntax("Is there a ferry on Sundays?")) is None  # no verb asked about
    assert asked_predicate(syntax("Is the plan working?")) is None  # a light verb


def test_the_verb_is_said_by_its_stem_or_a_near_form() -> None:
    verb = asked_predicate(syntax("Has the council adopted the harbour plan?"))
    assert verb is not None
    assert says(verb, ["The council adopts a plan every spring."])
    assert not says(verb, ["The council debated the harbour plan for a year."])


def test_an_answer_that_does_not_say_the_verb_is_refused() -> None:
    about_the_plan = ["The council debated the harbour plan for a year.", "The plan widens the northern quay."]
    assert predicate_unsaid("Has the council adopted the harbour plan?", about_the_plan)
    assert not predicate_unsaid("Has the council debated the harbour plan?", about_the_plan)
    assert not predicate_unsaid("What does the harbour plan widen?", about_the_plan)
