"""Initials typed in lower case are read as the documents write them (issue 16w), on made-up documents and
questions: the real spaCy parser, no index."""

from __future__ import annotations

from assistant.followup import resolve_conversation
from assistant.followup_case import Initials
from assistant.followup_params import CaseParams

DOCUMENTS = ["The KLF moved to Lisbon in 2001. The KLF built a camp there.", "Critics say the KLF is a cult.",
             "NATO met. The Portuguese said it. USB sticks were banned; usb is a word here.",
             "DEFERRED DEFERRED DEFERRED is a keyword."]


def test_short_words_the_documents_write_only_in_capitals_are_initials() -> None:
    initials = Initials.of(DOCUMENTS)
    assert initials.written == {"klf": "KLF"}  # NATO: once; USB: also lower case; DEFERRED: too long
    assert Initials.of(DOCUMENTS, CaseParams(min_count=1)).written == {"klf": "KLF", "nato": "NATO"}


def test_a_question_writes_them_as_the_documents_do_and_leaves_the_rest() -> None:
    initials = Initials.of(DOCUMENTS)
    assert initials.cased("what about the klf, where are they?") == "what about the KLF, where are they?"
    assert initials.cased("is Klf a cult?") == "is Klf a cult?"  # typed with a capital: as typed
    assert initials.cased("klfs and the usb?") == "klfs and the usb?"


def test_a_pronoun_after_initials_typed_in_lower_case_points_to_them() -> None:
    cased = Initials.of(DOCUMENTS).cased
    typed = "when did portugal take in the klf"
    plain, _ = resolve_conversation("where did they settle?", [typed])
    read, standalone = resolve_conversation("where did they settle?", [typed], cased=cased)
    assert plain.searched is not None and "KLF" not in plain.searched
    assert read.searched == "Where did KLF settle?"
    assert standalone == ["when did portugal take in the KLF"]


def test_a_question_that_reads_as_typed_is_searched_as_typed() -> None:
    cased = Initials.of(DOCUMENTS).cased
    resolution, _ = resolve_conversation("what is the klf's camp called in lisbon today?", ["who is Portugal?"],
                                         cased=cased)
    assert resolution.searched is None and resolution.query == "what is the klf's camp called in lisbon today?"
