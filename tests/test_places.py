"""Where a question points in a document: the n-th item of an enumeration, the opening or closing part."""

from __future__ import annotations

import numpy as np
import pytest

from assistant.answer.evidence import Evidence
from assistant.answer.places import ItemAsked, asked_item, asked_place, sentence_ordinal
from assistant.chunking import chunk_document
from assistant.schema import Document
from assistant.store import DocumentRecord, Snapshot, SnapshotMeta, build_bm25


@pytest.mark.parametrize("question, item", [
    ("What is the first lesson the article draws?", ItemAsked(1, "lesson", "first")),
    ("and the second reason?", ItemAsked(2, "reason", "second")),
    ("main takeaway #1 from the saga?", ItemAsked(1, "takeaway", None)),
    ("point number three?", ItemAsked(3, "point", None)),
    ("What is the last lesson?", ItemAsked(-1, "lesson", "last")),
    ("what's the last thing the closing para says?", ItemAsked(-1, "thing", "last")),
    ("When did Albania first recognise Israel?", None),  # "first" as an adverb names no item
    ("Who led the first Persian Empire?", None), ("the first time it happened", None),
])
def test_the_item_a_question_asks_for(question: str, item: ItemAsked | None) -> None:
    assert asked_item(question) == item


@pytest.mark.parametrize("sentence, number", [
    ("Firstly, it underscores the threat.", 1), ("Second, run the installer.", 2), ("Finally, it reinforces.", -1),
    ("Lastly, the end.", -1), ("3. Restart the server.", 3), ("The first step is easy.", None),
    ("Secondary effects matter.", None),
])
def test_the_item_number_a_sentence_opens_with(sentence: str, number: int | None) -> None:
    assert sentence_ordinal(sentence) == number


@pytest.mark.parametrize("question, place", [
    ("What does the intro say about the split?", "start"), ("According to the conclusion, what matters?", "end"),
    ("what does the introduction of the article describe", "start"), ("How do I introduce a variable?", None),
    ("What did the concluding remarks stress?", "end"), ("Which conclusion did the court reach?", "end"),
    ("what does it ask readers at the end?", "end"), ("which links are at the bottom of the page?", "end"),
    ("in the wrap-up, what does the author stress?", "end"), ("the post finishes with what?", "end"),
    ("At the end of the war, who ruled the city?", None), ("what is at the end of the line?", None),
])
def test_the_part_of_a_document_a_question_points_at(question: str, place: str | None) -> None:
    assert asked_place(question) == place


TEXT = ("Lessons\n\nThis opening paragraph says what the piece is about. It has two sentences.\n\n"
        "Another opening paragraph follows here. It is short.\n\n"
        "# Lessons\n\nThe saga offers several lessons for everyone. Firstly, cyber attacks are a tool of statecraft. "
        "That matters a lot.\n\nSecondly, hosting exiles has a cost. It strains relations.\n\n"
        "Finally, alliances matter most. Friends help small nations.\n\n"
        "# Outlook\n\nThe closing paragraph looks ahead calmly. Nothing is certain.\n")


def evidence(sectioned: bool = True) -> tuple[Evidence, dict]:
    """The essay with its sections (the same name twice: the title and the first heading), or as one section."""
    sections = [(0, "Lessons"), (TEXT.index("# Lessons"), "# Lessons"), (TEXT.index("# Outlook"), "# Outlook")]
    doc = Document(source="essay.md", title="Lessons", text=TEXT, sha256="x")
    chunks, sentences = chunk_document(doc, min_words=3, max_words=20)
    record = DocumentRecord(source="essay.md", title="Lessons", sha256="x", size=len(TEXT), indexed_at="now",
                            text=TEXT, chunk_ids=[c.id for c in chunks], sections=sections if sectioned else [])
    meta = SnapshotMeta(fingerprint="f", documents={"essay.md": record}, chunks=chunks, sentences=sentences)
    view = Evidence(Snapshot(meta, np.eye(len(sentences), 8, dtype=np.float32), build_bm25(chunks)))
    return view, {s.text: s for s in sentences}


def test_items_of_an_enumeration_know_what_they_list() -> None:
    view, by_text = evidence()
    lead = "The saga offers several lessons for everyone."
    assert view.enumeration_lead(by_text["Secondly, hosting exiles has a cost."]).text == lead
    assert view.enumeration_lead(by_text["It strains relations."]) is None  # opens no item
    start = by_text[lead]
    assert view.enumeration_item(start, 2).text == "Secondly, hosting exiles has a cost."
    assert view.enumeration_item(start, -1).text == "Finally, alliances matter most."
    assert view.enumeration_item(start, 4) is None
    assert [s.text.split(",")[0] for s in view.enumeration_items(start)] == ["Firstly", "Secondly", "Finally"]
    assert view.enumeration_items(by_text["It strains relations."]) == []  # no "Firstly" right after it
    second = by_text["Secondly, hosting exiles has a cost."]
    assert view.enumeration_item(second, 1).text.startswith("Firstly")  # from an item, an earlier one of its list
    assert view.enumeration_item(second, -1).text == "Finally, alliances matter most."


@pytest.mark.parametrize("sectioned", [True, False])
def test_opening_and_closing_parts(sectioned: bool) -> None:
    view, by_text = evidence(sectioned)
    assert view.place(by_text["This opening paragraph says what the piece is about."]) == "start"
    assert view.place(by_text["It has two sentences."]) == "start"
    assert view.place(by_text["Nothing is certain."]) == "end"
    assert view.place(by_text["It strains relations."]) is None
    # with sections the opening part is the whole first section; without, the first paragraph only
    assert view.place(by_text["Another opening paragraph follows here."]) == ("start" if sectioned else None)
    closing = view.chunks_at("essay.md", "end")
    assert closing and "closing paragraph" in closing[-1].text
    assert "opening paragraph" in view.chunks_at("essay.md", "start")[0].text
