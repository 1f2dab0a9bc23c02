"""Which dates an interval question may compute from: a date that dates the telling is left out, and a sentence
that points back to an earlier year ("It was in this year that ...") is dated by the sentence before it."""

from __future__ import annotations

from assistant.answer.arithmetic import event_dates, refers_to_earlier_year
from assistant.answer.evidence import Evidence
from evidence_helpers import evidence_over

TEXT = ("# Harbour\n\nThe old harbour was rebuilt in 1961, after the great storm. It was in this year that the "
        "ferry company moved its offices to the pier. The pier is made of stone.\n")


def evidence() -> tuple[Evidence, dict]:
    view, sentences = evidence_over("harbour.md", "Harbour", TEXT)
    return view, {s.text: s for s in sentences}


def test_a_date_of_the_telling_is_no_date_of_the_event() -> None:
    told = 'As a sailor told the Harbour Gazette in 1999, "the storm of 1961 was the worst".'
    assert [d.text for d in event_dates(told)] == ["1961"]
    assert [d.text for d in event_dates("She said on May 4, 2020 that the pier had opened.")] == []
    assert [d.text for d in event_dates("On May 4, 2020, the mayor announced the new pier.")] == ["May 4, 2020"]


def test_a_sentence_pointing_back_to_a_year() -> None:
    assert refers_to_earlier_year("It was in this year that the company moved.")
    assert refers_to_earlier_year("That same year the pier opened.")
    assert not refers_to_earlier_year("In 1961 the pier opened; that year was stormy.")  # it names its own
    assert not refers_to_earlier_year("The pier opened last week.")
    assert not refers_to_earlier_year("The following year the pier opened.")  # a year later, not the same one


def test_the_year_comes_from_the_sentence_before() -> None:
    view, by_text = evidence()
    moved = by_text["It was in this year that the ferry company moved its offices to the pier."]
    span = view.with_earlier_year(moved)
    assert span.text.startswith("The old harbour was rebuilt in 1961") and span.end == moved.end
    assert TEXT[span.start:span.end] == span.text  # still the document's exact words
    assert [d.text for d in event_dates(span.text)] == ["1961"]
    stone = by_text["The pier is made of stone."]
    assert view.with_earlier_year(stone) is stone


def test_time_asked_in_no_unit_is_counted_in_years_when_a_date_is_a_year_alone() -> None:
    from assistant.answer.arithmetic import find_dates, gap, unit_unstated

    year, day, later = find_dates("in 2014")[0], find_dates("on July 15, 2022")[0], find_dates("on July 20, 2022")[0]
    assert unit_unstated("how much time passed between the move and the storm?")
    assert not unit_unstated("how many days passed between the move and the storm?")
    assert gap(year, day, ["days", "years"]) == (8, "years")
    assert gap(day, later, ["days", "years"]) == (5, "days")
    assert gap(year, day, ["days"]) == (None, None)  # days asked: too vague
