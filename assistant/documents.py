"""Source files → ``Document``: listing, hashing, and dispatch to the reader for each format (``assistant.readers``).

``read_document``, ``UnreadableSource``, ``SUPPORTED_SUFFIXES``, ``build_document``, ``list_sources`` and
``file_sha256`` stay importable from here.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from assistant.readers import SUPPORTED_SUFFIXES, UnreadableSource, build_document, read_bytes
from assistant.schema import Document

__all__ = [
    "SUPPORTED_SUFFIXES", "UnreadableSource", "build_document", "file_sha256", "list_sources", "read_document",
]


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


def read_document(path: Path, corpus_dir: Path, max_mb: float) -> Document:
    """Read one source; raises ``UnreadableSource`` with a one-line reason when it cannot be indexed.

    Files over ``max_mb`` (the caller's ``settings.limits.max_source_mb``) are refused before being read.
    """
    source = path.relative_to(corpus_dir).as_posix()
    if path.suffix.lower() not in SUPPORTED_SUFFIXES:  # checked before reading: no need to open it
        raise UnreadableSource(f"{source}: unsupported file type '{path.suffix.lower() or '(none)'}'")
    size_mb = path.stat().st_size / 1048576
    if size_mb > max_mb:
        raise UnreadableSource(f"{source}: {size_mb:.1f} MB is over the {max_mb:g} MB limit (ASSISTANT_MAX_SOURCE_MB)")
    data = path.read_bytes()
    return read_bytes(data, source, hashlib.sha256(data).hexdigest())
