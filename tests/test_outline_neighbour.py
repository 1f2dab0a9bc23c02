"""An outline entry asked by the one beside it ("which section comes after the cyber one?"), alone and as a
follow-up to a question about the outline."""

from __future__ import annotations

from assistant.answer.outline import (OutlineAsk, asked_outline, closing_lines, neighbour_followup, outline_entries,
                                     outline_template)
from assistant.answer.outline_neighbour import Neighbour, neighbour_clause, neighbour_entries, pointed_step
from assistant.store import DocumentRecord

TEXT = """A Field Guide to Tide Clocks
Contents
- How They Work
- Bells and Chimes
- Caring for a Clock

How They Work
The dial turns once every twelve hours.
- Clocks of Brittany
- The Velmora Museum
- Tide Tables Online
"""


def _document() -> DocumentRecord:
    return DocumentRecord(source="tides.txt", title="A Field Guide to Tide Clocks", sha256="0", size=len(TEXT),
                          indexed_at="now", text=TEXT, sections=[(0, "A Field Guide to Tide Clocks")])


def test_the_clause_names_the_neighbour_by_its_words() -> None:
    assert neighbour_clause("which section comes after the bells one?") == (
        "which section comes ?", Neighbour(1, ("bell",)))
    assert neighbour_clause("the link right before the Velmora Museum link?")[1] == Neighbour(-1, ("velmora", "museum"))
    assert neighbour_clause("what comes after that?") is None  # points back: no words of an entry
    assert neighbour_clause("and the one after?") is None
    assert neighbour_clause("what happened after the flood?") == ("what happened ?", Neighbour(1, ("flood",)))


def test_a_question_about_the_outline_asks_the_neighbour() -> None:
    assert asked_outline("which section comes after the bells one?") == OutlineAsk(
        "sections", None, Neighbour(1, ("bell",)))
    assert asked_outline("what's in the table of contents, the one before the caring one?") == OutlineAsk(
        "contents", None, Neighbour(-1, ("care",)))
    assert asked_outline("what happened after the flood?") is None  # content, not the outline
    assert asked_outline("whats the last link?") == OutlineAsk("links", -1)
    assert asked_outline("whats listed right after the velmora museum link?") == OutlineAsk(
        "links", None, Neighbour(1, ("velmora", "museum")))  # the clause says what is listed


def test_the_entry_beside_the_named_one_is_cited_with_it() -> None:
    doc = _document()
    contents = outline_entries(doc, OutlineAsk("contents"))
    after = Neighbour(1, ("bell",))
    chosen = neighbour_entries(contents, after)
    assert [e.text for e in chosen] == ["Bells and Chimes", "Caring for a Clock"]
    assert outline_template(OutlineAsk("contents", None, after), chosen, 3).format(1, 2) == (
        "After \u201cBells and Chimes\u201d [1] comes \u201cCaring for a Clock\u201d [2].")
    links = outline_entries(doc, OutlineAsk("links"))
    assert [e.text for e in neighbour_entries(links, Neighbour(-1, ("tide", "tabl")))] == [
        "Tide Tables Online", "The Velmora Museum"]
    assert neighbour_entries(contents, Neighbour(1, ("care",))) == []  # nothing after the last
    assert neighbour_entries(contents, Neighbour(1, ("clock",))) == []  # no entry holds it


def test_a_follow_up_asks_the_previous_outline_question_of_the_neighbour() -> None:
    previous = "what sections are in the table of contents?"
    assert neighbour_followup("which one comes after the cyber one?", previous) == (
        "what sections are in the table of contents, the one after the cyber one?")
    assert neighbour_followup("which one comes after that?", previous) is None
    assert neighbour_followup("what happened after the attack?", "when was the attack?") is None


def test_a_follow_up_pointing_at_the_entry_just_answered_asks_the_one_beside_it() -> None:
    assert pointed_step("what comes after it?") == 1
    assert pointed_step("and the one before that?") == -1
    assert pointed_step("next one?") == 1
    assert pointed_step("what happened after that?") is None  # asks about events, not the outline
    first = "what's the very first heading in the table of contents?"
    assert neighbour_followup("what comes after it?", first) == "what's the very second heading in the table of contents?"
    assert neighbour_followup("and the one before it?", "whats the last link?") == "whats the second to last link?"
    assert neighbour_followup("what comes before it?", first) is None  # nothing lies before the first
    assert neighbour_followup("what comes after it?", "whats the last link?") is None
    assert neighbour_followup("what comes after it?", "what sections are there?") is None  # no entry answered


def test_the_lines_after_the_closing_list_are_entries_too() -> None:
    """Short lines after the bulleted list ("Tide Almanac guide") are links as well: a neighbour is found among them
    when the list holds none (the list itself stays three links long)."""
    text = TEXT + "\nVisit Brittany\n\nTide Almanac guide\n"
    doc = DocumentRecord(source="tides.txt", title="A Field Guide to Tide Clocks", sha256="0", size=len(text),
                         indexed_at="now", text=text, sections=[(0, "A Field Guide to Tide Clocks")])
    assert len(outline_entries(doc, OutlineAsk("links"))) == 3
    lines = closing_lines(doc)
    assert [e.text for e in lines] == ["Clocks of Brittany", "The Velmora Museum", "Tide Tables Online",
                                       "Visit Brittany", "Tide Almanac guide"]
    assert [e.text for e in neighbour_entries(lines, Neighbour(-1, ("almanac",)))] == [
        "Tide Almanac guide", "Visit Brittany"]
    assert all(text[e.start:e.end] == e.text for e in lines)


def test_a_link_named_by_its_words_then_the_one_after_it() -> None:
    asked = neighbour_followup("whats listed after it?", "is there a velmora museum linked at the bottom?")
    assert asked == "What is listed right after the velmora museum link?"
    assert asked_outline(asked) == OutlineAsk("links", None, Neighbour(1, ("velmora", "museum")))
    assert neighbour_followup("and before it?", "which heading covers the bells?") == (
        "What is listed right before the bells section?")
    assert neighbour_followup("whats listed after it?", "who made the velmora clock?") is None  # no link named


def test_a_contents_entry_named_by_its_words_then_the_one_beside_it() -> None:
    previous = "which table of contents entry mentions the bells?"
    asked = neighbour_followup("what's listed right after that one?", previous)
    assert asked == "In the table of contents, what comes after the bells entry?"
    assert asked_outline(asked) == OutlineAsk("contents", None, Neighbour(1, ("bell",)))
    assert neighbour_followup("and the one before it?", previous) == (
        "In the table of contents, what comes before the bells entry?")


def test_the_article_s_next_section_after_a_named_one(assistant) -> None:
    """End to end on the indexed article: the contents asked, then the section after the one about cyber."""
    history = ["what sections are in the table of contents?"]
    answer = assistant.ask("which one comes after the cyber one?", history=history)
    assert not answer.abstained
    assert [c.quote for c in answer.citations] == [
        "The Cyber Onslaught: A Turning Point in Albania Iran Relations",
        "Geopolitical Ramifications: Albania's Stance and Regional Dynamics"]
    text = assistant.snapshot().meta.documents[answer.citations[1].source].text
    assert all(text[c.start:c.end] == c.quote for c in answer.citations)


def test_the_article_s_heading_after_the_first_one_as_a_follow_up(assistant) -> None:
    """End to end on the indexed article: the first heading asked, then "what comes after it?"."""
    answer = assistant.ask("what comes after it?", history=["what's the very first heading in the table of contents?"])
    assert not answer.abstained  # read off the previous answer's citation: the entry it gave, then the next
    assert [c.quote for c in answer.citations] == ["The Roots of Discord: MEK's Presence in Albania",
                                                   "The Cyber Onslaught: A Turning Point in Albania Iran Relations"]
