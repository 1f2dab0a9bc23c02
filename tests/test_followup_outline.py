"""The outline entry beside the one the previous answer gave ("and the one after that?"), read off the answer's
citations: a contents entry, a closing link, or the heading of the section an answer in prose cited."""

from __future__ import annotations

from assistant.answer.outline_neighbour import pointed_step
from assistant.followup_outline import Step, asked_step, stepped_entry
from assistant.schema import Citation
from assistant.store import DocumentRecord

TEXT = """A Field Guide to Tide Clocks
Contents
- How They Work
- Bells and Chimes
- Caring for a Clock

How They Work
The dial turns once every twelve hours.

Bells and Chimes
The clock has fourteen bells.

Caring for a Clock
Wind it weekly.
- Clocks of Brittany
- The Velmora Museum
- Tide Tables Online
"""


def _document() -> DocumentRecord:
    sections = [(0, "A Field Guide to Tide Clocks")] + [
        (TEXT.index(f"\n{h}\n", TEXT.index("Clock\n\n")) + 1, h)
        for h in ("How They Work", "Bells and Chimes", "Caring for a Clock")]
    return DocumentRecord(source="tides.txt", title="A Field Guide to Tide Clocks", sha256="0", size=len(TEXT),
                          indexed_at="now", text=TEXT, sections=sections)


def _cited(text: str, n: int = 1, after: int = 0, section: str = "") -> Citation:
    start = TEXT.index(text, after)
    return Citation(n=n, source="tides.txt", start=start, end=start + len(text), quote=text, score=1.0,
                    section=section)


def _texts(draft) -> list[str]:  # type: ignore[no-untyped-def]
    return [s.text for s in draft.sentences] if draft else []


def test_the_entry_after_the_cited_heading() -> None:
    doc = _document()
    body = TEXT.index("Clock\n\n")
    answered = [_cited("How They Work", 1, body), _cited("Bells and Chimes", 2, body)]  # "After X [1] comes Y [2]"
    draft = stepped_entry(doc, answered, Step(1), ["and the one after that?"])
    assert _texts(draft) == ["Bells and Chimes", "Caring for a Clock"]
    assert draft is not None and draft.structural and draft.template.format(1, 2) == (
        "After \u201cBells and Chimes\u201d [1] comes \u201cCaring for a Clock\u201d [2].")
    first = _cited("How They Work", 1, body)
    assert stepped_entry(doc, [first], Step(-1), ["and before it?"]) is None  # nothing before the first


def test_the_link_below_the_cited_link() -> None:
    draft = stepped_entry(_document(), [_cited("The Velmora Museum")], Step(1), ["and the one below that?"])
    assert _texts(draft) == ["The Velmora Museum", "Tide Tables Online"]


def test_an_answer_in_prose_stands_for_its_section_when_sections_are_asked() -> None:
    doc = _document()
    prose = _cited("The clock has fourteen bells.", section="Bells and Chimes")
    draft = stepped_entry(doc, [prose], Step(-1), ["and the one before that?", "which section covers the bells?"])
    assert _texts(draft) == ["Bells and Chimes", "How They Work"]
    assert stepped_entry(doc, [prose], Step(-1), ["and the one before that?", "how many bells are there?"]) is None


def test_a_short_question_for_the_next_entry_by_its_kind() -> None:
    assert pointed_step("and the link below that?") == 1
    assert pointed_step("what's the next subheading after that?") == 1
    assert pointed_step("and the one above it?") == -1
    assert pointed_step("what's below the bells?") is None  # names an entry: not a step from the answer


def test_a_few_entries_or_the_rest_of_the_list_after_the_answered_ones() -> None:
    doc = _document()
    body = TEXT.index("Clock\n\n")
    draft = stepped_entry(doc, [_cited("How They Work", 1, body)], asked_step("and the next two down the list?"), [])
    assert _texts(draft) == ["How They Work", "Bells and Chimes", "Caring for a Clock"]
    assert draft is not None and draft.template.startswith("After \u201cHow They Work\u201d [{0}] come ")
    links = [_cited(text, n) for n, text in enumerate(["Clocks of Brittany", "The Velmora Museum"], 1)]
    assert _texts(stepped_entry(doc, links, asked_step("anything after those?"), [])) == [
        "The Velmora Museum", "Tide Tables Online"]
    assert asked_step("the next two after it?") == Step(1, 2)
    assert asked_step("what happened next?") is None
