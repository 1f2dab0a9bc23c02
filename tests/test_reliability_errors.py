"""Bad input to the CLI as a new user would type it: every subcommand and flag, every kind of ``ASSISTANT_*`` value.

Each case is a real ``python -m assistant ...`` process with the variable set (over a copy of the session's
article index), and must end in one ``error: ...`` line naming the setting, flag or file and saying what to do,
with a non-zero exit, no traceback and nothing on stdout. What each printed goes to
``tests/artifacts/reliability/errors-*.json`` and the table in docs/reliability.md.
"""

from __future__ import annotations

import json
import socket
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from conftest import ARTICLE
from reindex_helpers import PYTHON, ROOT, env_for
from reliability_helpers import record, short
from ui_helpers import copy_index

QUESTION = "When did Albania recognize Israel?"
EVAL_SET = ROOT / "evals" / "questions.jsonl"


@dataclass(frozen=True)
class Case:
    """A command line, the variables it runs with, the exit code and the words its one error line must hold."""

    name: str
    args: list[str]
    env: dict[str, str] = field(default_factory=dict)
    code: int = 2
    words: tuple[str, ...] = ()


@pytest.fixture(scope="module")
def work(tmp_path_factory: pytest.TempPathFactory, article_settings) -> Path:
    """A folder with the article corpus, a copy of its built index, a file, a bad eval set and a batch file."""
    root = tmp_path_factory.mktemp("errors")
    (root / "corpus").mkdir()
    (root / "corpus" / ARTICLE.name).write_bytes(ARTICLE.read_bytes())
    copy_index(article_settings.paths.index_dir, root / "index")
    (root / "hostname").write_text("a file, not a folder\n")
    (root / "bad-set.jsonl").write_text('{"id": "q1", "question": "When?"\nnot json\n')
    return root


def run(work: Path, args: list[str], env: dict[str, str], stdin: str | None = None,
        cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """``python -m assistant ARGS`` in ``cwd`` (default: the work folder, so no project ``.env`` is read)."""
    full = {**env_for(work / "corpus", work / "index"), **env}
    return subprocess.run([PYTHON, "-m", "assistant", *args], env=full, cwd=cwd or work, input=stdin,
                          capture_output=True, text=True, timeout=300)


def check_one_line(case: Case, done: subprocess.CompletedProcess[str]) -> list[str]:
    """What is wrong with a run that should end in one error line (empty when nothing is)."""
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    problems = []
    if done.returncode != case.code:
        problems.append(f"exit {done.returncode}, expected {case.code}")
    if len(lines) != 1 or not lines[0].startswith("error: "):
        problems.append(f"stderr is not one error line: {done.stderr[-600:]!r}")
    problems += [f"missing {w!r}" for w in case.words if w not in done.stderr]
    if "Traceback" in done.stderr or done.stdout.strip():
        problems.append(f"traceback or stdout: {done.stdout[:200]!r} {done.stderr[-300:]!r}")
    return problems


def run_cases(work: Path, cases: list[Case], artifact: str) -> None:
    rows, problems = [], []
    for case in cases:
        done = run(work, case.args, case.env)
        rows.append({"case": case.name, "command": " ".join(
            [*(f"{k}={v}" for k, v in case.env.items()), "assistant", *case.args]),
            "exit": done.returncode, "printed": done.stderr.strip()})
        problems += [f"{case.name}: {p}" for p in check_one_line(case, done)]
    record(artifact, rows)
    assert problems == []


def test_the_issue_table(work: Path) -> None:
    """The five commands of issue 13's table that ended in a traceback or a silent empty index."""
    cases = [
        Case("--batch file missing", ["ask", "--batch", "missing.jsonl", "--json"], {}, 2,
             ("--batch missing.jsonl: no such file", "JSON-lines")),
        Case("ASSISTANT_TOP_K=abc", ["ask", QUESTION], {"ASSISTANT_TOP_K": "abc"}, 2,
             ("ASSISTANT_TOP_K='abc'", "whole number from 1 to 50", ".env")),
        Case("ASSISTANT_LLM=gpt9", ["ask", QUESTION], {"ASSISTANT_LLM": "gpt9"}, 2,
             ("ASSISTANT_LLM='gpt9'", "one of extractive, openai, ollama, llamacpp")),
        Case("ASSISTANT_INDEX_DIR is a file", ["ask", QUESTION], {"ASSISTANT_INDEX_DIR": str(work / "hostname")}, 2,
             (f"ASSISTANT_INDEX_DIR={work / 'hostname'} is a file, not a folder",)),
        Case("ASSISTANT_CORPUS_DIR missing", ["index"],
             {"ASSISTANT_CORPUS_DIR": "/no/such/folder", "ASSISTANT_INDEX_DIR": str(work / "fresh-index")}, 2,
             ("ASSISTANT_CORPUS_DIR=/no/such/folder does not exist",)),
    ]
    run_cases(work, cases, "errors-issue-table")
    assert not (work / "fresh-index" / "CURRENT").exists(), "a missing corpus still built an (empty) index"


def test_a_bad_batch_line_reports_its_own_line_and_no_other_id(work: Path) -> None:
    """Every kind of bad line gives an error object with its own line number; ids come only from that line."""
    lines = [json.dumps({"id": "a", "question": QUESTION}), "not json", json.dumps({"id": "c"}), "[1, 2]",
             json.dumps({"id": "e", "question": ""}), json.dumps({"question": None}), "", json.dumps({"question": QUESTION})]
    done = run(work, ["ask", "--batch", "-", "--json"], {}, stdin="\n".join(lines) + "\n")
    outputs = [json.loads(line) for line in done.stdout.splitlines()]
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert outputs[0]["id"] == "a" and "1949" in outputs[0]["answer"]
    errors = [{k: o[k] for k in ("id", "line")} for o in outputs[1:-1]]
    assert errors == [{"id": None, "line": 2}, {"id": "c", "line": 3}, {"id": None, "line": 4},
                      {"id": "e", "line": 5}, {"id": None, "line": 6}]
    assert "line 2 is not JSON" in outputs[1]["error"] and 'line 3 has no "question" text' in outputs[2]["error"]
    assert outputs[-1]["id"] == "8" and "1949" in outputs[-1]["answer"]  # no id: its line number
    record("errors-batch-lines", [{"line": n, "input": short(line, 60), "output": short(json.dumps(o), 120)}
                                  for n, (line, o) in enumerate(zip([x for x in lines if x], outputs), start=1)])
    empty = run(work, ["ask", "--batch", "-", "--json"], {}, stdin="")
    assert empty.returncode == 0 and empty.stdout == ""  # an empty batch asks nothing and is no error


def test_every_kind_of_bad_setting(work: Path) -> None:
    """Invalid ``ASSISTANT_*`` values: types, ranges, choices, JSON, URLs, names, paths, model files."""
    garbage = work / "garbage.onnx"
    garbage.write_bytes(b"not an onnx model")
    cases = [
        Case("out of range", ["ask", QUESTION], {"ASSISTANT_TOP_K": "0"}, 2, ("ASSISTANT_TOP_K='0'", "from 1 to 50")),
        Case("float range", ["ask", QUESTION], {"ASSISTANT_LLM_TEMPERATURE": "5"}, 2, ("number from 0 to 2",)),
        Case("must be above 0", ["index"], {"ASSISTANT_MAX_SOURCE_MB": "0"}, 2, ("ASSISTANT_MAX_SOURCE_MB='0'", "above 0")),
        Case("negative size", ["index"], {"ASSISTANT_EMBED_BATCH_SIZE": "-1"}, 2, ("from 1 to 512",)),
        Case("not a boolean", ["ask", QUESTION], {"ASSISTANT_LLM_GATE": "maybe"}, 2, ("true or false",)),
        Case("not a JSON list", ["serve"], {"ASSISTANT_UI_EXAMPLES": "notjson"}, 2,
             ("ASSISTANT_UI_EXAMPLES must be a JSON list of strings",)),
        Case("port out of range", ["serve"], {"ASSISTANT_SERVE_PORT": "70000"}, 2, ("from 1 to 65535",)),
        Case("unknown embedder", ["index"], {"ASSISTANT_EMBEDDER": "bert"}, 2, ("one of minilm-int8, minilm-q8, onnx-path",)),
        Case("not a URL", ["ask", QUESTION], {"ASSISTANT_CHROMA_URL": "localhost"}, 2,
             ("ASSISTANT_CHROMA_URL='localhost'", "http:// or https:// URL")),
        Case("URL with a bad port", ["ask", QUESTION], {"ASSISTANT_LLM_BASE_URL": "http://127.0.0.1:99999/v1"}, 2,
             ("ASSISTANT_LLM_BASE_URL", "port")),
        Case("collection name Chroma refuses", ["ask", QUESTION], {"ASSISTANT_COLLECTION": "my chunks!"}, 2,
             ("ASSISTANT_COLLECTION='my chunks!'", "letters, digits")),
        Case("index folder under a file", ["index"], {"ASSISTANT_INDEX_DIR": str(work / "hostname" / "index")}, 2,
             ("which is a file",)),
        Case("corpus folder is a file", ["index"], {"ASSISTANT_CORPUS_DIR": str(work / "hostname")}, 2,
             ("ASSISTANT_CORPUS_DIR", "is a file, not a folder")),
        Case("no index and no corpus", ["sources"],
             {"ASSISTANT_CORPUS_DIR": str(work / "nope"), "ASSISTANT_INDEX_DIR": str(work / "empty-index")}, 2,
             ("ASSISTANT_CORPUS_DIR", "does not exist")),
        Case("onnx-path without files", ["ask", QUESTION], {"ASSISTANT_EMBEDDER": "onnx-path"}, 1,
             ("needs ASSISTANT_EMBEDDER_MODEL_PATH and ASSISTANT_EMBEDDER_TOKENIZER_PATH",)),
        Case("model file missing", ["ask", QUESTION], {"ASSISTANT_EMBEDDER": "onnx-path",
             "ASSISTANT_EMBEDDER_MODEL_PATH": "/no/model.onnx", "ASSISTANT_EMBEDDER_TOKENIZER_PATH": "/no/t.json"}, 1,
             ("ASSISTANT_EMBEDDER_MODEL_PATH=/no/model.onnx: no such file",)),
        Case("model file not ONNX", ["ask", QUESTION], {"ASSISTANT_EMBEDDER": "onnx-path",
             "ASSISTANT_EMBEDDER_MODEL_PATH": str(garbage), "ASSISTANT_EMBEDDER_TOKENIZER_PATH": str(garbage)}, 1,
             ("is not a usable ONNX model", "ASSISTANT_EMBEDDER_MODEL_PATH")),
        Case("Chroma server not running", ["ask", QUESTION], {"ASSISTANT_CHROMA_URL": "http://127.0.0.1:9"}, 1,
             ("the Chroma server at http://127.0.0.1:9 is not answering", "start it again")),
        Case("two bad values at once", ["ask", QUESTION], {"ASSISTANT_TOP_K": "x", "ASSISTANT_LLM": "y"}, 2,
             ("ASSISTANT_TOP_K='x'", "ASSISTANT_LLM='y'")),
    ]
    run_cases(work, cases, "errors-settings")


def test_a_bad_value_in_dot_env_is_named_too(work: Path, tmp_path: Path) -> None:
    (tmp_path / ".env").write_text("ASSISTANT_TOP_K=many\n")
    done = run(work, ["ask", QUESTION], {}, cwd=tmp_path)
    case = Case(".env", [], code=2, words=("ASSISTANT_TOP_K='many'", "environment or .env"))
    assert check_one_line(case, done) == []


def test_an_unknown_setting_is_a_warning_with_the_nearest_name(work: Path) -> None:
    done = run(work, ["ask", QUESTION], {"ASSISTANT_TOPK": "3"})
    assert done.returncode == 0 and "1949" in done.stdout
    assert done.stderr.strip() == "warning: ASSISTANT_TOPK is not a setting and is ignored (did you mean ASSISTANT_TOP_K?)"
    record("errors-unknown-setting", [{"case": "ASSISTANT_TOPK=3", "exit": 0, "printed": done.stderr.strip()}])


def test_every_subcommand_with_bad_arguments(work: Path) -> None:
    """Flags and operands of each subcommand: argparse's errors are one line too."""
    (work / "not-a-folder").write_text("x")
    out_in_file = str(work / "not-a-folder" / "reports")
    cases = [
        Case("no subcommand", [], {}, 2, ("the following arguments are required: command", "assistant --help")),
        Case("unknown subcommand", ["frob"], {}, 2, ("invalid choice: 'frob'",)),
        Case("unknown flag", ["ask", "--jsn", QUESTION], {}, 2, ("unrecognized arguments: --jsn",)),
        Case("--wait not a number", ["index", "--wait", "soon"], {}, 2, ("argument --wait", "number of seconds")),
        Case("--wait negative", ["add", "x.txt", "--wait", "-1"], {}, 2, ("argument --wait",)),
        Case("--port out of range", ["serve", "--port", "99999"], {}, 2, ("argument --port", "from 1 to 65535")),
        Case("ask without a question", ["ask"], {}, 2, ("give a QUESTION or --batch FILE",)),
        Case("empty question", ["ask", ""], {}, 2, ("the question is empty",)),
        Case("--batch is a folder", ["ask", "--batch", str(work)], {}, 2, ("is a folder",)),
        Case("remove an unknown source", ["remove", "nope.txt"], {}, 1, ("nope.txt: no such source", "assistant sources")),
        Case("remove outside the corpus", ["remove", "/etc/passwd"], {}, 1, ("not a source inside the corpus folder",)),
        Case("eval set missing", ["eval", "--set", "nope.jsonl"], {}, 2, ("--set nope.jsonl: no eval set there",)),
        Case("eval set not JSON", ["eval", "--set", str(work / "bad-set.jsonl")], {}, 1, ("bad-set.jsonl:1: not a valid eval question",)),
        Case("--split without --sets", ["eval", "--split", "tune"], {}, 2, ("--split and --only go with --sets",)),
        Case("eval --out under a file", ["eval", "--set", str(EVAL_SET), "--out", out_in_file], {}, 2, ("--out", "cannot be written", "choose another folder")),
        Case("eval --sets missing", ["eval", "--sets", "nope"], {}, 2, ("--sets nope: no such folder",)),
        Case("tune --sets missing", ["tune", "--sets", "nope"], {}, 2, ("--sets nope: no such folder",)),
        Case("tune --report under a file", ["tune", "--sets", str(work), "--report", out_in_file + "/t.md"], {}, 2,
             ("--report", "cannot be written")),
        Case("bench --reps not a number", ["bench", "--reps", "many"], {}, 2, ("argument --reps",)),
        Case("check with no index", ["check"], {"ASSISTANT_INDEX_DIR": str(work / "no-index")}, 1,
             ("is missing; rebuild it with: assistant index",)),
    ]
    run_cases(work, cases, "errors-arguments")


def test_serve_on_a_port_in_use_says_so_before_building_anything(work: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = run(work, ["serve", "--port", str(port)], {"ASSISTANT_INDEX_DIR": str(work / "serve-index")})
    case = Case("port in use", [], code=1, words=(f"cannot listen on 127.0.0.1:{port}", "--port"))
    assert check_one_line(case, done) == []
    assert not (work / "serve-index").exists(), "the index was built before the port was checked"
    record("errors-serve-port", [{"case": "serve --port P (P in use)", "exit": done.returncode,
                                  "printed": done.stderr.strip()}])


def test_add_of_missing_or_unreachable_sources_is_skipped_with_a_reason(work: Path) -> None:
    """``add`` goes on past what it cannot add: one ``skipped`` line each, exit 3 (nothing else changes)."""
    done = run(work, ["add", "/no/such/file.txt", "http://127.0.0.1:9/page.html"], {})
    assert done.returncode == 3 and "Traceback" not in done.stderr
    assert "skipped /no/such/file.txt: no such file or folder" in done.stdout
    assert "skipped http://127.0.0.1:9/page.html: could not fetch (ConnectError" in done.stdout
    assert "note: the index is empty" not in done.stderr  # the article is still indexed
    record("errors-add", [{"case": "add /no/such/file.txt http://127.0.0.1:9/page.html", "exit": done.returncode,
                           "printed": short(done.stdout, 400)}])


def test_an_empty_corpus_folder_builds_an_empty_index_and_says_so(work: Path) -> None:
    """An existing but empty corpus is no typo: exit 0, with a note that the assistant knows nothing yet."""
    (work / "empty-corpus").mkdir()
    done = run(work, ["index"], {"ASSISTANT_CORPUS_DIR": str(work / "empty-corpus"),
                                 "ASSISTANT_INDEX_DIR": str(work / "empty-corpus-index")})
    assert done.returncode == 0 and "0 chunks" in done.stdout, done.stderr
    assert done.stderr.strip().startswith("note: the index is empty") and "assistant add FILE" in done.stderr
    record("errors-empty-corpus", [{"case": "ASSISTANT_CORPUS_DIR=<an empty folder> assistant index",
                                    "exit": done.returncode, "printed": done.stderr.strip()}])
