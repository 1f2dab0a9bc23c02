"""A model reply with nothing left after the guard hands over to the extractive answer, which refuses on its own.

The replies come from the reference stand-in (``assistant.evals.standin``), a real OpenAI-compatible server on
127.0.0.1 asked through the openai backend. It is a fake model only in that it says exactly what each test needs:
"I don't know." to a question its set marks for refusal, the set's "answer" otherwise. The same hand-over with a
real model through llama.cpp's server is in test_llm_backend.py (``make test-llm``).
"""

from __future__ import annotations

from assistant.answer.compose import REFUSAL
from assistant.evals.schema import EvalQuestion
from assistant.evals.standin import DONT_KNOW, StandIn, key
from assistant.service import Assistant

ANSWERABLE = "When did the massive cyberattack hit Albania?"
OFF_TOPIC = "What is the recipe for a good lasagna?"
INVENTED = "It was carried out by Ingrid Smith in 1999."


def abstaining(*questions: str) -> StandIn:
    """A stand-in that says "I don't know." to each of ``questions`` and records that it was asked."""
    return StandIn([EvalQuestion(id=str(i), question=q, type="other", should_abstain=True)
                    for i, q in enumerate(questions)], "reference")


def llm(article_settings, standin: StandIn, **overrides) -> Assistant:
    return Assistant(article_settings.replace(llm="openai", llm_base_url=standin.url, **overrides))


def test_a_model_that_does_not_know_hands_over_to_the_extractive_answer(article_settings, assistant):
    extractive = assistant.ask(ANSWERABLE)
    assert not extractive.abstained and "July 15, 2022" in extractive.answer
    with abstaining(ANSWERABLE) as standin:
        generative = llm(article_settings, standin)
        answer = generative.ask(ANSWERABLE)
        streamed = list(generative.ask_stream(ANSWERABLE))
    assert standin.sent[key(ANSWERABLE)].sentences == []  # the model was asked, and said only "I don't know."
    assert not answer.abstained
    assert answer.answer == extractive.answer and answer.citations == extractive.citations
    assert answer.notice == "The openai model found no answer in the sources; this is the extractive answer."
    assert answer.dropped == []
    assert len(streamed) == 1 and streamed[0].answer == answer.answer and streamed[0].notice == answer.notice


def test_when_the_extractive_answer_refuses_too_the_answer_is_its_refusal(article_settings, assistant):
    extractive = assistant.ask(OFF_TOPIC)
    assert extractive.abstained
    with abstaining(OFF_TOPIC) as standin:
        answer = llm(article_settings, standin, llm_gate=False).ask(OFF_TOPIC)  # no gate: the model is asked
    assert key(OFF_TOPIC) in standin.sent
    assert answer.abstained and answer.notice is None
    assert answer.answer == extractive.answer and answer.answer.startswith(REFUSAL.split("{")[0])
    assert answer.citations == extractive.citations


def test_a_reply_whose_every_sentence_is_dropped_hands_over_too(article_settings, assistant):
    extractive = assistant.ask(ANSWERABLE)
    made_up = EvalQuestion(id="x", question=ANSWERABLE, type="date", answer=INVENTED, must_include=["1999"])
    with StandIn([made_up], "reference") as standin:
        answer = llm(article_settings, standin).ask(ANSWERABLE)
    assert standin.sent[key(ANSWERABLE)].sentences == [INVENTED]
    assert answer.dropped == [INVENTED] and "Ingrid" not in answer.answer
    assert not answer.abstained and answer.answer == extractive.answer
    assert answer.notice and answer.notice.startswith("No sentence of the openai model's answer is supported")


def test_a_refusal_beside_a_supported_sentence_keeps_the_sentence(article_settings):
    """Only a reply with nothing left hands over: "I don't know." next to a supported answer is just skipped."""
    said = "The massive cyberattack hit Albania on July 15, 2022. " + DONT_KNOW
    question = EvalQuestion(id="y", question=ANSWERABLE, type="date", answer=said, must_include=["July 15, 2022"])
    with StandIn([question], "reference") as standin:
        answer = llm(article_settings, standin).ask(ANSWERABLE)
    assert answer.notice is None and not answer.abstained
    assert answer.answer.startswith("The massive cyberattack hit Albania on July 15, 2022. [1]")
    assert DONT_KNOW not in answer.answer and answer.dropped == []
