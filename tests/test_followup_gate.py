"""The follow-up gate (assistant/followup_gate.py): its named features on hand-built fixtures, the fitted file, and
the gate inside ``Assistant.ask`` over the real article index."""

from __future__ import annotations

from assistant.answer.matching import TermWeights
from assistant.answer.params import LinearModel
from assistant.followup_gate import (
    FEATURES, GateParams, history_share, load_gate, new_terms, own_terms, refuses,
    repeats_previous, same_document,
)
from assistant.schema import Span

ALWAYS = GateParams(model=LinearModel(weights={}), threshold=0.0)
NEVER = GateParams(model=LinearModel(weights={}), threshold=2.0)


def test_own_and_new_terms_tell_the_history_apart() -> None:
    searched = ["long", "edi", "rama", "pm", "septemb", "2022"]  # "how long had he been PM by then?" resolved
    asked = ["long", "pm"]
    assert own_terms(searched, asked) == ["long", "pm"]
    assert new_terms(["albania", "accept", "member"], ["mek", "albania", "reloc"]) == ["accept", "member"]
    assert new_terms(["albanian"], ["albania"]) == []  # a near form is no new word


def test_history_share_weighs_borrowed_terms_by_idf() -> None:
    weights = TermWeights.of_texts(["rama announced cut ties", "rama spoke", "tirana ties", "iran ties"])
    share = history_share(["rama", "ties", "long"], ["long"], weights)
    assert 0.0 < share < 1.0
    assert history_share(["rama"], ["rama"], weights) == 0.0
    assert history_share(["rama"], [], weights) == 1.0


def test_repeats_and_same_document_compare_spans_with_the_previous_answer() -> None:
    previous = [Span(source="a.txt", start=100, end=200)]
    cited = [Span(source="a.txt", start=150, end=180), Span(source="a.txt", start=300, end=400),
             Span(source="b.txt", start=100, end=200)]
    assert repeats_previous(cited, previous) == 1 / 3
    assert same_document(cited, previous) == 2 / 3
    assert same_document(cited, []) == 1.0  # the previous answer cited nothing: no sign either way
    assert repeats_previous([], previous) == 0.0


def test_refuses_at_the_threshold() -> None:
    model = LinearModel(weights={"refusal_new": 1.0}, bias=0.0)
    gate = GateParams(model=model, threshold=0.6)
    assert refuses(gate, {"refusal_new": 2.0})  # sigmoid(2) = 0.88
    assert not refuses(gate, {"refusal_new": 0.0})  # 0.5


def test_the_fitted_gate_reads_every_feature() -> None:
    gate = load_gate()
    assert set(gate.model.weights) == set(FEATURES)
    assert 0.0 < gate.threshold <= 2.0
    assert {"refused", "false_refusals"} <= set(gate.held_out)


def test_gate_features_on_the_article(assistant) -> None:
    """Real index: the features of an answered follow-up are all present and in range."""
    history = ["What did Edi Rama announce on September 7, 2022?"]
    resolution, standalone = assistant.turns.resolve("how long had he been PM by then?", history)
    assert resolution.searched and "Edi Rama" in resolution.searched
    hits, draft = assistant.pipeline().run(resolution.query)
    features = assistant.turns.gate_features("how long had he been PM by then?", history, standalone, resolution,
                                             hits, draft)
    assert set(features) == set(FEATURES)
    assert all(0.0 <= v <= 1.0 for v in features.values())
    assert features["history_share"] > 0.3  # Edi Rama and the date came from the history
    assert features["as_typed"] == 0.0


def test_the_gate_acts_only_on_follow_ups(assistant) -> None:
    """A gate that refuses everything refuses a follow-up's answer, but not a question asked without a cue, nor
    one with no history, nor one whose cited sentence holds a date the earlier question did not ask for; a gate that
    never refuses leaves the answer as it was."""
    history = ["Who cut ties with Iran?"]
    try:
        assistant.gate_params = NEVER
        answered = assistant.ask("How did he announce it?", history=history)
        assistant.gate_params = ALWAYS
        refused = assistant.ask("How did he announce it?", history=history)
        dated = assistant.ask("When did he announce it?", history=history)
        standalone = assistant.ask("When did Albania recognize Israel?", history=history)
        alone = assistant.ask("When did Albania recognize Israel?")
    finally:
        assistant.gate_params = None
    assert not answered.abstained and answered.citations
    assert refused.abstained and refused.searched == answered.searched
    assert not dated.abstained and "2022" in dated.answer
    assert not standalone.abstained and standalone.answer == alone.answer
