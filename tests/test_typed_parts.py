"""Each part of a multi-part question that asks for a date or a number is answered by a sentence holding one
(assistant.answer.extractive, on the article's real index)."""

from __future__ import annotations

from assistant.answer.qtypes import has_value


def test_a_second_date_part_brings_a_dated_sentence(assistant) -> None:
    answer = assistant.ask("when was albania hit by the cyberattack and when did it answer by severing diplomatic "
                           "relations?")
    assert not answer.abstained
    assert "July 15, 2022" in answer.answer and "September 7, 2022" in answer.answer


def test_a_date_part_and_a_who_part_are_both_answered(assistant) -> None:
    answer = assistant.ask("When did the major cyberattack happen, and who did Albania pin it on?")
    assert not answer.abstained
    assert has_value(answer.citations[0].quote, "date")
    assert "Foreign Ministry" in answer.answer
