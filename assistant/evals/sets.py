"""Multi-collection evals: each ``<sets>/<name>/`` with a questions.jsonl, run on its own cached scratch index.

A collection folder holds ``corpus/`` (its documents), ``questions.jsonl`` (an eval set whose lines may carry
``split``: tune or test), optionally ``conversations.jsonl`` (follow-ups with their history, same schema) and
``README.md``. Its scratch index lives in ``<cache>/<name>/`` (default cache: the
``.cache`` folder beside the sets folder, i.e. ``evals/.cache``) and is used as is while its key, a hash of the
corpus files (names and bytes) and of the settings' index fingerprint, is unchanged; otherwise an index run
brings it up to date (incremental; a changed fingerprint re-embeds everything) and the new key is recorded.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from hashlib import sha256
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.evals.metrics import macro_average
from assistant.evals.runner import EvalRun, Progress, evaluate
from assistant.evals.schema import EvalSetError

if TYPE_CHECKING:
    from assistant.indexer import Progress as IndexProgress
    from assistant.service import Assistant
    from assistant.settings import Settings

QUESTIONS = "questions.jsonl"
CONVERSATIONS = "conversations.jsonl"  # follow-up questions with their history: run instead with ``conversations``
CORPUS = "corpus"
KEY_FILE = "CACHE_KEY"
LOCK_WAIT_SECONDS = 600.0  # another process (a test run, another eval) may be indexing the same collection


@dataclass(frozen=True)
class Collection:
    """One collection folder of the sets folder."""

    name: str
    folder: Path

    @property
    def corpus(self) -> Path:
        """Its documents."""
        return self.folder / CORPUS

    @property
    def questions(self) -> Path:
        """Its eval set."""
        return self.folder / QUESTIONS

    @property
    def conversations(self) -> Path:
        """Its follow-up questions with their history."""
        return self.folder / CONVERSATIONS


@dataclass
class SetsRun:
    """One eval of several collections: each collection's ``EvalRun`` and the folders that were skipped (why)."""

    sets_dir: Path
    split: str
    runs: dict[str, EvalRun]
    skipped: dict[str, str] = field(default_factory=dict)

    def macro(self, system: str = "ours") -> dict[str, float | None]:
        """Each headline figure of ``system`` averaged over the collections (each collection weighs the same)."""
        return macro_average([run.systems[system].figures for run in self.runs.values() if system in run.systems])


def default_cache(sets_dir: Path) -> Path:
    """The cache folder of a sets folder: ``.cache`` beside it (``evals/sets`` → ``evals/.cache``)."""
    return Path(sets_dir).resolve().parent / ".cache"


def find_collections(
    sets_dir: Path, names: Sequence[str] | None = None, set_file: str = QUESTIONS,
) -> tuple[list[Collection], dict[str, str]]:
    """The collections under ``sets_dir`` (only ``names`` when given) that hold ``set_file``, and the folders
    skipped, with the reason."""
    sets_dir = Path(sets_dir)
    if not sets_dir.is_dir():
        raise EvalSetError(f"no collections folder at {sets_dir}")
    folders = {p.name: p for p in sorted(sets_dir.iterdir()) if p.is_dir() and not p.name.startswith(".")}
    unknown = sorted(set(names or ()) - set(folders))
    if unknown:
        raise EvalSetError(f"no collection named {', '.join(unknown)} in {sets_dir} (there are: {', '.join(folders)})")
    found, skipped = [], {}
    for name, folder in folders.items():
        if names and name not in names:
            continue
        if not (folder / CORPUS).is_dir():
            skipped[name] = f"no {CORPUS}/ folder"
        elif not (folder / set_file).is_file():
            skipped[name] = f"no {set_file} yet"
        else:
            found.append(Collection(name, folder))
    return found, skipped


def corpus_digest(corpus_dir: Path) -> str:
    """sha256 over the names and bytes of every file the indexer would read in ``corpus_dir``."""
    from assistant.documents import list_sources

    digest = sha256()
    for path in list_sources(corpus_dir):
        name, data = path.relative_to(corpus_dir).as_posix().encode(), path.read_bytes()
        digest.update(b"%d:%s%d:" % (len(name), name, len(data)))
        digest.update(data)
    return digest.hexdigest()


def cache_key(settings: Settings, corpus_dir: Path) -> str:
    """The key of a scratch index: the corpus digest and the index fingerprint of ``settings``."""
    from assistant.embedders import embedder_id
    from assistant.indexer import fingerprint

    index_print = fingerprint(settings, embedder_id(settings))
    return sha256(f"{corpus_digest(corpus_dir)}|{index_print}".encode()).hexdigest()


def collection_assistant(
    settings: Settings, collection_dir: Path, cache_dir: Path | None = None, progress: IndexProgress | None = None,
) -> Assistant:
    """An assistant over the collection's corpus and its cached scratch index, built or updated first if needed.

    ``settings`` give everything but the folders: corpus_dir is the collection's ``corpus/``, index_dir its folder
    in the cache, and the embedded Chroma store is used (a configured server is never written to).
    """
    from assistant.service import Assistant

    folder = Path(collection_dir).resolve()
    index_dir = (Path(cache_dir) if cache_dir else default_cache(folder.parent)) / folder.name
    assistant = Assistant.from_settings(settings, corpus_dir=folder / CORPUS, index_dir=index_dir, chroma_url=None)
    key = cache_key(assistant.settings, assistant.settings.paths.corpus_dir)
    key_file = index_dir / KEY_FILE
    if assistant.has_index() and key_file.is_file() and key_file.read_text().strip() == key:
        return assistant
    key_file.unlink(missing_ok=True)
    report = assistant.index(progress, lock_wait=LOCK_WAIT_SECONDS)
    if report.skipped:
        raise EvalSetError(f"{folder.name}: corpus files could not be indexed: " + "; ".join(report.skipped.values()))
    key_file.write_text(key + "\n")
    return assistant


def _labelled(label: str, progress: Progress) -> Progress:
    """``progress`` with ``label`` put before every task name."""
    return lambda task, done, total: progress(f"{label} {task}", done, total)


def _counting(progress: Progress) -> IndexProgress:
    """The indexer's (stage, newly done, total) calls as (stage, done so far, total) progress calls."""
    done: dict[str, int] = {}

    def update(stage: str, newly_done: int, total: int) -> None:
        done[stage] = done.get(stage, 0) + newly_done
        progress(stage, done[stage], total)

    return update


def run_sets(
    settings: Settings, sets_dir: Path, split: str = "test", names: Sequence[str] | None = None,
    baseline: bool = False, cache_dir: Path | None = None, progress: Progress | None = None,
    conversations: bool = False,
) -> SetsRun:
    """Run the ``split`` part of every collection under ``sets_dir`` (or of ``names``) on its scratch index: its
    questions.jsonl, or its conversations.jsonl when ``conversations``.

    ``progress`` is called as (task, done, total) with tasks "<name>: index <stage>" and "<name>: <system>".
    """
    set_file = CONVERSATIONS if conversations else QUESTIONS
    collections, skipped = find_collections(sets_dir, names, set_file)
    runs: dict[str, EvalRun] = {}
    for collection in collections:
        indexing = _counting(_labelled(f"{collection.name}: index", progress)) if progress else None
        assistant = collection_assistant(settings, collection.folder, cache_dir, indexing)
        asking = _labelled(f"{collection.name}:", progress) if progress else None
        runs[collection.name] = evaluate(assistant, collection.folder / set_file, baseline, asking, split)
    return SetsRun(Path(sets_dir), split, runs, skipped)
