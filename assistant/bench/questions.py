"""Questions for the warm-latency runs: the eval set's, reworded by templates, plus questions on section headings."""

from __future__ import annotations

import random
import re
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from assistant.store import Snapshot

REWORDINGS = (
    "{q}",
    "{lower}",
    "Can you tell me {lower}?",
    "According to the sources, {lower}?",
    "Quick question: {q}",
    "I was wondering, {lower}?",
)
HEADING_TEMPLATES = (
    "What does the documentation say about {h}?",
    "How do I use {h}?",
    "Explain {h}.",
    "What is {h} for?",
)
_HEADING_JUNK = re.compile(r"^[\W\d_]+|[\s\u00b6#]+$")


def default_eval_set() -> Path:
    """The project's eval set (next to the package), else ./evals/questions.jsonl."""
    here = Path(__file__).resolve().parents[2] / "evals" / "questions.jsonl"
    return here if here.is_file() else Path("evals") / "questions.jsonl"


def eval_questions(path: Path) -> list[str]:
    """The questions of a JSON-lines eval set."""
    from assistant.evals.schema import load_questions

    return [q.question for q in load_questions(path)]


def reworded(questions: list[str]) -> list[str]:
    """Every question in every rewording (question mark and capital handled), in round-robin order."""
    out = []
    for template in REWORDINGS:
        for q in questions:
            bare = q.strip().rstrip("?").strip()
            lower = bare[:1].lower() + bare[1:]
            out.append(" ".join(template.format(q=q.strip(), lower=lower).split()))
    return out


def heading_questions(snapshot: Snapshot, prefix: str, seed: int = 7) -> list[str]:
    """Questions on the section headings of documents under ``prefix`` (shuffled with a fixed seed)."""
    headings = sorted({
        cleaned for doc in snapshot.meta.documents.values() if doc.source.startswith(prefix)
        for _, heading in doc.sections if 2 <= len(cleaned := _HEADING_JUNK.sub("", heading).strip()) <= 60
    })
    rng = random.Random(seed)
    rng.shuffle(headings)
    return [HEADING_TEMPLATES[i % len(HEADING_TEMPLATES)].format(h=h) for i, h in enumerate(headings)]


def question_mix(eval_set: Path, count: int, snapshot: Snapshot | None = None, prefix: str | None = None) -> list[str]:
    """At least ``count`` questions: half on the eval set's source, half on headings (when ``prefix`` is given)."""
    about_article = reworded(eval_questions(eval_set))
    if snapshot is None or prefix is None:
        mix = about_article
    else:
        on_headings = heading_questions(snapshot, prefix)
        half = count // 2
        mix = [q for pair in zip(about_article[:half], on_headings[:count - half]) for q in pair]
        mix += about_article[half:] + on_headings[count - half:]
    if not mix:
        raise ValueError("no questions to ask")
    while len(mix) < count:
        mix = mix + mix
    return mix[:count]
