"""Topic-shift probe: ``python -m assistant.evals.shift_probe`` (tuning parts only).

A question that stands on its own should be answered the same after another question as alone: the follow-up
reader must not take its own pronouns ("what priority do *its* versions get, when a target release is set?") or
its verbless wording ("default timeout for apt's ftp method in seconds?") for references to the earlier turn. Each
collection's tune single questions (and the article's evals/questions.jsonl) are asked alone and after the question
before them in their file, a topic shift of the kind conversations hold; the probe counts the verdicts the history
changed (right answer, or refusal when the question should be refused) and lists them with what was searched.
Written for issue 16m; the frozen test parts are never read.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.evals.schema import EvalQuestion, load_questions

if TYPE_CHECKING:
    from assistant.schema import Answer
    from assistant.service import Assistant


@dataclass(frozen=True)
class Shift:
    """One question asked alone and after the one before it: right (or rightly refused) each way."""

    collection: str
    qid: str
    question: str
    alone_right: bool
    after_right: bool
    searched: str | None  # how it was searched after the earlier question (None: as typed)


def pairs(questions: Sequence[EvalQuestion], split: str = "tune") -> list[tuple[EvalQuestion, EvalQuestion]]:
    """(earlier, question): each single question of ``split`` after the one before it in the file."""
    kept = [q for q in questions if q.in_split(split) and not q.history]
    return list(zip(kept, kept[1:]))


def tally(shifts: Sequence[Shift]) -> tuple[int, int]:
    """(verdicts the history made right, verdicts it made wrong)."""
    return (sum(s.after_right and not s.alone_right for s in shifts),
            sum(s.alone_right and not s.after_right for s in shifts))


def _collections(article: Path, sets_dir: Path) -> Iterator[tuple[str, Assistant, Path]]:
    from assistant.evals.sets import collection_assistant, find_collections
    from assistant.service import Assistant
    from assistant.settings import Settings

    if article.is_file():
        yield "article-own", Assistant.from_settings(), article
    for collection in find_collections(sets_dir)[0]:
        yield collection.name, collection_assistant(Settings(), collection.folder), collection.questions


def probe(article: Path, sets_dir: Path, split: str = "tune") -> list[Shift]:
    """Every pair of ``split`` asked both ways, through ``Assistant.ask`` and the eval's own verdicts."""
    from assistant.evals.runner import score, source_texts

    shifts = []
    for name, assistant, path in _collections(article, sets_dir):
        texts = source_texts(assistant)
        for earlier, q in pairs(load_questions(path), split):
            alone, after = assistant.ask(q.question), assistant.ask(q.question, history=[earlier.question])

            def right(answer: Answer, q: EvalQuestion = q) -> bool:
                verdicts = score(q, answer, 0.0, texts).verdicts
                return bool(verdicts.abstain_correct if q.should_abstain else verdicts.accurate)

            shifts.append(Shift(name, q.id, q.question, right(alone), right(after), after.searched))
    return shifts


def main(argv: list[str] | None = None) -> int:
    """Run the probe and print the changed verdicts and the counts."""
    parser = argparse.ArgumentParser(prog="python -m assistant.evals.shift_probe", description=__doc__.split("\n")[0])
    parser.add_argument("--article", type=Path, default=Path("evals/questions.jsonl"))
    parser.add_argument("--sets", type=Path, default=Path("evals/sets"))
    args = parser.parse_args(argv)
    shifts = probe(args.article, args.sets)
    for s in shifts:
        if s.alone_right != s.after_right:
            print(f"{'+' if s.after_right else '-'} {s.collection} {s.qid}: {s.question} -> {s.searched}")
    made_right, made_wrong = tally(shifts)
    print(f"{len(shifts)} pairs; the history made {made_right} verdicts right and {made_wrong} wrong; "
          f"{sum(s.searched is not None for s in shifts)} read as follow-ups")
    return 0


if __name__ == "__main__":
    sys.exit(main())
