"""A question whose doer and done-to the best cited sentence has the other way round (``followup_roles``), on
made-up sentences: the real spaCy parser, no index."""

from __future__ import annotations

from assistant.followup_roles import cased_like, reversed_roles

SAID = "Chile recognized the republic of Norway on May 3, 1905, by a letter from President Jan Peters."


def test_the_question_takes_the_sentence_s_capitals() -> None:
    assert cased_like("when did norway recognise chile back?", SAID) == "when did Norway recognise Chile back?"


def test_the_doer_and_the_done_to_the_other_way_round_is_no_answer() -> None:
    assert reversed_roles("when did norway recognise chile back?", "when did norway recognise chile back?", [SAID])
    assert not reversed_roles("when did chile recognise norway?", "when did chile recognise norway?", [SAID])
    assert not reversed_roles("who recognised norway?", "who recognised norway?", [SAID])  # "who" decides nothing
    assert not reversed_roles("when did norway recognise chile?", "when did norway recognise chile?", [])
    columns = "How many columns can an index have at most?"  # no names: the parser's doer may be "columns"
    assert not reversed_roles(columns, columns, ["Indexes can have up to 32 columns, including INCLUDE columns."])


def test_a_question_asked_alone_is_checked_too(assistant) -> None:
    """End to end on the indexed article: it says Albania recognized Israel, not the other way round."""
    answer = assistant.ask("when did israel recognise albania?")
    assert answer.abstained
    assert not assistant.ask("when did albania recognise israel?").abstained
