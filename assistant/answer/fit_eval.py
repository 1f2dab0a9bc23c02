"""What ``assistant tune`` measures: the tuning collections, end-to-end figures under given parameters, and the
leave-one-collection-out report (fit on all collections but one, measure on that one's tuning part)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from assistant.answer.params import AnswerParams
    from assistant.evals.schema import EvalQuestion
    from assistant.service import Assistant

ARTICLE_SET = Path("evals/questions.jsonl")  # the article's own set: tuned on since the start, so tuning data only
ARTICLE = "article"  # the article's key in the tuning data, and the name of the collection of fresh questions on it
FIGURES = ("accuracy", "citation_recall", "citation_precision", "abstain_recall", "false_refusal_rate")
Collections = dict[str, tuple["Assistant", list["EvalQuestion"]]]


def tuning_collections(sets_dir: Path) -> Collections:
    """Each collection's assistant (cached scratch index) and tuning questions, plus the article's set; a collection
    named ``article`` (fresh questions on the same document) joins the article's set, so that leaving one collection
    out of a fit leaves the whole article out."""
    from assistant.evals.schema import load_questions
    from assistant.evals.sets import collection_assistant, default_cache, find_collections
    from assistant.service import Assistant
    from assistant.settings import Settings

    settings = Settings()
    found, _ = find_collections(sets_dir)
    out: Collections = {}
    for collection in found:
        assistant = collection_assistant(settings, collection.folder)
        out[collection.name] = (assistant, [q for q in load_questions(collection.questions) if q.split == "tune"])
    if ARTICLE_SET.is_file():
        article = Assistant.from_settings(settings, corpus_dir=Path("corpus"),
                                          index_dir=default_cache(sets_dir) / "_article", chroma_url=None)
        article.index(lock_wait=600)
        _, fresh = out.pop(ARTICLE, (None, []))
        out[ARTICLE] = (article, load_questions(ARTICLE_SET) + fresh)
    return out


def evaluate_collection(assistant: Assistant, questions: list[EvalQuestion], params: AnswerParams) -> dict[str, Any]:
    """Headline figures of these questions answered with ``params``."""
    from assistant.evals.metrics import summarise
    from assistant.evals.runner import score, source_texts

    assistant.use_answer_params(params)
    texts = source_texts(assistant)
    results = []
    for q in questions:
        answer = assistant.ask(q.question, id=q.id)
        results.append(score(q, answer, answer.seconds, texts))
    assistant.use_answer_params(None)
    return summarise(results)


def evaluate_params(collections: Collections, params: AnswerParams) -> dict[str, Any]:
    """Figures per collection and their macro mean; ``score`` = mean accuracy + mean citation recall."""
    per = {name: evaluate_collection(a, qs, params) for name, (a, qs) in collections.items()}
    mean = {f: sum((p[f] or 0.0) for p in per.values()) / len(per) for f in FIGURES}
    return {"per": per, "mean": mean, "score": mean["accuracy"] + mean["citation_recall"]}


def loco_report(
    collections: Collections, samples: dict[str, list], names: list[str],
    fit: Callable[..., AnswerParams], params: AnswerParams,
) -> str:
    """Markdown: the fitted weights, figures on every tuning part, and leave-one-collection-out figures."""
    refit = [f"Refusal model refitted alone (`--refusal-only`, on the ranker above) on: "
             f"{', '.join(params.refusal_fitted_on)}", ""] if params.refusal_fitted_on else []
    lines = ["# assistant tune", "", f"Fitted on the tuning parts of: {', '.join(params.fitted_on)}", "", *refit,
             "## Sentence ranker (standardised weights)", "", "| feature | weight |", "|---|---|"]
    lines += [f"| {n} | {w:+.3f} |" for n, w in sorted(params.ranker.weights.items(), key=lambda kv: -abs(kv[1]))]
    lines += ["", f"## Refusal model (threshold {params.refusal_threshold:.2f})", "", "| evidence | weight |", "|---|---|"]
    lines += [f"| {n} | {w:+.3f} |" for n, w in sorted(params.refusal.weights.items(), key=lambda kv: -abs(kv[1]))]
    lines += ["", f"extra_sentence_ratio: {params.extra_sentence_ratio}; extras_must_add_terms: "
              f"{params.extras_must_add_terms}", ""]
    header = "| collection | " + " | ".join(FIGURES) + " |"
    rule = "|---" * (len(FIGURES) + 1) + "|"
    fitted = evaluate_params(collections, params)
    lines += ["## Tuning parts, fitted on all", "", header, rule]
    lines += [f"| {n} | " + " | ".join(_fmt(p[f]) for f in FIGURES) + " |" for n, p in fitted["per"].items()]
    lines += ["| **mean** | " + " | ".join(_fmt(fitted["mean"][f]) for f in FIGURES) + " |", ""]
    lines += ["## Leave one collection out (fit on the others, measured on this one's tuning part)", "", header, rule]
    held: dict[str, dict[str, Any]] = {}
    for name, (assistant, questions) in collections.items():
        others = [s for other, group in samples.items() if other != name for s in group]
        loco = fit(others, names, sorted(set(samples) - {name}), params.growth())
        held[name] = evaluate_collection(assistant, questions, loco)
        lines.append(f"| {name} | " + " | ".join(_fmt(held[name][f]) for f in FIGURES) + " |")
    means = {f: sum((h[f] or 0.0) for h in held.values()) / len(held) for f in FIGURES}
    lines += ["| **mean** | " + " | ".join(_fmt(means[f]) for f in FIGURES) + " |", ""]
    return "\n".join(lines)


def _fmt(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}"
