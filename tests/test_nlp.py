"""The offline spaCy model: hash-checked at load, and it reads values the answerer needs."""

import shutil

import pytest

from assistant import nlp


def test_model_files_match_their_pins() -> None:
    nlp.check_model(nlp.model_dir())


def test_a_changed_weight_file_is_refused(tmp_path) -> None:
    copy = tmp_path / "model"
    shutil.copytree(nlp.model_dir(), copy)
    with (copy / "ner" / "model").open("ab") as fh:
        fh.write(b"x")
    with pytest.raises(nlp.NlpUnavailable, match="SHA-256"):
        nlp.check_model(copy)


def test_tags_hold_entities_lemmas_and_negation() -> None:
    tags = nlp.tag_sentences(["The clock has fourteen bells, installed on the fifteenth of July 1887.",
                              "It does not ring.", "Run the installer first."])
    assert {"CARDINAL", "DATE"} <= set(tags[0].ents)
    assert "bell" in tags[0].lemmas
    assert tags[1].negated and not tags[0].negated
    assert tags[2].imperative


def test_the_focus_follows_the_wh_word_that_asks() -> None:
    # "when" opens a clause describing the width: the question asks about the width
    assert nlp.parse("default line width for the output when running extract?").focus[-1] == "width"
    assert nlp.parse("When did the clock get its bells?").focus[-1] == "clock"


def test_question_focus() -> None:
    parsed = nlp.parse("How many bells does the old clock have?")
    assert parsed.focus and parsed.focus[-1] == "bell"


def test_a_date_the_tagger_cuts_in_two_is_one_entity() -> None:
    from assistant.nlp import syntax

    parsed = syntax("They erupted into a full-blown crisis in the summer of 2022.")
    assert [parsed.span(s, e) for s, e, label in parsed.ents if label == "DATE"] == ["the summer of 2022"]
