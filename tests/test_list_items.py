"""The items of a bulleted or numbered list by position (``answer.list_items``), on a hand-written manual page."""

from __future__ import annotations

from assistant.answer.list_items import item_lead, items_after, opens_item
from assistant.chunking import chunk_document
from assistant.documents import build_document
from evidence_helpers import evidence_over

PAGE = """Choosing a version

The tool assigns a priority to every version first.

The tool then applies the following rules, listed in order of precedence, to pick a version.

       •   Never downgrade unless the priority of an available version exceeds
           1000. Downgrading installs a less recent version. Note that it can be risky.

       •   Install the highest priority version.

       •   If two versions have the same priority, install the most recent one.

Otherwise the usual policy applies to the remaining versions.
"""


def _sentences():
    text = PAGE
    _, sentences = chunk_document(build_document("tool.txt", text, "0"))
    return text, sentences


def _row(sentences, opening: str) -> int:
    return next(i for i, s in enumerate(sentences) if s.text.startswith(opening))


def test_a_sentence_opens_an_item_when_a_bullet_starts_its_line():
    text, sentences = _sentences()
    assert opens_item(text, sentences[_row(sentences, "Install the highest")])
    assert not opens_item(text, sentences[_row(sentences, "Downgrading installs")])  # runs on the first item
    assert not opens_item(text, sentences[_row(sentences, "The tool then applies")])


def test_the_items_a_lead_introduces_and_each_items_number():
    text, sentences = _sentences()
    lead = _row(sentences, "The tool then applies")
    items = items_after(text, sentences, lead)
    assert [s.text[:12] for s in items] == ["Never downgr", "Install the ", "If two versi"]
    for number, item in enumerate(items, start=1):
        found = item_lead(text, sentences, sentences.index(item))
        assert found is not None and found[0] is sentences[lead] and found[1] == number
    assert item_lead(text, sentences, _row(sentences, "Otherwise the usual")) is None
    assert items_after(text, sentences, _row(sentences, "The tool assigns")) == []  # a paragraph follows it


def test_the_nth_item_counts_from_the_lists_start_when_its_lead_is_a_question():
    """A question heading a list cannot answer anything, but still starts the count: the second item is the
    second, not the third."""
    text = ("Choosing a version\n\nThe tool assigns a priority to every version first.\n\n"
            "How does the tool pick a version?\n\n"
            "       •   Never downgrade an installed package.\n\n"
            "       •   Install the highest priority version.\n\n"
            "       •   Prefer the most recent of two equal versions.\n")
    view, sentences = evidence_over("tool.txt", "tool", text)
    first = sentences[_row(sentences, "Never downgrade")]
    assert not sentences[_row(sentences, "How does the tool")].answerable
    assert view.enumeration_item(first, 2).text == "Install the highest priority version."
    assert view.enumeration_item(first, -1).text.startswith("Prefer the most recent")
