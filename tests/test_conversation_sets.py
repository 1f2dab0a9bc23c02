"""The conversation dev sets (evals/conversations.jsonl for the article, evals/sets/<name>/conversations.jsonl):
read by the eval code's own loader, evidence found verbatim by its own matcher in the text the reader extracts,
every follow-up with a history and a kind, and split per kind into tune and test."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from assistant.evals.metrics import evidence_spans
from assistant.evals.schema import SourceTexts, load_questions
from assistant.readers import read_bytes

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = ROOT / "evals" / "conversations.jsonl"
FILES = [ARTICLE, *sorted((ROOT / "evals" / "sets").glob("*/conversations.jsonl"))]
KINDS = {"pronoun", "ellipsis", "topic_shift", "continuation", "unanswerable"}


def _texts(path: Path, sources: set[str]) -> SourceTexts:
    corpus = ROOT / "corpus" if path == ARTICLE else path.parent / "corpus"
    indexed = {}
    for source in sources:
        data = (corpus / source).read_bytes()
        indexed[source] = read_bytes(data, source, hashlib.sha256(data).hexdigest()).text
    return SourceTexts(corpus, indexed)


@pytest.mark.parametrize("path", FILES, ids=[p.relative_to(ROOT).as_posix() for p in FILES])
def test_conversations_are_valid_and_split_per_kind(path: Path) -> None:
    questions = load_questions(path)
    texts = _texts(path, {q.source for q in questions if q.source})
    problems = []
    for q in questions:
        if q.type != "followup" or q.kind not in KINDS or not q.history or not q.standalone:
            problems.append(f"{q.id}: a followup needs a history, a kind and its standalone form")
        if q.should_abstain != (q.kind == "unanswerable") or (not q.should_abstain and not q.evidence):
            problems.append(f"{q.id}: should_abstain and evidence disagree with its kind")
        _, missing = evidence_spans(q, texts)
        problems += [f"{q.id}: evidence not verbatim: {m[:60]!r}" for m in missing]
        answer = (q.answer or "").lower()
        problems += [f"{q.id}: key {k} not in its answer" for k in q.keys() if not any(a.lower() in answer for a in k)]
    assert not problems, "\n".join(problems)
    for kind in {q.kind for q in questions}:
        assert {q.split for q in questions if q.kind == kind} == {"tune", "test"}, f"{kind} is not on both sides"


def test_there_are_enough_conversations() -> None:
    assert len(load_questions(ARTICLE)) >= 30
    assert sum(len(load_questions(p)) for p in FILES) >= 60
