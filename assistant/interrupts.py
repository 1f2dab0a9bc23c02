"""A Ctrl-C that Python would swallow. A ``KeyboardInterrupt`` raised while a weakref callback or a ``__del__`` runs
(an import lock's clean-up, in the middle of building an index) cannot propagate: Python prints it as "Exception
ignored in ..." with a traceback and goes on, so ``serve`` would finish starting up and block as if never interrupted.
``catch_swallowed`` records such an interrupt instead, printing nothing; ``raise_if_swallowed`` raises it again where
it can end the command (``serve`` before it starts listening).
"""

from __future__ import annotations

import sys
from typing import Any


class _Swallowed:
    """Whether a Ctrl-C was swallowed since ``catch_swallowed``."""

    seen = False


def catch_swallowed() -> None:
    """Route a swallowed ``KeyboardInterrupt`` to ``raise_if_swallowed`` (other unraisable errors as before)."""
    previous = sys.unraisablehook
    if getattr(previous, "catches_interrupts", False):
        return

    def hook(unraisable: Any) -> None:
        if isinstance(unraisable.exc_value, KeyboardInterrupt):
            _Swallowed.seen = True
            return
        previous(unraisable)

    hook.catches_interrupts = True  # type: ignore[attr-defined]
    sys.unraisablehook = hook


def raise_if_swallowed() -> None:
    """Raise the Ctrl-C that was swallowed, if one was (once)."""
    if _Swallowed.seen:
        _Swallowed.seen = False
        raise KeyboardInterrupt
