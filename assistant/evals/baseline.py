"""The ten-minute llama-index baseline, scored beside ours by ``assistant eval --baseline``.

What a user would build quickly: the same ONNX embedder wrapped as a llama-index ``BaseEmbedding``,
``SentenceSplitter`` defaults, a ``VectorStoreIndex`` over a fresh Chroma collection, dense-only top-2
retrieval, and the top chunk's text as the "answer" with one chunk-level citation. It never abstains.
Only the eval imports this module (llama_index stays off the ask path).
"""

from __future__ import annotations

import contextlib
import io
import time
import uuid
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from assistant.schema import Answer, Citation, Span

if TYPE_CHECKING:
    from assistant.embedder import Embedder

TOP_K = 2


def onnx_embedding(embedder: Embedder) -> Any:
    """Our ONNX MiniLM embedder as a llama-index ``BaseEmbedding`` (so nothing resolves to OpenAI)."""
    from llama_index.core.embeddings import BaseEmbedding
    from pydantic import PrivateAttr

    class OnnxEmbedding(BaseEmbedding):
        _embedder: Any = PrivateAttr()

        def __init__(self, model: Embedder) -> None:
            super().__init__(model_name=model.model_id)
            self._embedder = model

        @classmethod
        def class_name(cls) -> str:
            return "OnnxMiniLMEmbedding"

        def _get_query_embedding(self, query: str) -> list[float]:
            return self._embedder.embed([query])[0].tolist()

        async def _aget_query_embedding(self, query: str) -> list[float]:
            return self._get_query_embedding(query)

        def _get_text_embedding(self, text: str) -> list[float]:
            return self._embedder.embed([text])[0].tolist()

        def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
            return self._embedder.embed(texts).tolist()

    return OnnxEmbedding(embedder)


class LlamaIndexBaseline:
    """Dense top-2 retrieval over llama-index + Chroma; answers with the top chunk, cited at chunk level."""

    def __init__(self, embedder: Embedder, documents: Mapping[str, str]) -> None:
        import chromadb
        from chromadb.config import Settings as ChromaSettings
        from llama_index.core import Document, Settings, StorageContext, VectorStoreIndex
        from llama_index.core.node_parser import SentenceSplitter
        from llama_index.vector_stores.chroma import ChromaVectorStore

        started = time.perf_counter()
        with contextlib.redirect_stdout(io.StringIO()):  # "LLM is explicitly disabled. Using MockLLM."
            Settings.llm = None
        self.texts = dict(documents)
        self._client = chromadb.EphemeralClient(settings=ChromaSettings(anonymized_telemetry=False, allow_reset=False))
        self._name = f"baseline-{uuid.uuid4().hex[:12]}"
        collection = self._client.create_collection(self._name)
        store = ChromaVectorStore(chroma_collection=collection)
        self.splitter = SentenceSplitter()
        docs = [Document(text=text, id_=source, metadata={"source": source}) for source, text in sorted(self.texts.items())]
        self.index = VectorStoreIndex.from_documents(
            docs, storage_context=StorageContext.from_defaults(vector_store=store),
            embed_model=onnx_embedding(embedder), transformations=[self.splitter],
        )
        self.retriever = self.index.as_retriever(similarity_top_k=TOP_K)
        self.chunks = collection.count()
        self.build_seconds = round(time.perf_counter() - started, 2)
        self.offset_checks = 0
        self.offset_mismatches = 0

    def span(self, node: Any) -> Span:
        """The node's span in its document: ``start_char_idx``/``end_char_idx``, checked against the node text."""
        source = node.metadata["source"]
        text, start, end = self.texts[source], node.start_char_idx, node.end_char_idx
        self.offset_checks += 1
        if start is None or end is None or text[start:end] != node.get_content():
            self.offset_mismatches += 1
            found = text.find(node.get_content())
            if found >= 0:
                start, end = found, found + len(node.get_content())
        return Span(source=source, start=start or 0, end=end or 0)

    def ask(self, question: str, id: str | None = None) -> Answer:
        """The top chunk as the answer with one chunk-level citation; never abstains."""
        started = time.perf_counter()
        hits = self.retriever.retrieve(question)
        spans = [self.span(hit.node) for hit in hits]
        if not hits:
            return Answer(id=id, question=question, answer="", abstained=False)
        top = spans[0]
        quote = self.texts[top.source][top.start:top.end]
        citation = Citation(n=1, source=top.source, start=top.start, end=top.end, quote=quote,
                            score=round(float(hits[0].score or 0.0), 4))
        return Answer(id=id, question=question, answer=f"{hits[0].node.get_content()} [1]", abstained=False,
                      citations=[citation], retrieved=spans, seconds=round(time.perf_counter() - started, 4))

    def config(self) -> dict[str, Any]:
        """How the baseline was built, for the report."""
        from importlib.metadata import version

        return {
            "framework": f"llama-index-core {version('llama-index-core')}, "
                         f"llama-index-vector-stores-chroma {version('llama-index-vector-stores-chroma')}",
            "embedder": "the same ONNX MiniLM embedder, wrapped as a llama-index BaseEmbedding",
            "splitter": f"SentenceSplitter defaults (chunk_size={self.splitter.chunk_size}, "
                        f"chunk_overlap={self.splitter.chunk_overlap})",
            "store": "VectorStoreIndex over a fresh chromadb EphemeralClient collection (ChromaVectorStore)",
            "retrieval": f"dense only, similarity_top_k={TOP_K}",
            "answer": "top chunk text + one chunk-level citation; never abstains; Settings.llm = None",
            "chunks": self.chunks, "build_seconds": self.build_seconds,
            "offset_checks": self.offset_checks, "offset_mismatches": self.offset_mismatches,
        }

    def close(self) -> None:
        """Drop the temporary collection."""
        with contextlib.suppress(Exception):
            self._client.delete_collection(self._name)
