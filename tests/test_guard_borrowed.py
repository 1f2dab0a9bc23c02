"""A span of a cover that lends the claim only a value, in place of the value the other spans give
(``nearby.borrowed_value``; hand-built claims and spans, no index, no model but spaCy's)."""

from __future__ import annotations

from assistant.answer.matching import TermWeights
from assistant.answer.nearby import borrowed_value
from assistant.answer.support import Claim, Facts, match

WEIGHTS = TermWeights({}, 100)
REBUILT = Facts.of("The harbour was rebuilt in 1990.")


def borrows(text: str, giving: Facts, rest: Facts) -> bool:
    claim = Claim.of(text)
    return borrowed_value(claim, giving, rest, match(claim, rest, WEIGHTS), match(claim, giving | rest, WEIGHTS))


def test_a_value_taken_from_a_span_about_something_else_is_borrowed():
    assert borrows("The ferry left the north pier in 1990.", REBUILT,
                   Facts.of("The ferry left the north pier in 1985."))


def test_a_value_the_other_spans_do_not_contradict_is_not_borrowed():
    assert not borrows("The ferry left the north pier in 1990.", REBUILT, Facts.of("The ferry left the north pier."))


def test_a_claim_that_keeps_both_values_or_uses_the_lending_span_s_words_borrows_nothing():
    pier = Facts.of("The ferry left the north pier in 1985.")
    assert not borrows("The ferry left the north pier in 1985; the harbour was rebuilt in 1990.", REBUILT, pier)
    assert not borrows("The harbour was rebuilt in 1990, when the ferry left the north pier.", REBUILT,
                       Facts.of("The ferry left the north pier after a storm in 1985."))


def test_a_whole_date_taken_from_a_span_about_something_else_is_borrowed():
    photo = Facts.of("The photo was taken on September 8, 2022, as the diplomats left.")
    told = Facts.of("A Western diplomat told Tirana Times in 2023 that hosting the group was a time bomb.")
    assert borrows("A Western diplomat told Tirana Times on September 8, 2022 that it was a time bomb.", photo, told)
    assert not borrows("A Western diplomat told Tirana Times in 2023 that it was a time bomb.", photo, told)
