"""A grounded, offline Q&A assistant: answers whose every sentence cites the exact words of a source."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("HF_HUB_OFFLINE", "1")

if TYPE_CHECKING:
    from assistant.schema import Answer
    from assistant.service import Assistant
    from assistant.settings import Settings

__all__ = ["Answer", "Assistant", "Settings"]


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
