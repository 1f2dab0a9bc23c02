"""Screen candidate refusal evidence before building it in: ``python -m assistant.answer.refusal_screen``.

Every tuning question runs through the real pipeline once (``fit.gather``, as ``assistant tune`` does); then each
candidate sign, a ``RefusalRule`` named ``module:attribute``, is judged the way the fit would judge it: the refusal
model refitted with the sign beside the current evidence (on the ranker in place), each collection's probabilities
from a model fitted without that collection, the fit's threshold rule (``fit.best_threshold``), and the refusals of
should-refuse questions less the false refusals that follow. A sign whose gain stays within a few thousandths is not
worth a rule: at stop 81 about twenty signs stayed within 0.005 and the question's form gained 0.023.
Reads only the tuning parts; writes nothing.
"""

from __future__ import annotations

import argparse
import importlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from assistant.answer.fit import best_threshold, held_out_refusal, refusal_rows

if TYPE_CHECKING:
    from assistant.answer.fit import QuestionSample
    from assistant.answer.params import LinearModel
    from assistant.answer.refusal import RefusalRule


@dataclass(frozen=True)
class HeldOut:
    """Leave-one-collection-out figures of one set of refusal evidence, at the threshold the fit's rule chooses."""

    threshold: float
    refused: float  # share of should-refuse questions refused
    false_refusals: float  # share of answerable questions refused

    @property
    def score(self) -> float:
        """What the fit's threshold rule maximises: refusals less false refusals."""
        return self.refused - self.false_refusals


def held_out(rows: list[dict[str, float]], labels: list[int], groups: list[str]) -> HeldOut:
    """The figures of refusal models fitted on ``rows`` with each group left out in turn."""
    probs, y = held_out_refusal(rows, labels, groups), np.array(labels, float)
    threshold = best_threshold(probs, y)
    refused = probs >= threshold
    return HeldOut(threshold, float(refused[y == 1].mean()), float(refused[y == 0].mean()))


def screen(samples: list[QuestionSample], ranker: LinearModel, signs: list[RefusalRule]) -> dict[str, HeldOut]:
    """The current evidence's figures (key ``""``) and, for each sign, the figures with that sign added."""
    kept = [s for s in samples if s.ranked]
    rows, labels = refusal_rows(kept, ranker)  # also sets each candidate's logit under ``ranker``
    groups = [s.collection for s in kept]
    ranked = [sorted(s.ranked, key=lambda c: -c.logit) for s in kept]
    out = {"": held_out(rows, labels, groups)}
    for sign in signs:
        added = [dict(row, **{sign.name: float(sign(s.view, cands))}) for row, s, cands in zip(rows, kept, ranked)]
        out[sign.name] = held_out(added, labels, groups)
    return out


def load_sign(path: str) -> RefusalRule:
    """The sign named ``module:attribute``; a class is instantiated with its defaults."""
    module, _, attribute = path.partition(":")
    found = getattr(importlib.import_module(module), attribute)
    return found() if isinstance(found, type) else found


def main(argv: list[str] | None = None) -> int:
    """Gather the tuning questions once, then print the held-out figures with each sign added."""
    from assistant.answer.fit import gather
    from assistant.answer.fit_eval import tuning_collections
    from assistant.answer.params import load_params

    parser = argparse.ArgumentParser(prog="python -m assistant.answer.refusal_screen",
                                     description=__doc__.splitlines()[0])
    parser.add_argument("signs", nargs="+", help="candidate signs, as module:attribute (a RefusalRule)")
    parser.add_argument("--sets", default="evals/sets", help="folder of eval collections (default: %(default)s)")
    args = parser.parse_args(argv)
    signs = [load_sign(s) for s in args.signs]
    collections = tuning_collections(Path(args.sets))
    samples = [s for name, (assistant, qs) in collections.items() for s in gather(name, assistant, qs)]
    figures = screen(samples, load_params().ranker, signs)
    base = figures[""]
    print("| evidence | threshold | refused | false refusals | refused less false | gain |\n|---|---|---|---|---|---|")
    for name, f in figures.items():
        print(f"| {name or 'current'} | {f.threshold:.2f} | {f.refused:.4f} | {f.false_refusals:.4f} | "
              f"{f.score:.4f} | {f.score - base.score:+.4f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
