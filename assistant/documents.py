"""Source files → ``Document`` (extracted text, title, section headings). One reader per format."""

from __future__ import annotations

import hashlib
from pathlib import Path

from assistant.schema import Document
from assistant.structure import split_blocks

TEXT_SUFFIXES = {".txt", ".md", ".markdown"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES


class UnreadableSource(ValueError):
    """A file that cannot be indexed; the message is a one-line reason for the user."""


def file_sha256(path: Path) -> str:
    """SHA-256 of a file's bytes, read in blocks."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def list_sources(corpus_dir: Path) -> list[Path]:
    """Every regular, non-hidden file under the corpus folder, sorted."""
    return sorted(
        p for p in corpus_dir.rglob("*")
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(corpus_dir).parts)
    )


def _decode_text(data: bytes, name: str) -> str:
    if not data.strip():
        raise UnreadableSource(f"{name}: empty file")
    if b"\x00" in data[:8192]:
        raise UnreadableSource(f"{name}: binary content (NUL bytes), not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise UnreadableSource(f"{name}: not valid UTF-8 text ({exc.reason} at byte {exc.start})") from exc


def read_document(path: Path, corpus_dir: Path) -> Document:
    """Read one source; raises ``UnreadableSource`` with a one-line reason when it cannot be indexed."""
    source = path.relative_to(corpus_dir).as_posix()
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise UnreadableSource(f"{source}: unsupported file type '{suffix or '(none)'}'")
    data = path.read_bytes()
    text = _decode_text(data, source)
    return build_document(source, text, hashlib.sha256(data).hexdigest(), markdown=suffix != ".txt")


def build_document(source: str, text: str, sha256: str, markdown: bool = False) -> Document:
    """A ``Document`` from extracted text: headings become sections, the first heading is the title."""
    blocks = split_blocks(text, markdown=markdown)
    headings = [b for b in blocks if b.kind == "heading"]
    title = headings[0].text if headings and headings[0] is blocks[0] else Path(source).stem.replace("-", " ")
    sections = [(h.start, h.text) for h in headings]
    return Document(source=source, title=title, text=text, sha256=sha256, sections=sections)
