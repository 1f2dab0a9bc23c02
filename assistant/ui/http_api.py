"""Calling the chat UI's ``/ask`` endpoint over Gradio's REST API with plain httpx (no gradio_client).

gradio_client keeps a heartbeat stream open that holds up the server's shutdown by ~5 s, and importing it costs
about half a second; the server's own warm-up call and the bench use this instead.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import httpx

from assistant.errors import AssistantError


class AskFailed(AssistantError, RuntimeError):
    """The server answered the call with an error event (the message is Gradio's)."""


def ask_over_http(client: httpx.Client, question: str, history: list[str] | None = None) -> dict[str, Any]:
    """POST the question to ``/gradio_api/call/ask``, read the event stream, return the answer's JSON contract."""
    call = client.post("/gradio_api/call/ask", json={"data": [question, history]})
    call.raise_for_status()
    event = ""
    with client.stream("GET", f"/gradio_api/call/ask/{call.json()['event_id']}") as stream:
        for line in stream.iter_lines():
            if line.startswith("event:"):
                event = line.split(":", 1)[1].strip()
            elif line.startswith("data:") and event in ("complete", "error"):
                data = json.loads(line.split(":", 1)[1] or "null")
                if event == "error":
                    raise AskFailed(str(data))
                return data[0]
    raise AskFailed("the event stream ended without an answer")


@contextmanager
def connect(base_url: str, auth: tuple[str, str] | None = None, timeout: float = 60) -> Iterator[httpx.Client]:
    """An httpx client for the UI server (closed on exit), logged in when the server asks for a password."""
    with httpx.Client(base_url=base_url, timeout=timeout) as client:
        if auth:
            client.post("/login", data={"username": auth[0], "password": auth[1]}).raise_for_status()
        yield client
