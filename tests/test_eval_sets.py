"""Multi-collection evals without an index: the deterministic tune/test split, the scratch-index cache key,
collection discovery, the macro average, the summary table and the sets gate, and the ``eval --sets`` wiring."""

from __future__ import annotations

import json
import random
from collections import Counter
from pathlib import Path

import pytest

from assistant.evals.metrics import macro_average
from assistant.evals.runner import EvalRun, SystemRun, score
from assistant.evals.schema import EvalQuestion, EvalSetError, SourceTexts
from assistant.evals.sets import SetsRun, cache_key, find_collections
from assistant.evals.split import assign_splits, main, split_file, with_split
from assistant.evals.summary import MACRO, sets_failures, summary_markdown
from assistant.schema import Answer
from assistant.settings import Settings

TYPES = {"fact": 12, "why": 7, "number": 6, "list": 5, "unanswerable": 6, "false_premise": 4, "offtopic": 3}


def records(prefix: str = "q") -> list[dict[str, object]]:
    out: list[dict[str, object]] = []
    for kind, n in TYPES.items():
        out += [{"id": f"{prefix}{len(out) + 1:03d}", "type": kind} for _ in range(n)]
    return out


def test_split_is_deterministic_stratified_and_independent_of_line_order() -> None:
    rows = records()
    splits = assign_splits("licences", rows)
    assert splits == assign_splits("licences", [dict(r) for r in rows])
    by_id = dict(zip((r["id"] for r in rows), splits))
    shuffled = rows[:]
    random.Random(7).shuffle(shuffled)
    assert dict(zip((r["id"] for r in shuffled), assign_splits("licences", shuffled))) == by_id
    tests = Counter(r["type"] for r, s in zip(rows, splits) if s == "test")
    for kind, n in TYPES.items():
        assert tests[kind] in (n // 2, (n + 1) // 2), kind
    assert abs(sum(tests.values()) - len(rows) / 2) <= len(TYPES) / 2
    assert set(splits) == {"tune", "test"}
    assert assign_splits("sqlite-manual", rows) != splits  # the collection name is part of the hash


def test_split_keeps_given_splits_and_balances_new_questions_around_them() -> None:
    rows = [{"id": f"f{i}", "type": "fact", "split": "tune"} for i in range(4)]
    rows += [{"id": f"n{i}", "type": "fact"} for i in range(4)]
    assert assign_splits("c", rows) == ["tune"] * 4 + ["test"] * 4
    with pytest.raises(EvalSetError, match="split must be one of"):
        assign_splits("c", [{"id": "x", "type": "fact", "split": "train"}])


def test_split_file_inserts_the_field_and_keeps_every_other_byte(tmp_path: Path, capsys) -> None:
    folder = tmp_path / "sets" / "demo"
    folder.mkdir(parents=True)
    lines = ['{"id": "a1", "type": "fact", "question": "caf\u00e9 \\u00e9?"}\r\n', "\n",
             '{"id":"a2","type":"fact"}\n', '{"id": "a3", "type": "why", "split": "test"}\n',
             '{"id": "a4", "type": "why"}']
    path = folder / "questions.jsonl"
    path.write_bytes("".join(lines).encode())
    report = split_file(path)
    assert report.added == 3 and report.total_by_type == {"fact": 2, "why": 2}
    after = path.read_bytes().decode().splitlines(keepends=True)
    assert len(after) == len(lines) and after[1] == "\n" and after[3] == lines[3]
    for old, new in zip(lines, after):
        if old.strip():
            assert new.startswith(old.rstrip()[:-1]) and new.endswith(old[len(old.rstrip()):])
            assert json.loads(new) == {"split": json.loads(new)["split"], **json.loads(old)}
    assert after[2].endswith(',"split":"' + json.loads(after[2])["split"] + '"}\n')  # compact lines stay compact
    assert [json.loads(line)["split"] for line in after if line.strip()] == \
        assign_splits("demo", [json.loads(line) for line in lines if line.strip()])
    before = path.read_bytes()
    assert split_file(path).added == 0 and path.read_bytes() == before
    (tmp_path / "sets" / "empty").mkdir()
    assert main([str(tmp_path / "sets")]) == 0
    assert "skip" in capsys.readouterr().err
    assert with_split("{}", "tune") == '{"split": "tune"}'


def test_split_file_rejects_a_null_split(tmp_path: Path) -> None:
    (tmp_path / "questions.jsonl").write_text('{"id": "a", "type": "fact", "split": null}\n')
    with pytest.raises(EvalSetError, match="split is null"):
        split_file(tmp_path / "questions.jsonl")


def test_question_split_membership() -> None:
    base = {"id": "x", "question": "?", "type": "fact"}
    tune, unsplit = EvalQuestion.model_validate({**base, "split": "tune"}), EvalQuestion.model_validate(base)
    assert tune.in_split("tune") and tune.in_split("all") and not tune.in_split("test")
    assert unsplit.split is None and unsplit.in_split("test") and unsplit.in_split("tune")


def test_cache_key_follows_corpus_bytes_names_and_index_settings(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Alpha text.")
    (corpus / "b.html").write_text("<p>Beta</p>")
    settings = Settings(corpus_dir=corpus, index_dir=tmp_path / "index")
    key = cache_key(settings, corpus)
    assert cache_key(settings, corpus) == key
    (corpus / "a.txt").write_text("Alpha text.")  # rewritten, same bytes
    (corpus / ".hidden").write_text("never indexed")
    assert cache_key(settings, corpus) == key
    assert cache_key(settings.replace(top_k=9), corpus) == key  # not an index setting
    assert cache_key(settings.replace(chunk_max_words=300), corpus) != key
    (corpus / "a.txt").write_text("Alpha text!")
    changed = cache_key(settings, corpus)
    assert changed != key
    (corpus / "a.txt").rename(corpus / "c.txt")
    assert cache_key(settings, corpus) not in (key, changed)


def test_find_collections_skips_folders_without_questions(tmp_path: Path) -> None:
    for name in ("alpha", "beta", "gamma"):
        (tmp_path / name / "corpus").mkdir(parents=True)
    (tmp_path / "alpha" / "questions.jsonl").write_text("{}\n")
    (tmp_path / "beta" / "corpus").rmdir()
    found, skipped = find_collections(tmp_path)
    assert [c.name for c in found] == ["alpha"] and found[0].questions == tmp_path / "alpha" / "questions.jsonl"
    assert skipped == {"beta": "no corpus/ folder", "gamma": "no questions.jsonl yet"}
    assert find_collections(tmp_path, ["gamma"]) == ([], {"gamma": "no questions.jsonl yet"})
    with pytest.raises(EvalSetError, match="no collection named delta"):
        find_collections(tmp_path, ["delta"])


def eval_run(tmp_path: Path, name: str, right: bool) -> EvalRun:
    """A one-question run whose answer is right (accuracy 1) or wrong (accuracy 0)."""
    (tmp_path / "doc.txt").write_text("Tirana is the capital.")
    texts = SourceTexts(tmp_path, {})
    question = EvalQuestion(id="q1", question="capital?", type="fact", answer="Tirana", must_include=["Tirana"],
                            evidence=["Tirana is the capital."], source="doc.txt")
    reply = Answer(question="capital?", answer="Tirana." if right else "Durres.", abstained=False)
    results = [score(question, reply, 0.01, texts)]
    return EvalRun(tmp_path / f"{name}.jsonl", "0" * 64, [question], {"ours": SystemRun("ours", results)}, "now", {},
                   "test")


def test_macro_average_gate_and_summary_table(tmp_path: Path) -> None:
    run = SetsRun(tmp_path, "test", {"good": eval_run(tmp_path, "good", True), "bad": eval_run(tmp_path, "bad", False)})
    assert run.macro()["accuracy"] == 0.5
    assert macro_average([{"mrr": 0.2}, {"mrr": None}, {"mrr": 0.4}])["mrr"] == 0.3
    failures = sets_failures(run, {"minimum": {"accuracy": 0.3}, "maximum": {"false_refusal_rate": 0.4},
                                   "macro_minimum": {"accuracy": 0.6}})
    assert failures["good"] == [] and failures["bad"] == ["accuracy = 0.0000 is below its minimum 0.3"]
    assert failures[MACRO] == ["accuracy = 0.5000 is below its minimum 0.6"]
    table = summary_markdown(run).splitlines()
    assert len(table) == 5 and table[2].startswith("| good | 1 | 1.00 ") and table[3].startswith("| bad | 1 | 0.00 ")
    assert table[4].startswith(f"| **{MACRO}** | 2 | 0.50 ") and "baseline" not in table[0]


def test_eval_sets_cli_wiring(tmp_path: Path, capsys) -> None:
    from assistant.cli import main as cli

    assert cli(["eval", "--split", "test"]) == 2  # what was typed: exit 2 (assistant.errors.UsageError)
    assert "go with --sets" in capsys.readouterr().err
    (tmp_path / "alpha" / "corpus").mkdir(parents=True)
    assert cli(["eval", "--sets", str(tmp_path), "--out", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert "skipped alpha: no questions.jsonl yet" in err and "no collection" in err
    assert cli(["eval", "--sets", str(tmp_path / "missing")]) == 2
    assert not (tmp_path / "out").exists()
