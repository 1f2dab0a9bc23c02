"""The answerer's decision: the sentences an answer cites, or an abstention with the nearest ones."""

from __future__ import annotations

from dataclasses import dataclass, field

from assistant.schema import Sentence


@dataclass
class Draft:
    """What the answerer decided: the sentences to cite, or an abstention with the nearest ones."""

    sentences: list[Sentence]
    abstained: bool
    reason: str = ""
    nearest: list[Sentence] = field(default_factory=list)
    scores: dict[str, float] = field(default_factory=dict)
    template: str | None = None  # answer text with {0}, {1}... for the markers of ``sentences``, when computed
    second_look: bool = False  # no date, number or name where one was asked for: a deeper search may find one
    lead: Sentence | None = None  # the sentence chosen first, the answer's best (its run opens ``sentences``)
    structural: bool = False  # read off the document's outline (``outline.py``), which no backend's passages show
