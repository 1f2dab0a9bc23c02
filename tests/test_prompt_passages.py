"""The passages a generative backend is shown hold what the extractive answer found (``prompts.shown_hits``)."""

from __future__ import annotations

from assistant.answer.llm_answer import GenerativeAnswerer
from assistant.answer.prompts import shown_hits
from assistant.schema import Chunk, Hit


def hit(n: int) -> Hit:
    chunk = Chunk(source="doc.txt", start=n * 100, end=n * 100 + 90, id=f"c{n}", text=f"chunk {n}",
                  sentence_ids=[f"s{n}a", f"s{n}b"])
    return Hit(chunk=chunk, score=1.0 / (n + 1))


def test_a_hit_holding_a_drafted_sentence_joins_the_first_hits():
    hits = [hit(n) for n in range(6)]
    shown = shown_hits(hits, frozenset({"s5b"}), 4)
    assert [h.chunk.id for h in shown] == ["c0", "c1", "c2", "c3", "c5"]


def test_without_a_draft_the_first_hits_are_shown_in_retrieval_order():
    hits = [hit(n) for n in range(6)]
    assert shown_hits(hits, frozenset(), 4) == hits[:4]
    assert shown_hits(hits, frozenset({"s1a", "s2a"}), 4) == hits[:4]


def test_drafted_hits_beyond_the_limit_keep_their_retrieval_order():
    hits = [hit(n) for n in range(6)]
    shown = shown_hits(hits, frozenset({"s5a", "s1a", "s3a"}), 2)
    assert [h.chunk.id for h in shown] == ["c0", "c1", "c3", "c5"]


def test_an_interval_question_shows_the_chunks_dating_both_events(assistant):
    """The computed gap cites a date found by a sub-question, below the first hits: the prompt shows it."""
    question = "how many yrs between the MEK arriving in albania and the massive cyber attack"
    hits, draft = assistant.pipeline().run(question)
    assert not draft.abstained and len(draft.sentences) == 2
    prompt = GenerativeAnswerer(assistant.settings).prompt(question, hits, draft)
    shown = {sid for p in prompt.passages for sid in p.hit.chunk.sentence_ids}
    assert {s.id for s in draft.sentences} <= shown
