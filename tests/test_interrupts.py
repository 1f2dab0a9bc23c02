"""A Ctrl-C raised where Python cannot propagate it (a ``__del__`` or a weakref callback, as an import lock's
clean-up) is recorded without a printed traceback and raised again at the next checkpoint (assistant.interrupts)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from assistant.interrupts import catch_swallowed, raise_if_swallowed

_SCRIPT = """
import sys
from assistant.interrupts import catch_swallowed, raise_if_swallowed

class Clean:
    def __del__(self):
        raise KeyboardInterrupt

catch_swallowed()
Clean()  # its clean-up runs at once, and its KeyboardInterrupt cannot propagate
print("went on")
try:
    raise_if_swallowed()
except KeyboardInterrupt:
    print("interrupted")
"""


def test_a_swallowed_ctrl_c_is_kept_for_the_next_checkpoint() -> None:
    done = subprocess.run([sys.executable, "-c", _SCRIPT], capture_output=True, text=True, timeout=60)
    assert done.stdout.split() == ["went", "on", "interrupted"]
    assert "Traceback" not in done.stderr and "Exception ignored" not in done.stderr, done.stderr


def test_no_checkpoint_raises_without_a_swallowed_ctrl_c() -> None:
    catch_swallowed()
    catch_swallowed()  # installed once
    raise_if_swallowed()
    assert getattr(sys.unraisablehook, "catches_interrupts", False)


def test_other_unraisable_errors_still_reach_the_previous_hook() -> None:
    done = subprocess.run([sys.executable, "-c", _SCRIPT.replace("KeyboardInterrupt\n\ncatch", "ValueError\n\ncatch")],
                          capture_output=True, text=True, timeout=60)
    assert "ValueError" in done.stderr and done.stdout.split() == ["went", "on"]
