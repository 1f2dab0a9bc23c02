"""PDF: the text of each page (pypdf), one after the other; page numbers kept as (offset, page) pairs."""

from __future__ import annotations

import io
import logging

from assistant.readers.base import UnreadableSource, build_document, one_line
from assistant.schema import Document

SUFFIXES = (".pdf",)


def extract(data: bytes, source: str) -> tuple[str, str, list[tuple[int, int]]]:
    """(title, text, pages) of a PDF; ``pages`` holds the text offset where each page with text starts."""
    from pypdf import PdfReader

    if not data.strip():
        raise UnreadableSource(f"{source}: empty file")
    if not data.lstrip()[:5] == b"%PDF-":
        raise UnreadableSource(f"{source}: not a PDF (no %PDF- header)")
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise UnreadableSource(f"{source}: encrypted PDF (needs a password)")
        texts = [(page.extract_text() or "") for page in reader.pages]
        title = str((reader.metadata or {}).get("/Title") or "").strip()
    except UnreadableSource:
        raise
    except Exception as exc:  # noqa: BLE001 - pypdf raises many types on damaged files
        raise UnreadableSource(one_line(f"{source}: corrupt or unreadable PDF ({type(exc).__name__}: {exc})")) from exc
    parts: list[str] = []
    pages: list[tuple[int, int]] = []
    offset = 0
    for number, page_text in enumerate(texts, start=1):
        page_text = "\n".join(line.rstrip() for line in page_text.splitlines()).strip("\n")
        if not page_text.strip():
            continue
        if parts:
            parts.append("\n")  # not a paragraph break: paragraphs run on across pages
            offset += 1
        pages.append((offset, number))
        parts.append(page_text)
        offset += len(page_text)
    return title, "".join(parts) + "\n", pages


def read(data: bytes, source: str, sha256: str) -> Document:
    """A PDF's text with page offsets; a PDF without extractable text (a scan) is unreadable."""
    title, text, pages = extract(data, source)
    if not pages:
        raise UnreadableSource(f"{source}: no extractable text in the PDF (a scanned image?)")
    return build_document(source, text, sha256, markdown=True, title=title or None, pages=pages)

