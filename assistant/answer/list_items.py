"""The items of a bulleted or numbered list, by position: "the second rule" of "APT then applies the following
rules ..." followed by "•   Never downgrade ...", "•   Install the highest priority version." ...

A sentence opens an item when a bullet or an item number starts its line in the document (the index keeps the
sentence's text without the marker). An item runs on over the sentences after its opening one up to a blank line or
the next item; the list's lead is the sentence right before its first item.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from assistant.structure import ITEM_MARKER

if TYPE_CHECKING:
    from assistant.schema import Sentence

_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def opens_item(text: str, sentence: Sentence) -> bool:
    """Whether a bullet or an item number (the indexer's ``ITEM_MARKER``) starts the line on which ``sentence``
    begins in ``text``."""
    line = text.rfind("\n", 0, sentence.start) + 1
    return bool(ITEM_MARKER.fullmatch(text[line:sentence.start]))


def _starts_block(text: str, before: Sentence, sentence: Sentence) -> bool:
    """A sentence starts a block of its own: it opens an item, or a blank line comes before it."""
    return opens_item(text, sentence) or bool(_BLANK_LINE.search(text, before.end, sentence.start))


def item_lead(text: str, sentences: Sequence[Sentence], row: int, reach: int = 30) -> tuple[Sentence, int] | None:
    """For the sentence at ``row`` that opens a list item: the list's lead (the sentence before its first item) and
    the item's number (1 for the first), else None."""
    if not opens_item(text, sentences[row]):
        return None
    number = 1
    for j in range(row - 1, max(row - reach, 0) - 1, -1):
        other = sentences[j]
        if other.source != sentences[row].source:
            return None
        if opens_item(text, other):
            number += 1
        elif not _in_item(text, sentences, j):
            return other, number
    return None


def _in_item(text: str, sentences: Sequence[Sentence], row: int, reach: int = 10) -> bool:
    """Whether the sentence at ``row`` runs on an item that opened before it in the same block."""
    for j in range(row, max(row - reach, 0) - 1, -1):
        if opens_item(text, sentences[j]):
            return True
        if j == 0 or _starts_block(text, sentences[j - 1], sentences[j]):
            return False
    return False


def items_after(text: str, sentences: Sequence[Sentence], row: int, reach: int = 30) -> list[Sentence]:
    """The opening sentence of each item of the list that the sentence at ``row`` leads, in order ([] when the
    next sentence opens no item)."""
    lead = sentences[row]
    items: list[Sentence] = []
    for j in range(row + 1, min(row + 1 + reach, len(sentences))):
        other = sentences[j]
        if other.source != lead.source:
            break
        if opens_item(text, other):
            items.append(other)
        elif not items or _starts_block(text, sentences[j - 1], other):
            break
    return items
