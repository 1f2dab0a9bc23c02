"""The eval's llama-index baseline (``assistant.evals.baseline``), persisted to disk, as a process of its own.

Same configuration as the eval's baseline (our ONNX embedder as a llama-index ``BaseEmbedding``,
``SentenceSplitter`` defaults, ``VectorStoreIndex`` over Chroma, dense top-2, ``Settings.llm = None``), but over a
``chromadb.PersistentClient`` folder, so that its build, disk size, memory and cold start can be measured like
ours. It reads documents with our readers, so both systems index the same text. Run as a worker::

    python -m assistant.bench.baseline build CORPUS INDEX     # prints {"nodes": N, "seconds": S}
    python -m assistant.bench.baseline ask INDEX QUESTION...  # one JSON line per question: top chunk, score
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import sys
import time
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from assistant.embedder import Embedder

COLLECTION = "baseline"


def _client(index: Path) -> Any:
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    return chromadb.PersistentClient(path=str(index), settings=ChromaSettings(anonymized_telemetry=False))


def _no_llm() -> None:
    from llama_index.core import Settings

    with contextlib.redirect_stdout(io.StringIO()):  # "LLM is explicitly disabled. Using MockLLM."
        Settings.llm = None


def read_texts(corpus: Path, max_mb: float) -> dict[str, str]:
    """Source → extracted text of every readable document up to ``max_mb``, read by our readers (unreadable ones
    are left out)."""
    from assistant.documents import UnreadableSource, list_sources, read_document

    texts = {}
    for path in list_sources(corpus):
        try:
            texts[path.relative_to(corpus).as_posix()] = read_document(path, corpus, max_mb).text
        except UnreadableSource:
            continue
    return texts


def build(embedder: Embedder, texts: Mapping[str, str], index: Path) -> int:
    """Index the texts into a fresh persistent Chroma collection the naive way; returns the number of nodes."""
    from llama_index.core import Document, StorageContext, VectorStoreIndex
    from llama_index.core.node_parser import SentenceSplitter
    from llama_index.vector_stores.chroma import ChromaVectorStore

    from assistant.evals.baseline import onnx_embedding

    _no_llm()
    client = _client(index)
    with contextlib.suppress(Exception):
        client.delete_collection(COLLECTION)
    collection = client.create_collection(COLLECTION)
    docs = [Document(text=text, id_=source, metadata={"source": source}) for source, text in sorted(texts.items())]
    VectorStoreIndex.from_documents(docs, storage_context=StorageContext.from_defaults(
        vector_store=ChromaVectorStore(chroma_collection=collection)), embed_model=onnx_embedding(embedder),
        transformations=[SentenceSplitter()])
    return collection.count()


def retriever(embedder: Embedder, index: Path) -> Any:
    """The top-k dense retriever over a persisted baseline index."""
    from llama_index.core import VectorStoreIndex
    from llama_index.vector_stores.chroma import ChromaVectorStore

    from assistant.evals.baseline import TOP_K, onnx_embedding

    _no_llm()
    store = ChromaVectorStore(chroma_collection=_client(index).get_collection(COLLECTION))
    return VectorStoreIndex.from_vector_store(store, embed_model=onnx_embedding(embedder)).as_retriever(
        similarity_top_k=TOP_K)


def main(argv: list[str] | None = None) -> int:
    """The worker: ``build`` or ``ask`` (settings such as the embedder come from ``ASSISTANT_*`` as usual)."""
    from assistant.embedder import Embedder
    from assistant.settings import Settings

    parser = argparse.ArgumentParser(prog="python -m assistant.bench.baseline", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    build_ = sub.add_parser("build")
    build_.add_argument("corpus", type=Path)
    build_.add_argument("index", type=Path)
    ask = sub.add_parser("ask")
    ask.add_argument("index", type=Path)
    ask.add_argument("questions", nargs="+")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    settings = Settings().replace(embedder="minilm-int8")  # the model as shipped: what a naive build embeds with
    embedder = Embedder.from_settings(settings)
    if args.command == "build":
        nodes = build(embedder, read_texts(args.corpus, settings.limits.max_source_mb), args.index)
        print(json.dumps({"nodes": nodes, "seconds": round(time.perf_counter() - started, 3)}))
        return 0
    top = retriever(embedder, args.index)
    for question in args.questions:
        hits = top.retrieve(question)
        print(json.dumps({"question": question, "answer": hits[0].node.get_content() if hits else "",
                          "source": hits[0].node.metadata.get("source") if hits else None,
                          "score": float(hits[0].score or 0.0) if hits else None}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
