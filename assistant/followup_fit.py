"""Fit the follow-up resolver's choices on the conversations' TUNING parts: ``python -m assistant.followup_fit``.

Every combination of ``FollowupParams`` is scored on the tune part of the article's conversations
(evals/conversations.jsonl) and of each collection's conversations.jsonl, through ``Assistant.ask`` with the
history, by the eval's own verdicts: right answers plus right refusals, less false refusals. The frozen test parts
are never read. The best combination is printed; ``assistant.followup.PARAMS`` holds it.
"""

from __future__ import annotations

import argparse
import itertools
import sys
from collections.abc import Iterator
from dataclasses import asdict
from pathlib import Path

from assistant.evals.runner import score, source_texts
from assistant.evals.schema import EvalQuestion, load_questions
from assistant.followup import FollowupParams
from assistant.service import Assistant

GRID = {"context_terms": (0, 2, 4, 8), "gist_terms": (2, 3, 5), "topic_phrases": (1, 2), "short_words": (2, 1, 3),
        "use_answer": (True, False)}
"""Each choice's preferred value first: a tie goes to the combination met first."""


def tune_sets(article: Path, sets_dir: Path) -> Iterator[tuple[str, Assistant, list[EvalQuestion]]]:
    """(name, assistant, tune questions) for the article and every collection with a conversations.jsonl."""
    from assistant.evals.sets import CONVERSATIONS, collection_assistant, find_collections
    from assistant.settings import Settings

    if article.is_file():
        yield "article", Assistant.from_settings(), [q for q in load_questions(article) if q.in_split("tune")]
    for collection in find_collections(sets_dir, set_file=CONVERSATIONS)[0]:
        questions = [q for q in load_questions(collection.conversations) if q.in_split("tune")]
        yield collection.name, collection_assistant(Settings(), collection.folder), questions


def objective(assistant: Assistant, questions: list[EvalQuestion]) -> tuple[int, int, int]:
    """(right answers, right refusals, false refusals) of ``questions`` asked with their history."""
    texts = source_texts(assistant)
    right = refused = false = 0
    for q in questions:
        verdicts = score(q, assistant.ask(q.question, history=q.history or None), 0.0, texts).verdicts
        right += bool(verdicts.accurate)
        refused += q.should_abstain and verdicts.abstain_correct
        false += not q.should_abstain and not verdicts.abstain_correct
    return right, refused, false


def main(argv: list[str] | None = None) -> int:
    """Score every combination of the grid on the tune parts; print one line each and the best."""
    parser = argparse.ArgumentParser(prog="python -m assistant.followup_fit", description=__doc__.split("\n\n")[0])
    parser.add_argument("--article", type=Path, default=Path("evals/conversations.jsonl"))
    parser.add_argument("--sets", type=Path, default=Path("evals/sets"))
    args = parser.parse_args(argv)
    sets = list(tune_sets(args.article, args.sets))
    best: tuple[int, FollowupParams] | None = None
    for values in itertools.product(*GRID.values()):
        params = FollowupParams(**dict(zip(GRID, values)))
        totals = [0, 0, 0]
        for _, assistant, questions in sets:
            assistant.followup_params = params
            totals = [a + b for a, b in zip(totals, objective(assistant, questions))]
        gain = totals[0] + totals[1] - totals[2]
        print(f"{asdict(params)}: right {totals[0]}, refused {totals[1]}, false refusals {totals[2]} -> {gain}",
              flush=True)
        if best is None or gain > best[0]:
            best = (gain, params)
    assert best is not None
    print(f"best: {asdict(best[1])} ({best[0]})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
