"""The Sources tab's work, without Gradio: safe upload names, type and size checks, add and remove sources.

Accepted uploads are staged under their safe names and handed to ``Assistant.index(paths=...)``, which copies
them into the corpus (checked by their reader first, never overwriting another source) and indexes them in one run;
removal goes through ``Assistant.remove``.
"""

from __future__ import annotations

import contextlib
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.filenames import safe_name
from assistant.errors import AssistantError

if TYPE_CHECKING:
    from assistant.indexer import IndexReport
    from assistant.service import Assistant

IndexProgress = Callable[[str, int, int], None]


class UploadRejected(AssistantError, ValueError):
    """An upload that is refused; the message says why, for the user."""


@dataclass
class LibraryResult:
    """What an add or remove did: files placed or deleted, files refused (name → reason), the index report."""

    placed: list[str] = field(default_factory=list)
    refused: dict[str, str] = field(default_factory=dict)
    report: IndexReport | None = None


def supported_suffixes() -> set[str]:
    """File types the indexer reads, looked up at call time (readers may be added while the app runs)."""
    from assistant import documents

    return {s.lower() for s in documents.SUPPORTED_SUFFIXES}


def unique_path(folder: Path, name: str) -> Path:
    """``folder/name``, or ``name-2``, ``name-3``... before the suffix when taken: nothing is overwritten."""
    target = folder / name
    stem, suffix = Path(name).stem, Path(name).suffix
    number = 2
    while target.exists():
        target = folder / f"{stem}-{number}{suffix}"
        number += 1
    return target


def check_upload(path: Path, name: str, max_mb: int) -> None:
    """Raise ``UploadRejected`` for an unsupported type, an empty file or one over ``max_mb``."""
    suffix = Path(name).suffix.lower()
    allowed = supported_suffixes()
    if suffix not in allowed:
        raise UploadRejected(f"{name}: unsupported file type '{suffix or '(none)'}' (accepted: {', '.join(sorted(allowed))})")
    try:
        size = path.stat().st_size
    except FileNotFoundError:  # the web server's cached upload was cleaned up meanwhile
        raise UploadRejected(f"{name}: the upload is gone from the server's cache; upload it again") from None
    if size == 0:
        raise UploadRejected(f"{name}: empty file")
    if size > max_mb * 1024 * 1024:
        raise UploadRejected(f"{name}: {size / 1048576:.1f} MB is over the {max_mb} MB limit")


def index_progress(show: Callable[[tuple[int, int], str], None]) -> IndexProgress:
    """The indexer's (stage, newly done, total) callbacks → ``show((done, total), line)``, the line as the CLI
    prints it: documents read, chunks embedded, rate and time left (``assistant.progress``)."""
    from assistant.progress import RunProgress

    state = RunProgress()

    def update(stage: str, newly_done: int, total: int) -> None:
        state.update(stage, newly_done, total)
        show((state.stages[stage].done, total), state.summary())

    return update


def add_files(assistant: Assistant, uploads: list[tuple[Path, str]], progress: IndexProgress | None = None) -> LibraryResult:
    """Add accepted uploads (temp path, original name) to the corpus and the index in one run."""
    result = LibraryResult()
    with tempfile.TemporaryDirectory(prefix="assistant-upload-") as staging:
        staged: dict[str, str] = {}  # safe name → original name
        for temp, original in uploads:
            name = safe_name(original)
            try:
                check_upload(Path(temp), name, assistant.settings.limits.max_upload_mb)
            except UploadRejected as exc:
                result.refused[original] = str(exc)
                continue
            target = unique_path(Path(staging), name)  # two uploads of one name in a batch
            shutil.copyfile(temp, target)
            staged[target.name] = original
        if not staged:
            return result
        paths = [Path(staging) / name for name in staged]
        result.report = assistant.index(progress, lock_wait=60, paths=paths)
    result.placed = [*result.report.added, *result.report.updated]
    for name, reason in result.report.skipped.items():
        result.refused[staged.get(name, name)] = reason
    return result


def discard_uploads(uploads: list[tuple[Path, str]], cache_dir: Path) -> None:
    """Delete the web server's cached copies of handled uploads (only files inside ``cache_dir``, the upload
    cache), so an upload's content is kept only in the corpus folder, or nowhere when it was refused."""
    cache = cache_dir.resolve()
    for temp, _ in uploads:
        path = Path(temp).resolve()
        if cache in path.parents:
            path.unlink(missing_ok=True)
            with contextlib.suppress(OSError):  # each upload sits in a folder of its own; gone when empty
                path.parent.rmdir()


def remove_source(assistant: Assistant, source: str, progress: IndexProgress | None = None) -> LibraryResult:
    """Delete one indexed source (only a name the index lists) from the corpus and the index."""
    if source not in {d.source for d in assistant.sources()}:
        raise UploadRejected(f"{source}: not an indexed source")
    return LibraryResult(placed=[source], report=assistant.remove(source, progress, lock_wait=60))
