"""Relevance precision of the grounding guard: a sentence that restates the question, a why-answer with no reason
beyond the premise, a "who" answer that names no one, and a claim that swaps doer and done-to are dropped (real
article index and spaCy parser; no model needed)."""

from __future__ import annotations

import pytest

from assistant.answer.guard import Guard, guard_answer
from assistant.answer.matching import TermWeights
from assistant.answer.prompts import Passage
from assistant.answer.asked_names import asks_named_kind, asks_who, names_one
from assistant.answer.bare_value import names_someone
from assistant.answer.relevance import (
    asks_how_to, gives_no_reason, has_own_subject, instructs, main_subjects, narrates, reason_part, restates, states,
    swapped_name, swapped_subject, told_of,
)
from assistant.answer.support import Claim
from assistant.schema import Hit, Span

WHY_HOSTILE = "Why did Tehran see the MEK's presence in Albania as a hostile act?"
WHY_CUT = "Why did Albania cut off diplomatic relations with Iran?"
BLAMED = ("After a thorough investigation, the Albanian government unequivocally blamed the Iranian Foreign Ministry "
          "for orchestrating the assault.")


@pytest.fixture(scope="module")
def snapshot(assistant):
    return assistant.snapshot()


@pytest.fixture(scope="module")
def weights(snapshot):
    return TermWeights.of_bm25(snapshot.bm25, len(snapshot.meta.chunks))


@pytest.fixture
def guard(assistant, snapshot, weights):
    def make(question: str, *needles: str) -> Guard:
        chunks = [next(c for c in snapshot.meta.chunks if n in c.text) for n in needles]
        passages = tuple(Passage(i, Hit(chunk=c, score=1.0), c.text) for i, c in enumerate(chunks, 1))
        return Guard(passages, snapshot, weights, assistant.embedder.embed, False, question)

    return make


def test_a_claim_of_question_words_only_restates_it(weights):
    assert restates(Claim.of("It is a self join."), "What is a self join?", weights)
    assert not restates(Claim.of("A self join joins a table to itself."), "What is a self join?", weights)
    assert not restates(Claim.of("Yes, a self join is a join."), "Is a self join a join?", weights)  # yes/no
    assert not restates(Claim.of("It was cut in 2022."), "When was it cut?", weights)  # a new number
    options = "The self join was which kind of join - the inner, outer, cross?"
    assert not restates(Claim.of("The inner join."), options, weights)  # the question ends on its options
    picked = "A range of 0 to 5 clamps its values: what value results when 10 is given?"
    assert not restates(Claim.of("5."), picked, weights)  # one of the several numbers the question states
    assert restates(Claim.of("5."), "What does a clamped value of 5 mean?", weights)  # the only one it states
    # one question word is said again by one synonym, not by two: "rules" is "laws", "regulations" says more
    assert restates(Claim.of("Those are the laws."), "What are the rules?", weights)
    assert not restates(Claim.of("Those are the laws and regulations."), "What are the rules?", weights)


def test_reason_part_is_after_because_and_before_therefore():
    assert reason_part("Albania cut ties because of the cyberattack.").strip() == "of the cyberattack."
    assert reason_part("The MEK was on Albanian soil, therefore, Tehran was angry.").startswith("The MEK was on")
    assert reason_part("The MEK is regarded as a terrorist group.") == "The MEK is regarded as a terrorist group."


def test_a_reason_cue_pointing_back_has_its_reason_before_it():
    """"because of this X", "due to that": the reason is the clause before the cue, not the words after it."""
    text = "Only one join row is used and which one is not predictable; because of this sub-selects are safer."
    assert reason_part(text) == "Only one join row is used and which one is not predictable; "
    assert reason_part("It cut ties due to that attack.") == "It cut ties "
    assert reason_part("It failed because it was slow.") == " it was slow."  # "because it ...": the reason follows
    assert reason_part("Because of this, Albania acted.") == " of this, Albania acted."  # said in an earlier sentence


def test_a_why_answer_must_give_a_reason_beyond_the_premise(weights):
    premise = "The MEK's presence on Albanian soil, therefore, was immediately viewed by Tehran as a hostile act."
    assert gives_no_reason(premise, WHY_HOSTILE, weights, 0.5)
    assert gives_no_reason("Because Albania cut relations with Iran.", WHY_CUT, weights, 0.5)
    assert not gives_no_reason("Albania cut off diplomatic relations with Iran because of the cyberattack.", WHY_CUT,
                               weights, 0.5)
    assert not gives_no_reason(premise, WHY_HOSTILE, weights, 0.0)  # off


def test_who_is_answered_by_a_name_or_a_bare_phrase():
    question = "Who is the Albanian prime minister that cut ties with Iran?"
    assert names_someone("Edi Rama.", question)
    assert names_someone("Albanian analysts.", question)
    assert not names_someone("It is believed to be the first time a nation has severed ties with Iran.", question)
    assert not names_someone("45 years.", question) and not names_someone("2022.", question)  # a bare value
    assert not names_someone("On September 8, 2022.", question)  # a month's capital names no one
    assert not names_someone("The attack was on July 15, 2022 and ties were cut on September 7, 2022.", question)
    assert not names_someone("Edi Rama.", "who did rama call the author?")  # the asker's own name
    assert names_someone("Edi Rama.", "who announced it, rama or meta?")  # ... unless offered as a choice
    assert names_someone("Hostile state actors: the alliance deters them.", question)  # a phrase before a colon
    assert not names_someone("About seven weeks (54 days): it came on July 15.", question)  # ... not a value
    assert names_someone("Only local clients.", question) and names_someone("The government.", question)
    assert not names_someone("A bilateral response.", question)  # a bare phrase that names no one
    assert not names_someone("July (July 15, 2022).", question)  # nor a month
    assert not names_someone("Approximately 3,000 members.", question)  # a count of people, not who
    assert names_someone("Some 3,000 MEK members.", question)  # ... unless it names them


def test_who_is_asked_by_the_opening_word():
    assert asks_who("Who announced it?") and asks_who("Who?")
    assert not asks_who("what did the man who resigned say?")  # "who" of a relative clause
    # a framing phrase first is not read: "in a .deb name, who decides the VVV part?" is answered by a role ("the
    # upstream developer"), which names no one
    assert not asks_who("in a .deb name like foo_VVV.deb, who decides the VVV part?")


def test_which_country_is_answered_by_a_name_other_than_a_month():
    question = "In which country were the MEK members living before they came to Albania?"
    assert asks_named_kind(question) and asks_named_kind("What university did he attend?")
    assert not asks_named_kind("Which option sets the port?") and not asks_named_kind("Who is the prime minister?")
    assert asks_named_kind("one word answer pls - which country had pushed for the move?")  # after a topic lead
    assert names_one("In Iraq.", question)
    assert not names_one("About 3,000, in 2014.", question)  # a bare phrase, but no name
    assert not names_one("He started in August 1993 in Albania.", question)  # a month, and the question's own name


def test_guard_drops_a_which_country_answer_that_names_none(guard):
    question = "In which country were the MEK members living before they came to Albania?"
    assert guard_answer("About 3,000, in 2014 [1].", guard(question, "traced back to 2014")).abstained
    assert not guard_answer("About 3,000, in 2014 [1].", guard("How many MEK members came, and when?",
                                                                "traced back to 2014")).abstained


def test_a_swapped_subject_is_found():
    assert swapped_subject("Iran blamed the Iranian Foreign Ministry for orchestrating the assault.", [BLAMED])
    assert not swapped_subject("Albania blamed the Iranian Foreign Ministry for orchestrating the assault.", [BLAMED])
    assert not swapped_subject("It blamed the Iranian Foreign Ministry.", [BLAMED])  # a pronoun decides nothing


def test_a_name_put_in_anothers_place_is_found():
    span = ["Following the cyberattack, Israel offered cyber aid to Albania, and the Prime Minister Edi Rama thanked it."]
    assert swapped_name("Iran offered cyber aid to Albania.", span)  # another doer
    assert swapped_name("Israel offered cyber aid to Iran.", span)  # another receiver
    assert not swapped_name("Israel offered aid to the Albanians.", span)  # a demonym of the same name
    assert not swapped_name("Edi Rama thanked Israel.", span)  # the span names no one as what was thanked
    assert not swapped_name("It offered cyber aid to Albania.", span)  # a pronoun decides nothing
    assert not swapped_name("TRUNCATE fires ON TRUNCATE triggers.", ["TRUNCATE will not fire ON DELETE triggers."])
    strict = ["You can change this by setting the strict parameter to True: xfail(strict=True)"]
    assert not swapped_name("Setting the run parameter to False (run=False) skips the test.", strict)  # a value
    assert swapped_name("Setting the run parameter to False skips the test.", strict)


def test_guard_drops_the_swapped_subject_and_keeps_the_right_one(guard):
    question = "who did the albanian government blame for orchestrating the july cyberattack"
    assert guard_answer("Iran blamed the Iranian Foreign Ministry for orchestrating the assault [1].",
                        guard(question, "unequivocally blamed")).abstained
    right = guard_answer("Albania blamed the Iranian Foreign Ministry for orchestrating the assault [1].",
                         guard(question, "unequivocally blamed"))
    assert not right.abstained and "Foreign Ministry" in right.citations[0].quote


def test_guard_drops_a_why_answer_that_restates_the_premise(guard):
    needle = "viewed by Tehran as a hostile act"
    reply = "The MEK's presence on Albanian soil, therefore, was immediately viewed by Tehran as a hostile act [1]."
    assert guard_answer(reply, guard(WHY_HOSTILE, needle)).abstained
    # once a kept sentence gave the reason, the next may go on in the premise's words
    reasoned = guard_answer("The MEK is regarded as a terrorist organization in Iran [1]. " + reply,
                            guard(WHY_HOSTILE, needle, "regarded as a terrorist organization"))
    assert "terrorist" in reasoned.text and "hostile act" in reasoned.text


def test_guard_drops_a_who_answer_that_names_no_one(guard):
    question = "Who is the Albanian prime minister that cut ties with Iran?"
    needle = "believed to be the first time"
    assert guard_answer("It is believed to be the first time a nation has severed diplomatic ties solely due to a "
                        "cyberattack [1].", guard(question, needle)).abstained


def test_a_yes_no_question_is_answered_by_a_statement(guard):
    assert states("Iran denies any involvement.") and not states("After a thorough investigation of the attack.")
    assert not states("International norms governing cyber warfare, similar to those for conflict.")  # a participle
    assert states("Hosted by Albania since 2014.") and states("It has been hosted since 2014.")  # the clause's own verb
    assert not states("An Iranian interest section, to be opened in Albania through Turkey.")  # an infinitive
    assert states("Yes, it can.") and states("Use the --force flag.")  # a modal; an imperative
    question = "Does the evidence support Iran's denial of involvement in the cyberattacks on Albania?"
    assert guard_answer("After a thorough investigation of the attack [1].", guard(question, "thorough investigation")
                        ).abstained
    kept = guard_answer("No. After a thorough investigation, the Albanian government blamed the Iranian Foreign "
                        "Ministry [1].", guard(question, "thorough investigation"))
    assert not kept.abstained, kept.dropped


def test_a_why_answer_must_itself_touch_the_question(guard):
    """The first sentence of a why-answer meets one of the question's terms itself (or opens with a reason, or cites
    where the answer was found): "Firstly, it underscores ..." says nothing of Iran admitting anything, though its
    span names Iran and Albania."""
    reply = ("Firstly, it underscores the escalating threat of cyber warfare as a tool of statecraft: crippling "
             "another nation's digital infrastructure can now lead to the severing of diplomatic ties [1].")
    needle = "Firstly, it underscores"
    assert guard_answer(reply, guard("Why did Iran publicly admit responsibility for the cyberattacks on Albania?",
                                     needle)).abstained
    assert not guard_answer(reply, guard("Why is cyber warfare now a tool of statecraft?", needle)).abstained


def test_a_why_answer_opening_with_its_subjects_pronoun_touches_the_question(guard):
    """"It acted on ..." answers "Why did Albania ...?": the pronoun subject is the question's subject, so the first
    sentence need not repeat a word of the question; the same words after another opening do not."""
    question, needle = "Why did Albania accept the MEK?", "acting on humanitarian grounds"
    kept = guard_answer("It acted on humanitarian grounds and at the behest of the United States [1].",
                        guard(question, needle))
    assert not kept.abstained, kept.dropped
    assert guard_answer("Humanitarian grounds and the behest of the United States [1].", guard(question, needle)).abstained


def test_a_pronoun_opening_a_why_answer_must_stand_for_the_question_s_subject(guard):
    """"It is regarded as a terrorist organization" cites a span about the MEK ("It has been in conflict ...", after
    "The MEK is a controversial organization"): its pronoun is not Albania, the subject of "why did Albania let the
    MEK in?", so the sentence must meet the question's words itself, and does not."""
    assert main_subjects("why did albania let the mek in to begin with?") == {"albania"}
    assert told_of(frozenset({"albania"}), frozenset({"albania", "mek"})) and told_of(frozenset(), frozenset())
    reply = "It is regarded as a terrorist organization in Iran, and has been in conflict with the Islamic Republic [1]."
    assert guard_answer(reply, guard("why did albania let the mek in to begin with?",
                                     "regarded as a terrorist organization")).abstained


def test_a_statement_names_its_own_subject():
    assert has_own_subject("Passing --tb=native might help, although there is no guarantee.")
    assert has_own_subject("The action of the last matching option in the list is performed.")
    assert not has_own_subject("It acted on humanitarian grounds.")  # a pronoun: the question's subject
    assert not has_own_subject("To prevent the possibility of loops within the filesystem tree.")
    assert not has_own_subject("On humanitarian grounds and at the behest of the United States.")


def test_an_opening_gerund_phrase_is_a_subject_however_it_parses():
    """The tagger reads option words ("--assert=plain") as anything; the gerund phrase a finite verb of the main
    clause follows is the sentence's subject all the same, while a bare reason stays one."""
    assert has_own_subject("Passing --tb=native, --assert=plain and --capture=no might help, although there is no "
                           "guarantee.")
    assert has_own_subject("Keeping the parameter positional-only prevents breaking changes.")
    assert not has_own_subject("Preventing loops that would break the tree.")
    assert not has_own_subject("Avoiding breaking API changes if the name is modified.")


def test_an_anchored_why_answer_about_something_else_is_dropped(assistant, snapshot, weights):
    """Citing where the extractive answerer found the answer excuses a bare reason that repeats no word of the
    question ("On humanitarian grounds ..."), not a statement about something else the same sentence names."""
    needle = "acting on humanitarian grounds"
    chunk = next(c for c in snapshot.meta.chunks if needle in c.text)
    sentence = next(s for s in snapshot.meta.sentences if needle in s.text)
    anchors = (Span(source=sentence.source, start=sentence.start, end=sentence.end),)

    def guard() -> Guard:
        return Guard((Passage(1, Hit(chunk=chunk, score=1.0), chunk.text),), snapshot, weights,
                     assistant.embedder.embed, False, "Why did Albania accept the MEK in 2014?", anchors=anchors)

    kept = guard_answer("On humanitarian grounds and at the behest of the United States [1].", guard())
    assert not kept.abstained, kept.dropped
    assert guard_answer("The People's Mojahedin Organization of Iran is also known by its Farsi name [1].",
                        guard()).abstained


def test_an_instruction_is_no_reason():
    assert instructs('Run "dpkg-reconfigure locales": select the locale data to compile.')
    assert instructs("Cut diplomatic ties with Iran over the cyberattack.")
    assert not instructs("Albania cut diplomatic ties with Iran over the cyberattack.")  # a statement
    assert not instructs("Use -l because it is faster.")  # an instruction that gives its reason
    assert not instructs("To avoid breaking the API.")


def test_guard_drops_an_instruction_opening_a_why_answer(guard):
    """Another question's how-to answer is supported by its span, but an order says nothing of why."""
    needle = "unequivocally blamed"
    question = "Why did the Albanian government blame the Iranian Foreign Ministry?"
    order = "Blame the Iranian Foreign Ministry for orchestrating the assault after a thorough investigation [1]."
    assert guard_answer(order, guard(question, needle)).abstained
    statement = ("After a thorough investigation, the Albanian government blamed the Iranian Foreign Ministry for "
                 "orchestrating the assault [1].")
    assert not guard_answer(statement, guard("Why did the Albanian government cut ties?", needle)).abstained


def test_a_past_tense_sentence_tells_what_happened():
    assert narrates("Long ago, in UNIX V6, there was a program /etc/glob that expanded wildcard patterns.")
    assert narrates("After a thorough investigation, the Albanian government blamed the Iranian Foreign Ministry.")
    assert not narrates("Set nullglob and the pattern expands to nothing.")
    assert not narrates("Use shopt -s nullglob.")  # the tagger's "shopt"/VBD is written in its dictionary form
    assert asks_how_to("how do i get bash to expand a wildcard?") and not asks_how_to("How does bash expand it?")


def test_guard_drops_a_story_opening_a_how_to_answer(guard):
    """What happened does not say how to do something; the same sentence answers a question about what happened."""
    told = f"{BLAMED} [1]"
    assert guard_answer(told, guard("How do I find out who orchestrated the assault?", "unequivocally blamed")).abstained
    assert not guard_answer(told, guard("Who did the Albanian government blame for orchestrating the assault?",
                                        "unequivocally blamed")).abstained


def test_a_bare_name_is_no_answer_to_a_why_question(guard):
    """A true name from the span ("Prime Minister Enver Hoxha.") answers who sent the telegram, not why."""
    needle = "by a telegram from Prime Minister Enver Hoxha"
    assert guard_answer("Prime Minister Enver Hoxha [1].", guard("Why did Albania recognize Israel?", needle)).abstained
    assert not guard_answer("Prime Minister Enver Hoxha [1].",
                            guard("Who sent the telegram recognizing Israel?", needle)).abstained


def test_the_guard_reads_the_question_in_plain_words(guard):
    """"how come ...?" asks why (``plain_wording``): a bare year from the span is no reason."""
    needle = "can largely be traced back to 2014"
    assert guard_answer("In 2014 [1].", guard("how come the mek were moved to albania from syria?", needle)).abstained
    assert not guard_answer("In 2014 [1].", guard("what year were the mek moved to albania?", needle)).abstained


def test_a_why_answer_restating_the_extractive_answer_s_own_sentence_answers_as_it_does(assistant, snapshot, weights):
    """A why-answer's first sentence that meets none of the question's words is kept when it cites the sentence the
    extractive answer itself opened with (``chosen``): it answers as that one did ("Globbing requires a leading '.'
    to be matched explicitly" for "rm * didn't delete my .profile, why?"); the same sentence is dropped when the
    extractive answer chose another one or refused."""
    needle = "Firstly, it underscores"
    chunk = next(c for c in snapshot.meta.chunks if needle in c.text)

    def span(text: str) -> Span:
        sentence = next(s for s in snapshot.meta.sentences if text in s.text)
        return Span(source=sentence.source, start=sentence.start, end=sentence.end)

    def guard(chosen: tuple[Span, ...]) -> Guard:
        return Guard((Passage(1, Hit(chunk=chunk, score=1.0), chunk.text),), snapshot, weights,
                     assistant.embedder.embed, False, "Why did Iran publicly admit responsibility for the attacks?",
                     anchors=chosen, chosen=chosen)

    reply = ("Firstly, it underscores the escalating threat of cyber warfare as a tool of statecraft: crippling "
             "another nation's digital infrastructure can now lead to the severing of diplomatic ties [1].")
    kept = guard_answer(reply, guard((span(needle),)))
    assert not kept.abstained, kept.dropped
    assert guard_answer(reply, guard((span("acting on humanitarian grounds"),))).abstained
    assert guard_answer(reply, guard(())).abstained


def test_a_refused_draft_anchors_nothing(snapshot):
    """The sentences nearest to a question the extractive answerer refused are near nothing: they excuse no claim
    from meeting the question ("The United States and Israel." to "who won the 2018 world cup?")."""
    from assistant.answer.draft import Draft
    from assistant.answer.llm_answer import draft_hints

    first, second = snapshot.meta.sentences[:2]
    assert draft_hints(Draft([], True, "nothing relevant", nearest=[first, second])) == ((), ())
    anchors, chosen = draft_hints(Draft([first], False, nearest=[second]))
    assert anchors == (first, second) and chosen == (first,)


def test_a_noun_phrase_alone_names_no_reason():
    """"45 years." or "The United States." states no reason; a phrase with a preposition or a noun for a reason
    does ("On humanitarian grounds.", "Security concerns.")."""
    from assistant.answer.relevance import names_only

    assert names_only("45 years.") and names_only("The United States.")
    assert not names_only("On humanitarian grounds.") and not names_only("Humanitarian grounds.")
    assert not names_only("Security concerns.") and not names_only("Because of the MEK.")
    assert not names_only("It wanted closer ties.")


def test_a_bare_value_is_no_answer_to_a_why_question_and_a_season_asks_for_a_time(guard):
    """A true value of the span ("45 years") answers how long, not why; "which season" is owed a time, so a true
    sentence of names without one is dropped."""
    isolated = "after 45 years of communist isolation"
    assert guard_answer("45 years [1].", guard("Why does the article bring up Albania's past?", isolated)).abstained
    assert not guard_answer("45 years [1].", guard("How long was Albania in communist isolation?", isolated)).abstained
    crisis = "erupted into a full-blown crisis in the summer of 2022"
    season = "which season did the albania iran tensions blow up into a full crisis?"
    assert guard_answer("Albania and Iran [1].", guard(season, crisis)).abstained
    assert not guard_answer("In the summer of 2022 [1].", guard(season, crisis)).abstained


def test_a_noun_phrase_alone_names_no_circumstance(guard):
    """"under what circumstances ...?" is answered by a clause; a bare name as the reply's first sentence is not."""
    from assistant.answer.asked_forms import asks_circumstance

    assert asks_circumstance("under what circumstances could iran get more aggressive?")
    assert asks_circumstance("In which cases does it fail?") and not asks_circumstance("What cases are listed?")
    question, needle = "under what circumstances could iran get more aggressive toward albania?", "broader geopolitical"
    assert guard_answer("The United States [1].", guard(question, needle)).abstained


def test_a_because_sentence_must_still_touch_the_question(guard):
    """Opening with "Because" spares a why-answer the share of the question's terms a sentence needs, not all of
    them: a true reason about something else altogether (football fans arguing over offside) is dropped."""
    reason = ("Because the MEK has been in conflict with the Islamic Republic since the early 1980s and is regarded "
              "as a terrorist organization in Iran [1].")
    needle = "regarded as a terrorist organization"
    assert guard_answer(reason, guard("why do football fans argue about offside calls?", needle)).abstained
    kept = guard_answer(reason, guard(WHY_HOSTILE, needle))
    assert not kept.abstained, kept.dropped
