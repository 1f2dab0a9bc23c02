"""A number that counts the claim's own list ("Four: a, b, c and d", "One each: ...") needs no span."""

from assistant.answer.claim_rules import list_count, list_items
from assistant.answer.support import Claim


def test_items_split_at_commas_and_and_outside_brackets():
    items = list_items("compile (compile catalogs), extract (extract messages and write a file), init and update")
    assert [i.split()[0] for i in items] == ["compile", "extract", "init", "update"]
    assert list_items("a; b, c; d") == ["a", " b, c", " d"]  # ";" first: commas inside an item stay


def test_a_count_of_comma_listed_items_is_the_claims_own():
    commas = "Four: compile (compile catalogs), extract (extract messages and write a file), init (new) and update."
    assert list_count(commas) == "4" and "4" not in Claim.of(commas).numbers
    assert list_count("Three: a, b, c and d.") is None  # counts wrong: a number to find
    assert "3" in Claim.of("Three: a, b, c and d.").numbers


def test_one_each_counts_one_of_the_same_thing_per_item():
    each = "One each: Albania has an embassy in Tel Aviv and Israel has an embassy in Tirana."
    assert list_count(each) == "1" and not Claim.of(each).numbers
    assert list_count("One each: Albania has an embassy and Israel has a consulate.") is None  # not the same thing
    assert list_count("Two each: Albania has an embassy and Israel has an embassy.") is None
