"""Fit the grounding guard's thresholds on the tuning parts of the eval collections (never the frozen test parts,
never the article alone): ``python -m assistant.answer.guard_fit [--sets evals/sets] [--out PATH]``.

Each tuning question is retrieved once; the two stand-ins' replies (``assistant.evals.standin``: the reference
answer, and a wrong one) are guarded under every candidate setting on a fixed grid. The chosen setting keeps the
most reference sentences of the questions whose evidence retrieval showed (the others' are rightly dropped) while
letting through at most ``MAX_WRONG`` of the wrong ones (ties: fewer wrong, then the earlier grid point), so the same
data always gives the same file.
"""

from __future__ import annotations

import argparse
import itertools
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from assistant.answer.guard import Guard, guard_answer
from assistant.answer.guard_params import GUARD_PARAMS_PATH, GuardParams
from assistant.answer.llm_answer import GenerativeAnswerer, draft_hints
from assistant.answer.matching import TermWeights
from assistant.evals.metrics import evidence_spans, normalise, retrieval_rank
from assistant.evals.runner import source_texts
from assistant.evals.standin import DONT_KNOW, Answers, passages_of, tag
from assistant.schema import Span

if TYPE_CHECKING:
    from assistant.answer.prompts import Prompt
    from assistant.service import Assistant
    from assistant.store import Snapshot

MAX_WRONG = 0.02
GRID = {
    "full_coverage": (0.55, 0.6, 0.65),
    "soft_coverage": (0.5,),
    "soft_similarity": (0.65,),
    "one_word_coverage": (0.4,),
    "max_unmatched": (2,),
    "unmatched_share": (0.0, 0.2, 0.25),
    "literal_share": (0.35,),
    "relevance": (0.15, 0.2),
    "relevance_similarity": (0.6,),
    "anchor_reach": (0,),
    "context_credit": (0.5,),
    "continuation_reach": (300,),
    "reason_share": (0.5,),
    "nearby_reach": (3,),
    "nearby_coverage": (0.3,),
}


@dataclass
class Case:
    """One tuning question ready to guard: its prompt, snapshot and weights, and what each stand-in says."""

    question: str
    prompt: Prompt
    snapshot: Snapshot
    weights: TermWeights
    reference: list[str]
    wrong: list[str]
    wrong_sentences: list[str]
    anchors: tuple = ()  # type: ignore[type-arg]
    chosen: tuple = ()  # type: ignore[type-arg]  # the extractive answer's own sentences (none when it refused)
    shown: bool = True  # retrieval put the evidence among the passages shown
    memo: dict = field(default_factory=dict)  # type: ignore[type-arg]  # span matches, shared across the grid


def _cached(embed):  # type: ignore[no-untyped-def]
    memo: dict[str, np.ndarray] = {}

    def run(texts: list[str]) -> np.ndarray:
        missing = [t for t in texts if t not in memo]
        if missing:
            memo.update(zip(missing, embed(missing)))
        return np.stack([memo[t] for t in texts])

    return run


def cases(assistant: Assistant, questions: list) -> list[Case]:  # type: ignore[type-arg]
    """Every tuning question retrieved once, with both stand-ins' tagged replies."""
    answers = Answers(questions)
    snapshot = assistant.snapshot()
    weights = TermWeights.of_bm25(snapshot.bm25, len(snapshot.meta.chunks))
    generator = GenerativeAnswerer(assistant.settings)
    pipeline = assistant.pipeline()
    texts = source_texts(assistant)
    out = []
    for q in questions:
        hits, draft = pipeline.run(q.question)
        if not hits:
            continue
        prompt = generator.prompt(q.question, hits, draft)
        rank = retrieval_rank([Span(source=h.chunk.source, start=h.chunk.start, end=h.chunk.end) for h in hits],
                              evidence_spans(q, texts)[0])
        passages = passages_of(prompt.user)
        said = answers.reference(q)
        wrong, wrong_sentences = answers.wrong(q)
        out.append(Case(q.question, prompt, snapshot, weights,
                        [] if said == [DONT_KNOW] else [tag(s, passages) for s in said],
                        [tag(s, passages) for s in wrong if s != DONT_KNOW], wrong_sentences,
                        *draft_hints(draft), shown=rank is not None and rank <= len(prompt.passages)))
    return out


def _kept(sentences: list[str], text: str) -> int:
    shown = normalise(text)
    return sum(normalise(s.rsplit(" [", 1)[0]).rstrip(".!? ") in shown for s in sentences)


def measure(all_cases: list[Case], params: GuardParams, embed) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """Share of reference sentences kept (where retrieval showed their evidence: elsewhere dropping them is right)
    and of wrong sentences let through under ``params``."""
    ref_total = ref_kept = wrong_total = wrong_kept = 0
    for case in all_cases:
        def guard() -> Guard:
            return Guard(case.prompt.passages, case.snapshot, case.weights, embed, False, case.question, params,
                         case.anchors, case.chosen, case.memo)

        if case.reference and case.shown:
            ref_total += len(case.reference)
            ref_kept += _kept(case.reference, guard_answer(" ".join(case.reference), guard()).text)
        if case.wrong_sentences:
            wrong_total += len(case.wrong_sentences)
            wrong_kept += _kept(case.wrong_sentences, guard_answer(" ".join(case.wrong), guard()).text)
    return ref_kept / max(ref_total, 1), wrong_kept / max(wrong_total, 1)


def fit(all_cases: list[Case], embed, fitted_on: list[str]) -> GuardParams:  # type: ignore[no-untyped-def]
    """The grid point that keeps most reference sentences with at most ``MAX_WRONG`` wrong ones let through."""
    best: tuple[tuple[float, float], GuardParams] | None = None
    for values in itertools.product(*GRID.values()):
        params = GuardParams(**dict(zip(GRID, values)))
        if params.soft_coverage > params.full_coverage:
            continue
        kept, wrong = measure(all_cases, params, embed)
        rank = (kept if wrong <= MAX_WRONG else -wrong, -wrong)
        if best is None or rank > best[0]:
            best = (rank, params.model_copy(update={"fitted_on": fitted_on,
                                                    "score": {"ref_kept": round(kept, 4), "wrong_through": round(wrong, 4)}}))
    assert best is not None
    return best[1]


def main(argv: list[str] | None = None) -> int:
    """Fit on the tuning parts and write the parameters file."""
    from assistant.evals.llm_reference import collections
    from assistant.settings import Settings

    parser = argparse.ArgumentParser(prog="python -m assistant.answer.guard_fit", description=__doc__)
    parser.add_argument("--sets", default="evals/sets", help="folder of eval collections (default: %(default)s)")
    parser.add_argument("--out", default=str(GUARD_PARAMS_PATH), help="parameters file (default: the package's)")
    args = parser.parse_args(argv)
    found = collections(Settings(), Path(args.sets), "tune", article=False)
    tuning = {name: [q for q in qs if q.split == "tune"] for name, (_, qs) in found.items()}
    all_cases = [c for name, (assistant, _) in sorted(found.items()) for c in cases(assistant, tuning[name])]
    embed = _cached(next(iter(found.values()))[0].embedder.embed)
    params = fit(all_cases, embed, sorted(found))
    Path(args.out).write_text(json.dumps(params.model_dump(mode="json"), indent=1) + "\n", encoding="utf-8")
    print(f"{args.out}: {params.model_dump(exclude={'fitted_on'})}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
