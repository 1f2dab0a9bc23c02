"""Checks of the folders and files a user names (settings and flags), each failing with one line before any work.

``corpus_folder`` and ``index_folder`` name the ``ASSISTANT_*`` variable at fault; ``input_file`` and
``output_folder`` name the flag.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import IO

from assistant.errors import SettingsError, UsageError


def corpus_folder(corpus_dir: Path) -> Path:
    """The corpus folder, resolved; a missing folder or a file is an error (an empty index would hide a typo)."""
    folder = corpus_dir.expanduser().resolve()
    if not folder.exists():
        raise SettingsError(f"ASSISTANT_CORPUS_DIR={corpus_dir} does not exist: point it at the folder of your "
                            "documents (or create that folder and put documents in it)")
    if not folder.is_dir():
        raise SettingsError(f"ASSISTANT_CORPUS_DIR={corpus_dir} is a file, not a folder: point it at the folder "
                            "of your documents")
    return folder


def index_folder(index_dir: Path) -> Path:
    """The index folder, resolved; an error when it, or a folder above it, is a file (it is created if missing)."""
    folder = index_dir.expanduser().resolve()
    existing = next(p for p in (folder, *folder.parents) if p.exists())
    if not existing.is_dir():
        what = "is a file" if existing == folder else f"is under {existing}, which is a file"
        raise SettingsError(f"ASSISTANT_INDEX_DIR={index_dir} {what}, not a folder: point it at a folder "
                            "(it is created if missing), e.g. index")
    return folder


def input_file(path: Path, flag: str, what: str) -> IO[bytes]:
    """``path`` opened for reading bytes; raises ``UsageError`` saying what ``flag`` needs."""
    try:
        return path.open("rb")
    except FileNotFoundError:
        raise UsageError(f"{flag} {path}: no such file; give {what}") from None
    except IsADirectoryError:
        raise UsageError(f"{flag} {path} is a folder; give {what}") from None
    except OSError as exc:
        raise UsageError(f"{flag} {path} cannot be read ({exc.strerror}); give {what}") from None


def input_folder(path: Path, flag: str, what: str) -> Path:
    """``path`` when it is a folder; raises ``UsageError`` saying what ``flag`` needs."""
    if not path.is_dir():
        raise UsageError(f"{flag} {path}: no such folder; give {what}")
    return path


def output_folder(path: Path, flag: str) -> Path:
    """``path`` when it is, or can be created as, a writable folder (nothing is created here); else ``UsageError``."""
    existing = next(p for p in (path.absolute(), *path.absolute().parents) if p.exists())
    if not existing.is_dir():
        why = "a file" if existing == path.absolute() else f"{existing} is a file"
    elif not os.access(existing, os.W_OK | os.X_OK):
        why = f"{existing} is read-only or not writable by this user"
    else:
        return path
    raise UsageError(f"{flag} {path} cannot be written ({why}); choose another folder with {flag}")
