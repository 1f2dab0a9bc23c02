"""What someone says: the sentence in which the asked speaker speaks leads (``answer/speaker.py``); the real
spaCy parser, and the article end to end."""

from __future__ import annotations

import pytest

from assistant.answer.speaker import asked_speaker, speaks


@pytest.mark.parametrize(("question", "speaker"), [
    ("what does iran say about the hacks?", {"iran"}),
    ("what did a western diplomat say about it?", {"western", "diplomat"}),
    ("so what do albanian analysts think albania is hoping for?", {"albanian", "analyst"})])
def test_the_speaker_asked(question: str, speaker: set[str]) -> None:
    assert asked_speaker(question) == speaker


@pytest.mark.parametrize("question", ["what does the article say about it?", "what does it say is needed?",
                                      "what did they say?", "who said it?"])
def test_no_speaker_asked(question: str) -> None:
    assert asked_speaker(question) == frozenset()


def test_the_speaker_must_be_the_one_speaking() -> None:
    iran = asked_speaker("what does iran say?")
    assert speaks("While Iran denies direct involvement in the attacks, the evidence points to it.", iran)
    assert speaks("Iran's Foreign Minister stated that a section would open.", iran)  # the subject's owner
    assert not speaks("Albania accused Iran of the attack.", iran)  # Iran is spoken of, not speaking
    assert not speaks("Iran launched a series of hacks.", iran)  # no verb of saying


def test_what_iran_says_is_its_denial_on_the_article(assistant) -> None:
    """End to end: the denial leads, not a sentence that only names Iran and the attacks."""
    answer = assistant.ask("what does iran say about the cyberattacks?")
    assert not answer.abstained and answer.citations[0].quote.startswith("While Iran denies direct involvement")
