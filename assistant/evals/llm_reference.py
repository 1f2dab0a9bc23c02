"""``assistant eval --llm-reference``: the grounding guard measured with the reference-answer stand-ins.

Every collection's ``split`` part (and the article's own set) is asked through ``ASSISTANT_LLM=openai`` against the
two stand-ins of ``assistant.evals.standin``, with the extractive gate off so every question reaches the backend.
From the ``reference`` run: the share of reference sentences the guard kept (overall, and where retrieval had put
the evidence among the passages shown), the share of answers that fell back to the extractive one, accuracy (also
where the evidence was shown) and verbatim citations; from the ``wrong`` run: the share of wrong sentences let
through. With ``pairings`` above 1 the wrong stand-in is run again on the questions in other orders (seeded
shuffles), so each question gets other questions' answers and other swapped values: ``wrong_through_pairings`` is
the share let through over every pairing, a figure that one fixed pairing, which rules can come to fit, cannot hide.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.evals.metrics import normalise, summarise
from assistant.evals.runner import run_system, source_texts
from assistant.evals.schema import EvalQuestion, QuestionResult, load_questions
from assistant.evals.standin import Mode, StandIn, key

if TYPE_CHECKING:
    from assistant.schema import Answer
    from assistant.service import Assistant
    from assistant.settings import Settings

ARTICLE_SET = Path("evals/questions.jsonl")
ARTICLE_CORPUS = Path("corpus")
FIGURES = ("ref_kept", "ref_kept_found", "fell_back", "accuracy", "accuracy_found", "false_refusals",
           "wrong_through", "wrong_through_pairings", "verbatim")
Progress = Callable[[str, int, int], None]


def kept(sentence: str, answer: Answer | None) -> bool:
    """Whether a sentence the stand-in said is in the guarded answer (not when it fell back or abstained, nor when
    asking raised: ``None``, which the run records as an error)."""
    if answer is None or answer.abstained or answer.notice:
        return False
    return normalise(sentence).rstrip(".!? ") in normalise(answer.answer)


def _share(hits: int, total: int) -> float | None:
    return round(hits / total, 4) if total else None


@dataclass
class ModeRun:
    """One stand-in's run over a set: the scored results, the answers and what the stand-in said."""

    results: list[QuestionResult]
    answers: dict[str, Answer]
    standin: StandIn


def run_mode(base: Assistant, questions: list[EvalQuestion], mode: Mode, progress: Progress | None = None) -> ModeRun:
    """Ask every question through the openai backend against a ``mode`` stand-in (gate off)."""
    from assistant.service import Assistant

    answers: dict[str, Answer] = {}
    with StandIn(questions, mode) as standin:
        assistant = Assistant(base.settings.replace(llm="openai", llm_base_url=standin.url, llm_gate=False,
                                                    llm_model="standin"))

        def ask(question: str, id: str, history: list[str] | None = None) -> Answer:
            answers[id] = assistant.ask(question, history=history, id=id)
            return answers[id]

        results = run_system(mode, questions, ask, source_texts(assistant), progress)
    return ModeRun(results, answers, standin)


def wrong_pairs(wrong: ModeRun) -> list[tuple[str, Answer | None]]:
    """Each wrong sentence a stand-in said, with the guarded answer it went into."""
    return [(s, wrong.answers.get(r.id)) for r in wrong.results
            if (sent := wrong.standin.sent.get(key(r.question))) for s in sent.wrong]


def figures(reference: ModeRun, wrong: ModeRun, shown: int, repaired: list[ModeRun] | None = None,
            ) -> dict[str, float | int | None]:
    """The guard's figures on one set; ``shown`` is how many passages the prompt holds; ``repaired``: wrong runs on
    the questions in other orders (``wrong_through_pairings`` pools them with ``wrong``; None without them)."""
    answerable = [r for r in reference.results if not r.should_abstain]
    found = [r for r in answerable if r.verdicts.retrieval_rank is not None and r.verdicts.retrieval_rank <= shown]
    said = {r.id: reference.standin.sent.get(key(r.question)) for r in answerable}

    def kept_share(results: list[QuestionResult]) -> float | None:
        pairs = [(s, reference.answers.get(r.id)) for r in results if said[r.id] for s in said[r.id].sentences]
        return _share(sum(kept(s, a) for s, a in pairs), len(pairs))

    said_wrong = wrong_pairs(wrong)
    pooled = said_wrong + [p for run in repaired or [] for p in wrong_pairs(run)]
    summary = summarise(reference.results)
    return {
        "questions": len(reference.results), "answerable": len(answerable), "evidence_shown": len(found),
        "ref_kept": kept_share(answerable), "ref_kept_found": kept_share(found),
        "fell_back": _share(sum(not (a := reference.answers.get(r.id)) or bool(a.notice) for r in answerable),
                            len(answerable)),  # a question that raised reached no answer of the model's either
        "accuracy": summary["accuracy"], "accuracy_found": _share(sum(bool(r.verdicts.accurate) for r in found), len(found)),
        "false_refusals": summary["false_refusal_rate"],
        "wrong_sentences": len(said_wrong),
        "wrong_through": _share(sum(kept(s, a) for s, a in said_wrong), len(said_wrong)),
        "wrong_through_pairings": _share(sum(kept(s, a) for s, a in pooled), len(pooled)) if repaired else None,
        "verbatim": summarise(reference.results + wrong.results)["verbatim_rate"],
    }


def measure(base: Assistant, questions: list[EvalQuestion], progress: Progress | None = None, pairings: int = 1,
            ) -> dict[str, float | int | None]:
    """Both stand-ins over one set, the wrong one ``pairings`` times (the questions in their own order, then
    shuffled with seeds 1, 2, ...), and the guard's figures."""
    reference = run_mode(base, questions, "reference", progress)
    wrong = run_mode(base, questions, "wrong", progress)
    repaired = [run_mode(base, reordered(questions, seed), "wrong", progress) for seed in range(1, pairings)]
    return figures(reference, wrong, base.settings.llm.passages, repaired or None)


def reordered(questions: list[EvalQuestion], seed: int) -> list[EvalQuestion]:
    """The questions shuffled with ``seed``: the wrong stand-in then pairs each with other questions' answers."""
    shuffled = list(questions)
    random.Random(seed).shuffle(shuffled)
    return shuffled


ARTICLE_ROW = "article (questions.jsonl)"  # the project's own set: a row of its own beside a collection named article


def collections(settings: Settings, sets_dir: Path, split: str, article: bool = True) -> dict[str, tuple[Assistant, list[EvalQuestion]]]:
    """Each collection's assistant (cached scratch index) and ``split`` questions, and the article's whole set."""
    from assistant.evals.sets import collection_assistant, default_cache, find_collections
    from assistant.service import Assistant

    found, _ = find_collections(sets_dir)
    out = {c.name: (collection_assistant(settings, c.folder), [q for q in load_questions(c.questions) if q.in_split(split)])
           for c in found}
    if article and ARTICLE_SET.is_file():
        assistant = Assistant.from_settings(settings, corpus_dir=ARTICLE_CORPUS,
                                            index_dir=default_cache(sets_dir) / "_article", chroma_url=None)
        assistant.index(lock_wait=600)
        out[ARTICLE_ROW] = (assistant, load_questions(ARTICLE_SET))
    return out


def table(per: dict[str, dict[str, float | int | None]]) -> str:
    """The figures as a markdown table, one row per set and a mean row."""
    lines = ["| set | questions | " + " | ".join(FIGURES) + " |", "|---" * (len(FIGURES) + 2) + "|"]
    for name, f in per.items():
        lines.append(f"| {name} | {f['questions']} | " + " | ".join(_fmt(f[k]) for k in FIGURES) + " |")
    means = {k: [v for f in per.values() if (v := f[k]) is not None] for k in FIGURES}
    lines.append("| **mean** | | " + " | ".join(_fmt(sum(v) / len(v) if v else None) for v in means.values()) + " |")
    return "\n".join(lines)


def _fmt(value: float | int | None) -> str:
    return "—" if value is None else f"{value:.2f}"


def run_reference_eval(settings: Settings, sets_dir: Path, split: str, out: Path, progress: Progress | None = None,
                       pairings: int = 1) -> str:
    """Measure every set, write ``llm-reference-<split>.json``/``.md`` under ``out``; the markdown table."""
    per = {name: measure(assistant, questions, progress, pairings)
           for name, (assistant, questions) in collections(settings, sets_dir, split).items()}
    out.mkdir(parents=True, exist_ok=True)
    text = f"# Grounding guard with the reference stand-ins ({split} split, gate off)\n\n{table(per)}\n"
    (out / f"llm-reference-{split}.json").write_text(json.dumps(per, indent=1) + "\n")
    (out / f"llm-reference-{split}.md").write_text(text)
    return text
