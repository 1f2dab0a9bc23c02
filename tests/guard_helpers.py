"""A small hand-written document indexed for real, and a grounding guard over every one of its chunks."""

from __future__ import annotations

from collections.abc import Callable

from assistant.answer.guard import Guard
from assistant.answer.matching import TermWeights
from assistant.answer.prompts import Passage
from assistant.schema import Hit


def indexed_document(tmp_path_factory, name: str, text: str):
    """An Assistant over one Markdown document ``text`` in fresh temporary folders named after ``name``."""
    from assistant.service import Assistant
    from assistant.settings import Settings

    corpus = tmp_path_factory.mktemp(name)
    (corpus / "manual.md").write_text(text, encoding="utf-8")
    assistant = Assistant(Settings(corpus_dir=corpus, index_dir=tmp_path_factory.mktemp(f"{name}-index")))
    assistant.index()
    return assistant


def whole_corpus_guard(assistant) -> Callable[[str], Guard]:
    """A guard for a question, every chunk of the index shown as a numbered passage."""
    snapshot = assistant.snapshot()
    weights = TermWeights.of_bm25(snapshot.bm25, len(snapshot.meta.chunks))
    passages = tuple(Passage(i, Hit(chunk=c, score=1.0), c.text) for i, c in enumerate(snapshot.meta.chunks, 1))
    return lambda question: Guard(passages, snapshot, weights, assistant.embedder.embed, False, question)
