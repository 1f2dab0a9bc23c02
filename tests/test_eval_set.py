"""Validate the grounding evaluation sets under evals/: the article set and every collection's questions.jsonl.

Stdlib + pytest, and the project's reader for the text of a source that is not plain text (HTML, PDF): evidence
must be verbatim in the text the assistant indexes. A collection folder without a questions.jsonl is skipped.
"""
import hashlib
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ARTICLE_SET = "evals/questions.jsonl"
SETS_DIR = ROOT / "evals" / "sets"
COLLECTIONS = sorted(p.name for p in SETS_DIR.iterdir() if p.is_dir() and not p.name.startswith(".")) \
    if SETS_DIR.is_dir() else []

EVAL_SETS = [ARTICLE_SET, *(f"evals/sets/{name}/questions.jsonl" for name in COLLECTIONS)]

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
MIN_COLLECTION_QUESTIONS = 40
SPLITS = {"tune", "test"}
TEXT_SUFFIXES = {".txt", ".md", ".markdown"}


def _load(rel_path):
    path = ROOT / rel_path
    records = []
    with path.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            records.append((lineno, json.loads(line)))
    return records


def _corpus_dir(eval_set):
    """The article set's sources are in corpus/, a collection's in its own corpus/ folder."""
    return ROOT / "corpus" if eval_set == ARTICLE_SET else (ROOT / eval_set).parent / "corpus"


def _source_text(path, source):
    """A text file's content, else the text the project's reader extracts (what the index holds)."""
    if path.suffix.lower() in TEXT_SUFFIXES:
        return path.read_text(encoding="utf-8")
    from assistant.readers import read_bytes

    data = path.read_bytes()
    return read_bytes(data, source, hashlib.sha256(data).hexdigest()).text


def _alternatives(key):
    """A must_include item is a string or a list of alternative strings."""
    return [key] if isinstance(key, str) else list(key)


@pytest.fixture(params=EVAL_SETS, ids=EVAL_SETS)
def eval_set(request):
    if request.param != ARTICLE_SET and not (ROOT / request.param).is_file():
        pytest.skip(f"collection {Path(request.param).parent.name}: no questions.jsonl yet")
    return request.param


@pytest.fixture(params=COLLECTIONS)
def collection(request):
    folder = SETS_DIR / request.param
    if not (folder / "questions.jsonl").is_file():
        pytest.skip(f"collection {request.param}: no questions.jsonl yet")
    return folder


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


def test_minimum_size(eval_set, records):
    least = MIN_QUESTIONS if eval_set == ARTICLE_SET else MIN_COLLECTION_QUESTIONS
    assert len(records) >= least, f"only {len(records)} questions"


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


def test_evidence_is_verbatim_in_source(eval_set, records):
    cache, errors = {}, []
    for _, r in records:
        src = _corpus_dir(eval_set) / r["source"]
        if src not in cache:
            assert src.is_file(), f"{r['id']}: source document {src} not found"
            cache[src] = _source_text(src, r["source"])
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


def test_collection_has_readme_and_enough_questions(collection):
    assert (collection / "README.md").is_file(), f"{collection.name}: no README.md"
    assert len(_load(collection / "questions.jsonl")) >= MIN_COLLECTION_QUESTIONS


def test_collection_is_split_with_every_type_on_both_sides(collection):
    records = [r for _, r in _load(collection / "questions.jsonl")]
    bad = [(r.get("id"), r.get("split")) for r in records if r.get("split") not in SPLITS]
    assert not bad, f"split must be one of {sorted(SPLITS)} (python -m assistant.evals.split): {bad}"
    types = {r["type"] for r in records}
    for split in sorted(SPLITS):
        lacking = types - {r["type"] for r in records if r["split"] == split}
        assert not lacking, f"{collection.name}: the {split} split has no {sorted(lacking)} question"
