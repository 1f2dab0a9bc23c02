"""Grouped settings behind flat names: every ``ASSISTANT_*`` variable, ``.env`` line and keyword still sets its
field; a bad value names its flat variable in one line; overrides and the index fingerprint behave as before."""

from __future__ import annotations

import hashlib
import json
import os
import types
from pathlib import Path
from typing import Any, Literal, Union, get_args, get_origin

import pytest
from pydantic import SecretStr

from assistant.errors import SettingsError
from assistant.indexer import PIPELINE_VERSION, fingerprint
from assistant.nlp import TAGS_VERSION
from assistant.service import Assistant
from assistant.settings import FLAT, Settings
from assistant.settings_env import Flat
from assistant.settings_errors import WHERE, unknown_variables

# Every variable the flat Settings of before the grouping read; each must still set a field.
LEGACY_NAMES = """
    CORPUS_DIR INDEX_DIR COLLECTION CHROMA_URL EMBEDDER EMBEDDER_MODEL_PATH EMBEDDER_TOKENIZER_PATH EMBED_BATCH_SIZE
    EMBED_MAX_TOKENS CHUNK_MIN_WORDS CHUNK_MAX_WORDS CHUNK_OVERLAP_SENTENCES INDEX_BATCH_CHUNKS FETCH_TIMEOUT_SECONDS
    MAX_FETCH_BYTES MAX_SOURCE_MB TOP_K SECOND_LOOK_TOP_K CANDIDATES_PER_RETRIEVER RRF_K LLM LLM_BASE_URL LLM_MODEL
    LLM_API_KEY LLM_MODEL_PATH LLM_CHAT_FORMAT LLM_CONTEXT_TOKENS LLM_TIMEOUT_S LLM_MAX_TOKENS LLM_TEMPERATURE
    LLM_PASSAGES LLM_GATE KEEP_UNSUPPORTED MAX_ANSWER_SENTENCES MAX_QUESTION_CHARS SERVE_HOST SERVE_PORT MAX_UPLOAD_MB
    AUTH_USER AUTH_PASSWORD UI_EXAMPLES
""".split()
# Added since (issue 14: embedding sessions, chunk vectors, an embeddings server; issue 12: announced lists).
NEW_NAMES = """
    EMBED_THREADS CHUNK_VECTORS EMBED_URL EMBED_MODEL EMBED_API_KEY EMBED_SERVER_BATCH EMBED_IN_FLIGHT EMBED_MAX_RETRIES
    EMBED_TIMEOUT_S ANSWER_LIST_REACH ANSWER_OUTPUT_LINES MODEL_CACHE
""".split()
URLS = {"chroma_url": "http://127.0.0.1:8001", "llm_base_url": "http://127.0.0.1:8002/v1",
        "embed_url": "http://127.0.0.1:8003/v1"}


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No ``ASSISTANT_*`` variable from the outer environment, and no ``.env`` but the test's own."""
    for name in [n for n in os.environ if n.upper().startswith("ASSISTANT_")]:
        monkeypatch.delenv(name)
    monkeypatch.chdir(tmp_path)


def _kinds(annotation: Any) -> list[Any]:
    if get_origin(annotation) in (Union, types.UnionType):
        return [a for a in get_args(annotation) if a is not type(None)]
    return [annotation]


def _bound(flat: Flat, key: str) -> Any:
    return next((getattr(m, key) for m in flat.info.metadata if getattr(m, key, None) is not None), None)


def other_value(name: str, flat: Flat) -> tuple[str, Any]:
    """A valid value unlike the field's default: as typed in the environment, and as the field then holds it."""
    kind, default = _kinds(flat.info.annotation)[0], flat.info.get_default(call_default_factory=True)
    if name in URLS:
        return URLS[name], URLS[name]
    if get_origin(kind) is Literal:
        choice = next(c for c in get_args(kind) if c != default)
        return choice, choice
    if kind is bool:
        return str(not default).lower(), not default
    if kind in (int, float):
        high = _bound(flat, "le")
        value = default - 1 if high is not None and default + 1 > high else default + 1
        return str(value), value
    if kind is Path:
        return f"/srv/{name}", Path(f"/srv/{name}")
    if get_origin(kind) is list:
        return json.dumps([f"{name} one", f"{name} two"]), [f"{name} one", f"{name} two"]
    return f"{name}-value", f"{name}-value"  # str and SecretStr


def held(settings: Settings, flat: Flat) -> Any:
    value = getattr(getattr(settings, flat.group), flat.field)
    return value.get_secret_value() if isinstance(value, SecretStr) else value


def test_the_flat_names_are_the_legacy_names() -> None:
    assert sorted(n.upper() for n in FLAT) == sorted(LEGACY_NAMES + NEW_NAMES)
    assert {flat.group for flat in FLAT.values()} == set(Settings.model_fields)


@pytest.mark.parametrize("channel", ["environment", ".env", "keyword"])
def test_every_flat_name_sets_its_field(channel: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """One setting at a time, by env variable, ``.env`` line or keyword: its field changes, no other does."""
    defaults = Settings().model_dump()
    wrong = []
    for name, flat in FLAT.items():
        typed, expected = other_value(name, flat)
        if channel == "environment":
            monkeypatch.setenv(f"ASSISTANT_{name.upper()}", typed)
            settings = Settings()
            monkeypatch.delenv(f"ASSISTANT_{name.upper()}")
        elif channel == ".env":
            (tmp_path / ".env").write_text(f"ASSISTANT_{name.upper()}='{typed}'\n")
            settings = Settings()
        else:
            settings = Settings(**{name: expected})
        dumped = settings.model_dump()
        changed = {(g, f) for g, fields in dumped.items() for f, v in fields.items() if v != defaults[g][f]}
        if held(settings, flat) != expected or changed != {(flat.group, flat.field)}:
            wrong.append(f"{name}: {held(settings, flat)!r}, changed {sorted(changed)}")
    assert wrong == []


def test_groups_read_from_env_and_dot_env_together(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    (tmp_path / ".env").write_text("ASSISTANT_LLM_MODEL=from-dotenv\nASSISTANT_TOP_K=7\nASSISTANT_LLM=ollama\n")
    monkeypatch.setenv("ASSISTANT_TOP_K", "9")  # the environment wins over .env
    monkeypatch.setenv("ASSISTANT_LLM_TIMEOUT_S", "5")
    settings = Settings()
    assert (settings.retrieval.top_k, settings.llm.backend, settings.llm.model, settings.llm.timeout_s) == (
        9, "ollama", "from-dotenv", 5.0)
    assert Settings(_env_file=None).llm.model == "local"


def _bad_value(flat: Flat) -> str | None:
    """A value the field refuses, or None for free text and paths (any string is one of those)."""
    kind = _kinds(flat.info.annotation)[0]
    if kind in (str, Path, SecretStr):
        return None
    if kind in (int, float):
        low, high = _bound(flat, "ge"), _bound(flat, "le")
        return str(high + 1) if high is not None else str((low if low is not None else 1) - 1)
    return "not-json" if get_origin(kind) is list else "bogus"


@pytest.mark.parametrize("by", ["environment", "keyword"])
def test_a_bad_value_names_its_flat_variable_in_one_line(by: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every field with a type or range to break, in each group: the error names ASSISTANT_<NAME> and its value."""
    checked, wrong = set(), []
    for name, flat in FLAT.items():
        bad = _bad_value(flat)
        if bad is None:
            continue
        env = f"ASSISTANT_{name.upper()}"
        if by == "keyword" and get_origin(_kinds(flat.info.annotation)[0]) is list:
            continue  # a JSON list is parsed from the environment only
        if by == "environment":
            monkeypatch.setenv(env, bad)
        with pytest.raises(SettingsError) as caught:
            Settings() if by == "environment" else Settings(**{name: bad})
        monkeypatch.delenv(env, raising=False)
        text = str(caught.value)
        if not (text.startswith(env) and "must be" in text and text.endswith(f"({WHERE})")) or "\n" in text:
            wrong.append(text)
        checked.add(flat.group)
    assert wrong == []
    assert checked == set(Settings.model_fields)  # every group has one (paths: the Chroma URL)


def test_nested_validators_name_the_flat_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ASSISTANT_COLLECTION", "a b")
    monkeypatch.setenv("ASSISTANT_LLM_BASE_URL", "localhost:8080")
    monkeypatch.setenv("ASSISTANT_LLM_MAX_TOKENS", "9")
    with pytest.raises(SettingsError) as caught:
        Settings()
    assert str(caught.value) == (
        "ASSISTANT_COLLECTION='a b': must be 3-512 letters, digits, '.', '_' or '-', starting and ending with a letter "
        "or digit; ASSISTANT_LLM_BASE_URL='localhost:8080': must be an http:// or https:// URL with a host, e.g. "
        "http://127.0.0.1:8000; ASSISTANT_LLM_MAX_TOKENS='9': must be a whole number from 16 to 4096 "
        "(fix it in the environment or .env)")


def test_keywords_override_env_field_by_field(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("ASSISTANT_INDEX_DIR", str(tmp_path / "from-env"))
    monkeypatch.setenv("ASSISTANT_TOP_K", "9")
    settings = Settings(corpus_dir=tmp_path / "docs", top_k=3)
    assert settings.paths.corpus_dir == tmp_path / "docs" and settings.paths.index_dir == tmp_path / "from-env"
    assert settings.retrieval.top_k == 3
    grouped = Settings(paths={"corpus_dir": tmp_path / "docs"}, llm={"model": "m"}, llm_api_key="sk-1")
    assert grouped.paths.index_dir == tmp_path / "from-env" and grouped.llm.model == "m"
    assert grouped.llm.api_key is not None and grouped.llm.api_key.get_secret_value() == "sk-1"
    assert Settings(llm="openai").llm.backend == "openai"  # ASSISTANT_LLM, not the group
    with pytest.raises(TypeError, match="no setting is called topk"):
        Settings(topk=3)
    with pytest.raises(SettingsError, match=r"retrieval\.topk: Extra inputs are not permitted"):
        Settings(retrieval={"topk": 3})


def test_replace_is_a_validated_copy(tmp_path: Path) -> None:
    base = Settings(llm_api_key="sk-2", top_k=4)
    copy = base.replace(llm="openai", rrf_k=10, llm_base_url="http://127.0.0.1:9/v1")
    assert (copy.llm.backend, copy.retrieval.top_k, copy.retrieval.rrf_k, copy.llm.base_url) == (
        "openai", 4, 10, "http://127.0.0.1:9/v1")
    assert copy.llm.api_key is not None and copy.llm.api_key.get_secret_value() == "sk-2"
    assert (base.llm.backend, base.retrieval.rrf_k) == ("extractive", 60)
    assert base.replace(retrieval={"rrf_k": 7}).retrieval.top_k == 4  # a group dict is merged into the group
    with pytest.raises(SettingsError, match="ASSISTANT_TOP_K=0: must be a whole number from 1 to 50"):
        base.replace(top_k=0)
    with pytest.raises(TypeError, match="no setting is called top"):
        base.replace(top=1)
    assistant = Assistant.from_settings(base, index_dir=tmp_path / "index", max_upload_mb=2)
    assert assistant.settings.paths.index_dir == tmp_path / "index" and assistant.settings.limits.max_upload_mb == 2
    assert assistant.settings.retrieval.top_k == 4


def test_fingerprint_keeps_its_key() -> None:
    """With text vectors, the fingerprint of unchanged values is the one the flat settings gave (indexes built
    before stay valid); late chunking (the default) and sentence-made chunk vectors each have a key of their own."""
    def legacy(model_id: str, min_words: int, max_words: int, overlap: int, tokens: int) -> str:
        key = f"{PIPELINE_VERSION}|{TAGS_VERSION}|{model_id}|{min_words}|{max_words}|{overlap}|{tokens}"
        return hashlib.sha256(key.encode()).hexdigest()[:16]

    assert fingerprint(Settings(chunk_vectors="text"), "model-x") == legacy("model-x", 60, 200, 1, 256)
    changed = Settings(chunk_min_words=50, chunk_max_words=300, chunk_overlap_sentences=2, embed_max_tokens=128,
                       chunk_vectors="text")
    assert fingerprint(changed, "model-x") == legacy("model-x", 50, 300, 2, 128)
    unrelated = Settings(top_k=9, llm="ollama", index_batch_chunks=8, corpus_dir="elsewhere")
    assert fingerprint(unrelated, "model-x") == fingerprint(Settings(), "model-x")
    modes = {fingerprint(Settings(chunk_vectors=mode), "model-x") for mode in ("text", "sentences", "tokens")}
    default = fingerprint(Settings(), "model-x")
    assert len(modes) == 3 and default == fingerprint(Settings(chunk_vectors="tokens"), "model-x")


def test_unknown_names_get_the_nearest_flat_name() -> None:
    names = ["ASSISTANT_LLM_MODLE", "ASSISTANT_RETRIEVAL", "ASSISTANT_TOP_K", "PATH"]
    assert unknown_variables(names, FLAT) == [
        "warning: ASSISTANT_LLM_MODLE is not a setting and is ignored (did you mean ASSISTANT_LLM_MODEL?)",
        "warning: ASSISTANT_RETRIEVAL is not a setting and is ignored"]


def test_secrets_stay_hidden_in_groups() -> None:
    settings = Settings(llm_api_key="sk-3", auth_password="pw-3")
    assert isinstance(settings.llm.api_key, SecretStr) and isinstance(settings.ui.auth_password, SecretStr)
    for text in (repr(settings), settings.model_dump_json(), str(settings.model_dump())):
        assert "sk-3" not in text and "pw-3" not in text
    with pytest.raises(SettingsError) as caught:
        Settings(llm_api_key=["sk-4"])
    assert "sk-4" not in str(caught.value) and str(caught.value).startswith("ASSISTANT_LLM_API_KEY=<hidden>")
