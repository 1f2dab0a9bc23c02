"""A value the claim gives as an extreme ("the largest ROWID is 1") is supported only by a span that bounds it."""

from __future__ import annotations

from assistant.answer.bounds import claim_extremes, span_bounds
from assistant.answer.support import Claim, Facts, misplaced

EMPTY_TABLE = ("The usual algorithm is to give the newly created row a ROWID that is one larger than the largest ROWID "
               "in the table prior to the insert. If the table is initially empty, then a ROWID of 1 is used.")


def test_a_superlative_binds_the_number_after_it() -> None:
    assert claim_extremes("The largest possible ROWID is 1.") == {("1", "max")}
    assert claim_extremes("Each -v adds one, up to a maximum verbosity level of 3.") == {("3", "max")}
    assert claim_extremes("The smallest block is 512 bytes.") == {("512", "min")}
    assert not claim_extremes("9223372036854775807, the largest possible 64-bit signed integer.")  # part of a word
    assert not claim_extremes("It is one more than the largest ROWID in use.")  # the number comes first


def test_a_span_bounds_a_number_in_the_sentence_that_words_a_bound() -> None:
    assert ("64", "max") in span_bounds("Names may be up to 64 characters long.")
    assert ("3", "max") in span_bounds("The maximum verbosity level is 3.")
    assert ("1", "max") not in span_bounds(EMPTY_TABLE)  # "one larger than the largest" counts a step


def test_an_extreme_the_span_does_not_state_is_a_misplaced_value() -> None:
    assert misplaced(Claim.of("The largest possible ROWID is 1."), Facts.of(EMPTY_TABLE)) == {"1"}
    assert not misplaced(Claim.of("A ROWID of 1 is used for an empty table."), Facts.of(EMPTY_TABLE))
    assert not misplaced(Claim.of("The maximum length is 64 characters."),
                         Facts.of("Names may be up to 64 characters long."))
