"""Subprocesses the bench times: the real ``assistant`` command, the baseline worker, and ``assistant serve``."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from assistant import OFFLINE_ENV
from assistant.bench.stats import peak_rss_mb
from assistant.errors import AssistantError

QUIET_ENV = {**OFFLINE_ENV, "TOKENIZERS_PARALLELISM": "false", "PYTHONUNBUFFERED": "1"}


class BenchError(AssistantError, RuntimeError):
    """A step of the bench failed; the message says which and shows the process's last output."""


@dataclass(frozen=True)
class Workspace:
    """A corpus folder and an index folder; subprocesses run in ``root`` so no project ``.env`` is read."""

    root: Path
    corpus: Path
    index: Path

    def env(self) -> dict[str, str]:
        """The environment of a subprocess working on this corpus and index."""
        return {**os.environ, **QUIET_ENV, "ASSISTANT_CORPUS_DIR": str(self.corpus),
                "ASSISTANT_INDEX_DIR": str(self.index)}


@dataclass
class Run:
    """A finished subprocess: time to its first output line, to exit, peak RSS, and its output."""

    first_line_s: float
    total_s: float
    peak_rss_mb: float
    stdout: str
    returncode: int


def assistant_command() -> list[str]:
    """The ``assistant`` console script next to this interpreter, else ``python -m assistant``."""
    script = Path(sys.executable).parent / "assistant"
    return [str(script)] if script.is_file() else [sys.executable, "-m", "assistant"]


def run_timed(args: list[str], workspace: Workspace, ok_codes: tuple[int, ...] = (0,)) -> Run:
    """Run a command to completion through ``launch.py``, which times it and reads its own peak RSS (see there)."""
    result = workspace.root / f".launch-{os.getpid()}-{time.monotonic_ns()}.json"
    launcher = [sys.executable, "-S", str(Path(__file__).with_name("launch.py")), str(result)]
    proc = subprocess.run([*launcher, *args], cwd=workspace.root, env=workspace.env(), capture_output=True, text=True)
    measured = json.loads(result.read_text()) if result.is_file() else {}
    result.unlink(missing_ok=True)
    if proc.returncode not in ok_codes or not measured:
        raise BenchError(f"{' '.join(args[:4])} exited {proc.returncode}: {proc.stderr.strip()[-800:]}")
    return Run(measured["first_line_s"], measured["total_s"], round(measured["peak_rss_kb"] / 1024, 1), proc.stdout,
               proc.returncode)


def free_port() -> int:
    """A TCP port on 127.0.0.1 that was free a moment ago."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class ServeRun:
    """``assistant serve`` from process start to its first answer over the API, then warm questions."""

    first_answer_s: float
    peak_rss_mb: float | None
    latencies_s: list[float]


def serve_first_answer(workspace: Workspace, questions: list[str], timeout: float = 600) -> ServeRun:
    """Start ``assistant serve`` on a free port, poll its ``/ask`` API until an answer returns, ask the rest.

    The peak RSS is the server's VmHWM after all questions. The server is stopped (SIGINT, then SIGKILL) at the end.
    """
    from assistant.ui.http_api import ask_over_http, connect

    port = free_port()
    log = (workspace.root / f"serve-{port}.log").open("w")
    started = time.perf_counter()
    proc = subprocess.Popen([*assistant_command(), "serve", "--port", str(port)], cwd=workspace.root,
                            env=workspace.env(), stdout=log, stderr=subprocess.STDOUT)
    try:
        _wait_for_port(port, proc, started, timeout)
        with connect(f"http://127.0.0.1:{port}", timeout=timeout) as client:
            ask_over_http(client, questions[0])
            first = time.perf_counter() - started
            latencies = []
            for question in questions[1:]:
                t = time.perf_counter()
                ask_over_http(client, question)
                latencies.append(time.perf_counter() - t)
        return ServeRun(first, peak_rss_mb(proc.pid), latencies)
    finally:
        _stop(proc)
        log.close()


def _wait_for_port(port: int, proc: subprocess.Popen, started: float, timeout: float) -> None:
    """Until the server accepts connections (it does once it has warmed up and launched)."""
    while True:
        if proc.poll() is not None:
            raise BenchError(f"assistant serve exited {proc.returncode} before answering (see serve-{port}.log)")
        if time.perf_counter() - started > timeout:
            raise BenchError(f"assistant serve did not answer within {timeout:.0f}s")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.05)


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def python_module(module: str, *args: str) -> list[str]:
    """``python -m module args`` with this interpreter."""
    return [sys.executable, "-m", module, *args]

