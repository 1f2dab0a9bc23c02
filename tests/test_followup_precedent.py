"""Whether what the previous answer told had been done before ("had any country done that before?"): read near
that answer, the sentence saying it was a first."""

from __future__ import annotations

from assistant.followup import resolve
from assistant.followup_precedent import asks_precedent, precedent_told
from assistant.schema import Sentence


def _sentences(*texts: str) -> list[Sentence]:
    return [Sentence(id=str(i), source="port.txt", start=i * 100, end=i * 100 + len(t), text=t)
            for i, t in enumerate(texts)]


def test_a_question_whether_it_was_a_first() -> None:
    assert asks_precedent("had any country done that before?")
    assert asks_precedent("has anyone else ever done it?") and asks_precedent("was that a first?")
    assert not asks_precedent("what happened before that?")  # the event before, not a precedent
    assert not asks_precedent("did it happen before the storm?")
    assert not asks_precedent("had the port been built before?")  # points to nothing told
    assert asks_precedent("had any town done that before over a strike?")
    assert not asks_precedent("so the town got that warning before the storm - why did it ignore it?")


def test_the_sentence_saying_it_was_a_first_outright_comes_before_one_implying_it() -> None:
    near = _sentences("The strike closed the port.", "It became an unprecedented scene.",
                      "It was the first time a port had closed over a strike.")
    assert [s.text for s in precedent_told(near)] == ["It was the first time a port had closed over a strike."]
    assert [s.text for s in precedent_told(near[:2])] == ["It became an unprecedented scene."]
    assert precedent_told(near[:1]) == []


def test_an_object_that_the_parser_tags_a_conjunction_still_points_back() -> None:
    searched = resolve("had any town done that before?", ["what did the mayor announce in may?"]).searched
    assert searched is not None and "mayor" in searched  # "had" made the root, "done" its complement: one clause


def test_the_article_s_first_told_beside_the_answered_step(assistant) -> None:  # type: ignore[no-untyped-def]
    """End to end on the indexed article: the step asked, then whether any country had taken it before."""
    answer = assistant.ask("had any country ever done that over a cyberattack before?",
                           history=["What drastic step did Albania take against Iran in September 2022?"])
    assert not answer.abstained and answer.searched and answer.searched.endswith("was it a first?")
    assert "the first time a nation" in answer.citations[0].quote
