"""Who may reach the chat UI: loopback is open, any other address needs a login unless ``--no-auth`` says otherwise.

Gradio-free, so ``assistant serve`` decides (and refuses) before building the index or importing Gradio.
Credentials come only from settings (``ASSISTANT_AUTH_USER`` / ``ASSISTANT_AUTH_PASSWORD``, env or ``.env``).
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from assistant.errors import AssistantError

if TYPE_CHECKING:
    from assistant.settings import Settings

CREDENTIALS_HINT = "set ASSISTANT_AUTH_USER and ASSISTANT_AUTH_PASSWORD (environment or .env)"


class ExposureRefused(AssistantError, RuntimeError):
    """Serving on this address would expose the UI without a login; the message says what to do."""


@dataclass(frozen=True)
class Exposure:
    """How the UI is served: the login Gradio asks for (None: no login) and a warning to print, if any."""

    auth: tuple[str, str] | None = field(default=None, repr=False)  # never in a repr or a log line
    warning: str | None = None


def is_loopback(host: str) -> bool:
    """True for addresses only this machine can reach (127.0.0.0/8, ::1, localhost)."""
    if host.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # a host name or "" (all interfaces): treat as reachable from outside


def decide(host: str, settings: Settings, no_auth: bool = False) -> Exposure:
    """The login for serving on ``host``; raises ``ExposureRefused`` for a non-loopback host without credentials.

    Configured credentials are used on every host, loopback included; ``no_auth`` turns the login off and, on a
    non-loopback host, comes with a warning.
    """
    user = (settings.ui.auth_user or "").strip()
    password = settings.ui.auth_password.get_secret_value() if settings.ui.auth_password else ""
    if bool(user) != bool(password) and not no_auth:
        raise ExposureRefused(f"only one of the login settings is set: {CREDENTIALS_HINT}")
    if no_auth:
        warning = None if is_loopback(host) else (
            f"WARNING: serving on {host} without a login (--no-auth): anyone who can reach this port can read the "
            "documents, ask questions and add or remove sources")
        return Exposure(None, warning)
    if user:
        return Exposure((user, password))
    if is_loopback(host):
        return Exposure()
    raise ExposureRefused(
        f"refusing to serve on {host} without a login: {CREDENTIALS_HINT}, or pass --no-auth to serve it to anyone "
        "who can reach it"
    )
