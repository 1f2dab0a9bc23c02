"""LLM backends behind one interface: an OpenAI-compatible endpoint, Ollama, or a GGUF run in-process.

Backends are registered by name in ``BACKENDS`` (as readers are by suffix); ``make_backend`` builds the one
``settings.llm.backend`` names. Every backend is bounded by ``settings.llm.timeout_s`` and ``max_tokens``; any failure
(unreachable, refused, timed out, missing package or model) surfaces as ``BackendError`` so the caller can fall
back to the extractive answer. Backend packages are imported only here and only when the backend is built.
"""

from __future__ import annotations

import importlib
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any, Protocol

from assistant.answer.prompts import Prompt
from assistant.errors import AssistantError

if TYPE_CHECKING:
    from assistant.settings import Settings

OLLAMA_URL = "http://127.0.0.1:11434"


class BackendError(AssistantError, RuntimeError):
    """The backend could not produce an answer; the message says why, without secrets."""


class Backend(Protocol):
    """What the generative answerer needs from a model."""

    name: str

    def complete(self, prompt: Prompt) -> str:
        """The whole reply."""
        ...

    def stream(self, prompt: Prompt) -> Iterator[str]:
        """The reply as text deltas."""
        ...


def _describe(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text[:200]


def _failed(name: str, exc: Exception) -> BackendError:
    return BackendError(f"{name} backend failed: {_describe(exc)}")


def bounded(name: str, timeout_s: float, deltas: Callable[[], Iterable[str | None]]) -> Iterator[str]:
    """The text deltas of one streamed reply, stopped with ``BackendError`` when ``timeout_s`` has passed since
    the call; any failure of the client is a ``BackendError`` too. Empty deltas are skipped."""
    deadline = time.monotonic() + timeout_s
    try:
        for delta in deltas():
            if delta:
                yield delta
            if time.monotonic() > deadline:
                raise BackendError(f"{name} backend took longer than {timeout_s:g}s")
    except BackendError:
        raise
    except Exception as exc:  # noqa: BLE001 - every client failure means "fall back"
        raise _failed(name, exc) from exc


def _load(module: str, attribute: str, backend: str, needs: str) -> Any:
    """``module.attribute``, imported when the backend is built; a missing package is a ``BackendError``."""
    try:
        return getattr(importlib.import_module(module), attribute)
    except ImportError as exc:
        raise BackendError(f"{backend} backend needs {needs}") from exc


class LlamaIndexChatBackend:
    """A llama-index chat LLM (``OpenAILike`` or ``Ollama``) with an overall deadline on streaming."""

    def __init__(self, name: str, llm: Any, timeout_s: float) -> None:
        self.name = name
        self.llm = llm
        self.timeout_s = timeout_s

    def _messages(self, prompt: Prompt) -> list[Any]:
        from llama_index.core.llms import ChatMessage

        return [ChatMessage(role=m.role, content=m.content) for m in prompt.messages]

    def complete(self, prompt: Prompt) -> str:
        """The whole reply; raises ``BackendError``."""
        try:
            response = self.llm.chat(self._messages(prompt))
        except Exception as exc:  # noqa: BLE001 - every client failure means "fall back"
            raise _failed(self.name, exc) from exc
        return response.message.content or ""

    def stream(self, prompt: Prompt) -> Iterator[str]:
        """Text deltas; raises ``BackendError`` on failure or when the deadline passes."""
        return bounded(self.name, self.timeout_s,
                       lambda: (part.delta for part in self.llm.stream_chat(self._messages(prompt))))


class LlamaCppBackend:
    """A GGUF model run in-process by llama-cpp-python, with the chat format given in settings."""

    name = "llamacpp"

    def __init__(self, settings: Settings) -> None:
        llama = _load("llama_cpp", "Llama", self.name, "llama-cpp-python: pip install '.[llamacpp]'")
        path = settings.llm.model_path
        if path is None or not path.is_file():
            raise BackendError(f"llamacpp backend needs ASSISTANT_LLM_MODEL_PATH to name a GGUF file (got {path})")
        try:
            self.llm = llama(model_path=str(path), n_ctx=settings.llm.context_tokens,
                             chat_format=settings.llm.chat_format, verbose=False)
        except Exception as exc:  # noqa: BLE001
            raise BackendError(f"llamacpp backend could not load {path.name}: {_describe(exc)}") from exc
        self.settings = settings
        self._lock = threading.Lock()  # a Llama object serves one generation at a time

    def stream(self, prompt: Prompt) -> Iterator[str]:
        """Text deltas; stops with ``BackendError`` when the deadline passes."""

        def deltas() -> Iterator[str | None]:
            with self._lock:
                chunks = self.llm.create_chat_completion(
                    messages=prompt.as_dicts(), stream=True,
                    max_tokens=self.settings.llm.max_tokens, temperature=self.settings.llm.temperature,
                )
                for chunk in chunks:
                    yield chunk["choices"][0].get("delta", {}).get("content")

        return bounded(self.name, self.settings.llm.timeout_s, deltas)

    def complete(self, prompt: Prompt) -> str:
        """The whole reply."""
        return "".join(self.stream(prompt))


def _openai(settings: Settings) -> Backend:
    openai_like = _load("llama_index.llms.openai_like", "OpenAILike", "openai", "llama-index-llms-openai-like")
    if not settings.llm.base_url:
        raise BackendError("openai backend needs ASSISTANT_LLM_BASE_URL (e.g. http://127.0.0.1:8080/v1)")
    key = settings.llm.api_key.get_secret_value() if settings.llm.api_key else "not-needed"
    llm = openai_like(
        model=settings.llm.model, api_base=settings.llm.base_url, api_key=key, is_chat_model=True,
        context_window=settings.llm.context_tokens, max_tokens=settings.llm.max_tokens,
        temperature=settings.llm.temperature, timeout=settings.llm.timeout_s, max_retries=0,
    )
    return LlamaIndexChatBackend("openai", llm, settings.llm.timeout_s)


def _ollama(settings: Settings) -> Backend:
    ollama = _load("llama_index.llms.ollama", "Ollama", "ollama", "llama-index-llms-ollama")
    llm = ollama(
        model=settings.llm.model, base_url=settings.llm.base_url or OLLAMA_URL, request_timeout=settings.llm.timeout_s,
        temperature=settings.llm.temperature, context_window=settings.llm.context_tokens,
        additional_kwargs={"num_predict": settings.llm.max_tokens},
    )
    return LlamaIndexChatBackend("ollama", llm, settings.llm.timeout_s)


BACKENDS: dict[str, Callable[[Settings], Backend]] = {"openai": _openai, "ollama": _ollama, "llamacpp": LlamaCppBackend}


def make_backend(settings: Settings) -> Backend:
    """The backend named by ``settings.llm.backend``; raises ``BackendError`` when it cannot be built."""
    build = BACKENDS.get(settings.llm.backend)
    if build is None:
        raise BackendError(f"no generative backend is called {settings.llm.backend!r}")
    return build(settings)
