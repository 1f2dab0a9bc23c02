"""Where each added source came from: ``corpus/.sources.json``, a hidden side-car file that is never indexed.

``assistant add`` records the URL or original path of every source it copies into the corpus; the indexer is
handed these origins and copies them into ``DocumentRecord.origin``.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

SIDECAR = ".sources.json"


def load_origins(corpus_dir: Path) -> dict[str, str]:
    """source → origin (URL or original path) of the sources added with ``add``; empty when none are recorded."""
    try:
        data = json.loads((corpus_dir / SIDECAR).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


def save_origins(corpus_dir: Path, origins: dict[str, str]) -> None:
    """Replace the side-car with ``origins`` in one rename (a killed write leaves the old one)."""
    tmp = corpus_dir / f"{SIDECAR}.tmp"
    tmp.write_text(json.dumps(dict(sorted(origins.items())), indent=1), encoding="utf-8")
    os.replace(tmp, corpus_dir / SIDECAR)
