"""Follow-up questions resolved without an LLM: the cues, the standalone question, answers over the article.

The questions here are this file's own fixtures (not the conversation dev sets under evals/).
"""

from __future__ import annotations

import pytest

from assistant.followup import cues, resolve, resolve_conversation
from assistant.followup_swap import option_swap


@pytest.mark.parametrize("question", [
    "When did he announce it?", "and how?", "how?", "Why?", "What did they do after that?", "Where is that?",
    "And in what year?", "what about Kosovo?", "Who was behind it?", "How come?", "Otherwise known as?",
    "And the other two?", "Which came first?",
])
def test_leaning_questions_are_detected(question: str) -> None:
    assert cues(question)


@pytest.mark.parametrize("question", [
    "Who cut ties with Iran?", "When did Albania recognize Israel?", "Which country said that Iran was behind the attack?",
    "How many MEK members did Albania accept?",
    "And on Iran's side, what was the alleged motive for the cyberattack?",
    "Is the modern Iranian state the same as the Achaemenid Empire?", "Which flags other than -r does gzip take?",
])
def test_standalone_questions_are_left_alone(question: str) -> None:
    assert not cues(question)
    assert resolve(question, ["Who cut ties with Iran?"]).searched is None


def test_each_other_is_no_rest_of_a_list() -> None:
    assert not cues("How many ferries do Portugal and Spain keep in each other's harbours?")
    assert cues("and the others?")


def test_one_contrasted_with_a_noun_the_question_modifies_stands_for_that_noun() -> None:
    assert not cues("Why does a night ferry cost more than a morning one?")
    assert not cues("how do I get the ferry to dock at some other pier instead of the usual one")
    assert cues("how many seats does the night one have?")  # "how many seats": a count, no kind contrasted
    assert cues("which part of the harbour handles the first one?")


def test_same_leans_on_the_history_unless_it_names_what_it_is_compared_with() -> None:
    assert "continuing 'same'" in cues("is it the same for tar?")
    assert not any(c.startswith("continuing") for c in cues("and is it the same as tar?"))


def test_no_history_means_no_rewrite() -> None:
    assert resolve("When did he announce it?", []).searched is None
    assert resolve("When did he announce it?", ["  "]).searched is None


def test_a_pronoun_is_replaced_by_what_it_points_to() -> None:
    it = resolve("does it make inserts slower?", ["what does the AUTOINCREMENT keyword actually do in sqlite?"])
    assert it.searched is not None and it.searched.startswith("Does AUTOINCREMENT keyword")
    assert it.searched.endswith("make inserts slower?")
    there = resolve("What did they do from there?", ["What is the MEK's sprawling base outside Tirana called?"])
    assert there.searched == "What did MEK do from MEK's sprawling base outside Tirana?"


def test_the_previous_answer_supplies_the_person_a_who_question_asked_for() -> None:
    answer = "Prime Minister Edi Rama announced the severing of ties in a video message [1]."
    resolved = resolve("When did he announce it?", ["Who cut ties with Iran?"], lambda previous: answer)
    assert resolved.searched is not None and "Edi Rama" in resolved.searched and "Iran" in resolved.searched
    assert resolved.searched.startswith("When did Edi Rama announce")


def test_it_after_which_x_is_the_name_the_answer_gives_the_x() -> None:
    answer = ("Albania accepted about 3,000 members of the exiled opposition group, the People's Mojahedin "
              "Organization of Iran (PMOI), in 2014 [1].")
    searched = resolve("what is it regarded as in Iran?", ["Which group did Albania shelter from 2014?"],
                       lambda previous: answer).searched
    assert searched == "What is People's Mojahedin Organization of Iran regarded as in Iran?"


def test_it_after_what_was_done_is_what_the_answer_says_was_done() -> None:
    answer = "After the flood, Norway offered rescue boats to the town, a sign of their long friendship [1]."
    searched = resolve("why does the town need it so much?", ["what did norway offer the town after the flood?"],
                       lambda previous: answer).searched
    assert searched == "Why does the town need rescue boats so much?"


def test_a_fragment_without_a_noun_is_said_of_what_the_answer_named() -> None:
    answer = ("Its location placed it at the crossroads of empires [1]. The Illyrians defended Greece against the "
              "Achaemenid Empire (the first Persian Empire) [2].")
    searched = resolve("Otherwise known as?", ["Which empire were the Illyrians holding off?"],
                       lambda previous: answer).searched
    assert searched == "Achaemenid Empire, otherwise known as?"


def test_a_fragment_asking_a_name_swaps_nothing_in(assistant) -> None:
    """"called?" asks what the place is called, as "otherwise known as?" does: it is no name to put in the MEK's
    place (the article's index: the swap by word similarity needs its embedder)."""
    for fragment in ("called?", "and named?", "name?"):
        searched = assistant.ask(fragment, history=["where did the mek set up in albania?"]).searched or ""
        assert "mek" in searched.lower(), (fragment, searched)


def test_an_event_that_carries_no_date_of_the_previous_question() -> None:
    searched = resolve("Had any country ever done that over a cyberattack before?",
                       ["What drastic step did Albania take against Iran in September 2022?"]).searched
    assert searched is not None and "drastic step" in searched and "September" not in searched


def test_one_stands_for_the_previous_noun() -> None:
    searched = resolve("which part of debian takes care of the first one?",
                       ["what are the two main objectives of a gnu/linux distribution?"]).searched
    assert searched == "Which part of debian takes care of the first objective?"


def test_a_preposition_before_the_wh_word_stays_in_front_of_it() -> None:
    searched = resolve("in what timeframe?", ["What is the outlook for Albania-Iran relations?"]).searched
    assert searched == "In what timeframe is the outlook for Albania-Iran relations?"


def test_a_name_opening_the_previous_body_keeps_its_capitals() -> None:
    searched = resolve("why?", ["Did MEK members settle near Tirana?"]).searched
    assert searched == "Why did MEK members settle near Tirana?"
    assert resolve("why?", ["How many MEK members did Albania accept?"]).searched == \
        "Why did Albania accept MEK members?"  # what was counted stays, as the verb's object


def test_a_condition_alone_asks_the_previous_question_under_it() -> None:
    assert "condition alone" in cues("and if the command exited with status 255?")
    searched = resolve("and if the command exited with status 255?", ["what does xargs exit with if it succeeds?"]).searched
    assert searched == "What does xargs exit with, if the command exited with status 255?"
    assert resolve("what if the table is empty?", ["How long does TRUNCATE take?"]).searched == \
        "How long does TRUNCATE take, if the table is empty?"
    assert "condition alone" not in cues("if i convey object code, what else has to go with the source?")


def test_a_lone_wh_word_takes_over_the_previous_question() -> None:
    searched = resolve("How come?", ["Is a return to normal relations between Tirana and Tehran likely soon?"]).searched
    assert searched == "Why is a return to normal relations between Tirana and Tehran likely soon?"


def test_an_elliptical_question_swaps_the_entity_of_the_same_kind() -> None:
    assert resolve("what about Kosovo?", ["When did Albania recognize Israel?"]).searched == \
        "When did Albania recognize Kosovo?"


def test_they_after_one_thing_that_befell_a_country_is_the_country() -> None:
    """Made-up events: "they" cannot be "the flood"; the country the previous question names is who acts."""
    assert resolve("who did they blame?", ["When was the big flood in Norway?"]).searched == "Who did Norway blame?"
    assert resolve("who did they blame?", ["When did the Norwegian farmers lose their crops?"]).searched != \
        "Who did Norway blame?"


def test_an_option_alone_takes_the_place_of_the_previous_option() -> None:
    """Made-up commands: "and -B?" asks the previous question of that option, the number the old one took dropped."""
    assert resolve("and -B?", ["what does frob -A 3 do?"]).searched == "What does frob -B do?"
    assert resolve("what about --graph?", ["what does frob log --oneline do?"]).searched == "What does frob log --graph do?"
    assert resolve("and for --context?", ["what is the default for --max-count in frob?"]).searched == \
        "What is the default for --context in frob?"
    assert option_swap("and -B?", "when did the full-blown crisis start?") is None  # a hyphenated word is no option
    assert option_swap("and -B or -C?", "what does frob -A 3 do?") is None  # not an option alone


def test_the_same_two_names_the_other_way_round_exchange_them() -> None:
    """Made-up places: a fragment naming the previous question's two entities reversed asks the reverse; one that
    only repeats a name of the previous question swaps nothing in ("Did Germany help Germany" was read before)."""
    assert resolve("and portugal's in norway?", ["where is norway's embassy in portugal?"]).searched == \
        "Where is portugal's embassy in norway?"
    assert resolve("and Germany France?", ["Did France help Germany in 1990?"]).searched == \
        "Did Germany help France in 1990?"
    searched = resolve("and Germany?", ["Did France help Germany in 1990?"]).searched
    assert searched is None or "Germany help Germany" not in searched


def test_the_other_ones_drop_the_previous_ordinal() -> None:
    """Not an item of an enumeration (words of its own): read into the previous question without its ordinal."""
    searched = resolve("And the other two that posix added?", ["What is the first lesson the article draws?"]).searched
    assert searched is not None and "first" not in searched and "lesson" in searched and "other two" in searched


def test_conversations_chain_through_standalone_questions() -> None:
    resolved, standalone = resolve_conversation("and how?", ["Who cut ties with Iran?", "When did he announce it?"])
    assert standalone[0] == "Who cut ties with Iran?" and standalone[1] != "When did he announce it?"
    assert resolved.searched is not None and resolved.searched.startswith("How") and "Iran" in resolved.searched


def test_a_reference_with_nothing_to_tie_to_is_reported() -> None:
    resolved = resolve("When did he say it?", ["hello?"])
    assert resolved.searched is None and resolved.unresolved and "hello?" in resolved.unresolved


def test_conversation_over_the_article(assistant) -> None:
    """The issue's example through the Python API: the earlier questions as asked are the history."""
    history: list[str] = []
    answers = []
    for question in ["Who cut ties with Iran?", "When did he announce it?", "and how?"]:
        answers.append(assistant.ask(question, history=history))
        history.append(question)
    first, when, how = answers
    assert first.searched is None
    assert when.searched and "Rama" in when.searched and not when.abstained
    assert "September 7" in when.answer
    assert how.searched and not how.abstained
    assert "video message" in how.answer
    assert how.question == "and how?"


def test_earlier_answers_can_be_passed_instead_of_questions(assistant) -> None:
    first = assistant.ask("Who cut ties with Iran?")
    with_answer = assistant.ask("When did he announce it?", history=[first])
    with_question = assistant.ask("When did he announce it?", history=["Who cut ties with Iran?"])
    assert with_answer.searched == with_question.searched
    assert with_answer.answer == with_question.answer


def test_an_unresolvable_follow_up_names_the_earlier_question(assistant) -> None:
    answer = assistant.ask("When did he say it?", history=["hello?"])
    assert answer.abstained and not answer.citations
    assert "hello?" in answer.answer and "could not tie" in answer.answer


def test_history_without_a_follow_up_changes_nothing(assistant) -> None:
    plain = assistant.ask("When did Albania recognize Israel?")
    with_history = assistant.ask("When did Albania recognize Israel?", history=["Who cut ties with Iran?"])
    assert with_history.searched is None
    assert with_history.answer == plain.answer


def test_a_condition_followed_by_a_question_of_its_own_is_no_condition_alone() -> None:
    assert "condition alone" not in cues("if I leave out the ticket type which fare gets charged?")
    assert "condition alone" in cues("and if the ticket type is left out?")


def test_a_verbless_question_with_words_enough_of_its_own_is_no_fragment() -> None:
    assert "no verb" in cues("and the night fare?")
    assert not cues("default night fare for ferry crossings in summer?")
    assert resolve("default night fare for ferry crossings in summer?", ["who runs the ferry?"]).searched is None
    assert not cues("ferry ticket refund?")  # three words of its own name what it asks
    assert "what about" in cues("what about the night ferry fare?")  # "what about" leans on the history whatever


def test_a_phrase_rooted_in_its_preposition_is_a_fragment() -> None:
    """"in front of which building?": the tagger reads "building" as a verb, but the phrase has no clause."""
    assert "no verb" in cues("in front of which building?")
    searched = resolve("in front of which building?", ["whats the famous photo from the day the embassy closed?"])
    assert searched.searched is not None and "photo" in searched.searched.lower()


def test_a_demonstrative_of_a_time_is_the_time_of_asking() -> None:
    assert not cues("who runs the harbour ferries these days?")
    assert not cues("which ferries sail to the islands this summer?")
    assert "demonstrative 'that'" in cues("what did that ferry carry?")


def test_a_question_with_an_auxiliary_before_its_verb_has_a_subject() -> None:
    assert "no subject" in cues("and moored in the harbour since when?")
    assert "no subject" in cues("announced by whom?")
    assert "no subject" not in cues("why is swimming not allowed in the harbour?")  # "swimming" read as an auxiliary
    assert not cues("Before Portugal, had any country closed its harbours to the fleet?")


def test_there_after_a_finite_be_is_existential() -> None:
    assert "'there'" not in cues("how many ferries were there in 1990?")
    assert "'there'" not in cues("what kinds of tickets are there?")
    assert "'there'" in cues("how long had they been there?")  # a place
    assert "'there'" in cues("what happened there?")


def test_a_that_the_parser_tags_as_a_conjunction_but_makes_the_subject_points_back() -> None:
    assert "pronoun 'that'" in cues("why was that such a big deal?")
    assert "pronoun 'that'" in cues("was that the first time?")
    assert not cues("Which country said that Iran was behind the attack?")  # a conjunction, no subject


def test_one_stands_for_a_filler_noun_when_the_previous_question_has_no_other() -> None:
    searched = resolve("and the latin one?", ["what is the harbour's greek name?"]).searched
    assert searched is not None and "name" in searched.lower() and "latin" in searched.lower()


def test_an_earlier_question_is_leaned_on_without_its_confirming_tag() -> None:
    """"velmora signed the tarsh accord in 1887 right?" + "exact date?": the follow-up leans on the question, not
    on the premise asked to be confirmed, and the earlier question is searched without the tag."""
    from assistant.followup import without_confirming

    assert without_confirming("velmora signed the tarsh accord in 1887 right?") == \
        "velmora signed the tarsh accord in 1887?"
    assert without_confirming("when did velmora sign it, correct?") == "when did velmora sign it?"
    assert without_confirming("is that correct?") == "is that correct?"  # the question itself, no tag
    _, standalone = resolve_conversation("exact date?", ["velmora signed the tarsh accord in 1887, right?"])
    assert "right" not in standalone[0].lower()


def test_a_verb_glued_to_a_replaced_pronoun_is_written_in_full() -> None:
    history = ["which crew did the harbour master blame for the fire?"]
    for typed in ("why do you think theyre to blame?", "why do you think they're to blame?"):
        searched = resolve(typed, history).searched
        assert searched is not None and searched.endswith(" are to blame?")  # not "...firere to blame?"
    would = resolve("why do you think they'd be to blame?", history).searched
    assert would is not None and would.endswith(" would be to blame?")  # not "...fire'd be to blame?"
    had = resolve("had they'd left before it started?", history).searched
    assert had is not None and " had left " in had  # "'d" before a participle
    standing = resolve("and it's still standing?", ["what did the council build in 1887?"]).searched
    assert standing is not None and standing.endswith(" is still standing?")


def test_something_else_that_opens_a_question_of_its_own_is_no_continuation(assistant) -> None:
    """ "ok something else, what did X coincide with?": words that change the topic, then a whole question, which is
    searched alone rather than read on from the previous answer ("else" is no continuing cue there)."""
    history = ["what did the illyrians keep up with the greeks?"]
    shifted = assistant.ask("ok something else, what did the cyberattack on albania coincide with?", history=history)
    assert shifted.searched == "What did the cyberattack on albania coincide with?"
    assert not shifted.abstained and "tensions" in shifted.answer
