"""The conversation eval's plumbing: `history` per eval line and per `ask --batch` line, follow-ups scored as their
own type and reported per kind, conversations split per kind, `assistant eval --conversations`.

The conversations here are this file's own fixtures over the article, not the dev sets under evals/.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from assistant.batch import parse_line
from assistant.evals.report import markdown, report_data
from assistant.evals.runner import evaluate
from assistant.evals.split import assign_splits, question_files
from reindex_helpers import env_for

FIXTURES = [
    {"id": "c1", "history": ["Who cut ties with Iran?"], "question": "When did he announce it?", "type": "followup",
     "kind": "pronoun", "standalone": "When did Edi Rama announce that Albania cut ties with Iran?",
     "answer": "On September 7, 2022.", "must_include": ["September 7"],
     "evidence": ["On September 7, 2022, Albanian Prime Minister Edi Rama announced"], "should_abstain": False},
    {"id": "c2", "history": ["Where did the MEK set up its base in Albania?"], "question": "how many acres is it?",
     "type": "followup", "kind": "unanswerable", "standalone": "How many acres is the MEK's base in Albania?",
     "answer": None, "must_include": [], "evidence": [], "should_abstain": True},
    {"id": "q1", "question": "When did Albania recognize Israel?", "type": "date", "answer": "In 1949.",
     "must_include": ["1949"], "evidence": ["1949"], "should_abstain": False},
]


def _write(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_batch_lines_carry_their_history() -> None:
    line = parse_line(1, json.dumps({"id": "a", "question": "and how?", "history": ["Who cut ties?"]}).encode())
    assert line.error is None and line.history == ("Who cut ties?",)
    assert parse_line(2, b'{"id": "b", "question": "and how?"}').history == ()
    bad = parse_line(3, json.dumps({"id": "c", "question": "and how?", "history": "Who cut ties?"}).encode())
    assert bad.error and "history" in bad.error and bad.id == "c"


def test_cli_batch_asks_a_follow_up_with_its_history(article_settings) -> None:
    env = env_for(article_settings.paths.corpus_dir, article_settings.paths.index_dir)
    lines = "".join(json.dumps(r) + "\n" for r in [
        {"id": "alone", "question": "When did he announce it?"},
        {"id": "follow", "question": "When did he announce it?", "history": ["Who cut ties with Iran?"]},
        {"id": "bad", "question": "When did he announce it?", "history": [3]},
    ])
    done = subprocess.run([sys.executable, "-m", "assistant", "ask", "--batch", "-", "--json"], input=lines, env=env,
                          capture_output=True, text=True, timeout=300)
    alone, follow, bad = (json.loads(line) for line in done.stdout.splitlines())
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert alone["searched"] is None and follow["searched"] and "Iran" in follow["searched"]
    assert "September 7" in follow["answer"]
    assert bad == {"id": "bad", "line": 3, "error": bad["error"]} and "history" in bad["error"]


def test_eval_asks_follow_ups_with_their_history_and_reports_them_per_kind(assistant, tmp_path: Path) -> None:
    run = evaluate(assistant, _write(tmp_path / "conversations.jsonl", FIXTURES))
    results = {r.id: r for r in run.systems["ours"].results}
    assert results["c1"].history == ["Who cut ties with Iran?"] and results["c1"].searched
    assert results["c1"].verdicts.accurate and results["q1"].searched is None
    assert set(run.systems["ours"].by_type) == {"followup", "date"}
    kinds = run.systems["ours"].by_kind
    assert set(kinds) == {"pronoun", "unanswerable"} and kinds["pronoun"]["accuracy"] == 1.0
    assert report_data(run)["systems"]["ours"]["by_kind"] == kinds
    assert "## Follow-ups by kind: ours" in markdown(run)


def test_conversations_are_split_per_kind_beside_the_questions(tmp_path: Path) -> None:
    records = [{"id": f"k{i}", "type": "followup", "kind": kind} for i, kind in
               enumerate(["pronoun"] * 4 + ["ellipsis"] * 2)]
    splits = assign_splits("col", records)
    assert splits[:4].count("test") == 2 and sorted(splits[4:]) == ["test", "tune"]
    assert assign_splits("col", list(reversed(records))) == list(reversed(splits))
    folder = tmp_path / "col"
    folder.mkdir()
    _write(folder / "questions.jsonl", FIXTURES[2:])
    _write(folder / "conversations.jsonl", FIXTURES[:2])
    assert question_files(folder)[0] == [folder / "questions.jsonl", folder / "conversations.jsonl"]


def test_eval_cli_runs_the_article_conversations(article_settings, tmp_path: Path) -> None:
    conversations = _write(tmp_path / "conversations.jsonl", [{**r, "split": "tune"} for r in FIXTURES[:2]])
    env = env_for(article_settings.paths.corpus_dir, article_settings.paths.index_dir)
    done = subprocess.run([sys.executable, "-m", "assistant", "eval", "--conversations", "--set", str(conversations),
                           "--split", "tune", "--out", str(tmp_path / "out")], env=env, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr
    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    assert report["set"]["split"] == "tune" and report["set"]["questions"] == 2
    assert set(report["systems"]["ours"]["by_kind"]) == {"pronoun", "unanswerable"}


def test_terminal_chat_keeps_the_conversation(article_settings) -> None:
    env = env_for(article_settings.paths.corpus_dir, article_settings.paths.index_dir)
    done = subprocess.run([sys.executable, "-m", "assistant", "chat"], input="Who cut ties with Iran?\n"
                          "When did he announce it?\n\n", env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    first, second = done.stdout.split("\n? ")[1:3]
    assert "searched as" not in first and "(searched as: \u201cWhen did" in second and "September 7" in second
