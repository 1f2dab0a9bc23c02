"""Running the real app in tests: `python -m assistant serve` on a free 127.0.0.1 port, and its memory."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from servers import free_port, stop, wait_until_answering


def rss_mb(pid: int) -> float:
    """Resident memory of a process (VmRSS), in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmRSS for process {pid}")


def copy_index(index: Path, target: Path) -> Path:
    """A copy of a built index folder (snapshot + embedded Chroma), so a server starts without embedding."""
    shutil.copytree(index, target, ignore=shutil.ignore_patterns(".lock"))
    return target


@dataclass
class App:
    """A running `assistant serve`: its URL, process and log file."""

    url: str
    proc: subprocess.Popen
    log: Path
    work: Path

    def output(self) -> str:
        """Everything the server printed so far."""
        return self.log.read_text(encoding="utf-8", errors="replace")


def app_env(work: Path, corpus: Path, index: Path, **extra: str) -> dict[str, str]:
    """Environment of a server over ``corpus`` and ``index``: offline, no analytics, no inherited ASSISTANT_*."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("ASSISTANT_")}
    env.update(ASSISTANT_CORPUS_DIR=str(corpus), ASSISTANT_INDEX_DIR=str(index), GRADIO_TEMP_DIR=str(work / "gradio"),
               GRADIO_ANALYTICS_ENABLED="False", HF_HUB_OFFLINE="1", ANONYMIZED_TELEMETRY="False",
               PYTHONUNBUFFERED="1", **extra)
    return env


@contextmanager
def running_app(work: Path, env: dict[str, str], args: tuple[str, ...] = (), timeout: float = 300) -> Iterator[App]:
    """`python -m assistant serve --port P ARGS` started in ``work``; yields once its page answers, stops it after."""
    port = free_port()
    log_path = work / f"server-{port}.log"
    log = log_path.open("w")
    proc = subprocess.Popen([sys.executable, "-m", "assistant", "serve", "--port", str(port), *args], cwd=work,
                            env=env, stdout=log, stderr=subprocess.STDOUT)
    app = App(f"http://127.0.0.1:{port}", proc, log_path, work)
    try:
        why = wait_until_answering(app.url, proc, timeout)
        if why:
            pytest.fail(f"server {why}: {app.output()}")
        yield app
    finally:
        stop(proc, 15)
        log.close()


HOSTILE_NAME = "<img src=x onerror=window.__xss=6>.md"  # a source whose file name is HTML
EXTRA_DOCS = {
    HOSTILE_NAME: "# Mill notes\n\nThe old mill at Berat was powered by the Osum river until 1965.\n",
    "bridge.txt": "The Gorica bridge in Berat was rebuilt in 1927 with seven arches.\n",
}


@contextmanager
def article_app(work: Path, article: Path, article_index: Path) -> Iterator[App]:
    """The UI over the article (a copy of its built index) and ``EXTRA_DOCS``, uploads limited to 1 MB."""
    from assistant.service import Assistant
    from assistant.settings import Settings

    corpus = work / "corpus"
    corpus.mkdir()
    shutil.copy(article, corpus / article.name)
    for name, text in EXTRA_DOCS.items():
        (corpus / name).write_text(text, encoding="utf-8")
    index = copy_index(article_index, work / "index")
    Assistant(Settings(corpus_dir=corpus, index_dir=index)).index()  # only the extra documents are embedded
    with running_app(work, app_env(work, corpus, index, ASSISTANT_MAX_UPLOAD_MB="1")) as app:
        yield app
