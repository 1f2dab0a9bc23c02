"""Validate the grounding evaluation set(s) under evals/.

Stdlib + pytest only. Add further JSONL files to EVAL_SETS to validate them too.
"""
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS_DIR = ROOT / "corpus"

EVAL_SETS = [
    "evals/questions.jsonl",
]

REQUIRED_KEYS = {
    "id", "question", "type", "answer", "must_include",
    "evidence", "should_abstain", "source",
}
ALLOWED_TYPES = {
    "fact", "date", "number", "who", "why", "multi", "list",
    "unanswerable", "false_premise", "offtopic",
}
# Types whose right response is always a refusal.
ALWAYS_ABSTAIN = {"unanswerable", "offtopic"}
# Types whose right response is always an answer.
NEVER_ABSTAIN = {"fact", "date", "number", "who", "why", "multi", "list"}
MIN_QUESTIONS = 60


def _load(rel_path):
    path = ROOT / rel_path
    records = []
    with path.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            records.append((lineno, json.loads(line)))
    return records


def _alternatives(key):
    """A must_include item is a string or a list of alternative strings."""
    return [key] if isinstance(key, str) else list(key)


@pytest.fixture(params=EVAL_SETS, ids=EVAL_SETS)
def eval_set(request):
    return request.param


@pytest.fixture
def records(eval_set):
    return _load(eval_set)


def test_every_line_parses(eval_set):
    path = ROOT / eval_set
    assert path.is_file(), f"missing eval set {path}"
    bad = []
    with path.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                bad.append(f"line {lineno}: {exc}")
                continue
            if not isinstance(obj, dict):
                bad.append(f"line {lineno}: not a JSON object")
    assert not bad, "\n".join(bad)


def test_minimum_size(records):
    assert len(records) >= MIN_QUESTIONS, f"only {len(records)} questions"


def test_required_keys_and_value_types(records):
    errors = []
    for lineno, r in records:
        missing = REQUIRED_KEYS - r.keys()
        if missing:
            errors.append(f"line {lineno}: missing keys {sorted(missing)}")
            continue
        if not isinstance(r["id"], str) or not r["id"]:
            errors.append(f"line {lineno}: id must be a non-empty string")
        if not isinstance(r["question"], str) or not r["question"].strip():
            errors.append(f"{r['id']}: question must be a non-empty string")
        if r["answer"] is not None and not isinstance(r["answer"], str):
            errors.append(f"{r['id']}: answer must be a string or null")
        if not isinstance(r["should_abstain"], bool):
            errors.append(f"{r['id']}: should_abstain must be a bool")
        if not isinstance(r["evidence"], list) or not all(
                isinstance(e, str) and e for e in r["evidence"]):
            errors.append(f"{r['id']}: evidence must be a list of non-empty strings")
        if not isinstance(r["must_include"], list):
            errors.append(f"{r['id']}: must_include must be a list")
        else:
            for key in r["must_include"]:
                alts = _alternatives(key) if isinstance(key, (str, list)) else None
                if not alts or not all(isinstance(a, str) and a.strip() for a in alts):
                    errors.append(f"{r['id']}: bad must_include item {key!r}")
        if not isinstance(r["source"], str) or not r["source"]:
            errors.append(f"{r['id']}: source must be a non-empty string")
    assert not errors, "\n".join(errors)


def test_ids_unique(records):
    seen, dupes = set(), []
    for _, r in records:
        if r["id"] in seen:
            dupes.append(r["id"])
        seen.add(r["id"])
    assert not dupes, f"duplicate ids: {dupes}"


def test_types_allowed(records):
    bad = [(r["id"], r["type"]) for _, r in records if r["type"] not in ALLOWED_TYPES]
    assert not bad, f"unknown types: {bad}"


def test_evidence_is_verbatim_in_source(records):
    cache, errors = {}, []
    for _, r in records:
        src = CORPUS_DIR / r["source"]
        if src not in cache:
            assert src.is_file(), f"{r['id']}: source document {src} not found"
            cache[src] = src.read_text(encoding="utf-8")
        text = cache[src]
        for ev in r["evidence"]:
            if ev not in text:
                errors.append(f"{r['id']}: evidence not in {r['source']}: {ev!r}")
    assert not errors, "\n".join(errors)


def test_must_include_keys_appear_in_answer(records):
    errors = []
    for _, r in records:
        if r["answer"] is None:
            continue
        answer = r["answer"].lower()
        for key in r["must_include"]:
            if not any(a.lower() in answer for a in _alternatives(key)):
                errors.append(f"{r['id']}: key {key!r} not in answer {r['answer']!r}")
    assert not errors, "\n".join(errors)


def test_abstain_consistency(records):
    errors = []
    for _, r in records:
        qid = r["id"]
        if r["should_abstain"]:
            if r["answer"] is not None:
                errors.append(f"{qid}: should_abstain but answer is not null")
            if r["must_include"]:
                errors.append(f"{qid}: should_abstain but must_include is not empty")
        else:
            if not isinstance(r["answer"], str) or not r["answer"].strip():
                errors.append(f"{qid}: answerable but answer is empty/null")
            if not r["must_include"]:
                errors.append(f"{qid}: answerable but must_include is empty")
            if not r["evidence"]:
                errors.append(f"{qid}: answerable but evidence is empty")
        if r["type"] in ALWAYS_ABSTAIN and not r["should_abstain"]:
            errors.append(f"{qid}: type {r['type']} must have should_abstain=true")
        if r["type"] in NEVER_ABSTAIN and r["should_abstain"]:
            errors.append(f"{qid}: type {r['type']} must have should_abstain=false")
        if r["type"] == "offtopic" and r["evidence"]:
            errors.append(f"{qid}: offtopic questions must have empty evidence")
    assert not errors, "\n".join(errors)
