"""One reader per format: bytes of a file → ``Document`` (extracted text, title, sections, pages)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import PurePosixPath

from assistant.readers import html, pdf, text
from assistant.readers.base import UnreadableSource, build_document
from assistant.schema import Document

Reader = Callable[[bytes, str, str], Document]
READERS: dict[str, Reader] = {suffix: module.read for module in (text, html, pdf) for suffix in module.SUFFIXES}
SUPPORTED_SUFFIXES = frozenset(READERS)

__all__ = ["READERS", "SUPPORTED_SUFFIXES", "UnreadableSource", "build_document", "read_bytes"]


def read_bytes(data: bytes, source: str, sha256: str) -> Document:
    """The document in ``data``, read by the reader for ``source``'s suffix; raises ``UnreadableSource``."""
    suffix = PurePosixPath(source).suffix.lower()
    reader = READERS.get(suffix)
    if reader is None:
        raise UnreadableSource(f"{source}: unsupported file type '{suffix or '(none)'}'")
    return reader(data, source, sha256)
