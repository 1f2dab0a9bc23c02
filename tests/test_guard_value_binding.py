"""A claim's value must come from a sentence about what the claim's clause says of it (``value_binding``: hand-built
claims and span sentences; then the guard on a small hand-written document: real index and MiniLM, no model)."""

from __future__ import annotations

import pytest

from assistant.answer.guard import guard_answer
from assistant.answer.value_binding import (
    asks_measure, count_as_time, counts_another_thing, counts_unasked, rival_value, unbound_value,
)
from guard_helpers import indexed_document, whole_corpus_guard

STORM = "A storm flooded the lower harbour on March 3, 1911."
PIER = "The north pier reopened on June 9, 1912, after two years of works."
SPANS = [(STORM, STORM), (PIER, PIER)]


def test_a_value_taken_from_a_sentence_about_another_event_is_unbound():
    assert unbound_value("The storm flooded the harbour on June 9, 1912.", SPANS) == "9"
    assert unbound_value("The pier reopened on March 3, 1911; the storm came later.", SPANS) == "3"


def test_each_clause_keeps_the_value_of_its_own_sentence():
    assert unbound_value("The storm flooded the harbour on March 3, 1911, and the pier reopened on June 9, 1912.",
                         SPANS) is None


def test_a_list_of_values_each_with_its_own_words_is_judged_piece_by_piece():
    """"announced September 7, photo on September 8, 1912": each value is said of its own words, too few to judge
    alone, not of the other's ("announced" is no word of the photo's sentence); one clause is judged whole."""
    held = [("The mayor announced the closure on September 7, 1912.",) * 2,
            ("An image of the pier dates from September 8, 1912.",) * 2]
    assert unbound_value("Announced September 7, photo on September 8, 1912.", held) is None
    assert unbound_value("The closure was announced in 1912 and the image dates from 1912.", held) is None
    assert unbound_value("The mayor announced the closure on September 8, 1912.", held) == "8"


def test_a_word_closing_a_compound_binds_and_an_options_digits_are_no_value():
    assert unbound_value("The attack hit on May 4, 1915, and the harbour flooded.",
                         [("A cyberattack hit on May 4, 1915.", "A cyberattack hit on May 4, 1915.")]) is None
    assert unbound_value("Pass -0 so that the items end with a null byte.", [("Set it to 0.", "Set it to 0.")]) is None


def test_a_value_no_span_holds_or_a_clause_too_short_to_judge_is_left_alone():
    assert unbound_value("About 15 months passed between the flood and the reopening.", SPANS) is None  # computed
    assert unbound_value("15 months (from March 3, 1911 to June 9, 1912).", SPANS) is None  # nothing said of them


def test_a_count_written_where_a_year_goes_is_misplaced():
    assert count_as_time("The guild took in the exiles in 3,000 and the flood came in 1887.")
    assert count_as_time("Eight years (3,000 to 1887).")
    assert not count_as_time("The pump failed in 3,000 cases.")  # a noun follows: a count
    assert not count_as_time("In 1879 about 3,000 exiles arrived.")
    assert not count_as_time("The guild grew by 3,000, to 5,000 members.")


def test_a_number_the_spans_give_as_a_measure_counts_no_other_thing():
    spans = ["The port reopened after 45 years of silence.", "About 3,000 exiles came by sea."]
    assert counts_another_thing("About 45 exiles came by sea.", spans)  # 45 is years in the spans
    assert not counts_another_thing("About 3,000 refugees came.", spans)  # a count in other words
    assert not counts_another_thing("It reopened after 45 years.", spans)
    assert not counts_another_thing("About 54 days passed.", spans)  # a number no span states: computed


def test_how_many_of_a_kind_is_not_answered_by_an_amount_of_the_other_kind():
    """"how many nations" counts things, so "54 days" answers it with a measure; "how many years" counts a measure,
    so a bare "3,000" the spans give as members counts the wrong kind. Dates count nothing, and a computed amount of
    the asked kind is left alone."""
    spans = ["About 3,000 exiles came by sea in 1879.", "The port reopened on June 9, 1912."]
    nations = "how many nations had closed their ports before the harbour did?"
    assert asks_measure(nations) is False and asks_measure("how many yrs passed?") is True
    assert asks_measure("how long did the silence last?") is True and asks_measure("how many of them came?") is None
    assert asks_measure("how many times did it flood?") is None
    assert counts_unasked("54 days: the exiles came in 1879 and the port reopened on June 9, 1912.", nations, spans)
    years = "how many years separate the exiles' arrival and the reopening?"
    assert counts_unasked("Approximately 3,000.", years, spans)
    assert not counts_unasked("About 33 years: the exiles came in 1879 and the port reopened in 1912.", years, spans)
    assert not counts_unasked("The port reopened on June 9, 1912.", years, spans)  # no amount: judged elsewhere
    assert not counts_unasked("About 3,000 exiles.", "how many people came by sea?", spans)
    counted = "count of nations that had closed their ports before the harbour did?"  # how many, by a noun
    assert asks_measure(counted) is False and counts_unasked("54 days: from July 15 to September 7.", counted, spans)
    decades = "about how many decades did the exiles wait before the reopening?"  # decades measure time
    assert counts_unasked("About 3,000 exiles.", decades, spans)
    assert not counts_unasked("About three decades: from 1879 to 1912.", decades, spans)


def test_a_date_whose_clause_another_dated_sentence_says_more_of_is_taken_from_the_wrong_event():
    """The neighbour of the pier's sentence mentions the storm, so ``unbound_value`` passes the pier's date; the
    storm's own sentence, with another date, says far more of the clause."""
    pier = "Works began after the storm. " + PIER
    held = [(STORM, STORM), (PIER, pier)]
    claim = "A storm flooded the lower harbour on June 9, 1912."
    assert unbound_value(claim, held) is None
    assert rival_value(claim, held) in {"9", "1912"}
    assert rival_value("A storm flooded the lower harbour on March 3, 1911.", held) is None
    assert rival_value("The storm flooded the harbour on March 3, 1911, and the north pier reopened on June 9, 1912.",
                       held) is None
    both = "About 15 months: the storm flooded the harbour on March 3, 1911 and the pier reopened on June 9, 1912."
    assert rival_value(both, held) is None  # each date from its own sentence, in one clause
    town = "The town's story turns in 1911, a year of change."
    came = "It was in this year that the town took in 300 families."  # no date of its own: no rival
    assert rival_value("The town took in 300 families in 1911.", [(town, town), (came, town + " " + came)]) is None


def test_a_sentence_that_points_back_carries_the_value_of_the_one_before():
    year = "The town's story turns in 1911, a year of change."
    held = [(year, year + " It was in this year that the storm flooded the lower harbour.")]
    assert unbound_value("The storm flooded the harbour in 1911.", held) is None
    assert unbound_value("The storm flooded the harbour in 1911.", [(year, year)]) == "1911"


DOC = """# The harbour

The town's story turns in 1911, a year of change. It was in this year that a storm flooded the lower harbour.

The customs officers standing at the north gate on June 9, 1912, as the town reopened the pier, became a well-known
picture.
"""


@pytest.fixture(scope="module")
def harbour(tmp_path_factory):
    return indexed_document(tmp_path_factory, "binding", DOC)


def test_the_guard_drops_a_date_taken_from_a_sentence_about_something_else(harbour):
    make = whole_corpus_guard(harbour)
    question = "When did the storm flood the harbour, and when did the pier reopen?"
    kept = guard_answer("The storm flooded the lower harbour in 1911 [1], and the town reopened the pier on "
                        "June 9, 1912 [2].", make(question))
    assert not kept.abstained and "1911" in kept.text
    swapped = guard_answer("A storm flooded the lower harbour on June 9, 1912 [1][2].", make(question))
    assert swapped.abstained or "June 9" not in swapped.text


KDF_DOC = """# ssh-keygen

## Options

-a rounds: When saving a private key, this option specifies the number of KDF (key derivation function, currently
bcrypt_pbkdf(3)) rounds used. Higher numbers result in slower passphrase verification and increased resistance to
brute-force password cracking. The default is 16 rounds.
"""


def test_a_manual_section_after_a_name_is_no_value(tmp_path_factory):
    """"bcrypt_pbkdf(3)" names a manual page: its 3 is no count of rounds that would disagree with "16 rounds"."""
    from assistant.answer.claim_rules import without_identifiers
    from assistant.answer.support import Facts

    assert without_identifiers("see pcre2syntax(3) and ssh_config(5)") == "see pcre2syntax and ssh_config"
    assert not {v for v, _ in Facts.of("the number of KDF (currently bcrypt_pbkdf(3)) rounds used").contexts}
    make = whole_corpus_guard(indexed_document(tmp_path_factory, "kdf", KDF_DOC))
    kept = guard_answer("16 rounds (bcrypt_pbkdf) [1].", make("how many kdf rounds does ssh-keygen use by default?"))
    assert not kept.abstained, kept.dropped
