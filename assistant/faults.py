"""The index's storage fails (a full or read-only disk, a Chroma server gone away, an embedded store that cannot be
opened) → one clear error.

``store_errors`` wraps the ``Assistant`` calls that write the index or touch Chroma. A full, read-only or
forbidden disk (an ``OSError`` with that errno, chromadb's SQLite saying so, or a write error that names no cause
while under 8 MB are free) becomes ``IndexWriteFailed``:
an index run writes its new snapshot aside and switches to it last, so the previous index is unchanged. In server
mode a failure is checked against the server's heartbeat: when the server does not answer, the error says so and
what to do; the same ``Assistant`` works again as soon as the server is back (chromadb's HTTP client reconnects on
the next request). Other errors pass through unchanged. Nothing here imports chromadb.
"""

from __future__ import annotations

import errno
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from assistant.errors import AssistantError, IndexWriteFailed

if TYPE_CHECKING:
    from assistant.settings import Settings

HEARTBEAT = "/api/v2/heartbeat"
LOW_SPACE = 8 * 1024 * 1024  # bytes free below which an unexplained write failure is put down to a full disk
FULL, READ_ONLY, FORBIDDEN = "the disk is full", "the file system is read-only", "permission denied"
DISK_ERRNOS = {errno.ENOSPC: FULL, errno.EDQUOT: FULL, errno.EFBIG: FULL, errno.EROFS: READ_ONLY,
               errno.EACCES: FORBIDDEN, errno.EPERM: FORBIDDEN}
# what chromadb's SQLite and Rust layers say for the same causes (SQLITE_FULL 13, SQLITE_READONLY 8, os error N)
DISK_WORDS = {"database or disk is full": FULL, "no space left on device": FULL, "readonly database": READ_ONLY,
              "read-only file system": READ_ONLY, "permission denied": FORBIDDEN}
ADVICE = {FULL: "free some space there", READ_ONLY: "make it writable, as Chroma writes to it even to answer (or "
          "point ASSISTANT_INDEX_DIR at a writable copy)", FORBIDDEN: "give this user write access to it (or point ASSISTANT_INDEX_DIR elsewhere)"}


class StoreUnavailable(AssistantError, RuntimeError):
    """The vector store cannot be used right now; the message says why and what to do."""


def server_address(url: str) -> str:
    """``scheme://host:port`` of a URL, without credentials or path (safe to show and log)."""
    parts = urlsplit(url)
    port = f":{parts.port}" if parts.port else ""
    return f"{parts.scheme}://{parts.hostname}{port}"


def server_down(url: str, timeout: float = 3.0) -> str | None:
    """Why the Chroma server at ``url`` does not answer its heartbeat, or None when it does."""
    import httpx

    try:
        httpx.get(server_address(url) + HEARTBEAT, timeout=timeout).raise_for_status()
    except httpx.HTTPError as exc:
        return " ".join(f"{type(exc).__name__}: {exc}".split())[:200]
    return None


def disk_problem(exc: BaseException, folder: Path) -> str | None:
    """``FULL``, ``READ_ONLY`` or ``FORBIDDEN`` when writing in ``folder`` failed for that reason, else None.

    Read from the errno or chromadb's words in ``exc`` and its causes; an I/O or chromadb error that names no
    cause (numpy's "N requested and M written", chromadb's "Error in compaction") counts as ``FULL`` when the disk
    holding ``folder`` has less than ``LOW_SPACE`` bytes free.
    """
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, OSError) and seen.errno in DISK_ERRNOS:
            return DISK_ERRNOS[seen.errno]
        if _from_chromadb(seen):
            text = str(seen).lower()
            for words, reason in DISK_WORDS.items():
                if words in text:
                    return reason
        seen = seen.__cause__ or seen.__context__
    if isinstance(exc, OSError) or _from_chromadb(exc):
        existing = next((p for p in (folder, *folder.parents) if p.is_dir()), None)
        if existing is not None and shutil.disk_usage(existing).free < LOW_SPACE:
            return FULL
    return None


def _from_chromadb(exc: BaseException) -> bool:
    return type(exc).__module__.split(".")[0] == "chromadb"


@contextmanager
def store_errors(settings: Settings) -> Iterator[None]:
    """Raise ``IndexWriteFailed`` for a full or read-only disk, ``StoreUnavailable`` for a Chroma server that is
    down or an embedded store chromadb cannot open."""
    try:
        yield
    except AssistantError:
        raise
    except Exception as exc:
        reason = disk_problem(exc, settings.paths.index_path)
        if reason is not None:
            detail = " ".join(f"{type(exc).__name__}: {exc}".split())[:160]
            raise IndexWriteFailed(
                f"cannot write the index in {settings.paths.index_path}: {reason} ({detail}); the previous index is "
                f"unchanged; {ADVICE[reason]}, then run the command again"
            ) from exc
        if settings.paths.chroma_url:
            reason = server_down(settings.paths.chroma_url)
            if reason is not None:
                raise StoreUnavailable(
                    f"the Chroma server at {server_address(settings.paths.chroma_url)} is not answering ({reason}); "
                    "start it again: questions work again as soon as it answers"
                ) from exc
        elif _from_chromadb(exc):
            folder = settings.paths.index_path / "chroma"
            raise StoreUnavailable(
                f"the vector store in {folder} cannot be opened ({' '.join(str(exc).split())[:200]}); "
                f"delete that folder and rebuild it with: assistant index"
            ) from exc
        raise
