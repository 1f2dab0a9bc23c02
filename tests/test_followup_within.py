"""Pronouns a question resolves within itself (issue 16m), on made-up questions: the real spaCy parser, no index."""

from __future__ import annotations

from assistant.followup import cues, resolve
from assistant.followup_within import (
    asked_for, clause_before, extraposed_it, other_clause_noun, own_possessive, place_before, resolved_within,
    fronted_time_frame, fronted_topic, subject_possessive, topic_lead,
)
from assistant.nlp import Syntax, syntax


def _at(parsed: Syntax, word: str) -> int:
    return next(t.i for t in parsed.tokens if t.text.lower() == word)


def test_a_noun_of_another_clause_is_what_the_pronoun_stands_for() -> None:
    parsed = syntax("When a ferry ticket is bought, what discount do its holders get?")
    assert other_clause_noun(parsed, _at(parsed, "its"))
    described = syntax("what's the first program it runs?")  # the program is what "it" runs, not "it"
    assert not other_clause_noun(described, _at(described, "it"))
    alone = syntax("when did it open?")
    assert not other_clause_noun(alone, _at(alone, "it"))


def test_they_or_their_can_stand_for_one_person_of_another_clause() -> None:
    given = syntax("how do i give a new student a ticket so they have to show it at the gate")
    assert other_clause_noun(given, _at(given, "they"))
    shell = syntax("what cabin does a member get if the last line of their booking is blank?")
    assert other_clause_noun(shell, _at(shell, "their"))
    hosting = syntax("what did the captain think about hosting them?")  # "them": no person of another clause
    assert not other_clause_noun(hosting, _at(hosting, "them"))
    assert cues("what did the captain think about hosting them?")


def test_an_extraposed_it_stands_for_no_earlier_turn() -> None:
    advised = syntax("Why is it recommended to lock the harbour gates at night?")
    assert extraposed_it(advised, _at(advised, "it"))
    safe = syntax("is it safe to delete the lock file?")
    assert extraposed_it(safe, _at(safe, "it"))
    raised = syntax("when's it expected to join the league?")  # "it" joins: a raising verb
    assert not extraposed_it(raised, _at(raised, "it"))
    used = syntax("when is it meant to be used?")  # "it" is what is used
    assert not extraposed_it(used, _at(used, "it"))


def test_an_it_before_a_judging_noun_or_mean_and_an_infinitive_is_extraposed() -> None:
    judged = syntax("why is it a bad idea to moor the ferry beside the pier?")
    assert extraposed_it(judged, _at(judged, "it"))
    meant = syntax("what does it mean to charter a boat under the harbour rules?")
    assert extraposed_it(meant, _at(meant, "it"))
    named = syntax("is it a good boat to cross the channel?")  # a noun that names a thing: "it" is the boat asked of
    assert not extraposed_it(named, _at(named, "it"))


def test_its_own_points_back_into_the_question() -> None:
    parsed = syntax("which errors make the server drop a connection on its own")
    assert own_possessive(parsed, _at(parsed, "its"))
    bare = syntax("what's its own view?")
    assert not own_possessive(bare, _at(bare, "its"))


def test_a_question_whose_pronouns_it_resolves_itself_is_asked_as_typed() -> None:
    asked = "why does the ferry skip small harbours and the towns they serve?"
    assert not cues(asked)
    assert resolve(asked, ["who runs the ferry company?"]).searched is None
    parsed = syntax("when did it open?")
    assert not resolved_within(parsed, _at(parsed, "it"))
    assert cues("when did it open?")


def test_a_possessive_of_its_own_clause_s_subject_stands_for_that_subject() -> None:
    singular_they = syntax("what does the reader get once every writer has closed their end?")
    assert subject_possessive(singular_they, _at(singular_they, "their"))
    coordinated = syntax("why do most people rent a flat rather than buying land and building their houses themselves?")
    assert subject_possessive(coordinated, _at(coordinated, "their"))
    person = syntax("what did the council say about his plan?")  # a council is no "he": an earlier turn's
    assert not subject_possessive(person, _at(person, "his"))
    asked = syntax("which flag opens its read end?")  # the flag is what is asked for: "its" is an earlier turn's
    assert not subject_possessive(asked, _at(asked, "its"))
    assert asked_for(asked.tokens, _at(asked, "flag"))


def test_a_question_whose_possessive_is_its_subject_s_is_asked_as_typed() -> None:
    asked = "what does the reader get once every writer has closed their end?"
    assert resolve(asked, ["how do I create a pipe?"]).searched is None
    assert resolve("which flag opens its read end?", ["how do I create a FIFO?"]).searched == \
        "Which flag opens FIFO's read end?"


def test_that_after_a_clause_of_the_question_stands_for_that_clause() -> None:
    chained = syntax("can I moor a boat beside another boat or is that a bad idea")
    assert clause_before(chained, _at(chained, "that"))
    assert not cues("can I moor a boat beside another boat or is that a bad idea")  # "another boat": a kind of its own
    error = syntax("I get 'harbour closed'. Who has to fix that for me?")
    assert clause_before(error, _at(error, "that"))
    catenative = syntax("and how was the council supposed to fix all that?")  # "supposed to fix": one clause
    assert not clause_before(catenative, _at(catenative, "that"))
    own = syntax("what did he say after that?")
    assert not clause_before(own, _at(own, "that"))
    assert cues("is there another way?")  # too few words of its own: the rest of what was said
    moved = syntax("what year did the fleet arrive in lisbon and what did a harbour master call that move?")
    assert clause_before(moved, _at(moved, "that"))  # a determiner after a clause of its own
    sentence = syntax("max number of ferries in one harbour? does that count the barges")
    assert clause_before(sentence, _at(sentence, "that"))  # after a sentence of its own
    purpose = syntax("is there any config setting to raise that limit?")  # "setting to raise": one clause
    assert not clause_before(purpose, _at(purpose, "that"))
    dashed = syntax("dock beside a pier with a crane - does that work?")
    assert clause_before(dashed, _at(dashed, "that"))  # after a clause and a dash
    how = syntax("the ferry should still sail when nobody books a seat - how do i do that instead of cancelling?")
    assert clause_before(how, _at(how, "that"))
    announced = syntax("quick question: is that safe?")  # a lead that only announces the question
    assert not clause_before(announced, _at(announced, "that"))


def test_there_after_a_place_of_another_clause_is_that_place() -> None:
    parsed = syntax("When did Portugal open a harbour in Brazil, and in which city is the main pier there?")
    assert place_before(parsed, _at(parsed, "there"))
    assert not cues("When did Portugal open a harbour in Brazil, and in which city is the main pier there?")
    alone = syntax("how long had they been there?")
    assert not place_before(alone, _at(alone, "there"))


def test_a_pronoun_after_a_verbless_lead_and_a_colon_is_the_lead_s() -> None:
    lead = syntax("the harbour crane without a driver: how often does it stop?")
    assert topic_lead(lead, _at(lead, "it"))
    pair = syntax("the ferries and the barges: can I book them together?")
    assert topic_lead(pair, _at(pair, "them"))
    aside = syntax("quick question: when did it open?")  # announces a question, names no topic
    assert not topic_lead(aside, _at(aside, "it"))
    clause = syntax("the crane stopped: why did it stop?")  # a clause before the colon: other rules decide
    assert not topic_lead(clause, _at(clause, "it"))


def test_a_pronoun_after_a_noun_phrase_opening_the_question_before_a_comma_is_that_phrase() -> None:
    hacks = syntax("and the storms, when were those?")
    assert fronted_topic(hacks, _at(hacks, "those"))
    assert not cues("and the storms, when were those?")  # nothing to borrow from an earlier turn
    singular = syntax("the old crane, when did it stop?")
    assert fronted_topic(singular, _at(singular, "it"))
    framed = syntax("in the harbour log, what does it say?")  # a preposition frames the question
    assert not fronted_topic(framed, _at(framed, "it"))
    plural = syntax("the crane, when were those built?")  # "those" wants several
    assert not fronted_topic(plural, _at(plural, "those"))
    assert resolve("and the storms, when were those?", ["when did the harbour open?"]).searched is None


def test_a_time_frame_opening_the_question_before_a_comma_is_left_out() -> None:
    framed = syntax("and before that, how long had the guild been running the ferry?")
    assert fronted_time_frame(framed, _at(framed, "that"))
    inside = syntax("how long had the guild run the ferry before that?")  # no comma after it: not a frame
    assert not fronted_time_frame(inside, _at(inside, "that"))
    named = syntax("and that crane, how long had it been running?")  # a noun phrase, not a time
    assert not fronted_time_frame(named, _at(named, "that"))
    resolved = resolve("and before that, how long had the guild been running the ferry?",
                       ["what happened to the harbour in 1890?"])
    assert resolved.searched == "How long had the guild been running the ferry?" and not resolved.unresolved


def test_one_in_the_complement_of_a_noun_stands_for_an_earlier_turn_s_noun() -> None:
    assert "'one'" in cues("exact day of the worst one?")  # not the day: the storms asked about before
    assert "'one'" not in cues("is an exclusive lock slower than an immediate one?")  # the lock, within the question
