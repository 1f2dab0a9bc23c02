"""Safe file names: what an uploaded, added or fetched source is called inside the corpus folder."""

from __future__ import annotations

import os
import re
import unicodedata

MAX_NAME_CHARS = 100
MAX_SUFFIX_CHARS = 16  # longer "suffixes" are cut: the name must stay bounded and never start with a dot
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def safe_name(name: str) -> str:
    """A plain file name from any given one: its last path part (``/`` or ``\\``), accents dropped, only letters,
    digits, dot, dash and underscore, never hidden, the suffix lower-cased, at most ``MAX_NAME_CHARS`` long."""
    base = re.split(r"[/\\]", name.replace("\x00", ""))[-1]
    base = unicodedata.normalize("NFKD", base).encode("ascii", "ignore").decode("ascii")
    stem, suffix = os.path.splitext(base)
    stem = _UNSAFE.sub("-", stem).strip(".-_") or "source"
    suffix = _UNSAFE.sub("", suffix).lower()[:MAX_SUFFIX_CHARS]
    suffix = suffix if len(suffix) > 1 else ""
    return f"{stem[: MAX_NAME_CHARS - len(suffix)]}{suffix}"
