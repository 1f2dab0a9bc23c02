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


def _refusal_rows(n: int, seed: int) -> tuple[list[dict[str, float]], list[int]]:
    rng = np.random.default_rng(seed)
    signal = rng.normal(size=n)
    return [{"sign": float(s), "noise": float(rng.normal())} for s in signal], [int(s > 0.5) for s in signal]


def test_refusal_held_out_judges_each_group_by_a_model_fitted_without_it() -> None:
    from assistant.answer.fit import held_out_refusal

    rows, labels = _refusal_rows(300, 1)
    groups = [f"g{i % 3}" for i in range(300)]
    probs, y = held_out_refusal(rows, labels, groups), np.array(labels)
    assert probs[y == 1].mean() > 0.7 > 0.3 > probs[y == 0].mean()
    # g0 (most rows) refuses on a high sign, g1 and g2 on a low one: only models fitted without g0 invert it
    groups = ["g0"] * 200 + ["g1"] * 50 + ["g2"] * 50
    flipped = [label if g == "g0" else int(r["sign"] < -0.5) for label, g, r in zip(labels, groups, rows)]
    judged, y, g0 = held_out_refusal(rows, flipped, groups), np.array(flipped), np.array([g == "g0" for g in groups])
    assert judged[g0 & (y == 1)].mean() < judged[g0 & (y == 0)].mean()


def test_refit_refusal_keeps_the_ranker(monkeypatch) -> None:
    from assistant.answer import fit

    rows, labels = _refusal_rows(200, 2)
    monkeypatch.setattr(fit, "refusal_rows", lambda samples, ranker: (rows, labels))
    samples = [fit.QuestionSample(f"c{i % 4}", str(i), bool(y), ranked=[object()]) for i, y in enumerate(labels)]
    shipped = load_params()
    refitted = fit.refit_refusal(samples, shipped, ["c0", "c1", "c2", "c3"])
    assert refitted.ranker == shipped.ranker and refitted.extra_sentence_ratio == shipped.extra_sentence_ratio
    assert refitted.refusal.weights["sign"] > 1.0 and refitted.refusal_fitted_on == ["c0", "c1", "c2", "c3"]
    assert 0.2 <= refitted.refusal_threshold < 0.95


def test_keep_growth_refits_the_models_and_keeps_how_answers_grow(monkeypatch, tmp_path) -> None:
    from assistant.answer import fit, fit_eval

    shipped = load_params()
    seen = {}

    def fake_fit(samples, names, fitted_on, growth=None):
        seen["growth"], seen["on"] = growth, fitted_on
        return AnswerParams(fitted_on=fitted_on, ranker=LinearModel(weights={"x": 1.0}), refusal=shipped.refusal,
                            refusal_threshold=0.5, **(growth or {}))

    monkeypatch.setattr(fit_eval, "tuning_collections", lambda sets: {"a": (None, []), "b": (None, [])})
    monkeypatch.setattr(fit_eval, "loco_report", lambda *args: "report")
    monkeypatch.setattr(fit, "gather", lambda name, assistant, qs: [])
    monkeypatch.setattr(fit, "fit", fake_fit)
    out = tmp_path / "params.json"
    report = str(tmp_path / "r.md")
    assert fit.main(["--keep-growth", "--sets", str(tmp_path), "--out", str(out), "--report", report]) == 0
    assert seen == {"growth": {"extra_sentence_ratio": shipped.extra_sentence_ratio,
                               "extras_must_add_terms": shipped.extras_must_add_terms}, "on": ["a", "b"]}
    written = AnswerParams.model_validate_json(out.read_text())
    assert written.ranker.weights == {"x": 1.0} and written.extra_sentence_ratio == shipped.extra_sentence_ratio
