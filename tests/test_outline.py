"""Questions about a document's outline: title, contents list, headings, closing links (``answer/outline.py``)."""

from __future__ import annotations

import pytest

from assistant.answer.outline import OutlineAsk, asked_outline, holding, outline_entries, outline_template, pick
from assistant.store import DocumentRecord

TEXT = """A Field Guide to Tide Clocks
Tide clocks count the hours between high waters.
Contents
- How They Work
- Bells and Chimes
- Caring for a Clock

How They Work
The dial turns once every twelve hours and twenty-five minutes.
Bells and Chimes
The clock has fourteen bells.
Caring for a Clock
Oil the gears once a year.
- Clocks of Brittany
- The Velmora Museum
"""


def _document() -> DocumentRecord:
    headings = ("A Field Guide to Tide Clocks", "How They Work\nThe", "Bells and Chimes\nThe", "Caring for a Clock\nOil")
    sections = [(TEXT.index(h), h) for h in headings]
    return DocumentRecord(source="tides.txt", title="A Field Guide to Tide Clocks", sha256="0", size=len(TEXT),
                          indexed_at="now", text=TEXT,
                          sections=[(at, h.split("\n")[0]) for at, h in sections])


@pytest.mark.parametrize(("question", "asked"), [
    ("what is the title of the article?", OutlineAsk("title")),
    ("whats the post called", OutlineAsk("title")),
    ("what's the first section in the table of contents?", OutlineAsk("contents", 1)),
    ("how many sections are in the table of contents", OutlineAsk("contents")),
    ("what are the sections of the article", OutlineAsk("sections")),
    ("what is the last chapter of the guide?", OutlineAsk("sections", -1)),
    ("what's the last section called?", OutlineAsk("sections", -1)),  # an ordinal: which entry, of the outline
    ("which related links are listed at the bottom of the page?", OutlineAsk("links")),
    ("what are the related links at the bottom, the rest?", OutlineAsk("links")),  # the rest of the list: all of it
])
def test_questions_about_the_outline(question: str, asked: OutlineAsk) -> None:
    assert asked_outline(question) == asked


@pytest.mark.parametrize("question", [
    "what is the MEK called?",  # a thing inside the document, not the document
    "what is the interest section called?",  # a section of something else
    "which section covers licensing?",  # where something is said
    "what does the first section of the article say?",  # the section's content
    "MPL 2.0 section 5.1: what are the two deadlines?",  # a numbered section cited for its content
    "how many bells does the clock have?",
    "which sections of the licence make up the license terms?",  # which ones: a fact the text states
    "which article of the treaty does its anti-circumvention section mention?",  # a legal article, named inside
])
def test_questions_about_content_are_left_to_the_answerer(question: str) -> None:
    assert asked_outline(question) is None


def test_the_document_s_own_title_may_name_it() -> None:
    assert asked_outline("what sections does the debian handbook have") is None
    assert asked_outline("what sections does the debian handbook have", "The Debian Administrator's Handbook") == (
        OutlineAsk("sections"))


def test_the_contents_list_is_cited_item_by_item_at_its_exact_words() -> None:
    doc = _document()
    entries = outline_entries(doc, OutlineAsk("contents"))
    assert [e.text for e in entries] == ["How They Work", "Bells and Chimes", "Caring for a Clock"]
    assert all(TEXT[e.start:e.end] == e.text for e in entries)
    assert entries[0].start == TEXT.index("- How They Work") + 2  # the list's item, not the heading further down
    template = outline_template(OutlineAsk("contents"), entries, len(entries))
    assert template.format(*range(1, 4)) == ("The table of contents lists 3 sections: \u201cHow They Work\u201d [1]; "
                                             "\u201cBells and Chimes\u201d [2]; \u201cCaring for a Clock\u201d [3].")


def test_the_nth_and_the_last_entry() -> None:
    entries = outline_entries(_document(), OutlineAsk("sections"))
    assert [e.text for e in pick(entries, -1)] == ["Caring for a Clock"]
    assert [e.text for e in pick(entries, 2)] == ["Bells and Chimes"]
    assert pick(entries, 9) == []
    assert outline_template(OutlineAsk("sections", 2), pick(entries, 2), 3).format(1) == (
        "The second of the 3 sections is \u201cBells and Chimes\u201d [1].")
    assert [e.text for e in pick(entries, -2)] == ["Bells and Chimes"]
    assert outline_template(OutlineAsk("sections", -2), pick(entries, -2), 3).format(1) == (
        "The second-to-last of the 3 sections is \u201cBells and Chimes\u201d [1].")
    assert asked_outline("what is the second to last section in the table of contents?") == OutlineAsk("contents", -2)
    assert asked_outline("the penultimate section in the table of contents?") == OutlineAsk("contents", -2)


def test_headings_stand_in_for_a_missing_contents_list_and_the_title_is_left_out() -> None:
    doc = _document().model_copy(update={"text": TEXT.replace("Contents\n", "Overview\n")})
    assert [e.text for e in outline_entries(doc, OutlineAsk("contents"))] == [
        "How They Work", "Bells and Chimes", "Caring for a Clock"]
    assert all(doc.text[e.start:e.end] == e.text for e in outline_entries(doc, OutlineAsk("contents")))


def test_a_statement_taken_for_a_heading_is_no_section() -> None:
    text = TEXT.replace("Bells and Chimes\nThe", "INSERT INTO t1 VALUES(1);\nThe").replace("Contents\n", "Overview\n")
    headings = ("How They Work\nThe", "INSERT INTO t1 VALUES(1);", "Caring for a Clock\nOil")
    doc = _document().model_copy(update={"text": text, "sections": [
        (text.index(h), h.split("\n")[0]) for h in headings]})
    assert [e.text for e in outline_entries(doc, OutlineAsk("sections"))] == ["How They Work", "Caring for a Clock"]


def test_the_title_and_the_closing_links() -> None:
    doc = _document()
    title = outline_entries(doc, OutlineAsk("title"))
    assert [(e.start, e.text) for e in title] == [(0, "A Field Guide to Tide Clocks")]
    links = outline_entries(doc, OutlineAsk("links"))
    assert [e.text for e in links] == ["Clocks of Brittany", "The Velmora Museum"]


def test_a_link_asked_by_its_words() -> None:
    doc = _document()
    asked = asked_outline("which of the links is about the museum?")
    assert asked == OutlineAsk("links", holding=("museum",))
    links = outline_entries(doc, asked)
    assert [e.text for e in holding(links, asked.holding)] == ["The Velmora Museum"]
    assert holding(links, ("lighthouse",)) == []  # no link holds it: left to the answerer
    assert outline_template(asked, holding(links, asked.holding), len(links)) == (
        "Of the 2 links, one matches: \u201cThe Velmora Museum\u201d [{0}].")
    assert asked_outline("which link mentions brittany?", "A Field Guide to Tide Clocks") == OutlineAsk(
        "links", holding=("brittani",))
    assert asked_outline("how do I make a hard link to the clock file?") is None  # a link of another kind


def test_the_first_or_last_few_entries() -> None:
    doc = _document()
    asked = asked_outline("what are the last two sections in the table of contents?")
    assert asked == OutlineAsk("contents", -1, count=2)
    entries = outline_entries(doc, asked)
    chosen = pick(entries, asked.number, asked.count)
    assert [e.text for e in chosen] == ["Bells and Chimes", "Caring for a Clock"]
    assert outline_template(asked, chosen, len(entries)) == (
        "The last 2 of the 3 sections are \u201cBells and Chimes\u201d [{0}]; \u201cCaring for a Clock\u201d [{1}].")
    assert [e.text for e in pick(entries, 1, 2)] == ["How They Work", "Bells and Chimes"]
    assert pick(entries, 1, 4) == []  # not that many
    assert asked_outline("what are the first three entries in the table of contents?") == OutlineAsk(
        "contents", 1, count=3)


def test_a_contents_entry_asked_by_its_words() -> None:
    doc = _document()
    asked = asked_outline("which table of contents entry mentions the bells?")
    assert asked == OutlineAsk("contents", holding=("bell",))
    entries = outline_entries(doc, asked)
    assert [e.text for e in holding(entries, asked.holding)] == ["Bells and Chimes"]
    assert outline_template(asked, holding(entries, asked.holding), len(entries)) == (
        "Of the 3 entries of the table of contents, one matches: \u201cBells and Chimes\u201d [{0}].")
    assert outline_template(asked, holding(entries, asked.holding), len(entries), [2]) == (
        "Of the 3 entries of the table of contents, one matches: \u201cBells and Chimes\u201d [{0}], the second.")
    counted = asked_outline("how many of the toc headings have clock in them?")
    assert [e.text for e in holding(entries, counted.holding)] == ["Caring for a Clock"]
    assert asked_outline("which section covers the bells?") is None  # where a thing is said: the answerer's


def test_the_article_s_title_and_contents_are_answered_and_cited_verbatim(assistant) -> None:
    """End to end on the indexed article: its title and the first entry of its printed table of contents."""
    titled = assistant.ask("what is the title of the article?")
    assert not titled.abstained
    assert [c.quote for c in titled.citations] == ["Cyber Warfare & Diplomacy: Albania Iran Relations Explored"]
    first = assistant.ask("what's the first section in the table of contents?")
    assert not first.abstained and "[1]" in first.answer
    [cited] = first.citations
    assert cited.quote == "The Roots of Discord: MEK's Presence in Albania"
    text = assistant.snapshot().meta.documents[cited.source].text
    assert text[cited.start:cited.end] == cited.quote
    assert text.rfind("Table of Contents", 0, cited.start) >= 0
    assert cited.start < text.rindex(cited.quote)  # the list's item, not the section's own heading further down


@pytest.mark.parametrize("question", [
    "what is the article about?", "summarize the article", "what's the main topic of the document?",
    "give me an overview", "tldr?"])
def test_questions_asking_what_a_document_is_about(question: str) -> None:
    assert asked_outline(question) == OutlineAsk("gist")


@pytest.mark.parametrize("question", [
    "what is the main point of the second lesson?", "what's the point of a single column DESC index?",
    "what is the MEK about?"])
def test_a_gist_of_something_inside_the_document_is_content(question: str) -> None:
    assert asked_outline(question) is None


def test_the_gist_is_the_title_the_opening_and_the_document_on_itself(assistant) -> None:
    """End to end: "what is the article about?" was refused; it is answered by the article's title, its first two
    sentences and the one that says what the article does, each cited verbatim."""
    answer = assistant.ask("what is the article about?")
    assert not answer.abstained
    quotes = [c.quote for c in answer.citations]
    assert quotes[0] == "Cyber Warfare & Diplomacy: Albania Iran Relations Explored"
    assert quotes[1].startswith("In the intricate tapestry") and quotes[2].startswith("What began as simmering")
    assert quotes[3].startswith("This article delves deep")
    text = assistant.snapshot().meta.documents[answer.citations[0].source].text
    assert all(text[c.start:c.end] == c.quote for c in answer.citations)
    assert answer.answer.startswith("The document is titled \u201cCyber Warfare")


def test_a_heading_asked_by_its_words() -> None:
    """"which subheading calls ... a haven?": the document's headings (not only the contents list) that hold the
    question's other words, quoted with their place; none holding them leaves the question to the answerer."""
    doc = _document()
    asked = asked_outline("one of the sub-headings is about somebody caring for a clock. what's that sub-heading?")
    assert asked == OutlineAsk("headings", holding=("care", "clock"))
    entries = outline_entries(doc, asked)
    assert [e.text for e in entries] == ["How They Work", "Bells and Chimes", "Caring for a Clock"]
    assert outline_template(asked, holding(entries, asked.holding), len(entries), [3]) == (
        "Of the 3 headings, one matches: \u201cCaring for a Clock\u201d [{0}], the third.")
    assert holding(entries, asked_outline("which heading mentions the lighthouse?").holding) == []
    assert asked_outline("which section covers the bells?") is None
