"""Agreement of a pronoun with what it stands for, the answer's filler of a "who" slot, and a pronoun named within
its own question: each rule on a hand-built fixture (the real spaCy parser, no index)."""

from __future__ import annotations

import pytest

from assistant.followup import counted_members, cues, dated_then, named_lead, one_of, resolve
from assistant.answer.people import person_noun
from assistant.followup_agree import agrees, named_before, people_phrase, phrase_kind
from assistant.followup_filler import slot_filler
from assistant.followup_refs import Antecedents
from assistant.nlp import syntax

BLAME = ("The attack was quickly investigated. After a thorough investigation, the Albanian government "
         "unequivocally blamed the Iranian Foreign Ministry for orchestrating the assault.")
TOLD = ('As a Western diplomat anonymously told Tirana Times in 2023, "by hosting MEK, Albania placed a '
        'geopolitical time bomb in its own."')


def _span(parsed, words: str) -> tuple[int, int]:
    texts = [t.text for t in parsed.tokens]
    first = words.split()
    start = next(i for i in range(len(texts)) if texts[i:i + len(first)] == first)
    return start, start + len(first)


def test_a_person_noun_names_a_person_and_an_acronym_is_no_person() -> None:
    assert person_noun("diplomat") and person_noun("analyst") and not person_noun("embassy")
    parsed = syntax(TOLD)
    assert phrase_kind(parsed, *_span(parsed, "a Western diplomat")) == "person"
    assert phrase_kind(parsed, *_span(parsed, "MEK")) == "group"  # tagged PERSON by the parser, still a group
    assert agrees("its", parsed, *_span(parsed, "MEK"))  # an organisation's acronym is an "it", whatever its label


def test_he_agrees_with_a_person_it_with_one_thing_they_with_several() -> None:
    parsed = syntax("The Albanian analysts said that the diplomat visited Albania.")
    analysts, diplomat, albania = (_span(parsed, w) for w in ("The Albanian analysts", "the diplomat", "Albania"))
    assert agrees("he", parsed, *diplomat) and not agrees("he", parsed, *albania)
    assert agrees("it", parsed, *albania) and not agrees("it", parsed, *analysts)
    assert agrees("their", parsed, *analysts) and not agrees("they", parsed, *diplomat)


def test_the_answer_names_who_the_previous_question_asked_for() -> None:
    blamed = slot_filler(syntax("who did the albanian government blame?"), syntax(BLAME), "their")
    assert blamed == "the Iranian Foreign Ministry"
    teller = slot_filler(syntax("who told tirana times that albania placed a time bomb by hosting the mek?"),
                         syntax(TOLD), "his")
    assert teller == "the Western diplomat"


def test_a_who_that_is_the_subject_is_filled_by_the_answers_doer_however_far_from_the_shared_verb() -> None:
    answer = syntax("While the quarrel over fees could have been escalated to the regional council, of which the town "
                    "has long been a member, Mayor Alvarez decided against it, perhaps opting for a private settlement.")
    assert slot_filler(syntax("who chose not to escalate the row?"), answer, "he") == "Alvarez"  # not "the member"
    assert slot_filler(syntax("what did the town choose instead?"), answer, "he") is None  # no "who" asked


def test_the_answer_names_the_group_a_which_group_question_asked_for() -> None:
    answer = syntax("The harbour board agreed to shelter the Guild of Pilots, a group of exiled sailors.")
    assert slot_filler(syntax("which group did the harbour board agree to shelter?"), answer, "them") == \
        "the Guild of Pilots"
    assert slot_filler(syntax("which harbour did the board agree to open?"), answer, "them") is None  # no group


def test_they_after_a_which_country_question_is_the_country_the_answer_names() -> None:
    answer = syntax("After the storm, Norway offered the harbour two tugboats, a sign of its friendship.")
    question = syntax("which country offered the harbour tugboats?")
    assert slot_filler(question, answer, "they") == "Norway"
    assert slot_filler(question, answer, "he") is None  # a person: no country stands for "he"


def test_they_after_a_question_asking_for_several_names_all_the_answer_joins() -> None:
    answer = syntax("The harbour's close ties with Norway and Denmark proved invaluable, unlike those with Sweden.")
    question = syntax("which two countries' ties proved invaluable to the harbour?")
    assert slot_filler(question, answer, "they") == "Norway and Denmark"  # not Sweden: not joined to them
    assert slot_filler(question, answer, "he") is None  # a person asked about: no country
    assert slot_filler(syntax("which country's ties proved invaluable?"), answer, "they") is None  # one asked


def test_the_names_joined_by_and_are_found_past_a_name_standing_alone() -> None:
    answer = syntax("By standing firm against Sweden, the harbour hopes to deepen its ties with Norway and Denmark.")
    question = syntax("which two countries do the pilots think the harbour wants closer ties with?")  # "which" parsed
    assert slot_filler(question, answer, "they") == "Norway and Denmark"  # as an object; Sweden stands alone


def test_who_is_x_asks_about_x_so_the_answer_fills_no_slot() -> None:
    answer = syntax("The Illyrians, ancestors of modern Albanians, defended Greece against the Achaemenid Empire.")
    assert slot_filler(syntax("Who were the Illyrians?"), answer, "they") is None


def test_a_pronoun_stands_for_what_the_previous_answer_named() -> None:
    searched = resolve("what was their supposed motive?", ["who did the albanian government blame?"],
                       lambda previous: BLAME).searched
    assert searched == "What was the Iranian Foreign Ministry's supposed motive?"
    name = resolve("whats his name?", ["who told tirana times that albania placed a time bomb by hosting the mek?"],
                   lambda previous: TOLD).searched
    assert name == "What's the Western diplomat's name?"


def test_it_is_none_of_the_several_things_the_previous_question_asked_for() -> None:
    answer = "Drought and a late frost caused a poor harvest, which Portugal met with grain imports. [1]"
    searched = resolve("and portugal's answer to it was?", ["what two things caused a poor harvest?"],
                       lambda previous: answer).searched
    assert searched == "Portugal's answer to poor harvest was?"


def test_he_is_a_person_of_the_previous_question_before_a_name_of_the_answer() -> None:
    searched = resolve("what risk was he getting at", ["what did a western diplomat tell tirana times in 2023?"],
                       lambda previous: TOLD).searched
    assert searched == "What risk was the western diplomat getting at?"


def test_a_pronoun_named_earlier_in_its_own_question_is_no_reference() -> None:
    parsed = syntax("and when did Israel open its embassy in Tirana?")
    its = next(t.i for t in parsed.tokens if t.text == "its")
    assert named_before(parsed, its) == _span(parsed, "Israel")
    assert not cues("and when did Israel open its embassy in Tirana?")
    assert resolve("and when did Israel open its embassy in Tirana?", ["When did Albania recognise Israel?"]).searched \
        is None


def test_what_about_x_comma_a_question_asks_it_of_x() -> None:
    assert named_lead("what about iran, does it accept the blame?") == "Does iran accept the blame?"
    assert named_lead("what about the technical committee, whats its job?") == "What's the technical committee's job?"
    assert named_lead("what about Kosovo?") is None
    assert named_lead("what about the cyberattack, when was that?") == "When was the cyberattack?"  # pointing word
    assert named_lead("how about the quote, what year?") == "What year the quote?"  # no verb: asked of the lead
    assert named_lead("and what about combining with GPLv2-only code?") is None  # a hyphen in a word is no comma
    resolved = resolve("what about gzip, what does it exit with on a warning?", ["what's grep's exit status?"])
    assert resolved.searched == "What does gzip exit with on a warning?"


def test_a_file_path_is_what_it_or_them_points_to() -> None:
    """The parser splits "/var/lock" into punctuation and a noun: the path itself is the referent, ahead of any
    group the previous answer names ("the de‐ vice's name": "de‐" tagged ORG)."""
    answer = "The naming convention for device lock files is LCK..<device> where <device> is the de\u2010 vice's name."
    refs = Antecedents("what is /var/lock for?", lambda: answer)
    assert refs.path() == "/var/lock"
    assert refs.find("group", pronoun="them") == "/var/lock"
    assert resolve("what's actually inside them?", ["what is /var/lock for?"]).searched == \
        "What's actually inside /var/lock?"
    assert Antecedents("is tcp/ip or udp faster?", None).path() is None  # a slash inside a word is no path


def test_the_name_opening_a_misparsed_subject_is_what_it_points_to() -> None:
    """ "does TRUNCATE reset sequences?" is parsed as one noun phrase under "does": "it" is TRUNCATE; a question
    with a verb of its own keeps its subject phrase."""
    assert resolve("is it mvcc safe?", ["does TRUNCATE reset sequences?"]).searched == "Is TRUNCATE mvcc safe?"
    assert Antecedents("does TRUNCATE reset sequences?", None).named_subject() == "TRUNCATE"
    assert Antecedents("does the ssh client use agent forwarding?", None).named_subject() is None


def test_how_many_of_them_counts_a_groups_members() -> None:
    """ "how many of them" after a question about one organisation counts its members (the answer's number sits by
    "members"); a plural referent is counted as it is."""
    assert resolve("how many of them did albania take in?", ["Where was the MEK relocated to Albania from?"]).searched \
        == "How many of the members of MEK did albania take in?"
    toks = syntax("how many of them are held back?").tokens
    assert counted_members("the held packages", toks, 3) == "the held packages"
    assert counted_members("MEK", toks, 3) == "the members of MEK"
    assert counted_members("MEK", syntax("what do they want?").tokens, 2) == "MEK"


def test_then_is_the_previous_questions_date() -> None:
    """ "by then" takes the previous question's date in place of "then" (it was appended after the question mark);
    a bare "then" is "on" that date, "in" a bare year."""
    assert resolve("how long had he been PM by then?", ["What did Edi Rama announce on September 7, 2022?"]).searched \
        == "How long had Edi Rama been PM by September 7, 2022?"
    assert dated_then("what did albania do then?", "2014") == "what did albania do in 2014?"
    assert dated_then("who was PM then?", "July 15, 2022") == "who was PM on July 15, 2022?"
    assert dated_then("what changed?", "2014") == "what changed?"


def test_then_after_a_question_for_a_date_is_the_date_its_answer_gave() -> None:
    """ "what happened then?" after "what was the date of X?" is "on" the date the answer gave, not the follow-up
    glued to the previous question's body."""
    answer = "The most significant incident occurred on July 15, 2022, when a massive cyberattack hit the country."
    assert resolve("what happened then?", ["what was the date of the big cyberattack?"], lambda _: answer).searched \
        == "What happened on July 15, 2022?"


def test_that_year_is_the_date_the_previous_answer_gave_as_then_is() -> None:
    """ "that year" / "that day" point back to an earlier turn's time as "then" does; "this year" and "these days"
    are the time of asking."""
    answer = "The quarrel can largely be traced back to 2014, a year that marked a shift in the guild's policy."
    assert resolve("what did the guild actually do that year?", ["when can the quarrel be traced back to?"],
                   lambda _: answer).searched == "What did the guild actually do in 2014?"
    assert dated_then("what else happened that day?", "July 15, 2022") == "what else happened on July 15, 2022?"
    assert "'then'" in cues("what did they do in that year?")
    assert not cues("what is the guild doing these days?") and not cues("what happened this year?")


def test_the_searched_question_keeps_the_spacing_as_typed() -> None:
    """Hyphenated and slashed words stay whole ("mini-Debian", "/www/htdocs"); a comma is not set apart."""
    parsed = syntax("what is the mini-Debian system in /www/htdocs/example, then?")
    assert parsed.span(0, len(parsed.tokens)) == "what is the mini-Debian system in /www/htdocs/example, then?"
    assert resolve("what's the first program it runs?", ["what is the mini-Debian system?"]).searched == \
        "What's the first program mini-Debian system runs?"


def test_one_of_those_is_one_of_the_kind_the_previous_question_named() -> None:
    """ "one of those" is a member of the kind the previous question named with an indefinite article, not the
    previous question's topic ("advantage of a WITHOUT ROWID table")."""
    assert resolve("and how can i tell if an existing table is one of those?",
                   ["what's the advantage of a WITHOUT ROWID table in sqlite?"]).searched == \
        "How can i tell if an existing table is a WITHOUT ROWID table?"
    toks = syntax("is ls one of those?").tokens
    assert one_of(toks, 4) and not one_of(syntax("is ls one of the builtins?").tokens, 4)
    assert Antecedents("what are the archive areas?", None).instance() is None


def test_a_name_swapped_in_brings_its_prepositional_phrase() -> None:
    """ "what about gnome on wayland?" swaps "gnome on wayland" for the previous question's name, not "gnome" alone."""
    assert resolve("what about gnome on wayland?", ["how do I change the keyboard layout for the linux console?"]
                   ).searched == "How do I change the keyboard layout for the gnome on wayland console?"
    assert resolve("what about Kosovo?", ["When did Albania recognize Israel?"]).searched == \
        "When did Albania recognize Kosovo?"


def test_a_people_said_as_an_adjective_stands_with_the_plural_it_describes() -> None:
    parsed = syntax("what do Portuguese fishermen think of the law?")
    name = next((s, e) for s, e, label in parsed.ents if label == "NORP")
    assert parsed.span(*people_phrase(parsed, *name)) == "Portuguese fishermen"
    alone = syntax("what do the Portuguese think of the law?")
    name = next((s, e) for s, e, label in alone.ents if label == "NORP")
    assert people_phrase(alone, *name) == name  # the people itself: nothing to add
    assert resolve("what did the court do for them?", ["what do Portuguese fishermen think of the law?"]).searched \
        == "What did the court do for Portuguese fishermen?"


def test_a_plural_pronoun_stands_for_two_names_of_its_own_question_joined_by_and() -> None:
    question = "What will Albania and Iran each focus on given the bleak outlook for their relations?"
    parsed = syntax(question)
    their = next(t.i for t in parsed.tokens if t.text == "their")
    assert named_before(parsed, their) == (_span(parsed, "Albania")[0], _span(parsed, "Iran")[1])
    assert not cues(question)
    assert cues("what will Albania focus on given the bleak outlook for their relations?")  # one name is no "their"


def test_a_pronoun_never_stands_for_the_noun_its_own_relative_clause_describes() -> None:
    """"and the english name it goes by?": "it" is the subject of a clause describing "the english name", so it
    points to an earlier turn, not to the name (or its adjective) before it."""
    parsed = syntax("ok and the english name it goes by?")
    at = next(t.i for t in parsed.tokens if t.text == "it")
    assert named_before(parsed, at) is None
    assert any(c.startswith("pronoun") for c in cues("ok and the english name it goes by?"))


@pytest.mark.parametrize(("previous", "question", "searched"), [
    ("so how did iran's fm say theyd keep some presence in albania?", "ok but hows the outlook between the two?",
     "hows the outlook between iran and albania?"),
    ("what's the outlook for ties between albania and iran?", "what did the talks between them achieve?",
     "what did the talks between albania and iran achieve?"),
])
def test_what_is_put_between_the_two_is_between_the_two_the_previous_question_names(
        previous: str, question: str, searched: str) -> None:
    assert resolve(question, [previous]).query.lower() == searched


def test_between_two_named_by_their_noun_is_left_as_it_stands() -> None:
    resolved = resolve("are they a sore point between the two countries?", ["when did the mek arrive?"]).query
    assert "between the two countries" in resolved
