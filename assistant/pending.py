"""Sentence vectors and tags of an index run that has not finished yet, kept step by step on disk.

Chunk vectors reach Chroma step by step, but sentence vectors and tags live in the snapshot, written only at the
end. Each step's new ones are also saved here (``index_dir/pending/``), so a killed run's embedding and tagging
is reused by the next run instead of done again. The folder names the index fingerprint it was made for (work for
another model or pipeline is dropped) and is emptied once a snapshot holding the work is current.
"""

from __future__ import annotations

import json
import os
import shutil
import time
import uuid
from pathlib import Path

import numpy as np

from assistant.schema import SentenceTags

FOLDER = "pending"
STAMP = "FINGERPRINT"


class PendingWork:
    """Sentence id → (vector, tags) saved by earlier steps of unfinished runs with the same fingerprint."""

    def __init__(self, index_dir: Path, fingerprint: str) -> None:
        self.folder = index_dir / FOLDER
        self.vectors: dict[str, np.ndarray] = {}
        self.tags: dict[str, SentenceTags] = {}
        stamp = self.folder / STAMP
        if not stamp.is_file() or stamp.read_text() != fingerprint:
            self.clear()
            self.folder.mkdir(parents=True)
            stamp.write_text(fingerprint)
            return
        for step in sorted(self.folder.glob("step-*.npz")):
            try:
                with np.load(step) as data:
                    ids, vectors, tags = list(data["ids"]), data["vectors"], json.loads(str(data["tags"]))
            except (OSError, ValueError, KeyError):
                continue  # a step cut short by a kill: its work is simply done again
            for sid, vector, tag in zip(ids, vectors, tags):
                self.vectors[str(sid)] = vector
                self.tags[str(sid)] = SentenceTags.model_validate(tag)

    def save(self, ids: list[str], vectors: np.ndarray, tags: list[SentenceTags]) -> None:
        """Keep one step's new sentence vectors and tags (written to a temporary name, then renamed)."""
        if not ids:
            return
        tmp = self.folder / f"tmp-{uuid.uuid4().hex}.npz"
        np.savez(tmp, ids=np.asarray(ids), vectors=vectors.astype(np.float32),
                 tags=np.asarray(json.dumps([t.model_dump() for t in tags])))
        os.replace(tmp, self.folder / f"step-{time.time_ns():020d}.npz")
        for sid, vector, tag in zip(ids, vectors, tags):
            self.vectors[sid], self.tags[sid] = vector, tag

    def clear(self) -> None:
        """Drop the folder (its work is in the current snapshot, or was made for another fingerprint)."""
        shutil.rmtree(self.folder, ignore_errors=True)
