"""Issue 16u's reading rules, each on a hand-built fixture (the real spaCy parser, no index): a bare "how many?" counts
the previous question's object, a previous "how many N of X" keeps N of X as the object, "their ties" points to both
parties, a "which X" answer agrees with X, "anything more on X?" is its own topic, and words that change the topic
leave the conversation."""

from __future__ import annotations

from assistant.followup import more_on, phrase_key, resolve
from assistant.followup_agree import both_parties
from assistant.followup_count import counted_object, counted_question, noun_for_count
from assistant.followup_cues import topic_changed
from assistant.followup_refs import Antecedents
from assistant.followup_wh import body_without_wh
from assistant.nlp import syntax

ALLIANCE = ("It signals its dedication to its alliances and its inclination towards certain alliances. [1] As a NATO "
            "member, Albania is an active participant in global security efforts. [2]")


def test_a_bare_how_many_counts_the_members_of_the_group_the_previous_question_named() -> None:
    assert counted_question("how many?", "When did Albania take in the MEK?") == \
        "how many of the members of the MEK did Albania take in"
    assert counted_question("how many", "When did Debian add the new architectures?") == \
        "how many of the new architectures did Debian add"
    assert counted_question("how many", "when did albania take in the mek?") == \
        "how many of the members of the mek did albania take in"  # no name in lower case: still a group
    assert counted_question("how many?", "When did Albania recognize Israel?") is None  # a country is not counted
    assert counted_question("how many?", "When did Albania recognize a state?") is None  # one thing, no group
    assert counted_question("how many packages?", "When did Albania take in the MEK?") is None  # its own noun
    assert resolve("how many?", ["When did Albania take in the MEK?"]).searched == \
        "How many of the members of the MEK did Albania take in?"


def test_a_bare_how_many_after_a_what_n_question_counts_the_n() -> None:
    """ "what lessons does it draw?" + "how many?": the lessons themselves, not "how many of the what lessons"."""
    assert counted_question("how many?", "what lessons does the article draw from the saga?") == \
        "how many lessons does the article draw from the saga"
    assert counted_question("how many", "which packages does apt remove?") == "how many packages does apt remove"


def test_a_how_many_with_a_verb_for_its_noun_counts_what_the_previous_how_many_counted() -> None:
    """Made-up questions: the noun the previous "how many" counted takes the place the verb left empty."""
    assert noun_for_count("how many are there now?", "how many KLF members did portugal take in?") == \
        "how many KLF members are there now?"
    assert resolve("how many are held back?", ["how many packages does apt list as broken?"]).searched == \
        "How many packages are held back?"
    assert noun_for_count("how many packages are held back?", "how many packages are broken?") is None  # named
    assert noun_for_count("how many are there now?", "when did portugal take in the KLF?") is None  # nothing counted


def test_a_previous_how_many_keeps_what_it_counted_as_the_object_of_its_verb() -> None:
    parsed = syntax("how many members of the opposition group did albania accept")
    words, after = counted_object(parsed, 0)
    assert [parsed.tokens[i].text for i in words] == ["members", "of", "the", "opposition", "group"]
    assert parsed.tokens[after].text == "accept"
    assert body_without_wh("how many members of the opposition group did albania accept") == \
        "did albania accept members of the opposition group"
    assert body_without_wh("how many packages did debian 1.1 have?") == "did debian 1.1 have packages"
    assert counted_object(syntax("how many people live in Tirana?"), 0) == ([], -1)  # the subject stays where it is
    assert resolve("from where?", ["how many members of the opposition group did albania accept"]).searched == \
        "From where did albania accept members of the opposition group?"


def test_their_before_a_noun_of_a_relation_points_to_both_parties() -> None:
    assert both_parties(syntax("What did Israel do for Albania after the hack?")) == "Israel and Albania"
    assert both_parties(syntax("What did Israel offer after the hack?")) is None  # one party only
    assert resolve("how are their relations now?", ["What did Israel do for Albania after the hack?"]).searched == \
        "How are Israel and Albania's relations now?"
    assert resolve("how do they talk to each other now?", ["What did Israel do for Albania after the hack?"]).searched \
        == "How do Israel and Albania talk to each other now?"  # they act on each other: both


def test_anything_more_on_a_topic_of_its_own_is_searched_as_it_stands() -> None:
    assert more_on("anything more on their ties?") and more_on("something else about the embassy?")
    assert not more_on("anything more on that?") and not more_on("anything more?")
    assert resolve("anything more on their ties?", ["What did Israel do for Albania after the hack?"]).searched == \
        "Anything more on Israel and Albania's ties?"


def test_a_which_question_is_answered_by_one_thing_of_its_kind_that_points_nowhere_else() -> None:
    refs = Antecedents("Which alliance is Albania a member of?", lambda: ALLIANCE, lambda word: 1.0)
    assert refs.find("thing") == "NATO"  # not "its alliances" (pointing back itself) nor "certain alliances"
    plural = Antecedents("Which alliances is Albania a member of?", lambda: ALLIANCE, lambda word: 1.0)
    assert plural.find("thing") == "certain alliances"


def test_words_that_change_the_topic_leave_the_conversation() -> None:
    assert topic_changed("switching topics, what does iran say about the hacks?") == \
        "what does iran say about the hacks?"
    assert topic_changed("ok, on another note: who is rama?") == "who is rama?"
    assert topic_changed("on a different note - who is rama?") == "who is rama?"
    assert topic_changed("a different question: who is rama?") == "who is rama?"
    assert topic_changed("what is another topic?") is None and topic_changed("switching topics") is None
    # casual openers, closed by a comma, colon or dash; a "but" after them goes too
    assert topic_changed("ok something else, what did the attack coincide with?") == \
        "what did the attack coincide with?"
    assert topic_changed("ok diff thing - who is rama?") == "who is rama?"
    assert topic_changed("another thing: who is rama?") == "who is rama?"
    assert topic_changed("totally different q: who is rama?") == "who is rama?"
    assert topic_changed("different question, but is rama the pm?") == "is rama the pm?"
    assert topic_changed("something else about the mek?") is None  # more on the MEK, not another topic
    assert topic_changed("another thing it did?") is None and topic_changed("something else?") is None
    found = resolve("switching topics, what do they say about the hacks?", ["Where is the MEK based?"])
    assert found.searched == "What do they say about the hacks?" and not found.cues
    assert resolve("switching topics, why?", []).searched is None  # no conversation to leave


def test_two_references_of_one_question_do_not_take_the_same_phrase() -> None:
    assert phrase_key("The western diplomat") == phrase_key("western diplomat") != phrase_key("a diplomat's note")
    searched = resolve("when did he say that?", ["What did the western diplomat say about the MEK?"]).searched
    assert searched == "When did the western diplomat say that?"  # not "... say western diplomat?"
