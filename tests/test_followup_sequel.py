"""Another party's next step ("and what did iran do after that?"): read from where the document goes on to tell
of that party (``assistant.followup_sequel``), with the real spaCy parser; end to end on the indexed article."""

from __future__ import annotations

from assistant.followup_sequel import names_subject, sequel_subject, told_of
from assistant.schema import Span
from sentence_helpers import consecutive_sentences

STORY = [
    "On May 3, the council closed the northern quay.",
    "The decision surprised the harbour.",
    "The pilots' guild protested for a week.",
    "Later, the guild's leader asked the mayor for talks.",
    "The mayor refused.",
]


def test_the_party_is_the_follow_up_s_own_subject() -> None:
    previous = "What did the council do on May 3?"
    assert sequel_subject("and what did the guild do after that?", previous) == "guild"
    assert sequel_subject("and after that, did the mayor respond?", previous) == "mayor"
    assert sequel_subject("what happened after that?", previous) is None  # no party of its own: read on
    assert sequel_subject("and what did the council do after that?", previous) is None  # the same party
    assert sequel_subject("what did the guild do?", previous) is None  # no step after anything asked


def test_a_sentence_tells_of_the_party_when_its_subject_names_it() -> None:
    assert names_subject("Later, the guild's leader asked the mayor for talks.", "guild")
    assert not names_subject("The decision surprised the guild.", "guild")  # the guild is its object


def test_the_next_sentences_whose_subject_names_the_party() -> None:
    sentences = consecutive_sentences(*STORY)
    best = Span(source="doc.txt", start=sentences[0].start, end=sentences[0].end)
    assert [s.text for s in told_of(sentences, best, "guild")] == [STORY[2], STORY[3]]
    assert told_of(sentences, best, "ferry") == []


def test_iran_s_next_step_after_the_break_is_its_reaction(assistant) -> None:
    answer = assistant.ask("what did iran do after that?", history=["how did albania break off relations with iran"])
    assert not answer.abstained and "interest section" in answer.answer
    assert "what iran did next" in (answer.searched or "")
