"""A vector store that fails (a Chroma server gone away, an embedded store that cannot be opened) → one clear error.

``store_errors`` wraps the ``Assistant`` calls that touch Chroma. In server mode a failure is checked against the
server's heartbeat: when the server does not answer, the error says so and what to do; the same ``Assistant``
works again as soon as the server is back (chromadb's HTTP client reconnects on the next request). Other errors
pass through unchanged. Nothing here imports chromadb.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from assistant.errors import AssistantError

if TYPE_CHECKING:
    from assistant.settings import Settings

HEARTBEAT = "/api/v2/heartbeat"


class StoreUnavailable(AssistantError, RuntimeError):
    """The vector store cannot be used right now; the message says why and what to do."""


def server_address(url: str) -> str:
    """``scheme://host:port`` of a URL, without credentials or path (safe to show and log)."""
    parts = urlsplit(url)
    port = f":{parts.port}" if parts.port else ""
    return f"{parts.scheme}://{parts.hostname}{port}"


def server_down(url: str, timeout: float = 3.0) -> str | None:
    """Why the Chroma server at ``url`` does not answer its heartbeat, or None when it does."""
    import httpx

    try:
        httpx.get(server_address(url) + HEARTBEAT, timeout=timeout).raise_for_status()
    except httpx.HTTPError as exc:
        return " ".join(f"{type(exc).__name__}: {exc}".split())[:200]
    return None


@contextmanager
def store_errors(settings: Settings) -> Iterator[None]:
    """Raise ``StoreUnavailable`` for a Chroma server that is down or an embedded store chromadb cannot open."""
    try:
        yield
    except StoreUnavailable:
        raise
    except Exception as exc:
        if settings.chroma_url:
            reason = server_down(settings.chroma_url)
            if reason is not None:
                raise StoreUnavailable(
                    f"the Chroma server at {server_address(settings.chroma_url)} is not answering ({reason}); "
                    "start it again: questions work again as soon as it answers"
                ) from exc
        elif type(exc).__module__.split(".")[0] == "chromadb":
            folder = settings.index_path / "chroma"
            raise StoreUnavailable(
                f"the vector store in {folder} cannot be opened ({' '.join(str(exc).split())[:200]}); "
                f"delete that folder and rebuild it with: assistant index"
            ) from exc
        raise
