"""Deterministic tune/test split of a collection's eval set: ``python -m assistant.evals.split [PATH ...]``.

A line without ``"split"`` gets one. Within each question type (a follow-up's ``kind`` when it has one) the
unsplit questions are ranked by sha256("<collection>/<id>") and the first ones go to test until the type holds half
its questions there (an odd count's extra question goes to the side a hash of collection and type picks), so every
type is split roughly in half, whatever the line order and Python's hash seed. A collection folder's
conversations.jsonl is split beside its questions.jsonl. Lines that have a split keep it. Every line keeps its place
and its bytes: the field is inserted before the closing brace.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from hashlib import sha256
from pathlib import Path
from typing import Any

from assistant.evals.schema import SPLITS, EvalSetError

QUESTIONS = "questions.jsonl"
CONVERSATIONS = "conversations.jsonl"
DEFAULT_SETS = Path("evals/sets")


@dataclass(frozen=True)
class SplitReport:
    """What splitting one file did: how many lines got a split, and test/total per question type."""

    path: Path
    added: int
    test_by_type: dict[str, int]
    total_by_type: dict[str, int]

    def line(self) -> str:
        """One line for the terminal."""
        test, total = sum(self.test_by_type.values()), sum(self.total_by_type.values())
        kinds = ", ".join(f"{kind} {self.test_by_type[kind]}/{n}" for kind, n in self.total_by_type.items())
        return f"{self.path}: {self.added} newly split; test {test} of {total} ({kinds})"


def split_hash(collection: str, key: str) -> str:
    """sha256 of "<collection>/<key>" (a question id, or "type:<type>" for the odd-count tie-break)."""
    return sha256(f"{collection}/{key}".encode()).hexdigest()


def _group(record: Mapping[str, Any]) -> str:
    """The group a record is split within: its follow-up kind when it has one, else its question type."""
    return str(record.get("kind") or record.get("type"))


def assign_splits(collection: str, records: Sequence[Mapping[str, Any]]) -> list[str]:
    """The split of every record: its own ``split`` when it has one, else chosen as the module docstring says."""
    splits: list[str | None] = []
    groups: dict[str, list[int]] = {}
    for i, record in enumerate(records):
        if record.get("split") not in (None, *SPLITS):
            raise EvalSetError(f"question {record.get('id')!r}: split must be one of {SPLITS}, not {record['split']!r}")
        splits.append(record.get("split"))
        groups.setdefault(_group(record), []).append(i)
    for kind, members in groups.items():
        new = [i for i in members if splits[i] is None]
        new.sort(key=lambda i: split_hash(collection, str(records[i]["id"])))
        extra = len(members) % 2 * (int(split_hash(collection, f"type:{kind}"), 16) & 1)
        want = len(members) // 2 + extra - sum(splits[i] == "test" for i in members)
        for rank, i in enumerate(new):
            splits[i] = "test" if rank < want else "tune"
    return [str(s) for s in splits]


def with_split(line: str, split: str) -> str:
    """The JSON-object line with ``"split"`` inserted before its closing brace, every other byte kept."""
    body = line.rstrip()
    if not body.endswith("}"):
        raise EvalSetError(f"not a one-line JSON object: {line[:60]!r}")
    head = body[:-1]
    spaced = '": ' in body or body == "{}"
    field = f'"split": "{split}"' if spaced else f'"split":"{split}"'
    comma = "" if head.rstrip() == "{" else (", " if spaced else ",")
    return f"{head}{comma}{field}}}{line[len(body):]}"


def split_file(path: Path) -> SplitReport:
    """Give every line of ``path`` a split (the collection is the name of the file's folder); rewrite if needed."""
    path = Path(path)
    lines = path.read_bytes().decode("utf-8").splitlines(keepends=True)  # bytes: line endings stay as they are
    numbered, records = [], []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except ValueError as exc:
            raise EvalSetError(f"{path}:{number}: not JSON ({exc})") from exc
        if not isinstance(record, dict) or "id" not in record:
            raise EvalSetError(f"{path}:{number}: not a JSON object with an id")
        if "split" in record and record["split"] is None:
            raise EvalSetError(f"{path}:{number}: split is null (drop the field or write tune or test)")
        numbered.append(number - 1)
        records.append(record)
    try:
        splits = assign_splits(path.resolve().parent.name, records)
    except EvalSetError as exc:
        raise EvalSetError(f"{path}: {exc}") from exc
    added = 0
    for index, record, split in zip(numbered, records, splits):
        if "split" not in record:
            lines[index] = with_split(lines[index], split)
            added += 1
    if added:
        path.write_bytes("".join(lines).encode("utf-8"))
    test_by_type: dict[str, int] = {}
    total_by_type: dict[str, int] = {}
    for record, split in zip(records, splits):
        kind = _group(record)
        total_by_type[kind] = total_by_type.get(kind, 0) + 1
        test_by_type[kind] = test_by_type.get(kind, 0) + (split == "test")
    return SplitReport(path, added, test_by_type, total_by_type)


def question_files(target: Path) -> tuple[list[Path], list[str]]:
    """The eval sets a path names (a file, a collection folder, or a folder of collections) and skip messages;
    a collection's conversations.jsonl comes with its questions.jsonl."""
    if target.is_file():
        return [target], []
    if (target / QUESTIONS).is_file():
        return [p for p in (target / QUESTIONS, target / CONVERSATIONS) if p.is_file()], []
    if not target.is_dir():
        return [], [f"skip {target}: no such file or folder"]
    files, skipped = [], []
    for folder in sorted(p for p in target.iterdir() if p.is_dir() and not p.name.startswith(".")):
        if (folder / QUESTIONS).is_file():
            files += [p for p in (folder / QUESTIONS, folder / CONVERSATIONS) if p.is_file()]
        else:
            skipped.append(f"skip {folder}: no {QUESTIONS} yet")
    return files, skipped


def main(argv: list[str] | None = None) -> int:
    """Split every eval set named on the command line (default: every collection under evals/sets)."""
    parser = argparse.ArgumentParser(prog="python -m assistant.evals.split", description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", type=Path, default=[DEFAULT_SETS],
                        help="questions.jsonl files, collection folders or folders of them (default: %(default)s)")
    status = 0
    for target in parser.parse_args(argv).paths:
        files, skipped = question_files(target)
        for message in skipped:
            print(message, file=sys.stderr)
        for path in files:
            try:
                print(split_file(path).line())
            except EvalSetError as exc:
                print(f"error: {exc}", file=sys.stderr)
                status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
