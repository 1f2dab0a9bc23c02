"""``assistant ask --batch``: JSON lines of ``{"id", "question"}`` in, one answer or one error object out per line.

A line that cannot be asked (not UTF-8, not JSON, no "question" text, a question ``ask`` refuses) gives
``{"id": <its own id or null>, "line": N, "error": "..."}`` and the run goes on with the next line.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from assistant.schema import Answer
from assistant.service import QuestionError

FORMAT = 'a JSON-lines file with one {"id": ..., "question": "..."} object per line, or - for standard input'


@dataclass(frozen=True)
class BatchLine:
    """One non-blank line of a batch: its number, and its id and question, or why it cannot be asked."""

    number: int
    id: str | None
    question: str | None = None
    error: str | None = None


def parse_line(number: int, raw: bytes) -> BatchLine:
    """The id and question on line ``number``; an error names only this line's own id (None when it has none)."""
    try:
        item = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        return BatchLine(number, None, error=f"line {number} is not UTF-8 text ({exc.reason} at byte {exc.start})")
    except ValueError as exc:
        return BatchLine(number, None, error=f"line {number} is not JSON ({exc})")
    if not isinstance(item, dict):
        return BatchLine(number, None, error=f"line {number} is not a JSON object: give {FORMAT}")
    ident = None if item.get("id") is None else str(item["id"])
    question = item.get("question")
    if not isinstance(question, str):
        return BatchLine(number, ident, error=f'line {number} has no "question" text')
    return BatchLine(number, ident if ident is not None else str(number), question)


def run_batch(lines: Iterable[bytes], ask: Callable[[str, str], Answer], emit: Callable[[BatchLine, Answer | None,
              str | None], None]) -> int:
    """Ask every line's question; ``emit(line, answer, error)`` for each; returns how many lines failed."""
    failed = 0
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        line = parse_line(number, raw)
        answer, error = None, line.error
        if error is None:
            try:
                answer = ask(str(line.question), str(line.id))
            except QuestionError as exc:  # empty, too long: this line only (a store down stops the run)
                error = exc.one_line()
        failed += error is not None
        emit(line, answer, error)
    return failed


def error_object(line: BatchLine, error: str) -> str:
    """The JSON error line for a batch line."""
    return json.dumps({"id": line.id, "line": line.number, "error": error})
