"""Embedding on a server: any OpenAI-compatible ``/v1/embeddings`` endpoint (llama.cpp, TEI, Infinity, vLLM).

Texts go in batches of ``embed_server_batch``, ``embed_in_flight`` requests at a time; a request that fails for a
reason that may pass (no connection, timeout, 408/429/5xx) is retried ``embed_max_retries`` times with a doubling
back-off, anything else stops the run at once. A server that sends one vector per token (llama.cpp without
pooling) has them mean-pooled here. Every failure ends as one ``EmbedderUnavailable`` line naming the
server and what to do. The model id (``openai:<embed_model>``) goes into the index fingerprint and the snapshot,
so vectors of two models are never mixed. The API key comes from env/.env only and is never shown.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, Any

import numpy as np

from assistant.embedder import EmbedderUnavailable, EmbedStats
from assistant.faults import server_address

if TYPE_CHECKING:
    import httpx

    from assistant.settings import Settings

RETRY_STATUS = frozenset({408, 425, 429, 500, 502, 503, 504})
FIRST_BACKOFF_S = 0.5


def remote_model_id(settings: Settings) -> str:
    """``openai:<model>``: what the index records for vectors from this server's model."""
    server = settings.embed_server
    if not server.url or not server.model:
        raise EmbedderUnavailable("embedder=openai needs ASSISTANT_EMBED_URL (e.g. http://127.0.0.1:8080/v1) and "
                                  "ASSISTANT_EMBED_MODEL (the model name the server serves)")
    return f"openai:{server.model}"


class _Retryable(Exception):
    """A failure that may pass if the request is sent again."""


class RemoteEmbedder:
    """Unit-length vectors from an OpenAI-compatible embeddings server."""

    def __init__(self, url: str, model: str, api_key: str | None = None, batch: int = 32, in_flight: int = 4,
                 retries: int = 4, timeout_s: float = 60.0, backoff_s: float = FIRST_BACKOFF_S) -> None:
        """Connect and embed one probe text: a server that is down or serves no embeddings fails here, clearly."""
        import httpx

        self.model_id, self.model = f"openai:{model}", model
        self.url = url.rstrip("/")
        self.batch, self.in_flight, self.retries, self.backoff_s = batch, in_flight, retries, backoff_s
        self.stats = EmbedStats()
        headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
        self._client = httpx.Client(timeout=timeout_s, headers=headers,
                                    limits=httpx.Limits(max_connections=in_flight, max_keepalive_connections=in_flight))
        self.dim = 0
        self.dim = int(self._post(["dimension probe"])[0].shape[1])

    @classmethod
    def from_settings(cls, settings: Settings) -> RemoteEmbedder:
        """The server that settings name."""
        remote_model_id(settings)
        server = settings.embed_server
        key = server.api_key.get_secret_value() if server.api_key else None
        assert server.url and server.model
        return cls(server.url, server.model, key, server.batch, server.in_flight, server.retries, server.timeout_s)

    def embed(self, texts: Sequence[str], progress: Callable[[int], None] | None = None) -> np.ndarray:
        """Vectors for ``texts``, float32, shape (len(texts), dim), in the order given."""
        started = time.perf_counter()
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        parts = [(lo, list(texts[lo:lo + self.batch])) for lo in range(0, len(texts), self.batch)]
        tokens = 0
        with ThreadPoolExecutor(self.in_flight, thread_name_prefix="embed-request") as pool:
            for (lo, part), (vectors, used) in zip(parts, pool.map(lambda p: self._post(p[1]), parts)):
                out[lo:lo + len(part)] = vectors
                tokens += used
                if progress:
                    progress(len(part))
        self.stats.add(len(texts), tokens, tokens, time.perf_counter() - started)
        return out

    def _post(self, texts: list[str]) -> tuple[np.ndarray, int]:
        """One batch, retried with back-off while the failure may pass: unit-length rows and the tokens the server
        counted (0 when it does not say)."""
        for attempt in range(self.retries + 1):
            try:
                return self._request(texts)
            except _Retryable as exc:
                if attempt == self.retries:
                    raise EmbedderUnavailable(
                        f"the embedding server at {server_address(self.url)} is not answering ({exc}) after "
                        f"{self.retries + 1} tries; start it (or fix ASSISTANT_EMBED_URL) and run the command again"
                    ) from None
                time.sleep(self.backoff_s * 2 ** attempt)
        raise AssertionError("unreachable")

    def _request(self, texts: list[str]) -> tuple[np.ndarray, int]:
        import httpx

        try:
            response = self._client.post(f"{self.url}/embeddings", json={"model": self.model, "input": texts})
        except httpx.TransportError as exc:
            raise _Retryable(" ".join(f"{type(exc).__name__}: {exc}".split())[:160]) from None
        if response.status_code in RETRY_STATUS:
            raise _Retryable(f"HTTP {response.status_code}")
        if response.status_code != 200:
            raise EmbedderUnavailable(
                f"the embedding server at {server_address(self.url)} refused the request (HTTP "
                f"{response.status_code}: {_message(response)}); check ASSISTANT_EMBED_MODEL and ASSISTANT_EMBED_API_KEY"
            )
        return self._vectors(response, len(texts))

    def _vectors(self, response: httpx.Response, n: int) -> tuple[np.ndarray, int]:
        try:
            body = response.json()
            rows = sorted(body["data"], key=lambda row: row.get("index", 0))
            vectors = np.stack([_pooled(row["embedding"]) for row in rows]) if rows else np.zeros((0, 0))
        except (ValueError, KeyError, TypeError) as exc:
            raise EmbedderUnavailable(f"the server at {server_address(self.url)} did not answer with embeddings "
                                      f"({type(exc).__name__}); is ASSISTANT_EMBED_URL an OpenAI-compatible /v1 API?"
                                      ) from None
        if vectors.ndim != 2 or len(vectors) != n or (self.dim and vectors.shape[1] != self.dim):
            raise EmbedderUnavailable(f"the server at {server_address(self.url)} sent {vectors.shape} vectors for "
                                      f"{n} texts of dimension {self.dim or 'any'}")
        usage: Any = body.get("usage") or {}
        tokens = int(usage.get("prompt_tokens") or usage.get("total_tokens") or 0)
        return vectors / np.clip(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12, None), tokens


def _pooled(embedding: list[float] | list[list[float]]) -> np.ndarray:
    """One vector: as sent, or the mean of per-token vectors (llama.cpp's server with no pooling sends those)."""
    array = np.asarray(embedding, dtype=np.float32)
    return array.mean(axis=0) if array.ndim == 2 else array


def _message(response: httpx.Response) -> str:
    """The server's error message, on one short line."""
    try:
        error = response.json().get("error")
        text = error.get("message") if isinstance(error, dict) else error
    except ValueError:
        text = response.text
    return " ".join(str(text or response.reason_phrase).split())[:200]
