"""Titles underlined (or overlined) by one repeated mark, as Markdown, reStructuredText and AsciiDoc write them,
are section headings; the rule line itself is not (assistant.structure.split_blocks)."""

from __future__ import annotations

from assistant.structure import split_blocks

TEXT = """Frob manual
===========

DESCRIPTION
-----------
Frobnicates the files it is given. By default it walks three levels deep.

*******
Options
*******

The depth option sets how deep it walks. The default is three.

Some closing paragraph that ends here.

---

A paragraph after a thematic break stays prose and names no heading.
"""


def test_an_underlined_title_is_a_heading_and_the_rule_is_dropped() -> None:
    headings = [b.text for b in split_blocks(TEXT) if b.kind == "heading"]
    assert headings == ["Frob manual", "DESCRIPTION", "Options"]
    assert not any(set(b.text) <= set("=-*") for b in split_blocks(TEXT) if b.text)


def test_prose_above_a_thematic_break_stays_prose() -> None:
    kinds = {b.text: b.kind for b in split_blocks(TEXT)}
    assert kinds["Some closing paragraph that ends here."] == "prose"
    assert kinds["A paragraph after a thematic break stays prose and names no heading."] == "prose"
