"""A real `chroma run` server on a loopback port, for the server-mode tests (started and stopped here)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from servers import stop, wait_until_answering

CHROMA = Path(sys.executable).with_name("chroma")


def start_chroma(port: int, data: Path, timeout: float = 60) -> subprocess.Popen:
    """Start `chroma run` on 127.0.0.1:port with its data in ``data``; returns once its heartbeat answers."""
    assert CHROMA.is_file(), f"the chroma CLI is missing at {CHROMA}"
    proc = subprocess.Popen([str(CHROMA), "run", "--path", str(data), "--host", "127.0.0.1", "--port", str(port)],
                            env={**os.environ, "ANONYMIZED_TELEMETRY": "False"}, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    why = wait_until_answering(f"http://127.0.0.1:{port}/api/v2/heartbeat", proc, timeout, interval=0.2)
    if why:
        stop(proc)
        raise AssertionError(f"chroma run on port {port} {why}")
    return proc
