"""The grounding guard's fitted thresholds: one typed, versioned file (``guard_params.json`` beside this module).

``python -m assistant.answer.guard_fit`` writes it deterministically from the tuning parts of the eval collections,
measured with the reference-answer stand-ins; the guard carries no threshold of its own.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, Field

GUARD_PARAMS_PATH = Path(__file__).with_name("guard_params.json")
GUARD_PARAMS_VERSION = 7  # 2: one_word_coverage; 3: context_credit, continuation_reach; 4: reason_share;
# 5: nearby_reach, nearby_coverage; 6: unmatched_share; 7: literal_share


class GuardParams(BaseModel):
    """When a span (or a few) supports a generated sentence, and when the sentence answers the question."""

    version: int = GUARD_PARAMS_VERSION
    fitted_on: list[str] = Field(default_factory=list, description="Collections (tuning parts) the fit used.")
    full_coverage: float = Field(0.85, description="Share of the claim's content (idf mass) the spans must cover on "
                                 "words alone...")
    soft_coverage: float = Field(0.7, description="...or this much, when they also mean nearly the same:")
    soft_similarity: float = Field(0.75, description="MiniLM cosine of claim and spans for the soft rule.")
    one_word_coverage: float = Field(1.0, description="...or this much, when just one content word is unmatched (a "
                                     "one-word paraphrase: 'preferred' for 'opting').")
    max_unmatched: int = Field(2, description="Content words of the claim that may go unmatched, whatever their weight...")
    unmatched_share: float = Field(0.0, ge=0, le=1, description="...or this share of a long claim's content words "
                                   "(rounded down), when that is more (0: off).")
    literal_share: float = Field(0.0, ge=0, le=1, description="Share of a claim without a number (idf mass) its spans "
                                 "must hold in its own words (stem, lemma), not as synonyms, near forms or words "
                                 "around them (0: off).")
    max_spans: int = Field(3, ge=1, le=4, description="Separate spans a sentence joining facts may cite.")
    relevance: float = Field(0.3, description="Share of the question's terms (idf mass) the sentence and its spans "
                             "must meet to count as answering it.")
    relevance_similarity: float = Field(0.6, description="...or the MiniLM cosine of the question with the sentence or "
                                        "its spans that counts as answering it.")
    anchor_reach: int = Field(0, ge=0, description="Characters around a sentence the extractive answerer found for the "
                              "question within which a cited span counts as answering it.")
    context_credit: float = Field(0.0, ge=0, le=1, description="Share of its weight a claim word earns when its span "
                                  "lacks it but the rest of the span's passage (or the question) has it.")
    continuation_reach: int = Field(0, ge=0, description="Characters around a span an earlier kept sentence cites "
                                    "within which a cited span counts as answering (the answer goes on where the "
                                    "sources go on).")
    reason_share: float = Field(0.0, ge=0, le=1, description="Share of a why-answer's reason part (idf mass) that must "
                                "be new to the question; less only restates the premise (0: off).")
    nearby_reach: int = Field(0, ge=0, description="Sentences before and after each passage shown that a sentence the "
                              "passages do not support may cite, joined to shown spans (``nearby``; 0: off).")
    nearby_coverage: float = Field(0.5, ge=0, le=1, description="Share of such a sentence the shown spans it joins "
                                   "must cover alone.")
    score: dict[str, float] = Field(default_factory=dict, description="What the fit measured with these values.")


@lru_cache(maxsize=4)
def load_guard_params(path: Path = GUARD_PARAMS_PATH) -> GuardParams:
    """The fitted guard thresholds (read once per process); the defaults above when the file is missing."""
    return GuardParams.model_validate_json(path.read_text(encoding="utf-8")) if path.is_file() else GuardParams()
