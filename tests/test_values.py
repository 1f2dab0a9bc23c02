"""Values in every form count as numbers and dates."""

from assistant.answer.qtypes import has_value
from assistant.answer.values import has_number_value, has_written_date


def test_numbers_in_words_and_digits() -> None:
    for text in ["The clock has fourteen bells.", "There are twenty-six letters.", "It took 3,000 people.",
                 "the fifth attempt", "about a dozen times", "the 15% share"]:
        assert has_number_value(text), text
    assert not has_number_value("It was built in 1887.")  # a year alone is a date, not a quantity
    assert not has_number_value("The clock has bells.")


def test_dates_written_out() -> None:
    assert has_written_date("on the fifteenth of July, the bells rang")
    assert has_written_date("released in March 1999")
    assert has_value("The clock was installed on the fifteenth of July.", "date")
    assert has_value("The clock has fourteen bells.", "number")
    assert not has_value("The clock has bells.", "number")


def test_a_time_relative_to_now_answers_when() -> None:
    assert has_value("Valid from now to 52 weeks and one day from now.", "date")
    assert has_value("The key was revoked three weeks ago.", "date")
    assert not has_value("The key is valid for 52 weeks.", "date")


def test_a_cross_reference_states_no_quantity() -> None:
    for text in ["See the bug log in Section 12.4, \u201cAre there logs of known bugs?\u201d.", "as chapter 3 explains",
                 "[7] Use the list address for that.", "see resolver(3) for the options", "Table 2 lists them."]:
        assert not has_number_value(text), text
    assert has_number_value("The log keeps 12 sections.")  # a count of sections is still a quantity


def test_a_list_of_manual_pages_answers_nothing() -> None:
    from assistant.answer.values import lists_pages

    assert lists_pages("SEE ALSO bzip2(1), compress(1), gzip(1), lzma(1), xz(1), zstd(1).")
    assert not lists_pages("The options are read from apt.conf(5), see apt-get(8) and sources.list(5) for the "
                           "format of each line and what the fields mean.")  # prose that names pages
    assert not lists_pages("See gzip(1).")
