"""Fit the answer pipeline's parameters on the tuning parts of the eval collections: ``assistant tune``
(``python -m assistant.answer.fit``).

1. Every tuning question is run through the real pipeline (cached scratch index per collection); each candidate
   sentence's features are recorded with its label: does it overlap the question's gold evidence?
2. The sentence ranker: L2-regularised logistic regression of that label on the standardised features.
3. The refusal model: logistic regression of ``should_abstain`` on the refusal evidence (computed with the fitted
   ranker), refusals and answers weighed equally; its threshold is the one that best separates refusals from answers
   on leave-one-collection-out probabilities (each collection judged by models fitted without it) while keeping
   false refusals at most ``MAX_FALSE_REFUSALS``.
4. How answers grow (``extra_sentence_ratio``, ``extras_must_add_terms``): the grid point with the best accuracy +
   citation recall end to end (ties: the stricter choice, i.e. shorter answers).
Deterministic (no sampling); writes ``params.json`` and a report with leave-one-collection-out figures.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from assistant.answer.params import PARAMS_PATH, AnswerParams, LinearModel, load_params
from assistant.answer.refusal import refusal_evidence

RATIO_GRID = (0.03, 0.05, 0.1, 0.2, 0.35, 0.5, 0.7, 0.9)
L2 = 1.0  # ridge penalty on standardised weights
MAX_FALSE_REFUSALS = 0.08  # of held-out-collection probabilities: the target on unseen documents is 0.10


@dataclass
class QuestionSample:
    """One tuning question's candidates (feature dicts, gold labels) and refusal label."""

    collection: str
    qid: str
    should_abstain: bool
    features: list[dict[str, float]] = field(default_factory=list)
    labels: list[int] = field(default_factory=list)
    view: object = None
    ranked: list = field(default_factory=list)


def logistic(x: np.ndarray, y: np.ndarray, names: list[str], l2: float = L2, weight: np.ndarray | None = None) -> LinearModel:
    """Newton-fitted, L2-regularised logistic regression on standardised columns (deterministic)."""
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    z = np.hstack([np.ones((len(x), 1)), (x - mean) / scale])
    w = np.zeros(z.shape[1])
    sample_weight = np.ones(len(y)) if weight is None else weight
    penalty = np.full(z.shape[1], l2)
    penalty[0] = 0.0
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-np.clip(z @ w, -30, 30)))
        grad = z.T @ (sample_weight * (p - y)) + penalty * w
        hess = (z * (sample_weight * p * (1 - p))[:, None]).T @ z + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return LinearModel(weights={n: round(float(v), 5) for n, v in zip(names, w[1:])}, bias=round(float(w[0]), 5),
                       mean={n: round(float(m), 5) for n, m in zip(names, mean)},
                       scale={n: round(float(s), 5) for n, s in zip(names, scale)})


def gather(collection: str, assistant, questions) -> list[QuestionSample]:
    """Run each question's first look through the pipeline and label its candidates against gold evidence."""
    from assistant.evals.metrics import evidence_spans
    from assistant.evals.runner import source_texts

    texts = source_texts(assistant)
    pipeline = assistant.pipeline()
    out = []
    for q in questions:
        gold, _ = evidence_spans(q, texts)
        _, seen = pipeline.inspect(q.question)
        sample = QuestionSample(collection, q.id, q.should_abstain)
        if seen is not None:
            sample.view, sample.ranked = seen.question, seen.ranked
            for cand in seen.ranked:
                s = cand.sentence
                sample.features.append(dict(cand.features))
                sample.labels.append(int(any(g.source == s.source and g.start < s.end and s.start < g.end for g in gold)))
        out.append(sample)
    return out


def fit_ranker(samples: list[QuestionSample], names: list[str], l2: float = L2) -> LinearModel:
    """The sentence ranker over answerable questions' candidates; each question weighs the same."""
    rows, labels, weights = [], [], []
    for s in samples:
        if s.should_abstain or not any(s.labels):
            continue
        for f, label in zip(s.features, s.labels):
            rows.append([f.get(n, 0.0) for n in names])
            labels.append(label)
            weights.append(1.0 / len(s.labels))
    weight = np.array(weights)
    return logistic(np.array(rows), np.array(labels, float), names, l2=l2, weight=weight * len(weight) / weight.sum())


def refusal_rows(samples: list[QuestionSample], ranker: LinearModel) -> tuple[list[dict[str, float]], list[int]]:
    """Each question's refusal evidence under ``ranker`` and its label (1: should be refused)."""
    rows, labels = [], []
    for s in samples:
        if not s.ranked:
            continue
        for cand in s.ranked:
            cand.logit = ranker.logit(cand.features)
        ranked = sorted(s.ranked, key=lambda c: -c.logit)
        evidence = refusal_evidence(s.view, ranked)
        evidence["acronym_unexplained"] = float(bool(s.view.query.acronym) and not any(
            c.features.get("spells_acronym", 0) for c in ranked))
        rows.append(evidence)
        labels.append(int(s.should_abstain))
    return rows, labels


def refusal_model(rows: list[dict[str, float]], labels: list[int]) -> LinearModel:
    """Logistic regression of "should be refused" on the refusal evidence (``refusal_rows``), refusals and answers
    weighed equally."""
    names = sorted(rows[0])
    y = np.array(labels, float)
    balanced = np.where(y == 1, len(y) / (2 * max(y.sum(), 1)), len(y) / (2 * max(len(y) - y.sum(), 1)))
    return logistic(np.array([[r[n] for n in names] for r in rows]), y, names, weight=balanced)


def held_out_probabilities(samples: list[QuestionSample], names: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """Each question's refusal probability from a ranker and refusal model fitted without its collection, and its
    label: how the models judge a kind of document they have not seen."""
    probs, labels = [], []
    for held in sorted({s.collection for s in samples}):
        others = [s for s in samples if s.collection != held]
        ranker = fit_ranker(others, names)
        model = refusal_model(*refusal_rows(others, ranker))
        rows, ys = refusal_rows([s for s in samples if s.collection == held], ranker)
        probs += [model.probability(r) for r in rows]
        labels += ys
    return np.array(probs), np.array(labels, float)


def best_threshold(probs: np.ndarray, y: np.ndarray, max_false: float = MAX_FALSE_REFUSALS) -> float:
    """The threshold with the most refusals of should-refuse questions less false refusals, false refusals at
    most ``max_false``."""
    best, best_t = -1.0, 0.5
    for t in np.round(np.arange(0.2, 0.95, 0.01), 2):
        refused = probs >= t
        recall = refused[y == 1].mean()
        false = refused[y == 0].mean()
        if false <= max_false and recall - false > best:
            best, best_t = recall - false, float(t)
    return best_t


def fit_refusal(samples: list[QuestionSample], ranker: LinearModel, names: list[str]) -> tuple[LinearModel, float]:
    """The refusal model (fitted on every sample) and its threshold, chosen on leave-one-collection-out
    probabilities when the samples come from several collections (in-sample ones flatter the model)."""
    rows, labels = refusal_rows(samples, ranker)
    model = refusal_model(rows, labels)
    if len({s.collection for s in samples}) > 2:
        probs, y = held_out_probabilities(samples, names)
    else:
        probs, y = np.array([model.probability(r) for r in rows]), np.array(labels, float)
    return model, best_threshold(probs, y)


def refit_refusal(samples: list[QuestionSample], params: AnswerParams, fitted_on: list[str]) -> AnswerParams:
    """``params`` with only the refusal model and its threshold refitted, on ``params``' own ranker: new refusal
    evidence or new collections without moving how sentences are ranked. The threshold is chosen on
    leave-one-collection-out probabilities of the refusal model (the ranker stays fixed)."""
    rows, labels = refusal_rows(samples, params.ranker)
    model = refusal_model(rows, labels)
    groups = [s.collection for s in samples if s.ranked]
    probs = (held_out_refusal(rows, labels, groups) if len(set(groups)) > 2
             else np.array([model.probability(r) for r in rows]))
    return params.model_copy(update={"refusal": model, "refusal_fitted_on": fitted_on,
                                     "refusal_threshold": best_threshold(probs, np.array(labels, float))})


def held_out_refusal(rows: list[dict[str, float]], labels: list[int], groups: list[str]) -> np.ndarray:
    """Each row's refusal probability from a refusal model fitted on the other groups' rows only."""
    probs = np.zeros(len(rows))
    for held in sorted(set(groups)):
        inside = [i for i, g in enumerate(groups) if g != held]
        model = refusal_model([rows[i] for i in inside], [labels[i] for i in inside])
        for i, g in enumerate(groups):
            if g == held:
                probs[i] = model.probability(rows[i])
    return probs


def fit(samples: list[QuestionSample], names: list[str], fitted_on: list[str], growth: dict | None = None) -> AnswerParams:
    """Ranker, refusal model and threshold from these samples; ``growth``: how answers grow (fields of
    ``AnswerParams``), chosen separately by the end-to-end grid."""
    ranker = fit_ranker(samples, names)
    refusal, threshold = fit_refusal(samples, ranker, names)
    return AnswerParams(fitted_on=fitted_on, ranker=ranker, refusal=refusal, refusal_threshold=threshold,
                        **(growth or {}))


def main(argv: list[str] | None = None) -> int:
    """Fit on every collection's tuning part (and the article's set), write params.json and a report."""
    from assistant.answer.features import FEATURE_NAMES
    from assistant.answer.fit_eval import loco_report, tuning_collections

    parser = argparse.ArgumentParser(prog="assistant tune", description=__doc__.splitlines()[0])
    parser.add_argument("--sets", default="evals/sets", help="folder of eval collections (default: %(default)s)")
    parser.add_argument("--out", default=str(PARAMS_PATH), help="parameters file to write (default: the package's)")
    parser.add_argument("--report", default="evals/reports/tune.md", help="fit report (default: %(default)s)")
    parser.add_argument("--refusal-only", action="store_true", help="keep the ranker and how answers grow from "
                        "the current parameters; refit only the refusal model and its threshold")
    parser.add_argument("--keep-growth", action="store_true", help="refit the ranker and the refusal model; keep how "
                        "answers grow from the current parameters (skips the end-to-end grid, the slow part)")
    args = parser.parse_args(argv)
    collections = tuning_collections(Path(args.sets))
    samples = {name: gather(name, assistant, qs) for name, (assistant, qs) in collections.items()}
    names = list(FEATURE_NAMES)
    everything = [s for group in samples.values() for s in group]
    if args.refusal_only:
        current = load_params()
        params = refit_refusal(everything, current, sorted(samples))

        def fitter(group: list[QuestionSample], _names: list[str], on: list[str], _growth: dict) -> AnswerParams:
            return refit_refusal(group, current, on)
    elif args.keep_growth:
        params, fitter = fit(everything, names, sorted(samples), load_params().growth()), fit
    else:
        params, fitter = _fit_all(collections, everything, names, sorted(samples)), fit
    Path(args.out).write_text(json.dumps(params.model_dump(), indent=1, sort_keys=True) + "\n", encoding="utf-8")
    report = loco_report(collections, samples, names, fitter, params)
    Path(args.report).parent.mkdir(parents=True, exist_ok=True)
    Path(args.report).write_text(report, encoding="utf-8")
    print(report)
    return 0


def _fit_all(collections: dict, samples: list[QuestionSample], names: list[str], fitted_on: list[str]) -> AnswerParams:
    """Ranker, refusal model and threshold, then how answers grow: the end-to-end grid's best point."""
    from assistant.answer.fit_eval import evaluate_params

    params = fit(samples, names, fitted_on)
    grid = [{"extra_sentence_ratio": r, "extras_must_add_terms": must} for must in (True, False) for r in RATIO_GRID]
    scores = [evaluate_params(collections, params.model_copy(update=choice))["score"] for choice in grid]
    best = max(range(len(grid)), key=lambda i: (round(scores[i], 4), grid[i]["extras_must_add_terms"],
                                                grid[i]["extra_sentence_ratio"]))
    return params.model_copy(update=grid[best])


if __name__ == "__main__":
    raise SystemExit(main())
