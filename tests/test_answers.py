"""End to end over the article: verbatim citations, markers resolve, answers vs refusals."""

from __future__ import annotations

import re

import pytest

from assistant.service import QuestionError

from conftest import ARTICLE

ANSWERABLE = {
    "When did the cyberattack on Albania happen?": "July 15, 2022",
    "Who announced the severing of ties with Iran?": "Edi Rama",
    "How many MEK members did Albania accept?": "3,000",
    "In what year did Albania accept the MEK members?": "2014",
    "When did Albania recognize Israel?": "1949",
    "What is the name of the MEK compound near Tirana?": "Ashraf 3",
    "Through which country would Iran open an interest section?": "Turkey",
    "Which country offered cyber aid to Albania?": "Israel",
    "who did albania blame for the cyberatack?": "Foreign Ministry",
    "When did Edi Rama announce the decision to cut ties?": "September 7",
    "Who were the ancestors of modern Albanians?": "Illyrians",
    "How many years of communist isolation did Albania have?": "45",
    # the dated sentence ranks low on both retrievers (dense ~25th of 33): found by the second, deeper look
    "When did Albania cut ties with Iran?": "September 7, 2022",
    "What does the MEK stand for?": "Mujahedin-e Khalq",  # the sentence that spells the abbreviation out
    "How many MEK members live in Albania?": "3,000",  # "live" is a verb, not the counted noun
    # places in the document: the n-th item of an enumeration, the closing part ("can't" = "cannot")
    "What is the first lesson the article draws?": "tool of statecraft",
    "whats the second lesson?": "humanitarian gestures",
    "What is the last lesson?": "strong alliances",
    "What lessons does the article draw from the Albania-Iran case?": "Finally, the incident",  # all three
    "Besides cyber warfare and humanitarian gestures, what other lesson does the article draw?": "strong alliances",
    # question frames are no nouns the corpus lacks ("else", "on what basis", "in which area")
    "What else is the People's Mojahedin Organization of Iran known as?": "Mujahedin-e Khalq",
    "On what basis did the Albanian government blame the Iranian Foreign Ministry?": "investigation",
    "what was the alleged motive for the attack?": "retaliation",
    # an interval: each event's own dated sentence, chosen jointly (the announcement's sentence also names the attack)
    "how many days passed between the big cyberattack and albania cutting diplomatic ties": "54 days",
    "How many years passed between Albania accepting the MEK and cutting ties with Iran?": "8 years",
    "According to the conclusion, what can't be overstated?": "robust cybersecurity",
    "What does the intro say the Albania-Iran split reveals about the wider world?": "modern warfare",
}
UNANSWERABLE = [
    "How many people died in the cyberattack?",
    "any tips for banana bread?",
    "What is the capital of Australia?",
    "How do I reverse a list in Python?",
    "Who won the 2018 FIFA World Cup?",
    "What does NATO stand for?",  # NATO is named, never spelled out
    "When did NATO expel Iran?",  # a dated expulsion exists, but not by NATO (found only by the deeper look)
]


def _check_contract(answer, text: str) -> None:
    markers = {int(m) for m in re.findall(r"\[(\d+)\]", answer.answer)}
    numbers = {c.n for c in answer.citations}
    assert markers == numbers, (markers, numbers)
    for c in answer.citations:
        assert text[c.start:c.end] == c.quote


@pytest.mark.parametrize("question", [*ANSWERABLE, *UNANSWERABLE])
def test_citations_are_verbatim_and_markers_resolve(assistant, question: str) -> None:
    _check_contract(assistant.ask(question), ARTICLE.read_text(encoding="utf-8"))


@pytest.mark.parametrize("question,key", ANSWERABLE.items())
def test_answerable_questions_are_answered_with_the_key_fact(assistant, question: str, key: str) -> None:
    answer = assistant.ask(question)
    assert not answer.abstained, answer.answer
    assert key.lower() in answer.answer.lower(), answer.answer


@pytest.mark.parametrize("question", UNANSWERABLE)
def test_out_of_corpus_questions_abstain(assistant, question: str) -> None:
    answer = assistant.ask(question)
    assert answer.abstained, answer.answer
    assert answer.answer.startswith("The sources don't say")


def test_example_from_the_issue_cites_the_exact_sentence(assistant) -> None:
    answer = assistant.ask("When did the cyberattack on Albania happen?")
    dated = [c for c in answer.citations if (c.start, c.end) == (4886, 5023)]
    assert dated, answer.answer
    assert dated[0].quote.startswith("The most significant incident occurred on July 15, 2022")


@pytest.mark.parametrize("bad", ["", "   ", "\x00\x01", "x" * 5000])
def test_bad_questions_get_a_clear_error(assistant, bad: str) -> None:
    with pytest.raises(QuestionError):
        assistant.ask(bad)


NOTES = (
    "# Field notes\n\nThe lighthouse keeper of Sazan Island was named Arben Cela. He kept the light for 31 years.\n\n"
    "## Festivals\n\nThe Zorblax festival is held in Vlore every March. The glass flute was invented by Mira Kodra in 1911.\n"
    "\n## Towers\n\nThe north tower of Berat, rebuilt in 1936, has 212 steps. The south tower has 148 steps and a bell.\n"
)


@pytest.fixture(scope="module")
def two_docs(tmp_path_factory: pytest.TempPathFactory):
    """The article plus a small markdown note, indexed together."""
    import shutil

    from assistant.service import Assistant
    from assistant.settings import Settings

    corpus = tmp_path_factory.mktemp("two-docs")
    shutil.copy(ARTICLE, corpus / ARTICLE.name)
    (corpus / "notes.md").write_text(NOTES, encoding="utf-8")
    assistant = Assistant(Settings(corpus_dir=corpus, index_dir=tmp_path_factory.mktemp("two-docs-index")))
    assistant.index()
    return assistant


@pytest.mark.parametrize("question,key", [
    ("Who was the lighthouse keeper of Sazan Island?", "Arben Cela"),
    ("When is the Zorblax festival held?", "March"),
    ("Who invented the glass flute?", "Mira Kodra"),
    ("How many years did the keeper keep the light?", "31"),
    ("How many years passed between the invention of the glass flute and the July 15 cyberattack?", "111"),
    # the order of two events, from a dated sentence for each
    ("which came first, the July 15 cyberattack or the invention of the glass flute?",
     "The invention of the glass flute came first (1911"),
    ("When did the cyberattack on Albania happen?", "July 15, 2022"),
    # a difference computed from two cited numbers (the year beside one of them is no quantity)
    ("how many more steps does the north tower have than the south tower?", "The difference is 64"),
])
def test_answers_come_from_the_right_document(two_docs, question: str, key: str) -> None:
    answer = two_docs.ask(question)
    assert not answer.abstained, answer.answer
    assert key in answer.answer
    documents = two_docs.snapshot().meta.documents
    for citation in answer.citations:
        assert documents[citation.source].text[citation.start:citation.end] == citation.quote


@pytest.mark.parametrize("history,question,key", [
    (["When was the glass flute invented?", "When did the July 15 cyberattack happen?"], "which came first?",
     "came first (1911"),
    (["When was the glass flute invented?"], "how many years later did the July 15 cyberattack happen?", "111 years"),
    (["When was the glass flute invented?"], "was that before or after the July 15 cyberattack?", "Before: "),
])
def test_a_followup_orders_or_spaces_the_conversation_s_events(two_docs, history, question: str, key: str) -> None:
    answer = two_docs.ask(question, history=history)
    assert not answer.abstained, answer.answer
    assert key in answer.answer
    assert "glass flute" in (answer.searched or "") and "cyberattack" in (answer.searched or "")  # both events


def test_questions_about_names_the_notes_lack_are_refused(two_docs) -> None:
    assert two_docs.ask("What is the name of the festival's treasurer?").abstained  # no text has a treasurer
    assert two_docs.ask("Who is the lighthouse keeper's wife?").abstained


def test_answers_do_not_depend_on_the_hash_seed(article_settings, assistant) -> None:
    """Two processes with different string-hash seeds give the same answer (sets iterate in another order)."""
    import json
    import os
    import subprocess
    import sys

    assistant.snapshot()  # the index exists
    question = "How many members of the MEK did Albania accept in 2014?"
    answers = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "ASSISTANT_CORPUS_DIR": str(article_settings.paths.corpus_dir),
               "ASSISTANT_INDEX_DIR": str(article_settings.paths.index_dir)}
        done = subprocess.run([sys.executable, "-m", "assistant", "ask", "--json", question], env=env,
                              capture_output=True, text=True, timeout=120, check=True)
        reply = json.loads(done.stdout)
        answers.append((reply["answer"], [c["score"] for c in reply["citations"]]))
    assert answers[0] == answers[1]
