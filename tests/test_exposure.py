"""Exposure: loopback is open, other addresses need a login (or an explicit --no-auth); secrets stay out of logs
and reports. The login is tested on a real `assistant serve` bound to 127.0.0.1 with credentials configured
(configured credentials apply on every host), so no test binds a non-loopback address."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from assistant.schema import Answer
from assistant.settings import Settings
from assistant.ui.exposure import ExposureRefused, decide, is_loopback

from conftest import ARTICLE, ROOT
from reindex_helpers import env_for, run_cli
from reliability_helpers import record, short
from servers import free_port
from ui_helpers import App, app_env, copy_index, running_app

USER, PASSWORD = "alice", "pw-Zq81-not-a-real-one"
API_KEY = "sk-test-3f9c2b7e-never-print-me"
QUESTION = "When did Albania recognize Israel?"


@pytest.mark.parametrize("host", ["127.0.0.1", "127.0.0.2", "localhost", "::1", "[::1]"])
def test_loopback_needs_no_login(host: str) -> None:
    assert is_loopback(host)
    exposure = decide(host, Settings())
    assert exposure.auth is None and exposure.warning is None


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "", "192.168.1.20", "10.0.0.5", "example.org"])
def test_other_addresses_refuse_without_credentials(host: str) -> None:
    with pytest.raises(ExposureRefused, match="ASSISTANT_AUTH_USER and ASSISTANT_AUTH_PASSWORD.*--no-auth"):
        decide(host, Settings())
    exposure = decide(host, Settings(auth_user=USER, auth_password=PASSWORD))
    assert exposure.auth == (USER, PASSWORD) and PASSWORD not in repr(exposure)
    opened = decide(host, Settings(), no_auth=True)
    assert opened.auth is None and opened.warning and "WARNING" in opened.warning and "without a login" in opened.warning


def test_half_configured_login_is_refused() -> None:
    with pytest.raises(ExposureRefused, match="only one of the login settings"):
        decide("127.0.0.1", Settings(auth_user=USER))
    assert decide("127.0.0.1", Settings(auth_user=USER, auth_password=PASSWORD)).auth == (USER, PASSWORD)


def test_serve_on_all_interfaces_without_credentials_refuses_before_doing_anything(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(ARTICLE, corpus / ARTICLE.name)
    done = run_cli(["serve", "--host", "0.0.0.0", "--port", str(free_port())], env_for(corpus, tmp_path / "index"),
                   timeout=120)
    assert done.returncode == 1
    assert done.stderr.startswith("error: refusing to serve on 0.0.0.0 without a login")
    assert "--no-auth" in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "index").exists(), "it built the index before refusing"
    from assistant.cli import build_parser

    assert build_parser().parse_args(["serve", "--host", "0.0.0.0", "--no-auth"]).no_auth
    record("exposure-cli", [{"case": "assistant serve --host 0.0.0.0, no credentials", "channel": "CLI",
                             "expected": "refuses, says how", "actual": f"exit 1: {short(done.stderr, 120)}"}])


@pytest.fixture(scope="module")
def secured(tmp_path_factory: pytest.TempPathFactory, article_settings) -> Iterator[App]:
    """The UI on 127.0.0.1 with a login configured (env), over a copy of the article index."""
    work = tmp_path_factory.mktemp("secured")
    corpus = work / "corpus"
    corpus.mkdir()
    shutil.copy(ARTICLE, corpus / ARTICLE.name)
    env = app_env(work, corpus, copy_index(article_settings.paths.index_dir, work / "index"),
                  ASSISTANT_AUTH_USER=USER, ASSISTANT_AUTH_PASSWORD=PASSWORD, ASSISTANT_LLM_API_KEY=API_KEY)
    with running_app(work, env) as app:
        yield app


def test_login_is_required_and_works(secured: App) -> None:
    from gradio_client import Client

    anonymous = httpx.post(f"{secured.url}/gradio_api/call/ask", json={"data": [QUESTION, None]}, timeout=30)
    assert anonymous.status_code in (401, 403)
    config = httpx.get(f"{secured.url}/config", timeout=30)
    assert config.status_code in (401, 403)
    upload = httpx.post(f"{secured.url}/gradio_api/upload", files={"files": ("a.txt", b"x", "text/plain")}, timeout=30)
    assert upload.status_code in (401, 403)
    with pytest.raises(Exception):  # noqa: B017 - gradio_client raises a plain error when it cannot log in
        Client(secured.url, verbose=False, auth=(USER, "wrong-password"))
    answer = Answer.model_validate(Client(secured.url, verbose=False, auth=(USER, PASSWORD)).predict(
        question=QUESTION, history=None, api_name="/ask"))
    assert "1949" in answer.answer
    log = secured.output()
    assert PASSWORD not in log and API_KEY not in log and "warm-up through the UI server failed" not in log
    record("exposure-login", [
        {"case": "login configured, 127.0.0.1: /ask, /config, /upload without login", "channel": "httpx",
         "expected": "rejected", "actual": f"HTTP {anonymous.status_code}, {config.status_code}, {upload.status_code}"},
        {"case": "gradio_client with a wrong password", "channel": "gradio_client", "expected": "rejected",
         "actual": "login error"},
        {"case": "gradio_client with the login", "channel": "gradio_client /ask", "expected": "answered",
         "actual": short(answer.answer, 60)},
        {"case": "server log", "channel": "log file", "expected": "no password, no API key", "actual": "neither present"}])


def test_settings_never_show_secrets() -> None:
    settings = Settings(llm_api_key=API_KEY, auth_password=PASSWORD)
    for text in (repr(settings), str(settings), settings.model_dump_json(), json.dumps(settings.model_dump(mode="json"))):
        assert API_KEY not in text and PASSWORD not in text


def test_eval_report_never_contains_the_api_key(tmp_path: Path, article_settings) -> None:
    """`assistant eval` with an API key set and an LLM backend that is down (each answer falls back with a
    notice that quotes the backend's error): no output file, and neither stdout nor stderr, holds the key."""
    closed = free_port()
    questions = (ROOT / "evals" / "questions.jsonl").read_text(encoding="utf-8").splitlines(keepends=True)[:3]
    (tmp_path / "set.jsonl").write_text("".join(questions), encoding="utf-8")
    env = env_for(article_settings.paths.corpus_dir, article_settings.paths.index_dir, ASSISTANT_LLM_API_KEY=API_KEY,
                  ASSISTANT_LLM="openai", ASSISTANT_LLM_BASE_URL=f"http://127.0.0.1:{closed}/v1",
                  ASSISTANT_AUTH_PASSWORD=PASSWORD)
    done = run_cli(["eval", "--set", str(tmp_path / "set.jsonl"), "--out", str(tmp_path / "out")], env)
    assert done.returncode in (0, 1), done.stderr  # 1: a figure under a threshold on 3 questions is fine here
    written = [p for p in (tmp_path / "out").rglob("*") if p.is_file()]
    assert any(p.name == "report.json" for p in written)
    leaks = [p.name for p in written if API_KEY.encode() in p.read_bytes() or PASSWORD.encode() in p.read_bytes()]
    assert leaks == [] and API_KEY not in done.stdout + done.stderr and PASSWORD not in done.stdout + done.stderr
    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    assert report["settings"]["llm"]["api_key"] == report["settings"]["ui"]["auth_password"] == "<redacted>"
    record("exposure-secrets", [{"case": "assistant eval with ASSISTANT_LLM_API_KEY set, LLM backend down",
                                 "channel": "CLI eval → report.json/md/png, results", "expected": "key in no file",
                                 "actual": f"{len(written)} files written, key in none; settings.llm.api_key = "
                                           f"{report['settings']['llm']['api_key']}"}])
