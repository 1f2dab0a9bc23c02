"""``assistant serve``: build the index if missing, warm the models, then serve the chat UI on host:port."""

from __future__ import annotations

import socket
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.errors import AssistantError
from assistant.interrupts import raise_if_swallowed

if TYPE_CHECKING:
    from assistant.service import Assistant
    from assistant.ui.exposure import Exposure

REPORTS_DIR = Path("evals/reports")
EVAL_SET = Path("evals/questions.jsonl")


class ServeError(AssistantError, OSError):
    """The chat UI cannot listen where asked (port in use, unknown host); the message says what to do."""


def check_listen(host: str, port: int) -> None:
    """Raise ``ServeError`` unless ``host:port`` can be listened on (checked before the index is built)."""
    try:
        infos = socket.getaddrinfo(host or None, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
        family, kind, proto, _, address = infos[0]
        with socket.socket(family, kind, proto) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server will
            probe.bind(address)
    except OSError as exc:
        why = exc.strerror or str(exc)
        raise ServeError(f"cannot listen on {host}:{port} ({why}): choose another port with --port (or "
                         "ASSISTANT_SERVE_PORT), or an address of this machine with --host") from None


def warm_up(assistant: Assistant) -> float:
    """Build the index if missing and load everything a first question needs; returns the seconds taken."""
    started = time.perf_counter()
    assistant.ensure_index()
    assistant.warm_up()
    assistant.ask("warm-up question about the documents")
    return time.perf_counter() - started


def warm_gradio(host: str, port: int, auth: tuple[str, str] | None = None) -> None:
    """One ``/ask`` call through Gradio's queue: the first person's question then skips Gradio's first-event cost
    (about 1.5 s here)."""
    import httpx

    from assistant.ui.http_api import AskFailed, ask_over_http, connect

    local = "127.0.0.1" if host in ("0.0.0.0", "", "::") else host
    try:
        with connect(f"http://{local}:{port}", auth) as client:
            ask_over_http(client, "warm-up")
    except (httpx.HTTPError, AskFailed, KeyError, ValueError) as exc:  # a failed warm-up only costs time
        print(f"warm-up through the UI server failed ({exc}); serving anyway", file=sys.stderr)


def serve(host: str, port: int, assistant: Assistant | None = None, block: bool = True,  # noqa: ANN201 - gr.Blocks
          exposure: Exposure | None = None):
    """Start the app; with ``block=False`` return the running Blocks (tests, embedding).

    ``exposure``: the login decided for ``host`` (``exposure.decide``); decided here when not given, so a
    non-loopback host without credentials raises ``ExposureRefused`` before anything starts.
    """
    from assistant.service import Assistant
    from assistant.ui.exposure import decide

    assistant = assistant or Assistant.from_settings()
    exposure = exposure or decide(host, assistant.settings)
    if exposure.warning:
        print(exposure.warning, file=sys.stderr, flush=True)
    if not assistant.has_index():
        print("No index yet: building it first.", file=sys.stderr)
    seconds = warm_up(assistant)
    raise_if_swallowed()  # a Ctrl-C during the start-up ends it, even one Python would have swallowed
    print(f"Index and models ready in {seconds:.1f} s.", file=sys.stderr)

    from assistant.ui.app import build_app, launch_kwargs

    demo = build_app(assistant, REPORTS_DIR, EVAL_SET)
    raise_if_swallowed()  # and one during gradio's imports
    demo.queue(default_concurrency_limit=4)
    demo.launch(server_name=host, server_port=port, prevent_thread_lock=True, quiet=True, inbrowser=False,
                share=False, show_error=True, auth=exposure.auth,
                **launch_kwargs(assistant.settings.limits.max_upload_mb, REPORTS_DIR))
    try:  # from here on the server runs: Ctrl-C stops it, whenever it comes (not an interrupted start-up)
        warm_gradio(host, port, exposure.auth)
        print(f"Chat UI on http://{host}:{port}  (Ctrl-C to stop)", file=sys.stderr, flush=True)
        if block:
            demo.block_thread()
    except KeyboardInterrupt:
        demo.close()
    return demo
