"""A bare name of another kind than the question asks for (``answer.name_kinds``)."""

from __future__ import annotations

from assistant.answer.bare_value import wrong_kind_in_spans
from assistant.answer.name_kinds import (
    asked_labels, lacks_person_name, modifier_as_name, swapped_modifier, wrong_kind_name,
)


def test_the_kind_a_which_question_asks_for():
    assert asked_labels("Which Iranian body did Albania blame for the July 2022 attack?") == {"ORG"}
    assert asked_labels("In which country is the group based?") == {"GPE", "LOC"}
    assert asked_labels("what countries back albania") == {"GPE", "LOC"}
    assert asked_labels("What is the company's address?") is None  # asks for something of the company
    assert asked_labels("Which version added the option?") is None


def test_a_bare_name_of_another_family_is_no_answer():
    blamed = "Which Iranian body did Albania blame for the July 2022 attack?"
    assert wrong_kind_name("Turkey.", blamed)  # a country, not a body
    assert not wrong_kind_name("Iran's Ministry of Intelligence and Security (MOIS).", blamed)
    assert wrong_kind_name("NATO.", "What country did the group move to?")
    assert not wrong_kind_name("Albania.", "In which country is the group based?")
    assert not wrong_kind_name("The Debian Project.", "Which organization maintains Debian?")


def test_a_sentence_naming_only_names_of_another_kind_than_the_question_s_own():
    asked = "In which Dutch city is Norway's consulate?"
    assert wrong_kind_name("Norway's consulate is in Prime Minister Jan Peters.", asked)  # a person, not a city
    assert not wrong_kind_name("Norway's consulate is in Rotterdam, near the harbour.", asked)
    assert not wrong_kind_name("It is in Norway.", asked)  # only the question's own name: left to the other checks


def test_a_bare_name_the_spans_tag_as_another_kind():
    span = ("In 1990, at the behest of the Netherlands, the town took in 400 members of the Unity Front (UF), "
            "known in Welsh as Ffrynt Undod.")
    asked = "Which country asked the town to take the members in?"
    assert wrong_kind_in_spans("The Unity Front.", asked, [span])  # an organisation in its sentence
    assert not wrong_kind_in_spans("The Netherlands.", asked, [span])
    assert not wrong_kind_in_spans("The Netherlands asked it to.", asked, [span])  # not a bare name
    assert not wrong_kind_in_spans("The Unity Front.", "Who took the members in?", [span])  # no kind asked by name


def test_an_unnamed_answer_is_left_to_the_other_checks():
    assert not wrong_kind_name("About 3,000 members.", "Which group did Albania take in?")


def test_a_name_asked_by_role_needs_a_persons_name():
    asked = "What's the name of the Iranian foreign minister who announced the interest section?"
    assert lacks_person_name("One day: the announcement was on September 7, 2022 and the next day they left.", asked)
    assert not lacks_person_name("Hossein Amir-Abdollahian.", asked)
    assert not lacks_person_name("Edi Rama announced it in a video message.", asked)  # no PERSON tag: capitals
    assert not lacks_person_name("One day.", "What is the name of the config file?")  # no person asked


def test_a_peoples_word_made_a_noun_where_the_spans_name_something_else():
    places = frozenset({"iran", "albania", "united", "states"})
    behest = "Albania, acting at the behest of the United States, accepted the group; Iranian anger followed."
    assert modifier_as_name("It acted at the behest of the Iranian.", [behest], places) == "iranian"
    assert modifier_as_name("The Iranian.", ["It made Albania a target for Iranian retaliation."], places) == "iranian"
    assert modifier_as_name("They were sent to Iranian.", ["The group had lived in Iran."], places) == "iranian"
    assert modifier_as_name("It acted at the behest of the United States.", [behest], places) is None
    assert modifier_as_name("Albania blamed Iran.", ["Albania blamed the Iranian ministry."], places) is None
    assert modifier_as_name("The Albanians.", ["The Illyrians were ancestors of the Albanians."], places) is None
    assert modifier_as_name("Debian.", ["Debian packages are built."], places | {"deb"}) is None  # no people's word


def test_a_name_put_before_a_noun_in_place_of_the_one_the_spans_write_there():
    opposed = "From there the group kept up its opposition to the Iranian government through online campaigns."
    farsi = "The group is known in Farsi as the Mujahedin-e Khalq."
    assert swapped_modifier("Campaigns opposing the Farsi government.", [opposed, farsi]) == "farsi"
    assert swapped_modifier("Campaigns opposing the Iranian government.", [opposed, farsi]) is None
    assert swapped_modifier("It opposes the US government.", [opposed, farsi]) is None  # no span holds "US"
    assert swapped_modifier("A staunch Iranian ally.", ["Albania is a staunch Western ally.", "Iranian anger grew."]) \
        == "iranian"
    assert swapped_modifier("A staunch Western ally.", ["Albania is a staunch Western ally.", "Iranian anger grew."]) \
        is None
    assert swapped_modifier("Install the Debian package.", ["Install the package.", "Debian ships it."]) is None
    assert swapped_modifier("Iranian hackers struck.", ["Iranian state hackers struck."]) is None
    # a keyword in capitals is no name: "ON TRUNCATE triggers" beside "ON DELETE triggers" is another trigger
    delete = "TRUNCATE will not fire ON DELETE triggers."
    assert swapped_modifier("It will fire ON TRUNCATE triggers.", [delete]) is None


def test_a_kind_asked_after_a_preposition_inside_the_question_is_read():
    """"... via which country?": the kind is asked at the end, after its preposition; a name of another family
    ("The Western Balkans", tagged an organisation alone) is no country."""
    assert asked_labels("the velmor guild said it would trade via which country?") == {"GPE", "LOC"}
    assert asked_labels("what did the guild say about trade in that city?") is None


def test_a_kind_asked_after_a_topic_named_before_the_question_is_read():
    assert asked_labels("one word answer pls - which country pushed for the move?") == {"GPE", "LOC"}
    assert asked_labels("the guild's trade: which city did it favour?") == {"GPE", "LOC"}
    assert asked_labels("the guild's trade - when did it start?") is None
    assert wrong_kind_name("The Western Balkans.", "the velmor guild said it would trade via which country?")
    assert not wrong_kind_name("Through Turkey.", "the velmor guild said it would trade via which country?")
