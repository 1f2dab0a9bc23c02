"""Which embedder settings name: the ONNX model in this process or an OpenAI-compatible server."""

from __future__ import annotations

from typing import TYPE_CHECKING

from assistant.embedder import Embedder, TextEmbedder, resolve_model_files

if TYPE_CHECKING:
    from assistant.settings import Settings


def embedder_id(settings: Settings) -> str:
    """The model id the settings name, without loading the model or calling a server (indexes record it)."""
    if settings.embedding.backend == "openai":
        from assistant.remote_embedder import remote_model_id

        return remote_model_id(settings)
    return resolve_model_files(settings).model_id


def load_embedder(settings: Settings) -> TextEmbedder:
    """The embedder settings name, loaded and checked (raises ``EmbedderUnavailable`` saying what to do)."""
    if settings.embedding.backend == "openai":
        from assistant.remote_embedder import RemoteEmbedder

        return RemoteEmbedder.from_settings(settings)
    return Embedder.from_settings(settings)
