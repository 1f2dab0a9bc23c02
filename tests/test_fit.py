"""The fitting code: logistic regression recovers a separating weight; params round-trip through JSON."""

import numpy as np

from assistant.answer.fit import logistic
from assistant.answer.params import AnswerParams, LinearModel, load_params


def test_logistic_learns_the_informative_feature() -> None:
    rng = np.random.default_rng(0)
    x = rng.normal(size=(400, 2))
    y = (x[:, 0] + 0.1 * rng.normal(size=400) > 0).astype(float)
    model = logistic(x, y, ["signal", "noise"])
    assert model.weights["signal"] > 2.0
    assert abs(model.weights["noise"]) < 0.5
    assert model.probability({"signal": 2.0, "noise": 0.0}) > 0.9
    assert model.probability({"signal": -2.0, "noise": 0.0}) < 0.1
    assert logistic(x, y, ["signal", "noise"]) == model  # deterministic


def test_shipped_params_are_valid_and_cover_every_feature() -> None:
    from assistant.answer.features import FEATURE_NAMES
    from assistant.answer.refusal import REFUSAL_NAMES

    params = load_params()
    assert set(FEATURE_NAMES) <= set(params.ranker.weights)
    assert set(REFUSAL_NAMES) <= set(params.refusal.weights)
    assert 0.0 < params.refusal_threshold < 1.0
    again = AnswerParams.model_validate_json(params.model_dump_json())
    assert again == params


def test_linear_model_standardises() -> None:
    model = LinearModel(weights={"a": 1.0}, bias=0.0, mean={"a": 2.0}, scale={"a": 4.0})
    assert model.logit({"a": 6.0}) == 1.0
    assert model.logit({}) == 0.0  # a missing feature counts as its mean
