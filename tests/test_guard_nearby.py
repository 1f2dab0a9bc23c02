"""Nearby spans: the guard may join a sentence next to a passage shown to the shown spans that carry a claim
(``assistant.answer.nearby``); the rules that keep swapped values and names out, on hand-built fixtures, and the
guard over the real article index with one passage shown."""

from __future__ import annotations

import pytest

from assistant.answer.guard import Guard, guard_answer
from assistant.answer.guard_params import load_guard_params
from assistant.answer.matching import TermWeights
from assistant.answer.nearby import (
    candidates, conflicting_value, misplaced_name, named_context, nearby_fits, split_value,
)
from assistant.answer.prompts import Passage
from assistant.answer.support import Claim, Facts
from assistant.schema import Hit


def test_a_heading_lends_its_names_not_its_title_case_words():
    text = ("A Field Guide to Tide Clocks\nThe Roots of Tide Keeping in Brittany\n"
            "Clockmakers in Brittany and Wales built the first tide clocks. Their roots go back far.\n")
    assert named_context("The Roots of Tide Keeping in Brittany A Field Guide to Tide Clocks", text) == "brittany"


def test_a_value_only_the_nearby_span_gives_conflicts_with_the_passages_value_of_the_same_thing():
    claim = Claim.of("The default is 3072 rounds.")
    assert conflicting_value(claim, frozenset({"3072"}), Facts.of("The default is 16 rounds.")) == "3072"
    assert conflicting_value(claim, frozenset({"3072"}), Facts.of("Keys are kept in the home directory.")) is None
    assert conflicting_value(claim, frozenset(), Facts.of("The default is 16 rounds.")) is None  # shown gives it


def test_spans_of_one_cover_that_disagree_on_a_value_support_nothing():
    ndots = Facts.of("ndots:n sets a threshold; the default for n is 1.")
    retry = Facts.of("attempts:n sets the number of times; the default is RES_DFLRETRY (currently 2).")
    claim = Claim.of("The default for ndots is 2.")
    assert split_value(claim, [ndots, retry]) == "2"
    both = Claim.of("The default for ndots is 1 and the default for attempts is 2.")  # each value from its own span
    assert split_value(both, [ndots, retry]) is None
    buzz, rex = Facts.of("Debian 1.1 Buzz was released in 1996."), Facts.of("Debian 1.2 Rex followed.")
    assert split_value(Claim.of("Debian 1.1 Buzz came before Rex."), [buzz, rex]) is None  # two things, not values


def test_a_date_is_no_conflicting_value():
    claim = Claim.of("The attack was on July 15, 2022.")
    shown = Facts.of("The attack was answered on September 7, 2022.")
    assert conflicting_value(claim, frozenset({"15"}), shown) is None


def test_a_name_said_of_words_its_spans_give_another_name_is_misplaced():
    span = "Albania acted at the behest of the United States. The group is called Mujahedin-e Khalq in Farsi."
    stems = Facts.of(span).stems
    wrong = Claim.of("Albania acted at the behest of the Farsi, which had pushed for it.")
    right = Claim.of("Albania acted at the behest of the United States, which had pushed for it.")
    assert misplaced_name(wrong, [span], stems) == "farsi"
    assert misplaced_name(right, [span], stems) is None


def test_a_nearby_cover_needs_the_shown_spans_to_carry_the_claim():
    claim = Claim.of("Rama announced the break on September 7, 2022.")
    shown = Facts.of("On September 7, 2022, Rama announced the break.")
    args = (shown, Facts.of("Nothing else."), shown, ["On September 7, 2022, Rama announced the break."], 0.5)
    assert nearby_fits(claim, shown, 0.8, *args[1:])
    assert not nearby_fits(claim, shown, 0.3, *args[1:])
    negated = Claim.of("Rama did not announce the break on September 7, 2022.")
    assert not nearby_fits(negated, shown, 0.8, *args[1:])


@pytest.fixture(scope="module")
def snapshot(assistant):
    return assistant.snapshot()


@pytest.fixture(scope="module")
def break_passage(snapshot):
    """Only the chunk that tells of the break of ties, as a prompt's one passage."""
    chunk = next(c for c in snapshot.meta.chunks if "On September 7, 2022" in c.text)
    return (Passage(1, Hit(chunk=chunk, score=1.0), chunk.text),)


def test_nearby_spans_are_next_to_the_passage_in_its_document_and_not_shown(snapshot, break_passage):
    chunk = break_passage[0].hit.chunk
    shown_rows = {snapshot.sentence_row[s] for s in chunk.sentence_ids}
    spans = candidates(break_passage, snapshot, 3)
    near = [c for c in spans if not c.shown]
    assert near and all(c.shown for c in spans[:len(spans) - len(near)])
    for c in near:
        assert c.source == chunk.source and not set(c.row) & shown_rows
        assert min(abs(r - s) for r in c.row for s in shown_rows) <= 3
    assert not [c for c in candidates(break_passage, snapshot, 0) if not c.shown]


def _guard(assistant, snapshot, passages, reach: int, question: str) -> Guard:
    params = load_guard_params().model_copy(update={"nearby_reach": reach})
    weights = TermWeights.of_bm25(snapshot.bm25, len(snapshot.meta.chunks))
    return Guard(passages, snapshot, weights, assistant.embedder.embed, False, question, params)


def test_a_name_from_a_sentence_next_to_the_passage_completes_a_supported_answer(assistant, snapshot, break_passage):
    reply = ("On September 7, 2022, Edi Rama announced that Albania was cutting diplomatic relations with Iran, "
             "rather than escalating the incident to NATO.")
    question = "How did Albania respond to the cyberattack?"
    kept = guard_answer(reply, _guard(assistant, snapshot, break_passage, 3, question))
    assert not kept.abstained and len(kept.citations) == 2
    chunk = break_passage[0].hit.chunk
    outside = [c for c in kept.citations if not chunk.start <= c.start < chunk.end]
    assert len(outside) == 1 and "NATO" in outside[0].quote
    for c in kept.citations:
        assert c.quote == snapshot.meta.documents[c.source].text[c.start:c.end]
    assert guard_answer(reply, _guard(assistant, snapshot, break_passage, 0, question)).abstained


def test_a_nearby_span_never_supports_a_sentence_alone(assistant, snapshot, break_passage):
    reply = "Prime Minister Rama decided against escalating the incident to NATO, of which Albania is a member."
    question = "Did Albania take the cyberattack to NATO?"
    assert guard_answer(reply, _guard(assistant, snapshot, break_passage, 3, question)).abstained


def test_name_contexts_say_what_a_name_is_said_of():
    from assistant.answer.number_contexts import name_contexts

    found = name_contexts("at the behest of the United States, which had advocated it", 3)
    assert ("united", "behest") in found and ("states", "advoc") in found
    assert not any(w == "behest" for w, _ in found)  # lower-case words are no names


def test_a_nearby_span_completes_one_shown_span_not_two(assistant, snapshot, break_passage):
    """A sentence gathered from two shown sentences and one next to the passage is dropped (``NEARBY_COVER_SPANS``);
    one shown sentence completed by the nearby one is kept."""
    question = "How did Albania respond to the cyberattack?"
    spread = ("Edi Rama announced the break on September 7, 2022, diplomats were ordered to leave on September 8, "
              "2022, and Rama decided against escalating the incident to NATO.")
    assert guard_answer(spread, _guard(assistant, snapshot, break_passage, 3, question)).abstained
    completed = ("On September 7, 2022, Edi Rama announced that Albania was cutting diplomatic relations with Iran, "
                 "rather than escalating the incident to NATO.")
    assert not guard_answer(completed, _guard(assistant, snapshot, break_passage, 3, question)).abstained


def test_a_definition_list_term_above_a_sentence_is_part_of_its_span():
    from assistant.structure import term_above

    text = "Assign:\n\n  priority 990\n      to the versions that belong to the target release.\n  Then more follows."
    start = text.index("to the versions")
    assert term_above(text, start, "priority 990") == "priority 990"
    later = text.index("Then more")
    assert term_above(text, later, "priority 990") == ""  # a sentence further down the section
    title = "How APT chooses the version it installs"
    assert term_above(f"{title}\n\nIt ranks every version.", len(title) + 2, title) == ""  # a section title
    span = Facts.of("priority 990: to the versions that belong to the target release.")
    assert "990" in span.numbers  # what candidates() builds for that span
