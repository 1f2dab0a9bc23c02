"""Answers about one document must not change because unrelated documents join the corpus.

The article alone, then the article plus 40 generated documents on other subjects (real index, real embedder,
real Chroma): the distractors make the article's topic words ("Albania", "Iran") rare corpus-wide, which used to
inflate how well any article sentence seemed to cover a question, and to bury the dated chunk of "When did
Albania cut ties with Iran?" below the deeper second look.
"""

from __future__ import annotations

import random
import shutil

import pytest

from assistant.service import Assistant
from assistant.settings import Settings

from conftest import ARTICLE
from test_answers import ANSWERABLE, UNANSWERABLE

SUBJECTS = ("river", "bridge", "orchard", "harbour", "library", "railway", "market", "glacier", "choir", "mill")
WORDS = ("the old {s} was cut off by winter storms and the ties of the town were repaired in spring; "
         "engineers said the {s} would open again; visitors came to see the {s} and stayed for the festival")


@pytest.fixture(scope="module")
def grown(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    corpus = tmp_path_factory.mktemp("grown")
    shutil.copy(ARTICLE, corpus / ARTICLE.name)
    rng = random.Random(7)
    for n in range(40):
        subject = SUBJECTS[n % len(SUBJECTS)]
        lines = [f"# The {subject} of town {n}", ""]
        for _ in range(6):
            clauses = WORDS.format(s=subject).split("; ")
            rng.shuffle(clauses)
            lines.append(". ".join(c.capitalize() for c in clauses) + f". It happened in {rng.randint(1900, 1990)}.")
        (corpus / f"town-{n:02d}.md").write_text("\n\n".join(lines), encoding="utf-8")
    assistant = Assistant(Settings(corpus_dir=corpus, index_dir=tmp_path_factory.mktemp("grown-index")))
    assistant.index()
    return assistant


@pytest.mark.parametrize("question,key", ANSWERABLE.items())
def test_article_questions_are_still_answered(grown: Assistant, question: str, key: str) -> None:
    answer = grown.ask(question)
    assert not answer.abstained, answer.answer
    assert key.lower() in answer.answer.lower(), answer.answer


@pytest.mark.parametrize("question", UNANSWERABLE)
def test_article_refusals_still_refuse(grown: Assistant, question: str) -> None:
    assert grown.ask(question).abstained
