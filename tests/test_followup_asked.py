"""What a follow-up asks for, looked for in its answer (issue 16k), on made-up sentences: the real spaCy parser, no
index."""

from __future__ import annotations

from assistant.followup_asked import (
    asked_predicate, asks_name, holds_new_value, missing_asked, no_age, no_duration, no_time, person_names, says, unnamed_person,
    unsaid_verb,
)
from assistant.nlp import syntax

NO_NAME = ["A harbour official quietly told the Daily Post that the port closed."]


def test_a_name_is_asked_of_a_pronoun() -> None:
    assert asks_name(syntax("what's his name?"))
    assert asks_name(syntax("do we know their names?"))
    assert not asks_name(syntax("what is his role?"))
    assert not asks_name(syntax("what is the name of the river?"))  # no pronoun owns it


def test_acronyms_are_no_persons_names() -> None:
    assert person_names(syntax("The ship's captain, Maria Lopez, told the NATO summit.")) == {"maria lopez"}
    assert "ukip" not in person_names(syntax("As UKIP said, the port closed."))


def test_a_described_person_is_named_only_beside_the_description() -> None:
    asked, searched = "whats his name?", "What's the harbour official's name?"
    assert unnamed_person(asked, searched, NO_NAME)
    assert not unnamed_person(asked, searched, ["A harbour official, Maria Lopez, told the Daily Post so."])
    other = ["Mayor Peter Novak opened the port.", *NO_NAME]  # a name, but of someone else
    assert unnamed_person(asked, searched, other)


def test_a_named_person_or_another_question_passes() -> None:
    assert not unnamed_person("whats his full name?", "What's Peter Novak's full name?", NO_NAME)
    assert not unnamed_person("what did he say?", "What did the harbour official say?", NO_NAME)


def test_the_verb_a_yes_no_question_asks_about() -> None:
    verb = asked_predicate(syntax("Has the council adopted the harbour plan?"))
    assert verb is not None and verb.lemma == "adopt"
    assert asked_predicate(syntax("and did the mayor resign?")) is not None  # an opener; "resign" tagged a noun
    assert asked_predicate(syntax("When did the council adopt the plan?")) is None  # a wh-question
    assert asked_predicate(syntax("Is there a ferry on Sundays?")) is None  # no verb asked about
    assert asked_predicate(syntax("Is the plan working?")) is None  # a light verb
    assert asked_predicate(syntax("Am I allowed to copy the plan?")) is None  # a permission: its verb is "copy"


def test_the_verb_is_said_by_its_stem_or_a_near_form() -> None:
    verb = asked_predicate(syntax("Has the council adopted the harbour plan?"))
    assert verb is not None
    assert says(verb, ["The council adopts a plan every spring."])
    assert not says(verb, ["The council debated the harbour plan for a year."])
    assert says(verb, ["The council rejected the harbour plan."])  # an opposite answers: no
    accept = asked_predicate(syntax("Does the mayor accept the blame?"))
    assert accept is not None and says(accept, ["The mayor denies any part in the closure."])  # a denial: no


def test_an_answer_that_does_not_say_the_verb_is_refused() -> None:
    about_the_plan = ["The council debated the harbour plan for a year.", "The plan widens the northern quay."]
    assert unsaid_verb("has it adopted it?", "Has the council adopted the harbour plan?", about_the_plan)
    assert not unsaid_verb("has it debated it?", "Has the council debated the harbour plan?", about_the_plan)
    assert not unsaid_verb("what does it widen?", "What does the harbour plan widen?", about_the_plan)


def test_a_choice_not_to_act_answers_a_yes_no_question_whatever_its_verb() -> None:
    searched = "Did the mayor sue the council?"
    assert not unsaid_verb("did he sue them?", searched, ["The mayor could have gone to court, but decided against it."])
    assert unsaid_verb("did he sue them?", searched, ["The mayor could have gone to court."])


def test_yet_asks_whether_it_has_happened_not_whether_it_is_planned() -> None:
    planned = ["The council said a ferry office would be opened at the harbour.",
               "The council plans to open a ferry office at the harbour."]
    searched = "Has the ferry office opened yet?"
    assert unsaid_verb("has it opened yet?", searched, planned)
    assert not unsaid_verb("has it opened?", "Has the ferry office opened?", planned)  # no "yet": the verb is said
    assert not unsaid_verb("has it opened yet?", searched, ["The ferry office opened in May."])
    assert not unsaid_verb("has it opened yet?", searched, ["The ferry office has not opened."])


def test_how_long_needs_a_duration_or_a_length() -> None:
    searched = "How long had the mayor been in office by May 3, 2021?"
    assert no_duration("how long had he been in office by then?", searched, ["On May 3, 2021, the mayor resigned."])
    for said in ("He had served for eleven years.", "He had held the office since 2009.", "It lasted 45 years.",
                 "A name may be at most 80 characters long.", "She led the council from April 2010 until April 2013."):
        assert not no_duration("how long?", searched, [said])
    assert not no_duration("how long ago?", "How long ago did the mayor resign?", ["He resigned in May 2021."])
    for interval in ("How long after the flood did the mayor resign?", "How long did it take the council to act?"):
        assert not no_duration("how long?", interval, ["The flood came on May 3; he resigned on June 9."])


def test_how_old_needs_an_age_not_the_date_of_another_event() -> None:
    searched = "How old is the mayor?"
    assert no_age("how old is he?", searched, ["On May 3, 2021, the mayor resigned."])
    for said in ("The mayor, aged 58, resigned.", "The mayor was born in 1963.", "The mayor is 58 years old.",
                 "Truly ancient (pre-1997) versions did so.", "The league was founded in 1949."):
        assert not no_age("how old is he?", searched, [said])
    assert not no_age("when did he resign?", "When did the mayor resign?", ["On May 3, 2021, the mayor resigned."])


def test_when_needs_a_date_a_time_or_since_in_the_best_sentence() -> None:
    searched = "Since when is the town a member of the league?"
    member = "While the quarrel could have gone to the league, of which the town is a member, the mayor waited."
    assert no_time("since when?", searched, [member, "It joined in 2009."])  # the best sentence names no time
    assert not no_time("since when?", searched, ["It joined in 2009.", member])
    assert not no_time("since when?", searched, ["It has been close to the league since the war ended."])
    asked = "When is the spare key meant to be used?"  # a condition asked: a condition answers
    assert not no_time("when is it meant to be used?", asked, ["Use the spare key if the main one is lost."])
    assert not no_time("and who?", "Who is the mayor?", [member])  # no time asked


def test_a_best_sentence_that_points_back_to_its_year_is_dated_by_another_cited_one() -> None:
    searched = "When did the town join the league?"
    joined = "It was in that year that the town, pressed by its merchants, joined the league."
    assert not no_time("when did it join?", searched, [joined, "The harbour was rebuilt in 1881."])
    assert no_time("when did it join?", searched, [joined, "The harbour was rebuilt by the merchants."])
    assert no_time("when did it join?", searched, ["The town joined the league after a long quarrel.",
                                                   "The harbour was rebuilt in 1881."])


def test_the_first_failing_check_gives_the_reason() -> None:
    assert missing_asked("whats his name?", "What's the harbour official's name?", NO_NAME) == \
        "the passages found describe the person asked about but give no name"
    assert missing_asked("when did he say it?", "When did the harbour official say it?", NO_NAME) == \
        "the passage found gives no date"
    assert missing_asked("when did he say it?", "When did the harbour official say it?",
                         ["A harbour official told the Daily Post in 2023 that the port closed."]) is None


def test_a_question_asked_alone_is_checked_for_a_duration_only() -> None:
    from assistant.followup_asked import ALONE_CHECKS

    replaced = "can the ferry rival the bridge?"
    cited = ["The ferry cannot match the bridge."]
    assert missing_asked(replaced, replaced, cited)  # after other questions: the verb must be said
    assert missing_asked(replaced, replaced, cited, ALONE_CHECKS) is None  # alone, the asker's own verb may differ
    how_long = "how long were the staff given to leave?"
    assert missing_asked(how_long, how_long, ["The staff were told to leave."], ALONE_CHECKS)
    assert missing_asked(how_long, how_long, ["The staff were given 24 hours to leave."], ALONE_CHECKS) is None


def test_a_role_asked_by_name_alone_needs_a_persons_name_beside_the_role() -> None:
    from assistant.followup_asked import ALONE_CHECKS, unnamed_role

    asked = "What was the name of the harbour official who closed the port?"
    assert unnamed_role(asked, asked, NO_NAME)  # the role, and only a newspaper's name
    assert unnamed_role(asked, asked, ["A harbour official, Maria Lopez, closed the port."]) is None
    assert unnamed_role(asked, asked, ["Maria Lopez sailed.", *NO_NAME])  # a name, but not beside the role
    owner = "what's the minister's name?"
    assert unnamed_role(owner, owner, ["The minister, Peter Novak, spoke."]) is None
    assert unnamed_role(owner, owner, ["The minister spoke at length."])
    bare = "whats the officials name?"  # typed without apostrophes
    assert unnamed_role(bare, bare, NO_NAME)
    assert unnamed_role(bare, bare, ["A harbour official, Maria Lopez, closed the port."]) is None
    assert unnamed_role("what is the process name?", "what is the process name?", NO_NAME) is None  # no role
    who = "who was the harbour official quoted in the daily post?"
    assert unnamed_role(who, who, NO_NAME)
    assert unnamed_role(who, who, ["A harbour official, Maria Lopez, told the Daily Post the port closed."]) is None
    river = "what is the name of the river?"
    assert unnamed_role(river, river, ["The river is wide."]) is None  # no person's role: not judged
    assert missing_asked(asked, asked, NO_NAME, ALONE_CHECKS)
    assert missing_asked(asked, asked, NO_NAME)  # asked after other questions, as typed: checked the same


def test_a_date_or_number_the_earlier_question_did_not_ask_for_is_what_the_follow_up_adds() -> None:
    cited = ["The harbour was opened on 3 May 1921 by a decree from Mayor Ana Silva."]
    assert holds_new_value("When did Ana Silva sign the decree?", "Who opened the harbour?", cited)
    assert not holds_new_value("When did Ana Silva sign the decree?", "When was the harbour opened?", cited)
    assert not holds_new_value("Where did Ana Silva sign the decree?", "Who opened the harbour?", cited)  # a name
    assert not holds_new_value("When did Ana Silva sign the decree?", "Who opened the harbour?",
                               ["The harbour was opened by a decree from Mayor Ana Silva."])
    assert holds_new_value("How many ships did it hold?", "Who opened the harbour?", ["It held 40 ships."])


def test_how_many_needs_a_number_beside_the_counted_noun() -> None:
    from assistant.followup_asked import counted_noun, no_count

    assert counted_noun(syntax("how many harbour pilots had to leave?")) == "pilots"
    assert counted_noun(syntax("how many of those ferries are still in service?")) == "ferries"
    for uncounted in ("how many of them came?", "how many are there now?", "how many days passed between the two?",
                      "how many yrs was he mayor?".replace("yrs", "years")):
        assert counted_noun(syntax(uncounted)) is None
    searched = "How many harbour pilots had to leave?"
    dated = ["On May 3, 2021, as the council ordered pilots to leave, the port closed."]  # a date is no count
    assert no_count("how many pilots had to leave?", searched, dated) == "the passages found give no number of pilots"
    for counted in ("Forty pilots had to leave.", "The council ordered 12 pilots to leave."):
        assert no_count("how many pilots had to leave?", searched, [counted]) is None
    assert no_count("how many yrs was he mayor?", "How many yrs was the mayor in office?", dated) is None  # years


def test_a_count_follow_up_the_article_does_not_give_is_refused(assistant) -> None:
    history = ["When did Albania cut ties?", "who announced it?"]  # its date: "... ordered diplomats to leave"
    assert assistant.ask("how many iranian diplomats had to leave?", history=history).abstained
    kept = assistant.ask("how many of them did albania accept?", history=["Which opposition group did Albania host?"])
    assert not kept.abstained and "3,000" in kept.answer


def test_other_countries_asked_are_ones_the_conversation_has_not_named() -> None:
    """"which other countries list it as a terrorist group?" after an answer naming Iran: a best sentence naming
    only Iran gives no other; one naming Norway does."""
    from assistant.followup_asked import asks_other_places, names_no_other_place

    assert asks_other_places("which other countries list it as a terrorist group?")
    assert asks_other_places("has any other country done the same since?")
    assert not asks_other_places("which other options does -I imply?")
    named = ["why is the guild so controversial?", "It is regarded as a terrorist organization in Iran."]
    assert names_no_other_place(named, "It is regarded as a terrorist organization in Iran.") is not None
    assert names_no_other_place(named, "The guild has a complex history.") is not None
    assert names_no_other_place(named, "Norway also lists it as a terrorist organization.") is None
