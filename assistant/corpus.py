"""Adding and removing sources: copy files (or fetch a URL) into the corpus folder, or delete one, then index.

This workflow sits above the indexer: it places the files under the index lock, records where each came from
(a URL or the original path, in the ``origins`` side-car) and hands the indexer the paths and the origins. Files
are checked with their reader before they are copied, so an unreadable file never lands in the corpus; an existing
different source is never overwritten (the new one gets a numeric suffix), unless it came from the same origin
(then it is an update).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import uuid
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlparse

from assistant.documents import SUPPORTED_SUFFIXES, UnreadableSource, file_sha256, list_sources
from assistant.filenames import safe_name
from assistant.indexer import EmbedderSource, IndexReport, Progress, index_lock, update_index
from assistant.origins import load_origins, save_origins
from assistant.errors import AssistantError
from assistant.paths import corpus_folder
from assistant.readers import read_bytes
from assistant.readers.base import one_line
from assistant.store import IndexMissing, VectorStore, load_snapshot

if TYPE_CHECKING:
    from assistant.settings import Settings

CONTENT_TYPES = {
    "text/html": ".html", "application/xhtml+xml": ".html", "application/pdf": ".pdf", "text/plain": ".txt",
    "text/markdown": ".md", "text/x-markdown": ".md",
}


class SourceNotFound(AssistantError, LookupError):
    """``remove`` was given a name that is neither a file in the corpus nor an indexed source."""


def is_url(text: str) -> bool:
    """True for http(s) URLs."""
    return urlparse(text).scheme in ("http", "https")


def fetch(url: str, settings: Settings) -> tuple[bytes, str]:
    """The bytes at ``url`` and a file name for them (suffix from the content type when needed)."""
    import httpx

    chunks: list[bytes] = []
    total = 0
    try:
        with httpx.Client(follow_redirects=True, timeout=settings.limits.fetch_timeout_seconds) as client:
            with client.stream("GET", url, headers={"User-Agent": "assistant-indexer"}) as response:
                response.raise_for_status()
                for block in response.iter_bytes():
                    total += len(block)
                    if total > settings.limits.max_fetch_bytes:
                        raise UnreadableSource(f"{url}: larger than {settings.limits.max_fetch_bytes:,} bytes")
                    chunks.append(block)
                final_url, content_type = str(response.url), response.headers.get("content-type", "")
    except httpx.HTTPError as exc:
        raise UnreadableSource(one_line(f"{url}: could not fetch ({type(exc).__name__}: {exc})")) from exc
    parsed = urlparse(final_url)
    name = safe_name(unquote(PurePosixPath(parsed.path).name) or parsed.hostname or "page")
    wanted = CONTENT_TYPES.get(content_type.split(";")[0].strip().lower())
    if wanted and Path(name).suffix not in SUPPORTED_SUFFIXES:
        name = f"{Path(name).stem if Path(name).suffix else name}{wanted}"
    return b"".join(chunks), name


def _place(corpus: Path, name: str, data: bytes, origin: str, origins: dict[str, str]) -> str:
    """Write ``data`` into the corpus under a free name (or the one it had from the same origin); returns it."""
    sha = hashlib.sha256(data).hexdigest()
    same_origin = [s for s, o in origins.items() if o == origin and (corpus / s).is_file()]
    candidate = same_origin[0] if same_origin else name
    stem, suffix = os.path.splitext(name)
    n = 2
    while not same_origin and (corpus / candidate).exists():
        if (corpus / candidate).is_file() and file_sha256(corpus / candidate) == sha:
            break  # the same content is already there
        candidate, n = f"{stem}-{n}{suffix}", n + 1
    target = corpus / candidate
    target.parent.mkdir(parents=True, exist_ok=True)
    if not target.is_file() or file_sha256(target) != sha:
        tmp = target.parent / f".incoming-{uuid.uuid4().hex[:8]}"  # hidden: a scan never sees it half-written
        tmp.write_bytes(data)
        os.replace(tmp, target)
    origins[candidate] = origin
    return candidate


def _incoming(path: Path) -> list[tuple[str, Path]]:
    """(corpus name, file) pairs for a file or a folder outside the corpus."""
    if path.is_file():
        return [(safe_name(path.name), path)]
    folder = safe_name(path.name)
    return [
        ("/".join([folder, *(safe_name(part) for part in f.relative_to(path).parts)]), f) for f in list_sources(path)
    ]


def index_paths(
    settings: Settings, paths: list[Path], embedder: EmbedderSource, progress: Progress | None = None,
    store: VectorStore | None = None, lock_wait: float = 0.0,
) -> IndexReport:
    """Index the given files or folders: those inside the corpus in place, others copied in first."""
    return _import(settings, [(p, None) for p in paths], embedder, progress, store, lock_wait)


def add_source(
    settings: Settings, target: str | Path, embedder: EmbedderSource, progress: Progress | None = None,
    store: VectorStore | None = None, lock_wait: float = 0.0,
) -> IndexReport:
    """Copy a file or folder into the corpus (or fetch a URL into it) and index it."""
    if isinstance(target, str) and is_url(target):
        try:
            data, name = fetch(target, settings)
        except UnreadableSource as exc:
            return IndexReport(skipped={target: str(exc)})
        return _import(settings, [(Path(name), (data, target))], embedder, progress, store, lock_wait)
    return index_paths(settings, [Path(target)], embedder, progress, store, lock_wait)


def _import(
    settings: Settings, items: list[tuple[Path, tuple[bytes, str] | None]], embedder: EmbedderSource,
    progress: Progress | None, store: VectorStore | None, lock_wait: float,
) -> IndexReport:
    """Place fetched data and outside files into the corpus under the index lock, then index them."""
    with contextlib.suppress(FileExistsError):  # `add` may start a corpus; a file in its place is reported next
        settings.paths.corpus_dir.expanduser().resolve().mkdir(parents=True, exist_ok=True)
    corpus = corpus_folder(settings.paths.corpus_dir)
    skipped: dict[str, str] = {}
    inside: list[Path] = []
    incoming: list[tuple[str, bytes, str]] = []  # (name, data, origin)
    for path, fetched in items:
        if fetched is not None:
            incoming.append((str(path), *fetched))
            continue
        resolved = path.expanduser().resolve()
        if resolved == corpus or corpus in resolved.parents:
            inside.append(resolved)
        elif not resolved.exists():
            skipped[str(path)] = f"{path}: no such file or folder"
        else:
            for name, file in _incoming(resolved):
                try:
                    incoming.append((name, file.read_bytes(), str(file)))
                except OSError as exc:  # reading one outside file: that file is skipped, the others go on
                    skipped[str(file)] = f"{file}: cannot read ({exc.strerror or exc})"
    readable: list[tuple[str, bytes, str]] = []
    for name, data, origin in incoming:
        try:
            read_bytes(data, name, hashlib.sha256(data).hexdigest())
            readable.append((name, data, origin))
        except UnreadableSource as exc:
            skipped[name] = f"{exc} (not added)"
    with index_lock(settings.paths.index_path, lock_wait):
        for leftover in corpus.rglob(".incoming-*"):  # from a killed add
            leftover.unlink(missing_ok=True)
        origins = load_origins(corpus)
        placed = [corpus / _place(corpus, name, data, origin, origins) for name, data, origin in readable]
        if placed:
            save_origins(corpus, origins)
        paths = inside + placed
        report = update_index(settings, embedder, origins, progress, paths, store) if paths else IndexReport()
    report.skipped.update(skipped)
    return report


def remove_source(
    settings: Settings, source: str, embedder: EmbedderSource, progress: Progress | None = None,
    store: VectorStore | None = None, lock_wait: float = 0.0,
) -> IndexReport:
    """Delete a source file (or folder) from the corpus and its chunks from the index."""
    corpus = settings.paths.corpus_dir.resolve()
    inside = [p for p in (Path(source).expanduser().resolve(), (corpus / source).resolve()) if corpus in p.parents]
    if not inside:
        raise SourceNotFound(f"{source}: not a source inside the corpus folder {corpus}")
    path = inside[0]
    name = path.relative_to(corpus).as_posix()
    with index_lock(settings.paths.index_path, lock_wait):
        try:
            indexed = load_snapshot(settings.paths.index_path, with_bm25=False).meta.documents
        except IndexMissing:
            indexed = {}
        if not path.exists() and not any(s == name or s.startswith(name + "/") for s in indexed):
            raise SourceNotFound(f"{source}: no such source (list them with: assistant sources)")
        if path.is_dir():
            shutil.rmtree(path)
        else:
            path.unlink(missing_ok=True)
        origins = load_origins(corpus)
        kept = {s: o for s, o in origins.items() if s != name and not s.startswith(name + "/")}
        if kept != origins:
            save_origins(corpus, kept)
        return update_index(settings, embedder, kept, progress, [path], store)
