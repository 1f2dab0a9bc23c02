"""A grounded, offline Q&A assistant: answers whose every sentence cites the exact words of a source."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

OFFLINE_ENV = {"ANONYMIZED_TELEMETRY": "False", "GRADIO_ANALYTICS_ENABLED": "False", "HF_HUB_OFFLINE": "1"}


def _offline_defaults() -> None:
    """Keep chromadb, Gradio and huggingface_hub from reaching out, unless the environment says otherwise; set
    here, the one place that runs before any module of the package can import them."""
    for name, value in OFFLINE_ENV.items():
        os.environ.setdefault(name, value)


_offline_defaults()

if TYPE_CHECKING:
    from assistant.schema import Answer
    from assistant.service import Assistant
    from assistant.settings import Settings

__all__ = ["OFFLINE_ENV", "Answer", "Assistant", "Settings"]


def __getattr__(name: str) -> object:
    """Lazy exports keep ``import assistant`` cheap."""
    if name == "Assistant":
        from assistant.service import Assistant

        return Assistant
    if name == "Answer":
        from assistant.schema import Answer

        return Answer
    if name == "Settings":
        from assistant.settings import Settings

        return Settings
    raise AttributeError(name)
