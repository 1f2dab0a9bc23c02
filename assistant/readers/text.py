"""Plain text and Markdown: the document text is the file's UTF-8 content (a leading BOM dropped)."""

from __future__ import annotations

from assistant.readers.base import build_document, decode_text
from assistant.schema import Document

SUFFIXES = (".txt", ".md", ".markdown")


def read(data: bytes, source: str, sha256: str) -> Document:
    """A text or Markdown file; Markdown ``#`` headings (and bare heading lines) become sections."""
    # the chunker reads "#" headings in every source not named *.txt; the sections must agree with it
    return build_document(source, decode_text(data, source), sha256, markdown=not source.endswith(".txt"))
