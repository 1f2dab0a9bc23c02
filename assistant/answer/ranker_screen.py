"""Screen candidate ranker features before building them in: ``python -m assistant.answer.ranker_screen``.

Every tuning question runs through the real pipeline once (``fit.gather``, as ``assistant tune`` does); then each
candidate feature, a ``features.Feature`` named ``module:attribute`` (computed on the question's view and each
candidate's), is added beside the current features and judged as the fit would judge it on a kind of document it
has not seen: the sentence ranker refitted with each collection left out in turn (``fit.fit_ranker``), and the
share of that collection's answerable questions whose first-ranked candidate overlaps gold evidence (top-1), averaged
over collections. ``--standings`` adds the feature's rank and gap among a question's candidates too
(``features.Standing``), as the dense similarity and the coverages have them. A feature that moves the average by
less than about 0.01 is not worth a refit: at stop 82 a second embedder's cosine (multilingual-e5-small, with its
standings) gained +0.010 on the nineteen tuning parts (docs/questions.md, stop 82). Reads only the tuning parts;
writes nothing.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from assistant.answer.features import FEATURE_NAMES, Standing
from assistant.answer.fit import fit_ranker
from assistant.answer.refusal_screen import load_sign

if TYPE_CHECKING:
    from assistant.answer.features import Feature
    from assistant.answer.fit import QuestionSample


@dataclass(frozen=True)
class TopOne:
    """Leave-one-collection-out top-1: per collection, and their mean."""

    per_collection: dict[str, float]

    @property
    def mean(self) -> float:
        """The mean over collections (each collection weighs the same)."""
        return float(np.mean(list(self.per_collection.values()))) if self.per_collection else 0.0


def _answerable(samples: list[QuestionSample]) -> list[QuestionSample]:
    return [s for s in samples if not s.should_abstain and any(s.labels)]


def held_out_top1(samples: list[QuestionSample], names: list[str]) -> TopOne:
    """For each collection, the top-1 of a ranker over ``names`` fitted on the other collections only."""
    out = {}
    for held in sorted({s.collection for s in samples}):
        ranker = fit_ranker([s for s in samples if s.collection != held], names)
        mine = _answerable([s for s in samples if s.collection == held])
        if mine:
            out[held] = float(np.mean([s.labels[int(np.argmax([ranker.logit(f) for f in s.features]))]
                                       for s in mine]))
    return TopOne(out)


def with_feature(samples: list[QuestionSample], feature: Feature, standings: bool) -> list[str]:
    """Add ``feature``'s value (and, with ``standings``, its rank and gap) to every candidate's features; the names
    added."""
    added = [Standing(feature.name, mode) for mode in ("rank", "gap")] if standings else []
    for s in samples:
        for row, cand in zip(s.features, s.ranked):
            row[feature.name] = float(feature(s.view, cand.view))
        for standing in added:
            standing.apply(s.features)
    return [feature.name, *(a.name for a in added)]


def screen(samples: list[QuestionSample], features: list[Feature], standings: bool = False) -> dict[str, TopOne]:
    """The current features' held-out top-1 (key ``""``) and, for each candidate, the top-1 with it added."""
    kept = [s for s in samples if s.ranked]
    names = list(FEATURE_NAMES)
    out = {"": held_out_top1(kept, names)}
    for feature in features:
        out[feature.name] = held_out_top1(kept, names + with_feature(kept, feature, standings))
    return out


def main(argv: list[str] | None = None) -> int:
    """Gather the tuning questions once, then print the held-out top-1 with each feature added."""
    from assistant.answer.fit import gather
    from assistant.answer.fit_eval import tuning_collections

    parser = argparse.ArgumentParser(prog="python -m assistant.answer.ranker_screen",
                                     description=__doc__.splitlines()[0])
    parser.add_argument("features", nargs="+", help="candidate features, as module:attribute (a Feature)")
    parser.add_argument("--sets", default="evals/sets", help="folder of eval collections (default: %(default)s)")
    parser.add_argument("--standings", action="store_true", help="add each feature's rank and gap among the "
                        "question's candidates too")
    args = parser.parse_args(argv)
    features = [load_sign(f) for f in args.features]
    collections = tuning_collections(Path(args.sets))
    samples = [s for name, (assistant, qs) in collections.items() for s in gather(name, assistant, qs)]
    figures = screen(samples, features, args.standings)  # type: ignore[arg-type]
    base = figures[""]
    names = list(base.per_collection)
    print("| features | " + " | ".join(names) + " | mean | gain |\n|---|" + "---|" * (len(names) + 2))
    for name, f in figures.items():
        cells = " | ".join(f"{f.per_collection.get(c, 0.0):.3f}" for c in names)
        print(f"| {name or 'current'} | {cells} | {f.mean:.4f} | {f.mean - base.mean:+.4f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
