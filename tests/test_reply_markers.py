"""A model's ``[n]`` citation markers, told apart from lists written in code (assistant.answer.reply)."""

from __future__ import annotations

from assistant.answer.reply import split_answer, without_asides


def test_a_list_in_code_is_no_citation() -> None:
    units = split_answer('Stack them: @pytest.mark.parametrize("x", [0, 1]) above @pytest.mark.parametrize("y", '
                         '[2, 3]). [1] Set `x = [1, 2]` in the config [3].')
    assert units[0].text.endswith('parametrize("x", [0, 1]) above @pytest.mark.parametrize("y", [2, 3]).')
    assert units[0].hints == (1,)
    assert units[1].text == "Set `x = [1, 2]` in the config." and units[1].hints == (3,)


def test_citation_markers_are_still_taken_off() -> None:
    units = split_answer("Albania [1], Israel [2] and the US [2, 3] helped. It cut ties [1][2].")
    assert units[0].text == "Albania, Israel and the US helped." and units[0].hints == (1, 2, 2, 3)
    assert units[1].text == "It cut ties." and units[1].hints == (1, 2)


def test_an_aside_in_parentheses_comes_off_but_not_a_call_or_a_whole_sentence() -> None:
    assert without_asides("Set the FLASK_SKIP_DOTENV variable (e.g. export FLASK_SKIP_DOTENV=1).") == \
        "Set the FLASK_SKIP_DOTENV variable."
    assert without_asides("It reads input.read(1024) bytes.") == "It reads input.read(1024) bytes."  # a call
    assert without_asides("Port 5000 (http://127.0.0.1:5000/).") == "Port 5000 (http://127.0.0.1:5000/)."  # too little left
