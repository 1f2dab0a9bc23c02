"""Real servers the tests start on loopback ports (the chat UI, `chroma run`, llama.cpp): a free port, waiting
until one answers, stopping it."""

from __future__ import annotations

import subprocess
import time

import httpx

from assistant.bench.procs import free_port  # one implementation for the bench and the tests

__all__ = ["free_port", "stop", "wait_until_answering"]


def wait_until_answering(url: str, proc: subprocess.Popen, timeout: float, interval: float = 0.5) -> str:
    """Poll GET ``url`` until it answers 200: then "", else why not ("exited with 1", "did not answer within 60 s")."""
    deadline = time.monotonic() + timeout
    while True:
        if proc.poll() is not None:
            return f"exited with {proc.returncode}"
        try:
            if httpx.get(url, timeout=2).status_code == 200:
                return ""
        except httpx.HTTPError:
            pass
        if time.monotonic() > deadline:
            return f"did not answer within {timeout:.0f} s"
        time.sleep(interval)


def stop(proc: subprocess.Popen, timeout: float = 10) -> None:
    """Terminate a server process, killing it if it does not exit in time."""
    proc.terminate()
    try:
        proc.wait(timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
