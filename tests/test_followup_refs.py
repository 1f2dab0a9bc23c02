"""Reference rules of the sixth round (issue 16f), each on a hand-built two-turn fixture: the real spaCy parser,
no index (what a reference becomes, not what the answerer then finds)."""

from __future__ import annotations

from assistant.followup import cues, resolve, without_asides
from assistant.followup_agree import in_number
from assistant.followup_wh import body_without_wh
from assistant.followup_swap import variant_swap


def test_them_for_one_of_a_kind_makes_its_noun_plural() -> None:
    searched = resolve("when should i use them?", ["what is a trigger in sqlite?"]).searched
    assert searched == "When should i use triggers in sqlite?"
    assert in_number("policy", "them") == "policies" and in_number("the branch", "they") == "the branches"


def test_names_paths_people_and_their_keep_their_number() -> None:
    assert in_number("dpkg", "them") == "dpkg"  # a name the parser calls a noun
    assert in_number("/var/lock", "them") == "/var/lock"
    assert in_number("the maintainer", "they") == "the maintainer"  # a singular "they"
    assert in_number("view", "their") == "view"
    assert in_number("packages", "them") == "packages"


def test_it_is_the_option_the_parser_left_without_a_subject_phrase() -> None:
    searched = resolve("is it on by default?", ["what does KeysOnly do in the agent?"]).searched
    assert searched == "Is KeysOnly on by default?"  # the parser tags the option an adverb, not "the agent"
    assert resolve("is it on by default?", ["what does the daemon do at boot?"]).searched == \
        "Is daemon on by default?"  # a subject phrase: the rule before this one


def test_another_version_takes_the_place_of_the_end_it_varies() -> None:
    assert variant_swap("sha512?", "is sha256 supported by apt?") == "is sha512 supported by apt"
    assert variant_swap("gplv2", "can I combine it with GPLv3 code?") == "can I combine it with GPLv2 code"
    assert variant_swap("v4", "What does Acquire::ForceIPv4 do?") is None  # the same version: nothing to swap
    assert variant_swap("kosovo", "When did Albania recognise Israel?") is None


def test_words_said_to_the_listener_are_not_searched() -> None:
    assert without_asides("why use them though?") == "why use them?"
    assert without_asides("btw what else does it need?") == "what does it need?"
    assert without_asides("what happened then?") == "what happened then?"  # "then" is a date to resolve
    searched = resolve("what else has to go with it?", ["what is a tarball?"]).searched
    assert searched == "What has to go with tarball?"


def test_a_bare_group_noun_is_the_organisation_named_before() -> None:
    previous = ["when was the PLO founded?"]
    assert "definite 'group'" in cues("what did the group want?")
    assert resolve("what did the group want?", previous).searched == "What did PLO want?"
    assert resolve("what did the armed group want?", previous).searched is None  # a group of its own
    assert resolve("what did the group want?", ["when was the castle built?"]).searched is None  # no organisation


def test_a_lone_wh_word_keeps_the_commas_of_the_previous_body() -> None:
    assert body_without_wh("What did the council decide on March 3, 2021?") == \
        "did the council decide on March 3, 2021"


def test_a_framing_noun_with_a_noun_compounded_names_what_it_points_to() -> None:
    assert resolve("is it long?", ["what does the interest section hold about the harbour?"]).searched == \
        "Is interest section long?"
    assert resolve("is it long?", ["what does the section say about the harbour?"]).searched == "Is harbour long?"


def test_it_is_the_document_when_the_previous_question_names_nothing_else() -> None:
    searched = resolve("and what does it ask the reader at the end?", ["what's the conclusion of the text?"]).searched
    assert searched == "What does the text ask the reader at the end?"
    unresolved = resolve("and what does it say?", ["what's in the intro?"])  # no text named: nothing to tie to
    assert unresolved.searched is None and unresolved.unresolved is not None


def test_a_kind_of_something_asks_about_the_something() -> None:
    answer = "From its hall, the club kept up various events, including concerts and public meetings."
    searched = resolve("where did they hold those?", ["what kinds of event did the club keep up in the town?"],
                       lambda _: answer).searched
    assert searched is not None and "events" in searched  # "those": the events the answer lists, not "kinds"


def test_same_question_for_another_thing_asks_as_what_about_does() -> None:
    history = ["When did the town close the pier?"]
    assert "what about" in cues("same question for reopening the pier?")
    assert resolve("same question for reopening the pier?", history).searched == \
        resolve("what about reopening the pier?", history).searched == "When reopening the pier?"



def test_the_one_about_another_topic_swaps_the_previous_topic() -> None:
    from assistant.followup_swap import one_swap

    assert one_swap("and the one about the night ferry?", "which leaflet is about the harbour tour?") == \
        "which leaflet is about the night ferry"
    assert one_swap("the one on tides?", "what chapter focuses on storms?") == "what chapter focuses on tides"
    assert one_swap("and the one with the red roof?", "which house is about the harbour?") is None  # what it has
    assert one_swap("and the one about tides?", "who built the pier?") is None  # no topic to swap


def test_another_partys_side_swaps_the_party_but_a_new_topic_is_asked_about() -> None:
    """"and Spain's side of it?" asks the previous question of Spain; "what about Spain's push for new rules?" brings
    a topic of its own, which a swap into the previous question would lose."""
    assert resolve("and Spain's side of it?", ["how did France respond to the strike?"]).searched == \
        "How did Spain respond to the strike?"
    searched = resolve("what about Spain's push for new rules?", ["what does France say the strike was?"]).searched
    assert searched is not None and "push" in searched and "rules" in searched


def test_what_was_announced_is_the_subject_of_the_clause_a_synonym_takes() -> None:
    from assistant.followup_chunks import answered_object
    from assistant.nlp import syntax

    asked = syntax("what did the mayor announce after the flood?")
    assert answered_object(asked, syntax("After the flood, the mayor stated that a new harbour wall would be "
                                         "built.")) == "new harbour wall"
    assert answered_object(asked, syntax("After the flood, the mayor left town.")) is None
    said = "After the flood, the mayor stated that a new harbour wall would be built."
    assert resolve("why was that a big deal?", ["what did the mayor announce after the flood?"],
                   lambda _: said).searched == "Why was new harbour wall a big deal?"  # "that": what was announced


def test_it_after_a_question_ending_on_a_preposition_is_what_the_answer_puts_after_it() -> None:
    from assistant.followup_chunks import stranded_object
    from assistant.nlp import syntax

    said = "The guard standing in front of the Town Hall of the Old Port in Bergen became a famous picture."
    asked = syntax("what did the guard in the famous picture stand in front of?")
    assert stranded_object(asked, syntax(said)) == "Town Hall of the Old Port"
    assert stranded_object(asked, syntax("The guard became a famous picture.")) is None
    assert stranded_object(syntax("what did the guard do?"), syntax(said)) is None
    searched = resolve("which city is it in?", ["what did the guard in the famous picture stand in front of?"],
                       lambda _: said).searched
    assert searched is not None and "Town Hall" in searched and "front" not in searched


def test_which_one_picks_among_the_kind_the_previous_question_named_indefinitely() -> None:
    """ "could the dispute have gone to a court?" + "which one?": which court (this once raised while merging)."""
    searched = resolve("which one?", ["could the dispute have gone to a court?"]).searched
    assert searched is not None and searched.lower().startswith("which court")


def test_they_after_how_many_is_the_things_counted() -> None:
    """"how many members came?" + "why did the council take them?": "them" is the members counted, not nothing."""
    searched = resolve("why did the council take them?", ["how many members came?"]).searched
    assert searched is not None and "members" in searched


def test_a_peoples_adjective_is_no_group_they_can_stand_for() -> None:
    """ "the *french* government": an adjective (NORP) before the noun it modifies names no one; "the iranians"
    does."""
    searched = resolve("when did they announce it?", ["how did the french government react to the ban?"]).searched
    assert searched == "When did french government announce it?"
    searched = resolve("when did they announce it?", ["how did the iranians react to the ban?"]).searched
    assert searched == "When did iranians announce it?"


def test_a_part_of_the_text_that_says_what_is_asked_only_frames_the_question() -> None:
    searched = resolve("and who was it lining up with?", ["what does the history section say the town's pact went "
                                                          "on to shape?"]).searched
    assert searched is not None and "section" not in searched and "pact" in searched
    assert resolve("what does it say about the port?", ["what does the history section say about the pact?"]
                   ).searched == "What does history section say about the port?"  # "it" tells too: the section
    assert resolve("is it open on sundays?", ["what does the interest section do in the capital?"]).searched == \
        "Is interest section open on sundays?"  # a section that does something is a thing, not a part of the text


def test_a_follow_up_keeps_the_named_part_of_the_text_the_previous_question_asked_about() -> None:
    from assistant.followup import resolve_conversation
    from assistant.followup_chunks import kept_frame

    searched = resolve_conversation("how is it regarded abroad?", ["what does the harbour section say the town built?"]
                                    )[0].searched
    assert searched is not None and searched.endswith(", per the harbour section?")
    assert kept_frame("How is the wall regarded?", "what does the section say the town built?") == \
        "How is the wall regarded?"  # an unnamed part leads nowhere
    assert kept_frame("What does the intro say about the wall?", "what does the harbour section say?") == \
        "What does the intro say about the wall?"  # the follow-up names its own part


def test_they_after_how_many_is_what_was_counted() -> None:
    searched = resolve("which town were they from?", ["how many sailors did Norway take on in 1902?"]).searched
    assert searched == "Which town were sailors from?"  # not the country that took them on

