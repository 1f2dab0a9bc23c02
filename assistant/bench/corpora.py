"""The bench's corpora (small: the article; large: Debian's Python 3.11 HTML docs plus the article) and their sizes."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.bench.procs import BenchError, Workspace

if TYPE_CHECKING:
    from assistant.store import Snapshot

ARTICLE_NAME = "albania-iran-relations.txt"
PYTHON_DOCS = Path("/usr/share/doc/python3.11/html")
PYTHON_DOCS_HINT = "install it with: apt-get install -y python3.11-doc   (`make bench` does this)"
_MAIN = re.compile(rb"""<[^>]*role=["']main["'][^>]*>|<body[^>]*>""", re.IGNORECASE)


def default_article() -> Path:
    """The article in the project's corpus folder (next to the package), else ./corpus."""
    here = Path(__file__).resolve().parents[2] / "corpus" / ARTICLE_NAME
    return here if here.is_file() else Path("corpus") / ARTICLE_NAME


def workspace(root: Path, name: str) -> Workspace:
    """Fresh, empty corpus and index folders under ``root/name``."""
    base = root / name
    shutil.rmtree(base, ignore_errors=True)
    (base / "corpus").mkdir(parents=True)
    (base / "index").mkdir()
    return Workspace(base, base / "corpus", base / "index")


def small(root: Path, article: Path) -> Workspace:
    """The article alone."""
    if not article.is_file():
        raise BenchError(f"the article is missing: {article}")
    ws = workspace(root, "small")
    shutil.copy(article, ws.corpus / article.name)
    return ws


def large(root: Path, article: Path, docs: Path = PYTHON_DOCS, limit: int | None = None) -> Workspace:
    """Every HTML page of the Python docs (the ``_sources`` reST copies left out), plus the article.

    The article is in so the eval set still scores retrieval among hundreds of distractor pages.
    ``limit`` keeps only the first N pages (sorted by path), for trying the bench out.
    """
    pages = sorted(p for p in docs.rglob("*.html") if "_sources" not in p.parts) if docs.is_dir() else []
    if not pages:
        raise BenchError(f"no HTML pages under {docs}: {PYTHON_DOCS_HINT}")
    ws = workspace(root, "large")
    shutil.copy(article, ws.corpus / article.name)
    for page in pages[:limit]:
        target = ws.corpus / "python-docs" / page.relative_to(docs)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(page, target)
    return ws


def edit_one(ws: Workspace, source: str, n: int) -> None:
    """Change one document: a new paragraph at the start of its main text (HTML) or at its end (text)."""
    path = ws.corpus / source
    line = f"Bench edit {n}: this paragraph was added to time a re-index after one document changed."
    data = path.read_bytes()
    if path.suffix.lower() in (".html", ".htm"):
        found = _MAIN.search(data)
        at = found.end() if found else 0
        path.write_bytes(data[:at] + f"<p>{line}</p>".encode() + data[at:])
    else:
        path.write_bytes(data.rstrip() + f"\n\n{line}\n".encode())


def median_document(snapshot: Snapshot, prefix: str = "") -> str:
    """The source of median text length among those starting with ``prefix`` (a typical page to edit)."""
    docs = sorted((len(d.text), d.source) for d in snapshot.meta.documents.values() if d.source.startswith(prefix))
    if not docs:
        raise BenchError(f"no indexed document starts with {prefix!r}")
    return docs[len(docs) // 2][1]


def describe(snapshot: Snapshot, baseline_nodes: int | None = None, corpus: Path | None = None) -> dict[str, Any]:
    """Files, indexed documents (and those skipped), chunks, sentences, words, characters, MiniLM tokens."""
    from tokenizers import Tokenizer

    from assistant.documents import list_sources
    from assistant.embedder import MINILM_TOKENIZER

    texts = [d.text for d in snapshot.meta.documents.values()]
    tokenizer = Tokenizer.from_file(str(MINILM_TOKENIZER))
    tokenizer.no_truncation()
    tokenizer.no_padding()
    tokens = sum(len(e.ids) - 2 for e in tokenizer.encode_batch(texts))  # without [CLS] and [SEP]
    files = {p.relative_to(corpus).as_posix() for p in list_sources(corpus)} if corpus else set()
    return {
        "files": len(files), "skipped": sorted(files - set(snapshot.meta.documents)), "documents": len(texts), "chunks": len(snapshot.meta.chunks), "sentences": len(snapshot.meta.sentences),
        "words": sum(len(t.split()) for t in texts), "characters": sum(len(t) for t in texts),
        "sentence_words": sum(len(s.text.split()) for s in snapshot.meta.sentences),
        "tokens_minilm": tokens, "baseline_nodes": baseline_nodes,
    }
