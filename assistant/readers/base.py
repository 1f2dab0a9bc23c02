"""What every reader shares: the ``UnreadableSource`` error, text decoding, and text → ``Document``."""

from __future__ import annotations

from bisect import bisect_right
from pathlib import Path

from assistant.errors import AssistantError
from assistant.schema import Document
from assistant.structure import split_blocks


class UnreadableSource(AssistantError, ValueError):
    """A file that cannot be indexed; the message is a one-line reason for the user."""


def one_line(reason: str, limit: int = 160) -> str:
    """A reason squeezed onto one line of at most ``limit`` characters."""
    text = " ".join(str(reason).split())
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


def check_not_binary(data: bytes, name: str) -> None:
    """Raise ``UnreadableSource`` for empty or binary (NUL-containing) content."""
    if not data.strip():
        raise UnreadableSource(f"{name}: empty file")
    if b"\x00" in data[:8192]:
        raise UnreadableSource(f"{name}: binary content (NUL bytes), not text")


def decode_text(data: bytes, name: str) -> str:
    """UTF-8 text of a file (a BOM is dropped); raises ``UnreadableSource`` for empty, binary or undecodable data."""
    check_not_binary(data, name)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UnreadableSource(f"{name}: not valid UTF-8 text ({exc.reason} at byte {exc.start})") from exc


def build_document(
    source: str, text: str, sha256: str, markdown: bool = False, title: str | None = None,
    pages: list[tuple[int, int]] | None = None,
) -> Document:
    """A ``Document`` from extracted text: headings become sections, the first heading is the title."""
    if not text.strip():
        raise UnreadableSource(f"{source}: no text to index")
    blocks = split_blocks(text, markdown=markdown)
    headings = [b for b in blocks if b.kind == "heading"]
    if not title:
        title = headings[0].text if headings and headings[0] is blocks[0] else Path(source).stem.replace("-", " ")
    sections = [(h.start, h.text) for h in headings]
    return Document(source=source, title=title, text=text, sha256=sha256, sections=sections, pages=pages or [])


def page_at(pages: list[tuple[int, int]], offset: int) -> int | None:
    """The page number holding ``offset`` given (start offset, page) pairs in order; None without pages."""
    i = bisect_right([start for start, _ in pages], offset)
    return pages[i - 1][1] if i else (pages[0][1] if pages else None)
