"""A name put in another name's place, in its span's own words, is no claim the span supports (pure rule, then the
guard on a small hand-written document: real index and MiniLM, no model)."""

from __future__ import annotations

import pytest

from assistant.answer.frames import code_words, substituted_name, tokens
from assistant.answer.guard import guard_answer
from guard_helpers import indexed_document, whole_corpus_guard

SPAN = "Since 1990 Norway has been the Kingdom of Denmark's closest trading partner in the northern region."


def test_tokens_mark_names_and_drop_possessives():
    said = tokens("Norway's partner, the United States’ ally")
    assert [t.word for t in said] == ["norway", "partner", "the", "united", "states", "ally"]
    assert [t.name for t in said] == [True, False, False, True, True, False]


def test_a_name_between_the_spans_words_must_be_the_spans_name():
    assert substituted_name("Norway has been Sweden's closest trading partner.", [SPAN]) == "sweden"
    assert substituted_name("Norway has been the Kingdom of Denmark's closest trading partner.", [SPAN]) is None
    assert substituted_name("Norway has been Denmark's closest trading partner.", [SPAN]) is None


def test_a_frame_at_either_end_of_the_claim_is_read_on_one_side():
    span = "The treaty was signed by a delegate from Prime Minister Anna Berg in May."
    assert substituted_name("It was signed by a delegate from Oslo.", [span]) == "oslo"
    assert substituted_name("It was signed by a delegate from Anna Berg.", [span]) is None
    assert substituted_name("Yes, the treaty was signed in May.", ["Note: the treaty was signed in May."]) is None


def test_a_name_that_qualifies_the_spans_noun_leaves_the_place_open():
    span = "It was payback for Norway hosting members of the Swedish rowing club, the Oslo Oars."
    assert substituted_name("It was payback for Norway hosting members of the Oslo Oars.", [span]) is None
    assert substituted_name("It was payback for hosting members of Oslo.", ["payback for hosting members of "
                                                                              "Bergen Rowing; it said so."]) == "oslo"


def test_each_name_of_a_list_is_fixed_by_its_own_frame():
    span = "It is a trusted partner for the Kingdom of Denmark, NATO, and the Nordic Council."
    assert substituted_name("The Sweden, NATO, and the Nordic Council.", [span, "Sweden is a neighbour."]) == "sweden"
    assert substituted_name("The Kingdom of Denmark, NATO, and the Nordic Council.", [span]) is None
    assert substituted_name("Sweden, NATO, and the Nordic Council.", [span, "Sweden is a neighbour."]) == "sweden"
    told = "Today, Norway has a consulate in Bergen, and Denmark has one in Oslo."
    assert substituted_name("Yes. Norway has a consulate in Bergen, and Denmark has one in Oslo.", [told]) is None


def test_a_frame_shortened_on_one_side_still_fixes_the_name():
    span = "From the port, the guild kept up its protest against the Danish crown, staging strikes and marches."
    assert substituted_name("It kept up its protest against the Swedish crown, including strikes.", [span]) == "swedish"
    assert substituted_name("It kept up its protest against the Danish crown, including strikes.", [span]) is None


def test_a_name_ending_its_clause_is_fixed_by_the_two_words_before_it():
    span = "After an inquiry, the harbour board formally blamed the Danish Shipping Agency for the delay."
    assert substituted_name("The board blamed the Oslo Port Authority; later it paid.", [span]) == "oslo port authority"
    assert substituted_name("The board blamed the Danish Shipping Agency; later it paid.", [span]) is None
    assert substituted_name("The board blamed the Danish agency for it.", [span]) is None  # the clause goes on
    assert tokens("in Oslo, then")[1].ends_clause and not tokens("in Oslo harbour")[1].ends_clause


def test_a_name_is_also_fixed_by_the_two_words_after_it():
    span = "Observers have argued that, by signing the accord, Norway hopes to widen its role in the region."
    assert substituted_name("Observers say Swedish hopes to widen its role.", [span]) == "swedish"
    assert substituted_name("Observers say Norway hopes to widen its role.", [span]) is None
    assert substituted_name("Observers say Norway has hopes of a wider role.", [span]) is None  # no words in common
    dated = "The guard stood in front of the hall in Oslo on May 8, 1905, as the crowd left."
    assert substituted_name("The treaty was signed, and Norway left Sweden on May 7, 1905.", [dated]) is None  # a date


def test_initials_of_some_words_in_a_row_name_the_same_thing():
    span = "The GNU General Public License does not permit incorporating your program into proprietary programs."
    assert substituted_name("Because the GPL does not permit incorporating it.", [span]) is None
    assert substituted_name("Because the MIT does not permit incorporating it.", [span]) == "mit"


def test_initials_and_demonyms_name_the_same_thing():
    span = "Its close ties with the United States and Norway proved useful."
    assert substituted_name("Its close ties with the US and Norway proved useful.", [span]) is None
    treaty = ["The treaty with the Iceland government was signed in May."]
    assert substituted_name("The treaty with the Icelanders was signed.", treaty) is None
    assert substituted_name("The treaty with the Danes was signed.", treaty) == "danes"
    assert substituted_name("Its close ties with the Danes and Norway proved useful.", [span]) == "danes"


def test_a_pronoun_or_new_name_in_the_frame_decides_nothing():
    assert substituted_name("It signals Norway's dedication to its allies.",
                            ["It signals its dedication to its allies."]) is None
    assert substituted_name("Norway has been a trading partner.", ["It has been a trading partner."]) is None


def test_a_key_written_as_a_setting_or_key_path_is_no_name():
    assert code_words("Set run=False, or Dir::State::Lists in apt.conf (not Norway)") == {
        "run", "false", "dir", "state", "lists"}
    span = "Lists go to /var/lib/apt/lists/ Storage area for state information."
    assert substituted_name("Lists go to /var/lib/apt/lists/ (Dir::State::Lists).", [span]) is None
    assert substituted_name("Lists go to /var/lib/apt/lists/ (Norway).", [span]) == "norway"


DOC = """# Trade

Since 1990 Norway has been the Kingdom of Denmark's closest trading partner in the northern region. Sweden ranks
second among its trading partners.
"""


@pytest.fixture(scope="module")
def docs(tmp_path_factory):
    return indexed_document(tmp_path_factory, "frames", DOC)


def test_the_guard_drops_a_substituted_name_and_keeps_the_right_one(docs):
    make = whole_corpus_guard(docs)
    question = "Who has been Denmark's closest trading partner since 1990?"
    kept = guard_answer("Since 1990 Norway has been the Kingdom of Denmark's closest trading partner.", make(question))
    assert not kept.abstained
    swapped = guard_answer("Since 1990 Sweden has been the Kingdom of Denmark's closest trading partner.",
                           make(question))
    assert swapped.abstained
