"""The reference-answer stand-in: real HTTP on 127.0.0.1, started and stopped here, asked through the openai backend.

The stand-in is a fake only because no real model that runs here answers this well; it measures the guard.
"""

from __future__ import annotations

import json

import httpx
import pytest

from assistant.evals.llm_reference import measure, reordered
from assistant.evals.schema import EvalQuestion
from assistant.evals.standin import DONT_KNOW, Answers, StandIn, twins
from assistant.service import Assistant

QUESTIONS = [
    EvalQuestion(id="a", question="Who announced Albania's decision to sever diplomatic relations with Iran?",
                 type="entity", answer="On September 7, 2022, Prime Minister Edi Rama announced the decision in a video message.",
                 must_include=["Rama"]),
    EvalQuestion(id="b", question="How many MEK members did Albania accept?", type="number",
                 answer="Approximately 3,000 members.", must_include=["3,000"]),
    EvalQuestion(id="c", question="What is the capital of Peru?", type="other", should_abstain=True),
    EvalQuestion(id="d", question="When did the massive cyberattack hit Albania?", type="date", answer="For example,"),
    EvalQuestion(id="e", question="When did Albania cut diplomatic ties with Iran?", type="date",
                 answer="On September 7, 2022.", must_include=["September 7, 2022"]),
]
PASSAGES = ("[1] Albania accepted approximately 3,000 members of the MEK.\n\n"
            "[2] On September 7, 2022, Albanian Prime Minister Edi Rama announced in a video message his decision.")


def prompt(question: str) -> str:
    return f"Answer the question.\n\nPassages:\n\n{PASSAGES}\n\nQuestion: {question}\nAnswer:"


def chat(url: str, question: str, stream: bool = False) -> str:
    body = {"model": "standin", "stream": stream, "messages": [{"role": "user", "content": prompt(question)}]}
    response = httpx.post(f"{url}/chat/completions", json=body, timeout=10)
    response.raise_for_status()
    if not stream:
        return response.json()["choices"][0]["message"]["content"]
    events = [line[6:] for line in response.text.splitlines() if line.startswith("data: ")]
    assert events[-1] == "[DONE]"
    return "".join(json.loads(e)["choices"][0]["delta"].get("content") or "" for e in events[:-1])


def test_reference_reply_tags_each_sentence_with_the_passage_sharing_most_words():
    with StandIn(QUESTIONS, "reference") as standin:
        assert httpx.get(f"{standin.url}/models", timeout=10).json()["data"][0]["id"] == "standin"
        reply = chat(standin.url, QUESTIONS[0].question)
        assert reply == "On September 7, 2022, Prime Minister Edi Rama announced the decision in a video message [2]."
        assert chat(standin.url, QUESTIONS[0].question, stream=True) == reply
        assert chat(standin.url, QUESTIONS[2].question) == DONT_KNOW
        assert chat(standin.url, "A question the set does not hold?") == DONT_KNOW


def test_wrong_reply_is_another_answer_or_a_swapped_value():
    with StandIn(QUESTIONS, "wrong") as standin:
        other = chat(standin.url, QUESTIONS[0].question)
        swapped = chat(standin.url, QUESTIONS[1].question)
    assert "September 7" not in other and standin.sent[QUESTIONS[0].question.lower()].wrong
    assert "3,000" not in swapped and swapped.startswith("Approximately ")
    assert standin.sent[QUESTIONS[1].question.lower()].wrong == standin.sent[QUESTIONS[1].question.lower()].sentences


def test_a_wrong_reply_is_never_the_answer_of_a_question_asking_the_same():
    """Eval sets written by several hands repeat a question in other words: its answer is no wrong answer."""
    asked = QUESTIONS[0].model_copy(update={"id": "f", "question": "Who made the announcement?",
                                            "evidence": ["Edi Rama announced"]})
    twin = QUESTIONS[0].model_copy(update={"evidence": ["Prime Minister Edi Rama announced"]})
    others = [EvalQuestion(id=f"o{i}", question=f"Question {i}?", type="other", answer=f"Answer {i}.",
                           must_include=[f"Answer {i}"], evidence=[f"Passage {i}"]) for i in range(3)]
    answers = Answers([asked, others[0], twin, *others[1:]])  # even places: answered with another question's answer
    assert twins(asked, twin) and not twins(asked, others[0])
    for question in (asked, twin):
        reply, wrong = answers.wrong(question)
        assert wrong == reply and "Rama" not in " ".join(reply)


def test_stopped_stand_in_refuses_connections():
    standin = StandIn(QUESTIONS, "reference").start()
    url = standin.url
    standin.stop()
    with pytest.raises(httpx.ConnectError):
        httpx.get(f"{url}/models", timeout=5)


def ask(article_settings, standin: StandIn, question: str):
    settings = article_settings.replace(llm="openai", llm_base_url=standin.url, llm_gate=False)
    return Assistant(settings).ask(question)


def test_reference_answer_is_kept_and_a_wrong_one_falls_back_with_a_notice(article_settings):
    with StandIn(QUESTIONS, "reference") as standin:
        right = ask(article_settings, standin, QUESTIONS[0].question)
    assert right.notice is None and not right.abstained
    assert right.answer.startswith("On September 7, 2022, Prime Minister Edi Rama announced the decision in a video message")
    text = (article_settings.paths.corpus_dir / right.citations[0].source).read_text(encoding="utf-8")
    assert right.citations and all(c.quote == text[c.start:c.end] for c in right.citations)
    with StandIn(QUESTIONS, "wrong") as standin:
        wrong = ask(article_settings, standin, QUESTIONS[4].question)  # "Approximately 3,000 members." to a when-question
    assert standin.sent[QUESTIONS[4].question.lower()].wrong == ["Approximately 3,000 members."]
    assert "Approximately 3,000 members" not in wrong.answer
    assert wrong.abstained or (wrong.notice and "extractive answer" in wrong.notice)


def test_reply_with_no_content_falls_back_never_answers(article_settings):
    with StandIn(QUESTIONS, "reference") as standin:
        answer = ask(article_settings, standin, QUESTIONS[3].question)  # the stand-in says "For example [1]."
    assert "For example" not in answer.answer
    assert answer.abstained or (answer.notice and "extractive answer" in answer.notice)


def test_measure_reports_the_guard_figures(assistant):
    figures = measure(assistant, QUESTIONS[:3])  # a reference answer, a swapped number, a question to refuse
    assert figures["questions"] == 3 and figures["answerable"] == 2
    assert figures["verbatim"] == 1.0
    assert figures["ref_kept"] is not None and figures["ref_kept"] > 0
    assert figures["wrong_sentences"] and figures["wrong_through"] is not None
    assert figures["wrong_through_pairings"] is None  # one pairing: nothing more measured


def test_a_question_that_raises_counts_against_the_guard_and_the_run_goes_on(assistant):
    huge = EvalQuestion(id="h", question="Who announced it? " * 200, type="entity", answer="Edi Rama announced it.",
                        must_include=["Rama"])  # longer than the settings allow: asking it raises a clear error
    figures = measure(assistant, [*QUESTIONS[:2], huge])
    assert figures["answerable"] == 3 and figures["fell_back"] is not None and figures["fell_back"] >= 0.33
    assert figures["ref_kept"] is not None  # the stand-in never heard it, so it said no sentence to keep


def test_other_pairings_give_each_question_other_wrong_answers(assistant):
    shuffled = reordered(QUESTIONS, 1)
    assert sorted(q.id for q in shuffled) == sorted(q.id for q in QUESTIONS) and shuffled == reordered(QUESTIONS, 1)
    said = {seed: Answers(reordered(QUESTIONS, seed) if seed else QUESTIONS) for seed in range(4)}
    replies = {seed: [tuple(a.wrong(q)[0]) for q in QUESTIONS if not q.should_abstain] for seed, a in said.items()}
    assert len(set(map(tuple, replies.values()))) > 1  # some question is paired with another answer
    figures = measure(assistant, QUESTIONS[:3], pairings=3)
    assert figures["wrong_through_pairings"] is not None and 0.0 <= figures["wrong_through_pairings"] <= 1.0
