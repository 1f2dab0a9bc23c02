"""Definition lists and announced lists: the term line a description belongs to and the list a sentence
announces are cited with it (pure functions on hand-built text, then end to end on a real index of a small
manual page)."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.answer.defined_terms import introduces_list, is_term, term_start

MANUAL = """GREP(1)

NAME
       grep - print lines that match patterns

OPTIONS
       -i, --ignore-case
              Ignore case distinctions in patterns and input data, so that
              characters that differ only in case match each other.

       --no-ignore-case
              Do not ignore case distinctions in patterns and input data.
              This is the default.

       -l, --files-with-matches
              Suppress normal output; instead print the name of each input
              file from which output would normally have been printed.

EXIT STATUS
       The exit status is one of the following values:
       0 if a line is selected, 1 if no lines were selected,
       and 2 if an error occurred.
"""


@pytest.mark.parametrize("heading", ["-i, --ignore-case", "--no-ignore-case", "-f FILE, --file=FILE",
                                     "str.split(sep=None, maxsplit=-1)", "FORMAT", "/usr/local/sbin", "resolv.conf",
                                     "nameserver Name server IP address"])
def test_terms(heading: str) -> None:
    assert is_term(heading)


@pytest.mark.parametrize("heading", ["Description", "Getting Started", "3.2 Configuring the server", "Examples:",
                                     "The history of the project", ""])
def test_section_titles_are_not_terms(heading: str) -> None:
    assert not is_term(heading)


def test_term_start_needs_the_term_line_right_before() -> None:
    text = "-i, --ignore-case\n      Ignore case.\n      More text.\n"
    sections = [(0, "-i, --ignore-case")]
    assert term_start(text, sections, text.index("Ignore")) == 0
    assert term_start(text, sections, text.index("More")) is None  # not the description's first sentence
    assert term_start(text, [(0, "Description")], 0 + len("Description")) is None
    assert term_start(text, [], 5) is None


def test_announcing_sentences() -> None:
    assert introduces_list("The current Policy Editors are:")
    assert introduces_list('"/etc/shadow" contains the following.')
    assert not introduces_list("The editors meet every month.")
    assert introduces_list("Certain named classes of characters are predefined, as follows.")
    assert introduces_list("These are the calls listed below.")
    assert not introduces_list("It follows the standard closely.")


@pytest.fixture(scope="module")
def manual(tmp_path_factory: pytest.TempPathFactory):
    from assistant.service import Assistant
    from assistant.settings import Settings

    corpus = tmp_path_factory.mktemp("manual")
    (corpus / "grep.1.txt").write_text(MANUAL, encoding="utf-8")
    assistant = Assistant(Settings(corpus_dir=corpus, index_dir=tmp_path_factory.mktemp("manual-index")))
    assistant.index()
    return assistant


def test_an_option_answer_names_the_option(manual) -> None:
    answer = manual.ask("how do I make grep ignore upper and lower case?")
    assert not answer.abstained
    assert "-i, --ignore-case" in answer.answer
    text = Path(manual.settings.paths.corpus_dir, "grep.1.txt").read_text(encoding="utf-8")
    for c in answer.citations:
        assert c.quote == text[c.start:c.end]
    assert any(c.quote.startswith("-i, --ignore-case") for c in answer.citations)


def test_an_announced_list_comes_with_its_items(manual) -> None:
    answer = manual.ask("what exit status values does grep return?")
    assert not answer.abstained
    assert "2 if an error occurred" in " ".join(answer.answer.split())
