"""Shared fixtures: offline guard, a built index of the article in a temp folder, an Assistant on it."""

from __future__ import annotations

import ipaddress
import os
import shutil
import socket
from pathlib import Path

import pytest

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
ARTICLE = CORPUS / "albania-iran-relations.txt"
_real_connect = socket.socket.connect
_real_connect_ex = socket.socket.connect_ex


def _is_loopback(address: object) -> bool:
    if isinstance(address, str | bytes):  # AF_UNIX path
        return True
    host = address[0] if isinstance(address, tuple) else address
    if host in ("localhost", ""):
        return True
    try:
        return ipaddress.ip_address(str(host).split("%")[0]).is_loopback
    except ValueError:
        return False


def _guarded(real):
    def connect(self: socket.socket, address: object):
        if self.family in (socket.AF_INET, socket.AF_INET6) and not _is_loopback(address):
            raise RuntimeError(f"test tried to open a non-loopback connection to {address!r}")
        return real(self, address)

    return connect


@pytest.fixture(autouse=True)
def _offline_guard(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail any test that opens a network connection to anything but loopback."""
    monkeypatch.setattr(socket.socket, "connect", _guarded(_real_connect))
    monkeypatch.setattr(socket.socket, "connect_ex", _guarded(_real_connect_ex))


@pytest.fixture(scope="session")
def article_settings(tmp_path_factory: pytest.TempPathFactory):
    """Settings for a temp copy of the article corpus, indexed once per session."""
    from assistant.service import Assistant
    from assistant.settings import Settings

    corpus = tmp_path_factory.mktemp("corpus")
    shutil.copy(ARTICLE, corpus / ARTICLE.name)
    settings = Settings(corpus_dir=corpus, index_dir=tmp_path_factory.mktemp("index"))
    Assistant(settings).index()
    return settings


@pytest.fixture(scope="session")
def shared_app(tmp_path_factory: pytest.TempPathFactory, article_settings):
    """A running `assistant serve` over the article and two small extra documents (ui_helpers.EXTRA_DOCS),
    shared by the reliability tests; uploads limited to 1 MB."""
    from ui_helpers import article_app

    with article_app(tmp_path_factory.mktemp("shared-ui"), ARTICLE, article_settings.paths.index_dir) as app:
        yield app


@pytest.fixture(scope="session")
def assistant(article_settings):
    """An Assistant over the session's article index."""
    from assistant.service import Assistant

    return Assistant(article_settings)
