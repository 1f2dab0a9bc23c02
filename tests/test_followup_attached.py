"""A value a follow-up asks for, attached to its own verb (issue 16t), on made-up sentences: the real spaCy parser,
no index."""

from __future__ import annotations

from assistant.followup_attached import (
    holding_predicate,
    new_predicate,
    paragraph_after,
    predicate_stems,
    value_unattached,
)
from assistant.schema import Sentence, Span

HISTORY = ["who was the harbour's first captain when the lighthouse was built?"]
BUILT_SAID = ["The lighthouse was built on 3 May 1881, by order of Captain John Marsh, the harbour's first captain."]


def sentences(text: str) -> list[Sentence]:
    """The sentences of ``text`` (split at ". " and blank lines), as one document's."""
    out, at = [], 0
    for n, piece in enumerate(text.replace("\n\n", ". ").split(". ")):
        start = text.index(piece, at)
        out.append(Sentence(id=f"s{n}", source="doc.txt", start=start, end=start + len(piece), text=piece))
        at = start + len(piece)
    return out


def test_the_follow_up_s_own_verb_leaves_out_light_verbs_and_the_history_s() -> None:
    assert new_predicate("when did he retire?", HISTORY) == ["retir"]
    assert new_predicate("when was it built?", HISTORY) == []  # the history's verb
    assert new_predicate("when did he send it?", ["who sent the telegram?"]) == []  # the same lemma, another form
    assert new_predicate("when did he get there?", HISTORY) == []  # a light verb
    assert new_predicate("where is it located?", HISTORY) == []  # a verb that only places a thing
    assert new_predicate("when did he paint the tower?", HISTORY) == ["paint", "tower"]  # with its object
    assert new_predicate("when did he want it painted?", HISTORY) == ["paint"]  # a verb of intent: its complement's
    assert new_predicate("where did they want them moved from?", ["who pushed for moving the crew?"]) == []
    assert new_predicate("when did he end up painting it?", HISTORY) == ["paint"]  # a verb of aspect: the same
    assert new_predicate("how many of them did he end up taking?", HISTORY) == []  # its complement a light verb
    assert new_predicate("where does the guide expect the town's focus to be?", HISTORY) == []  # a copula: no event


def test_a_hyphenated_compound_s_first_part_is_no_verb() -> None:
    assert "post" not in predicate_stems("This post-war alignment shaped the harbour.")
    assert "post" in predicate_stems("The notice was posted at the harbour.")


def test_a_date_found_only_beside_the_history_s_event_is_refused() -> None:
    assert value_unattached("when did he retire?", "When did the first captain retire?", HISTORY, BUILT_SAID)
    retired = ["Captain Marsh retired in 1902.", *BUILT_SAID]
    assert value_unattached("when did he retire?", "When did the first captain retire?", HISTORY, retired) is None
    letter = ["His resignation came by a letter of 2 June 1902.", *BUILT_SAID]  # the object stands for the event
    assert value_unattached("when did he send the letter?", "When did Marsh send the letter?", HISTORY, letter) is None
    assert value_unattached("when did he send it?", "When did Marsh send it?", HISTORY, letter)


def test_an_object_dates_the_follow_up_only_beside_the_verb_s_named_subject() -> None:
    history = ["when did the town first build a harbour?"]
    other = ["The navy's crews stood in front of the harbour office on 3 May 1902 as the town closed it."]
    asked = "and when did the navy open its office?"
    assert value_unattached(asked, asked, history, other) is None  # the navy's office, dated
    asked = "and when did the guild open its office?"
    assert value_unattached(asked, asked, history, other)  # an office, dated, but not the guild's
    text = "The guild has an office by the harbour. The town grew."
    rest = sentences(text)
    assert holding_predicate(asked, history, [rest], "date") == []  # the guild's office, but no date by it
    assert [s.text for s in holding_predicate(asked, history, [rest], "other")][:1] == [rest[0].text]


def test_a_sentence_holding_the_verb_and_pointing_back_to_its_year_is_dated() -> None:
    pointed = ["The keepers' quarrel can be traced back to 1902.", "It was in that year that Marsh retired.",
               *BUILT_SAID]
    assert value_unattached("when did he retire?", "When did the first captain retire?", HISTORY, pointed) is None
    assert value_unattached("when did he retire?", "When did the first captain retire?", HISTORY, pointed[1:2])


def test_a_count_is_attached_to_its_verb_and_a_duration_is_not() -> None:
    crew = ["The lighthouse was built in 1881 by a crew of 40 men.", *BUILT_SAID]
    assert value_unattached("how many have left since?", "How many have left the crew since?", HISTORY, crew)
    quit_ = ["Twelve of the crew left in 1885.", *crew]
    assert value_unattached("how many have left since?", "How many have left the crew since?", HISTORY, quit_) is None
    served = ["Marsh kept the light for 21 years.", *BUILT_SAID]  # "how long ... serve?" said with "kept"
    assert value_unattached("how long did he serve?", "How long did the captain serve?", HISTORY, served) is None


def test_a_verb_held_without_a_value_or_a_question_asking_no_date_or_place_passes_through() -> None:
    undated = ["Captain Marsh retired after a storm.", *BUILT_SAID]
    assert value_unattached("when did he retire?", "When did the captain retire?", HISTORY, undated)  # no date by it
    assert value_unattached("why did he retire?", "Why did the captain retire?", HISTORY, BUILT_SAID) is None
    assert value_unattached("when was it built?", "When was the lighthouse built?", HISTORY, BUILT_SAID) is None


def test_the_rest_of_a_cited_paragraph_holding_the_verb_answers_instead() -> None:
    text = ("The lighthouse was built in 1881. Captain Marsh ordered it. He retired after the storm of 1902. "
            "His son took over.\n\nThe harbour grew.")
    document = sentences(text)
    rest = paragraph_after(document, Span(source="doc.txt", start=0, end=document[0].end), text)
    assert [s.id for s in rest] == ["s1", "s2", "s3"]  # up to the paragraph's end
    found = holding_predicate("when did he retire?", HISTORY, [rest], "date")
    assert [s.text for s in found] == ["He retired after the storm of 1902", "His son took over."]
    assert holding_predicate("when did he resign?", HISTORY, [rest], "date") == []  # no sentence holds it


def test_a_question_typed_in_full_after_others_is_held_to_its_own_verb(assistant) -> None:
    history = ["how did edi rama announce the cut in ties?"]
    question = "where was the video posted?"  # a place asked, "posted" in no cited sentence holding one
    assert not assistant.resolve(question, history).cues  # typed in full: nothing taken from the history
    answer = assistant.ask(question, history=history)
    assert answer.abstained
