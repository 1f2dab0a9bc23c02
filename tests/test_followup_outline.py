"""The outline entry beside the one the previous answer gave ("and the one after that?"), read off the answer's
citations: a contents entry, a closing link, or the heading of the section an answer in prose cited."""

from __future__ import annotations

from assistant.answer.outline_neighbour import pointed_step
from assistant.followup_outline import Step, asked_step, stepped_entry
from assistant.schema import Citation
from assistant.store import DocumentRecord

TEXT = """Notes on Harbour Bells
Contents
- Casting
- Tuning
- Hanging

Casting
The dial turns once every twelve hours.

Tuning
The clock has fourteen bells.

Hanging
Wind it weekly.
- Foundries of Normandy
- The Dorrel Archive
- Bell Charts Online
"""


def _document() -> DocumentRecord:
    sections = [(0, "Notes on Harbour Bells")] + [
        (TEXT.index(f"\n{h}\n", TEXT.index("Hanging\n\n")) + 1, h)
        for h in ("Casting", "Tuning", "Hanging")]
    return DocumentRecord(source="bells.txt", title="Notes on Harbour Bells", sha256="0", size=len(TEXT),
                          indexed_at="now", text=TEXT, sections=sections)


def _cited(text: str, n: int = 1, after: int = 0, section: str = "") -> Citation:
    start = TEXT.index(text, after)
    return Citation(n=n, source="bells.txt", start=start, end=start + len(text), quote=text, score=1.0,
                    section=section)


def _texts(draft) -> list[str]:  # type: ignore[no-untyped-def]
    return [s.text for s in draft.sentences] if draft else []


def test_the_entry_after_the_cited_heading() -> None:
    doc = _document()
    body = TEXT.index("Hanging\n\n")
    answered = [_cited("Casting", 1, body), _cited("Tuning", 2, body)]  # "After X [1] comes Y [2]"
    draft = stepped_entry(doc, answered, Step(1), ["and the one after that?"])
    assert _texts(draft) == ["Tuning", "Hanging"]
    assert draft is not None and draft.structural and draft.template.format(1, 2) == (
        "After \u201cTuning\u201d [1] comes \u201cHanging\u201d [2].")
    first = _cited("Casting", 1, body)
    assert stepped_entry(doc, [first], Step(-1), ["and before it?"]) is None  # nothing before the first


def test_the_link_below_the_cited_link() -> None:
    draft = stepped_entry(_document(), [_cited("The Dorrel Archive")], Step(1), ["and the one below that?"])
    assert _texts(draft) == ["The Dorrel Archive", "Bell Charts Online"]


def test_an_answer_in_prose_stands_for_its_section_when_sections_are_asked() -> None:
    doc = _document()
    prose = _cited("The clock has fourteen bells.", section="Tuning")
    draft = stepped_entry(doc, [prose], Step(-1), ["and the one before that?", "which section covers the bells?"])
    assert _texts(draft) == ["Tuning", "Casting"]
    assert stepped_entry(doc, [prose], Step(-1), ["and the one before that?", "how many bells are there?"]) is None


def test_a_short_question_for_the_next_entry_by_its_kind() -> None:
    assert pointed_step("and the link below that?") == 1
    assert pointed_step("what's the next subheading after that?") == 1
    assert pointed_step("and the one above it?") == -1
    assert pointed_step("what's below the bells?") is None  # names an entry: not a step from the answer


def test_a_few_entries_or_the_rest_of_the_list_after_the_answered_ones() -> None:
    doc = _document()
    body = TEXT.index("Hanging\n\n")
    draft = stepped_entry(doc, [_cited("Casting", 1, body)], asked_step("and the next two down the list?"), [])
    assert _texts(draft) == ["Casting", "Tuning", "Hanging"]
    assert draft is not None and draft.template.startswith("After \u201cCasting\u201d [{0}] come ")
    links = [_cited(text, n) for n, text in enumerate(["Foundries of Normandy", "The Dorrel Archive"], 1)]
    assert _texts(stepped_entry(doc, links, asked_step("anything after those?"), [])) == [
        "The Dorrel Archive", "Bell Charts Online"]
    assert asked_step("the next two after it?") == Step(1, 2)
    assert asked_step("what happened next?") is None
