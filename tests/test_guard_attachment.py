"""A bare answer to "Through/From/At which ...?" must stand after that preposition in its span."""

from assistant.answer.attachment import asked_preposition, attached_elsewhere, echoes_question, preposition_unasked
from assistant.answer.qtypes import expected_type

SPAN = ("The minister said an interest section would be opened in Norland through Vestria in the absence of "
        "direct relations with Ostburg.")
QUESTION = "Through which country would the interest section in Norland be opened?"


def test_the_question_s_opening_preposition_is_read_but_not_in_or_since():
    assert asked_preposition(QUESTION) == "through"
    assert asked_preposition("At whose request did Norland take them in?") == "at"
    assert asked_preposition("In which country were they living?") is None  # a place has many prepositions
    assert asked_preposition("since which version can you chain commands?") is None
    assert asked_preposition("Which country opened it?") is None


def test_a_bare_name_the_span_attaches_elsewhere_is_caught():
    assert attached_elsewhere("Ostburg in both cases.", QUESTION, [SPAN])  # "with Ostburg", not "through"
    assert not attached_elsewhere("Vestria.", QUESTION, [SPAN])
    assert not attached_elsewhere("Through Vestria.", QUESTION, [SPAN])


def test_within_reach_after_the_preposition_and_only_for_bare_answers():
    span = "Norland, at the behest of the United Kingdoms, accepted them as a terrorist organization's members."
    question = "At whose request did Norland accept them?"
    assert not attached_elsewhere("The United Kingdoms.", question, [span])  # five words after "at"
    assert attached_elsewhere("As a terrorist organization.", question, [span])
    assert not attached_elsewhere("Norland accepted them as a terrorist organization.", question, [span])  # a verb


def test_the_bare_answer_leading_a_sentence_is_judged_as_one():
    assert attached_elsewhere("Ostburg: the minister said the section would open in Norland.", QUESTION, [SPAN])
    assert not attached_elsewhere("Vestria: the minister said the section would open in Norland.", QUESTION, [SPAN])
    assert not attached_elsewhere("Ostburg said so; it opened in Norland.", QUESTION, [SPAN])  # a statement leads


def test_a_bare_number_is_a_value_not_a_thing_attached():
    question = "At what cookie size in bytes does the server start warning?"
    span = "Defaults to 4093. Larger cookies may be ignored."
    assert not attached_elsewhere("4093 bytes; larger cookies may be ignored.", question, [span])
    assert attached_elsewhere("Larger cookies; 4093 bytes.", question, [span])  # a word besides the number


def test_the_question_s_own_name_after_its_preposition_answers_nothing():
    assert echoes_question("Through Norland, since there were no direct relations with Ostburg.", QUESTION)
    assert not echoes_question("Through Vestria, since there were no direct relations with Ostburg.", QUESTION)
    assert not echoes_question("Norland opened it through Vestria.", QUESTION)  # no opening preposition
    assert not echoes_question("Through Norland.", "Which country opened it in Norland?")  # no preposition asked


def test_a_phrase_after_a_preposition_answers_no_thing_asked():
    sanctions = "What sanctions did the council impose on the guild over the flood?"
    assert preposition_unasked("With the harbour board and the mayor.", sanctions, expected_type(sanctions))
    assert not preposition_unasked("A ban on night fishing.", sanctions, expected_type(sanctions))  # a thing
    assert not preposition_unasked("With a ban that lasted a year.", sanctions, expected_type(sanctions))  # a verb
    for question in ("who was the guild's protest aimed at?", "modelled on what rules?", "how did the council reply?",
                     "why did the guild strike?", "did it happen in 1917 or 1918?", "For how long did it last?",
                     "the strike set the guild on a collision course with who"):
        assert not preposition_unasked("At the harbour board.", question, expected_type(question)), question
    assert not preposition_unasked("By default: the harbour board.", sanctions, expected_type(sanctions))
