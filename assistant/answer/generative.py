"""LLM backends behind one interface: an OpenAI-compatible endpoint, Ollama, or a GGUF run in-process.

Every backend is bounded by ``settings.llm_timeout_s`` and ``llm_max_tokens``; any failure (unreachable, refused,
timed out, missing package or model) surfaces as ``BackendError`` so the caller can fall back to the extractive
answer. Backend packages are imported only here and only when the backend is built.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
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
            raise BackendError(f"{self.name} backend failed: {_describe(exc)}") from exc
        return response.message.content or ""

    def stream(self, prompt: Prompt) -> Iterator[str]:
        """Text deltas; raises ``BackendError`` on failure or when the deadline passes."""
        deadline = time.monotonic() + self.timeout_s
        try:
            for part in self.llm.stream_chat(self._messages(prompt)):
                if part.delta:
                    yield part.delta
                if time.monotonic() > deadline:
                    raise BackendError(f"{self.name} backend took longer than {self.timeout_s:g}s")
        except BackendError:
            raise
        except Exception as exc:  # noqa: BLE001
            raise BackendError(f"{self.name} backend failed: {_describe(exc)}") from exc


class LlamaCppBackend:
    """A GGUF model run in-process by llama-cpp-python, with the chat format given in settings."""

    name = "llamacpp"

    def __init__(self, settings: Settings) -> None:
        try:
            from llama_cpp import Llama
        except ImportError as exc:
            raise BackendError("llamacpp backend needs llama-cpp-python: pip install '.[llamacpp]'") from exc
        path = settings.llm_model_path
        if path is None or not path.is_file():
            raise BackendError(f"llamacpp backend needs ASSISTANT_LLM_MODEL_PATH to name a GGUF file (got {path})")
        try:
            self.llm = Llama(model_path=str(path), n_ctx=settings.llm_context_tokens,
                             chat_format=settings.llm_chat_format, verbose=False)
        except Exception as exc:  # noqa: BLE001
            raise BackendError(f"llamacpp backend could not load {path.name}: {_describe(exc)}") from exc
        self.settings = settings
        self._lock = threading.Lock()  # a Llama object serves one generation at a time

    def stream(self, prompt: Prompt) -> Iterator[str]:
        """Text deltas; stops with ``BackendError`` when the deadline passes."""
        deadline = time.monotonic() + self.settings.llm_timeout_s
        with self._lock:
            try:
                chunks = self.llm.create_chat_completion(
                    messages=prompt.as_dicts(), stream=True,
                    max_tokens=self.settings.llm_max_tokens, temperature=self.settings.llm_temperature,
                )
                for chunk in chunks:
                    delta = chunk["choices"][0].get("delta", {}).get("content")
                    if delta:
                        yield delta
                    if time.monotonic() > deadline:
                        raise BackendError(f"llamacpp backend took longer than {self.settings.llm_timeout_s:g}s")
            except BackendError:
                raise
            except Exception as exc:  # noqa: BLE001
                raise BackendError(f"llamacpp backend failed: {_describe(exc)}") from exc

    def complete(self, prompt: Prompt) -> str:
        """The whole reply."""
        return "".join(self.stream(prompt))


def make_backend(settings: Settings) -> Backend:
    """The backend named by ``settings.llm``; raises ``BackendError`` when it cannot be built."""
    timeout = settings.llm_timeout_s
    if settings.llm == "openai":
        try:
            from llama_index.llms.openai_like import OpenAILike
        except ImportError as exc:
            raise BackendError("openai backend needs llama-index-llms-openai-like") from exc
        if not settings.llm_base_url:
            raise BackendError("openai backend needs ASSISTANT_LLM_BASE_URL (e.g. http://127.0.0.1:8080/v1)")
        key = settings.llm_api_key.get_secret_value() if settings.llm_api_key else "not-needed"
        llm = OpenAILike(
            model=settings.llm_model, api_base=settings.llm_base_url, api_key=key, is_chat_model=True,
            context_window=settings.llm_context_tokens, max_tokens=settings.llm_max_tokens,
            temperature=settings.llm_temperature, timeout=timeout, max_retries=0,
        )
        return LlamaIndexChatBackend("openai", llm, timeout)
    if settings.llm == "ollama":
        try:
            from llama_index.llms.ollama import Ollama
        except ImportError as exc:
            raise BackendError("ollama backend needs llama-index-llms-ollama") from exc
        llm = Ollama(
            model=settings.llm_model, base_url=settings.llm_base_url or OLLAMA_URL, request_timeout=timeout,
            temperature=settings.llm_temperature, context_window=settings.llm_context_tokens,
            additional_kwargs={"num_predict": settings.llm_max_tokens},
        )
        return LlamaIndexChatBackend("ollama", llm, timeout)
    if settings.llm == "llamacpp":
        return LlamaCppBackend(settings)
    raise BackendError(f"no generative backend is called {settings.llm!r}")
