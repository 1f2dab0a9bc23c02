"""Fit the follow-up gate on the conversations' TUNING parts: ``python -m assistant.followup_gate_fit``.

1. Every tune follow-up (the article's evals/conversations.jsonl and each collection's conversations.jsonl) is asked
   with its history and the gate off; each one that leans on the history (``followup.cues``) and was answered (not
   refused, no continuation, no other item of an enumeration) is a sample: the gate's features
   (``assistant.followup_gate.gate_features``) and its label, should it be refused.
2. L2-regularised logistic regression of the label on the standardised features, refusals and answers weighed
   equally (``assistant.answer.fit.logistic``, as the answerer's refusal model).
3. The threshold is chosen on leave-one-collection-out probabilities (each collection judged by a model fitted
   without it; the article's two sets count as one collection): the most refusals of unanswerable follow-ups less
   false refusals, the false refusals it adds at most ``MAX_ADDED_FALSE`` of the answerable follow-ups.
Deterministic; writes ``assistant/followup_gate.json`` and a report. The frozen test parts are never read.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from assistant.answer.fit import logistic
from assistant.answer.params import LinearModel
from assistant.evals.runner import score, source_texts
from assistant.evals.schema import EvalQuestion
from assistant.followup_fit import tune_sets
from assistant.followup_gate import FEATURES, GATE_PATH, GateParams
from assistant.followup_items import ITEM_CUE
from assistant.service import Assistant

MAX_ADDED_FALSE = 0.03  # of all answerable tune follow-ups: the target on unseen conversations is 0.10 in all
NEVER = GateParams(model=LinearModel(weights={}), threshold=2.0)
"""The gate switched off, to see the answers it would judge."""


@dataclass
class GateSample:
    """One answered tune follow-up: where it comes from, its features, and its labels."""

    collection: str
    qid: str
    should_abstain: bool
    accurate: bool  # the answer given with the gate off was right
    features: dict[str, float]


@dataclass
class TuneCounts:
    """The tune follow-ups a set holds, answered or not (the denominators of the figures)."""

    answerable: int = 0
    unanswerable: int = 0


def group(name: str) -> str:
    """The collection a set belongs to: the article's two conversation sets are one."""
    return "article" if name.startswith("article") else name


def gather(name: str, assistant: Assistant, questions: list[EvalQuestion]) -> tuple[list[GateSample], TuneCounts]:
    """The gate's samples among ``questions`` (asked with the gate off), and how many follow-ups there were."""
    assistant.gate_params = NEVER
    texts = source_texts(assistant)
    samples, counts = [], TuneCounts()
    for q in questions:
        if not q.history:
            continue
        counts.unanswerable += q.should_abstain
        counts.answerable += not q.should_abstain
        answer = assistant.ask(q.question, history=q.history)
        resolution, standalone = assistant.turns.resolve(q.question, q.history)
        if answer.abstained or not resolution.cues or ITEM_CUE in resolution.cues or assistant.turns.continuation(
                q.question, q.history, standalone) is not None:
            continue  # refused already, no follow-up, another item or a continuation: the gate does not judge it
        hits, draft = assistant.pipeline().run(resolution.query)
        features = assistant.turns.gate_features(q.question, q.history, standalone, resolution, hits, draft)
        accurate = bool(score(q, answer, 0.0, texts).verdicts.accurate)
        samples.append(GateSample(group(name), q.id, q.should_abstain, accurate, features))
    return samples, counts


def gate_model(samples: list[GateSample], names: list[str] = list(FEATURES)) -> LinearModel:
    """Logistic regression of "should be refused" on the features, refusals and answers weighed equally."""
    y = np.array([s.should_abstain for s in samples], float)
    balanced = np.where(y == 1, len(y) / (2 * max(y.sum(), 1)), len(y) / (2 * max(len(y) - y.sum(), 1)))
    return logistic(np.array([[s.features[n] for n in names] for s in samples]), y, names, weight=balanced)


def held_out(samples: list[GateSample], names: list[str] = list(FEATURES)) -> np.ndarray:
    """Each sample's probability from a model fitted without its collection (in the order of ``samples``)."""
    probs = np.zeros(len(samples))
    for held in sorted({s.collection for s in samples}):
        model = gate_model([s for s in samples if s.collection != held], names)
        for i, s in enumerate(samples):
            if s.collection == held:
                probs[i] = model.probability(s.features)
    return probs


def best_threshold(probs: np.ndarray, samples: list[GateSample], counts: TuneCounts) -> tuple[float, dict[str, float]]:
    """The threshold with the most refused unanswerable follow-ups less false refusals (shares of all tune
    follow-ups of each kind), false refusals at most ``MAX_ADDED_FALSE``; above 1 (never) when none gains."""
    y = np.array([s.should_abstain for s in samples])
    best, chosen = 0.0, (2.0, {"refused": 0.0, "false_refusals": 0.0})
    for t in np.round(np.arange(0.3, 0.96, 0.01), 2):
        refused = probs >= t
        recall = refused[y].sum() / max(counts.unanswerable, 1)
        false = refused[~y].sum() / max(counts.answerable, 1)
        if false <= MAX_ADDED_FALSE and recall - false > best:
            best, chosen = recall - false, (float(t), {"refused": round(recall, 3), "false_refusals": round(false, 3)})
    return chosen


def report(samples: list[GateSample], probs: np.ndarray, params: GateParams, counts: TuneCounts) -> str:
    """The fit's figures, per sample at the chosen threshold (held-out probabilities)."""
    lines = [f"# Follow-up gate fit ({len(samples)} answered tune follow-ups; {counts.answerable} answerable and "
             f"{counts.unanswerable} unanswerable in all)", "",
             f"threshold {params.threshold}; leave-one-collection-out: refuses {params.held_out['refused']:.2f} of "
             f"unanswerable, false refusals {params.held_out['false_refusals']:.2f} of answerable", "",
             "weights: " + ", ".join(f"{n} {w:+.2f}" for n, w in params.model.weights.items()), "",
             "| collection | id | should refuse | right with gate off | held-out p | refused |",
             "|---|---|---|---|---|---|"]
    for s, p in zip(samples, probs):
        lines.append(f"| {s.collection} | {s.qid} | {s.should_abstain} | {s.accurate} | {p:.2f} | "
                     f"{p >= params.threshold} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Gather the tune samples, fit, choose the threshold on held-out probabilities, write the parameters."""
    parser = argparse.ArgumentParser(prog="python -m assistant.followup_gate_fit", description=__doc__.split("\n")[0])
    parser.add_argument("--article", type=Path, default=Path("evals/conversations.jsonl"))
    parser.add_argument("--sets", type=Path, default=Path("evals/sets"))
    parser.add_argument("--out", type=Path, default=GATE_PATH, help="parameters file (default: the package's)")
    parser.add_argument("--report", type=Path, default=Path("evals/reports/followup_gate.md"))
    args = parser.parse_args(argv)
    samples, counts, names = [], TuneCounts(), []
    for name, assistant, questions in tune_sets(args.article, args.sets):
        found, seen = gather(name, assistant, questions)
        samples += found
        counts = TuneCounts(counts.answerable + seen.answerable, counts.unanswerable + seen.unanswerable)
        names.append(name)
    probs = held_out(samples)
    threshold, figures = best_threshold(probs, samples, counts)
    params = GateParams(fitted_on=sorted(set(names)), model=gate_model(samples), threshold=threshold, held_out=figures)
    args.out.write_text(params.model_dump_json(indent=1) + "\n", encoding="utf-8")
    text = report(samples, probs, params, counts)
    args.report.parent.mkdir(parents=True, exist_ok=True)
    args.report.write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
