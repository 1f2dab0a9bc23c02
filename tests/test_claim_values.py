"""The support check's rules for a claim's values, each on a hand-built claim and span (no index, no model but
spaCy's): numbers, dates, identifiers and settings found, quoted, computed or misplaced."""

from __future__ import annotations

from assistant.answer.claim_rules import (
    bound_numbers, date_numbers, identifiers, list_count, magnitudes, plain_number, settings, spelled_only,
    without_identifiers,
)
from assistant.answer.matching import TermWeights
from assistant.answer.nearby import split_value
from assistant.answer.number_contexts import (
    ARITHMETIC_CUES, CLAUSE_BREAK, pointed_contexts, time_numbers, value_contexts, value_units,
)
from assistant.answer.support import Claim, Facts, match
from assistant.answer.text_values import dated_numbers, month_years, months, numbers
from assistant.terms import stem

WEIGHTS = TermWeights({}, 100)


def test_numbered_names_are_whole_and_never_computed():
    assert identifiers("stored in shadow(5), encoded in UTF-8 on OS/2") == {"shadow5", "utf8", "os2"}
    assert identifiers("Ashraf 3 and version 2") == frozenset()
    span = Facts.of("The encrypted password is stored in the shadow(5) file; there are 2 files and 3 fields.")
    assert match(Claim.of("The encrypted password is stored in the shadow(5) file."), span, WEIGHTS).facts_ok
    wrong = match(Claim.of("The encrypted password is stored in the shadow(1) file."), span, WEIGHTS)
    assert wrong.missing_facts == ("identifier shadow1",)  # 1 = 3 - 2 is not taken: a name's number is no value


def test_the_number_of_a_numbered_name_is_no_value():
    assert without_identifiers("see ssh(1) and UTF-8 on port 587") == "see ssh and UTF on port 587"
    span = Facts.of("Mail clients use port 587 instead of port 25 (see ssh(1) and exim4(8)).")
    assert match(Claim.of("Mail clients use port 587."), span, WEIGHTS).facts_ok
    assert "number 1" in match(Claim.of("Mail clients use port 1."), span, WEIGHTS).missing_facts
    assert "number 4" in match(Claim.of("Mail clients try 4 ports."), span, WEIGHTS).missing_facts


def test_numbers_of_a_date_are_quoted_not_computed():
    assert date_numbers("It ended on September 7, 2022 after 54 days.") == {"7", "2022"}
    span = Facts.of("The attack came on July 15, 2022 and ties were cut on September 7, 2022.")
    assert match(Claim.of("Ties were cut 54 days after the attack."), span, WEIGHTS).facts_ok  # an interval: computed
    assert not match(Claim.of("Ties were cut on September 8, 2022."), span, WEIGHTS).facts_ok  # 8 = 15 - 7: a date


def test_month_written_with_of_is_a_month_and_a_bare_month_is_a_name():
    assert months("ratified in April of 2004") == {"april"}
    span = Facts.of("The contract was ratified in April of 2004.")
    assert match(Claim.of("It was ratified in April 2004."), span, WEIGHTS).facts_ok
    assert "april" in Claim.of("The April maintainer changed it.").names


def test_a_bare_value_is_a_claim_of_its_own():
    span = Facts.of("Albania took in the MEK in 2014.")
    assert match(Claim.of("2014."), span, WEIGHTS).coverage == 1.0
    assert not match(Claim.of("2015."), span, WEIGHTS).facts_ok


def test_a_number_with_a_magnitude_word_is_its_plain_value():
    assert magnitudes("about 55 million lines") == {"55": "55000000"}
    span = Facts.of("Debian 2.2 holds more than 55,000,000 physical SLOC.")
    assert match(Claim.of("It holds more than 55 million physical SLOC."), span, WEIGHTS).facts_ok
    assert not match(Claim.of("It holds more than 56 million physical SLOC."), span, WEIGHTS).facts_ok


def test_a_date_is_found_whole_not_as_a_month_and_a_year_from_two_spans():
    assert month_years("As of March 2016, and on 7 September 2022 (2021-11)") == {
        ("march", "2016"), ("september", "2022"), ("november", "2021")}
    one, other = Facts.of("As of this writing (2016-03), it is in experimental."), Facts.of("It shipped in 2007.")
    assert match(Claim.of("As of March 2016 it is in experimental."), one, WEIGHTS).facts_ok
    assert "date march 2007" in match(Claim.of("As of March 2007 it is in experimental."), one | other,
                                      WEIGHTS).missing_facts


def test_a_value_attached_to_another_subject_is_misplaced():
    span = Facts.of("Up to MAXNS (currently 3) name servers may be listed in the file. On a timeout the resolver "
                    "library retries the query 5 times.")
    assert value_contexts("currently 5 name servers", 3) >= {("5", "name"), ("5", "server")}
    assert match(Claim.of("Up to 3 name servers may be listed."), span, WEIGHTS).facts_ok
    assert "value 5" in match(Claim.of("Up to 5 name servers may be listed."), span, WEIGHTS).missing_facts
    assert value_contexts("Three: (1) keep the notice", 3, CLAUSE_BREAK) == frozenset()


def test_a_computed_number_needs_an_arithmetic_cue_and_a_day_is_quoted():
    assert stem("later") in ARITHMETIC_CUES
    span = Facts.of("The speech was on September 7, 2022 and the order came on September 8, 2022; 2 envoys and 3 aides left.")
    assert match(Claim.of("The order came one day later."), span, WEIGHTS).facts_ok
    assert "number 1" in match(Claim.of("The order named 1 envoy."), span, WEIGHTS).missing_facts  # 1 = 3 - 2: no cue
    assert "date September 9, 2022" in match(Claim.of("The order came on September 9, 2022."), span, WEIGHTS).missing_facts


def test_a_year_is_misplaced_when_used_of_something_else():
    assert time_numbers("Accepted in 2014, cut on September 7, 2022; Sections 2004 through 9") == {"2014", "7", "2022"}
    span = Facts.of("Apache License, Version 2.0, January 2004. Permission is granted to copy and distribute verbatim "
                    "copies freely. Sections 1 through 9 of this document define the terms.")
    assert match(Claim.of("Sections 1 through 9 define the terms."), span, WEIGHTS).facts_ok
    assert "value 2004" in match(Claim.of("Sections 2004 through 9 define the terms."), span, WEIGHTS).missing_facts


def test_a_difference_of_two_stated_span_values_is_derived():
    span = Facts.of("Buzz (1.1) had 474 packages; sections 1 2 3 4 5 6 7 8 9 10 11 12 13; Rex (1.2) had 848 packages.")
    stated = frozenset({"474", "848"})
    assert span.derives("374", stated) and span.derives("1322", stated) and not span.derives("375", stated)
    assert not span.derives("2", stated | {"13"})  # 13 - 11: one operand is not stated
    assert match(Claim.of("374 more: Rex had 848 packages versus 474 in Buzz."), span, WEIGHTS).facts_ok
    assert "number 375" in match(Claim.of("375 more: Rex had 848 packages."), span, WEIGHTS).missing_facts
    assert not Facts.of("It had 3 files.").derives("6", frozenset({"3"}))  # a value is not added to itself


def test_a_number_counting_another_thing_than_the_spans_is_misplaced():
    assert value_units("The default is 128. Indexes have 1,000 rows and two pages.") == {
        ("128", ""), ("1000", "row"), ("2", "page")}
    assert value_units("It took 3,000 MEK members in") == {("3000", "mek"), ("3000", "member")}
    span = Facts.of("pages_per_range defines the number of table blocks that make up one block range for each entry "
                    "of a BRIN index. The default is 128. Indexes can have up to 32 columns.")
    assert "value 32" in match(Claim.of("The default range is 32 table blocks."), span, WEIGHTS).missing_facts
    assert match(Claim.of("The default range is 128 table blocks."), span, WEIGHTS).facts_ok  # 128 counts nothing
    assert match(Claim.of("Indexes can have 32 columns."), span, WEIGHTS).facts_ok
    requests = Facts.of("Controls how many concurrent read or write requests may be in progress. By default 64 "
                        "requests may be active concurrently.")
    assert value_units("64 read/write requests") == {("64", "read"), ("64", "write"), ("64", "request")}
    assert match(Claim.of("64 concurrent read/write requests by default."), requests, WEIGHTS).facts_ok
    also_bare = span | Facts.of("It is 32 by default.")  # the span's 32 also stands alone: it may be of blocks
    assert match(Claim.of("The default range is 32 table blocks."), also_bare, WEIGHTS).facts_ok


def test_a_setting_is_quoted_whole():
    assert settings("export NCURSES_NO_UTF8_ACS=0 and set ListenStream = 22") == {"ncurses_no_utf8_acs=0",
                                                                                 "listenstream=22"}
    assert settings("Pass match= to pytest.raises, or the input= keyword of invoke().") == set()  # names in prose
    span = Facts.of("For ncurses, set the environment variable NCURSES_NO_UTF8_ACS=0 (see ssh(1)).")
    assert match(Claim.of("Export NCURSES_NO_UTF8_ACS=0 for ncurses."), span, WEIGHTS).facts_ok
    assert "identifier ncurses_no_utf8_acs=1" in match(Claim.of("Export NCURSES_NO_UTF8_ACS=1 for ncurses."), span,
                                                       WEIGHTS).missing_facts


def test_a_number_next_to_a_month_is_found_next_to_it():
    assert dated_numbers("On September 7, 2022, 15th of July; 2016-03 and 2022-09-07") == {
        ("september", "7"), ("september", "2022"), ("july", "15"), ("march", "2016")}
    span = Facts.of("Apache License Version 2.0, January 2004. It has 50 sections.")
    assert match(Claim.of("It was issued in January 2004."), span, WEIGHTS).facts_ok
    assert "date january 50" in match(Claim.of("January 50."), span, WEIGHTS).missing_facts


def test_a_span_number_is_said_of_its_own_clause():
    span = Facts.of("The default is 16 pages; the lower limit is two pages.")
    assert "value 2" in match(Claim.of("The default is 2."), span, WEIGHTS).missing_facts
    assert match(Claim.of("The default is 16 pages."), span, WEIGHTS).facts_ok


def test_a_bound_is_quoted_not_computed():
    assert bound_numbers("less than 2**32, more than 59,100 and at least 6") == {"2", "59100", "6"}
    span = Facts.of("Timestamps must be below 100 (64 and 4 are the field sizes).")
    claim = Claim.of("Only timestamps less than 60 are saved (fields of 64 and 4).")  # 60 = 64 - 4: a bound
    assert "number 60" in match(claim, span, WEIGHTS).missing_facts


def test_a_number_said_of_what_the_span_never_mentions_is_misplaced():
    span = Facts.of("Cache-Start sets the initial size of the cache: 20971520 bytes.")
    assert "value 20971520" in match(Claim.of("Since version 20971520."), span, WEIGHTS).missing_facts
    assert match(Claim.of("The cache starts at 20971520 bytes."), span, WEIGHTS).facts_ok


def test_the_numbers_of_an_iso_date_are_the_dates_not_values_of_a_subject():
    span = Facts.of("San Francisco | 41 | 55 | 0.25 | 2.5 | 1.5 | 3.25 | 7.5 | 1994-11-29")  # a table row
    assert match(Claim.of("On 1994-11-29 the San Francisco low temperature is 41."), span, WEIGHTS).facts_ok


def test_a_number_counting_the_claims_own_list_needs_no_span():
    listed = "Three: (1) keep the notice; (2) reproduce it in binary form; (3) do not use the name to endorse."
    assert list_count(listed) == "3" and "3" not in Claim.of(listed).numbers
    assert list_count("Two: a; b; c.") is None  # counts wrong: a number to find
    assert "2" in Claim.of("Two: a; b; c.").numbers
    assert list_count("Note: see below.") is None


def test_a_flag_is_found_whole_and_is_no_value():
    """"xargs -0" names a flag: "-60" is not backed by it, and its 0 is no value to find or compute."""
    assert identifiers("use xargs -0, or gzip -9; 6-8 chars, 2106-02-07") == {"-0", "-9"}
    span = Facts.of("Input items are terminated by a null character when the -0 option is given.")
    assert match(Claim.of("With -0 input items are terminated by a null character."), span, WEIGHTS).facts_ok
    wrong = match(Claim.of("With -60 input items are terminated by a null character."), span, WEIGHTS)
    assert "identifier -60" in wrong.missing_facts


def test_a_power_is_one_value_written_whole():
    """"2**32" is quoted as it is: "60**32" is not backed by a span's 2**32 (nor 32 found alone)."""
    span = Facts.of("Only timestamps less than 2**32 can be saved.")
    assert match(Claim.of("Only timestamps less than 2**32 are saved."), span, WEIGHTS).facts_ok
    wrong = match(Claim.of("Only timestamps less than 60**32 are saved."), span, WEIGHTS)
    assert "identifier 60**32" in wrong.missing_facts


def test_two_dozen_is_twenty_four():
    assert magnitudes("nearly two dozen keyboards") == {"2": "24"}
    span = Facts.of("Debian is distributed with keymaps for nearly two dozen keyboards.")
    assert match(Claim.of("Keymaps for nearly two dozen keyboards (roughly 24)."), span, WEIGHTS).facts_ok
    assert not match(Claim.of("Keymaps for roughly 25 keyboards."), span, WEIGHTS).facts_ok


def test_a_claim_may_name_the_unit_of_a_bare_number():
    """"1048576 bytes" for a span's "1048576 (1 MiB)": the span's number counts nothing, so a unit is no subject;
    a number the span says counts something else stays misplaced ("4096 bytes" for "4096 entries")."""
    bare = Facts.of("The default value for this file is 1048576 (1 MiB).")
    assert match(Claim.of("1048576 bytes (1 MiB)."), bare, WEIGHTS).facts_ok
    assert "value 1048576" in match(Claim.of("1048576 users."), bare, WEIGHTS).missing_facts  # not a unit
    both = Facts.of("Debian supports 32\nand 64 bit x86, ARM and MIPS.")  # a unit the span has still places it
    assert match(Claim.of("32 and 64 bit x86, ARM and MIPS."), both, WEIGHTS).facts_ok
    counted = Facts.of("The table holds 4096 entries.")
    assert "value 4096" in match(Claim.of("4096 bytes."), counted, WEIGHTS).missing_facts


def test_a_short_sentence_says_its_number_of_the_sentence_before():
    """"The default is 128." after the sentence naming BRIN's table blocks: 128 is said of them; a sentence that
    names its own subject ("The cache holds 128 entries of the pending list.") is not read that way."""
    assert ("128", stem("blocks")) in pointed_contexts("Defines the table blocks of a range. The default is 128.")
    span = Facts.of("Defines the number of table blocks that make up one block range for each entry of a BRIN index "
                    "(see Section 71.1 for more details). The default is 128.")
    claim = Claim.of("The default pages_per_range for a BRIN index is 128 table blocks per block range.")
    assert match(claim, span, WEIGHTS).facts_ok
    assert pointed_contexts("Defines the table blocks. The cache holds 128 entries of the pending list.") == frozenset()


def test_an_all_zero_fraction_is_the_whole_number():
    assert plain_number("5,020.0000000000000000") == "5020"
    assert [plain_number(n) for n in ("1.10", "10.0.0.0", "2.5", "2019.")] == ["1.10", "10.0.0.0", "2.5", "2019"]
    span = Facts.of("develop | 11 | 5200 | 5020.0000000000000000")
    assert match(Claim.of("5020"), span, WEIGHTS).facts_ok
    assert "number 5200" not in match(Claim.of("5200.00"), span, WEIGHTS).missing_facts
    assert "number 502" in match(Claim.of("502"), span, WEIGHTS).missing_facts


def test_a_word_past_another_number_is_that_numbers():
    assert ("0", "error") not in value_contexts("normally 0, and 1 on an error", 3)
    assert ("2016", "experiment") in value_contexts("As of this writing (2016-03), experimental", 3)  # one group
    assert ("1", "error") in value_contexts("normally 0, and 1 on an error", 3)
    span = Facts.of("Exit status is normally 0; if an error occurs, exit status is 1. If a warning occurs, exit "
                    "status is 2.")
    assert match(Claim.of("The exit status is 2 on a warning (normally 0, and 1 on an error)."), span, WEIGHTS).facts_ok
    assert "value 0" in match(Claim.of("An error occurs with 0."), span, WEIGHTS).missing_facts


def test_a_number_of_a_part_of_a_document_is_said_of_that_part_only():
    assert value_contexts("wait for transactions with a snapshot (see Chapter 13) to end", 3) == {("13", "chapter")}
    claim = Claim.of("Two table scans occur in two more transactions; after the second scan it waits for transactions.")
    one = Facts.of("Then two table scans occur in two more transactions.")
    other = Facts.of("After the second scan, the build must wait for any transactions that have a snapshot (see "
                     "Chapter 13) predating the second scan to terminate.")
    assert split_value(claim, [one, other]) is None
    assert split_value(claim, [one, Facts.of("After the scan it must wait for 13 transactions.")]) == "2"


def test_a_number_word_that_counts_something_is_no_value_to_quote():
    assert spelled_only("one larger than row 2, or two rows") == {"1"}
    span = Facts.of("A new row gets a ROWID that is one larger than the largest ROWID in the table.")
    assert span.spelled == {"1"} and (span | Facts.of("It returns 1 on error.")).spelled == frozenset()
    assert not match(Claim.of("The largest possible ROWID is 1."), span, WEIGHTS).facts_ok
    assert match(Claim.of("A new ROWID is one larger than the largest ROWID."), span, WEIGHTS).facts_ok
    rows = Facts.of("The delete leaves two rows in the table.")
    assert match(Claim.of("The delete leaves 2 rows in the table."), rows, WEIGHTS).facts_ok
    default = Facts.of("The default is one.")
    assert match(Claim.of("The default is 1."), default, WEIGHTS).facts_ok


def test_one_standing_for_a_noun_counts_nothing():
    assert numbers("Albania has an embassy in Tel Aviv and Israel has one in Tirana.") == frozenset()
    assert numbers("uses the one specified last; which one is not; an encrypted one; no one can") == frozenset()
    assert numbers("The clock has one bell.") == {"1"}  # a count
    assert numbers("one in three users") == {"1", "3"}  # a ratio
    assert numbers("a ROWID that is one larger than the largest") == {"1"}  # "that" opens a clause here
    span = Facts.of("Albania recognized Israel on April 16, 1949. Albania has an embassy in Tel Aviv, and Israel has "
                    "an embassy in Tirana.")
    claim = Claim.of("April 16, 1949; Albania has an embassy in Tel Aviv and Israel has one in Tirana.")
    assert match(claim, span, WEIGHTS).facts_ok


def test_a_unit_word_the_span_puts_next_to_the_same_number_places_it():
    hour = Facts.of("K | Hour [0-11].")  # a table row: the span's only word for its numbers is the unit
    assert not [m for m in match(Claim.of("K gives the hour in the range 0-11."), hour, WEIGHTS).missing_facts
                if m.startswith("value")]
    assert "value 0" in match(Claim.of("K gives the minute in the range 0-11."), hour, WEIGHTS).missing_facts


def test_a_name_glued_to_its_version_gives_both():
    span = Facts.of('@pytest.mark.skipif(sys.version_info < (3, 10), reason="requires python3.10 or higher")')
    assert match(Claim.of("The test needs Python 3.10 or newer."), span, WEIGHTS).facts_ok
    assert "number 3.11" in match(Claim.of("The test needs Python 3.11."), span, WEIGHTS).missing_facts


def test_with_a_serial_comma_and_joins_within_an_item():
    lessons = ("Three: the threat of cyber warfare, the interplay of humanitarian gestures and geopolitics, and the "
               "importance of strong alliances.")
    assert list_count(lessons) == "3"
    assert list_count("Four: compile, extract, init and update.") == "4"  # no serial comma: "and" parts items


def test_a_number_word_is_checked_as_a_value_not_as_a_word():
    """ "Eight years" computed from two cited years: its 8 is derived from the span's dates, so the word "eight",
    which no span writes, is no content word the span must share; a word that is no number still is."""
    span = Facts.of("The group arrived in 2014. The attack came in 2022.")
    claim = Claim.of("Eight years (2014 to 2022).")
    assert stem("eight") not in claim.stems and "8" in claim.numbers
    found = match(claim, span, WEIGHTS)
    assert found.facts_ok and found.coverage == 1.0
    assert "number 9" in match(Claim.of("Nine years (2014 to 2022)."), span, WEIGHTS).missing_facts
    assert Claim.of("The clock has fourteen bells.").stems == (stem("clock"), stem("bell"))


def test_a_number_in_brackets_ending_a_sentence_is_a_value_not_list_numbering():
    """"(2) the other item" numbers a list; "July (73)." gives a value the span must hold."""
    from assistant.answer.support import Claim

    assert Claim.of("July (73).").numbers == {"73"}
    assert not Claim.of("Lessons: (1) cyber norms and (2) strong alliances.").numbers


def test_a_bare_the_joins_no_two_capitalised_words_into_one_name():
    """"In Farsi the PMOI is known as ...": "Farsi" and "PMOI" are two names whose order the span may reverse;
    "Bank of the West" stays one."""
    from assistant.answer.support import Claim

    assert all("farsi" not in c for c in Claim.of("In Farsi the Velmor Guild is known as the Tarsh.").compounds)
    assert ("bank", "west") in Claim.of("It was the Bank of the West.").compounds
