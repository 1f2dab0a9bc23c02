"""A person asked for by a role ("who is the leader of X?", "the name of the foreign minister who ...") is answered
only by a sentence naming a person (assistant.answer.relevance; real article index and spaCy parser)."""

from __future__ import annotations

import pytest

from assistant.answer.guard import Guard, guard_answer
from assistant.answer.matching import TermWeights
from assistant.answer.prompts import Passage
from assistant.answer.asked_names import asks_person_by_role, names_person
from assistant.schema import Hit


def test_a_person_asked_for_by_role() -> None:
    assert asks_person_by_role("What's the name of the Iranian foreign minister who announced the interest section?")
    assert asks_person_by_role("Who is the leader of the MEK?")
    assert asks_person_by_role("who was albania's prime minister when it recognized israel?")
    assert not asks_person_by_role("Who sent the telegram?")  # a doer, not a role
    assert not asks_person_by_role("what is the name of the config file?")


def test_a_person_asked_for_by_a_which_role_phrase() -> None:
    assert asks_person_by_role("which albanian leader's telegram carried the recognition of israel")
    assert asks_person_by_role("quick one - which prime minister announced the break?")  # after a topic lead
    assert not asks_person_by_role("what did the prime minister announce?")  # asks what, not who
    assert not asks_person_by_role("which country's foreign minister said it?")  # asks for a country


def test_a_person_is_named_by_entity_by_a_run_of_capitalised_words_or_by_a_bare_name() -> None:
    question = "Who is the leader of the guild?"
    assert names_person("Edi Rama announced the decision in a video.", question)
    assert names_person("Maryam Rajavi leads the guild.", question)  # the tagger calls her an organisation
    assert names_person("Hossein Amir-Abdollahian.", question)
    assert not names_person("The guild's full name is the People's Mojahedin Organization of Iran, from Iraq.", question)
    assert not names_person("Iran regards the guild as a terrorist organization.", question)


@pytest.fixture(scope="module")
def make_guard(assistant):
    snapshot = assistant.snapshot()
    weights = TermWeights.of_bm25(snapshot.bm25, len(snapshot.meta.chunks))

    def make(question: str, *needles: str) -> Guard:
        chunks = [next(c for c in snapshot.meta.chunks if n in c.text) for n in needles]
        passages = tuple(Passage(i, Hit(chunk=c, score=1.0), c.text) for i, c in enumerate(chunks, 1))
        return Guard(passages, snapshot, weights, assistant.embedder.embed, False, question)

    return make


def test_guard_drops_a_role_answer_that_names_no_person(make_guard) -> None:
    question = "What's the name of the Iranian foreign minister who announced the interest section?"
    needle = "regarded as a terrorist organization"
    assert guard_answer("The MEK is regarded as a terrorist organization in Iran [1].",
                        make_guard(question, needle)).abstained
    question = "Who was the Albanian prime minister who cut ties with Iran?"
    kept = guard_answer("Edi Rama announced the decision in a video message [1].", make_guard(question, "video message"))
    assert not kept.abstained and "Edi Rama" in kept.text
