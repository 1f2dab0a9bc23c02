"""An answer whose best sentence opens with a pronoun ("He took the kernel package to 2.6.") brings the sentence
that says who "he" is, even when runners-up have already filled the answer's sentences."""

from __future__ import annotations

import pytest

from assistant.answer.extractive import _names_nothing
from guard_helpers import indexed_document

HISTORY = """# A short history of the port

## Releases

Release 1.1 shipped with a 2.0 kernel and a new package manager. This was the first release with PowerPC and ARM
ports. Release 2.0 shipped a 2.0 kernel package for PowerPC machines. Release 2.2 shipped a 2.2 kernel package, and
PowerPC users got the kernel package from the same archive. Release 3.0 moved the PowerPC kernel package to 2.4.

## Obituaries

On July 30th Jens Schmalzing died in an accident at his workplace in Munich. He maintained several packages,
supported the PowerPC port, and took the PowerPC kernel package to version 2.6. He also maintained an emulator and
its kernel modules.
"""


@pytest.fixture(scope="module")
def history(tmp_path_factory: pytest.TempPathFactory):
    return indexed_document(tmp_path_factory, "port-history", HISTORY)


def test_a_pronoun_led_answer_says_who_the_pronoun_is(history) -> None:
    answer = history.ask("who got the powerpc kernel package up to 2.6?")
    assert not answer.abstained, answer.answer
    assert "took the PowerPC kernel package to version 2.6" in answer.answer
    assert "Jens Schmalzing" in answer.answer
    assert len(answer.citations) <= history.settings.answer.max_sentences


@pytest.mark.parametrize("text,expected", [
    ("He was involved in Debian.", True),
    ("This is the case for the bug tracking system.", True),
    ("This enables support for DNS extensions.", True),
    ("This decision by Albania, a small Balkan nation, strained the ties.", False),
    ("Release 2.2 shipped a 2.2 kernel.", False),
])
def test_a_sentence_opening_on_a_pronoun_names_nothing(text: str, expected: bool) -> None:
    assert _names_nothing(text) is expected
