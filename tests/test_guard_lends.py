"""Each span a claim joins must lend it a fact by itself (``support.lends``): a number, name or month of the claim,
or two of its content words (hand-built claims and spans, no index, no model but spaCy's)."""

from __future__ import annotations

from assistant.answer.matching import TermWeights
from assistant.answer.support import Claim, Facts, lends, match

WEIGHTS = TermWeights({}, 100)


def lent(claim_text: str, span: str) -> bool:
    claim, facts = Claim.of(claim_text), Facts.of(span)
    return lends(claim, match(claim, facts, WEIGHTS), facts)


def test_one_common_word_lends_nothing():
    bomb = "A geopolitical time bomb."
    assert not lent(bomb, "This move was believed to be the first time a nation took such a step.")
    assert not lent(bomb, "The decision solidified the country's geopolitical position.")
    assert lent(bomb, "By hosting the group, the country placed a geopolitical time bomb in its own house.")


def test_a_value_or_a_name_lends_a_fact():
    days = "54 days (July 15 to September 7, 2022)."
    assert lent(days, "The most significant incident occurred on July 15, 2022.")
    assert lent(days, "On September 7, 2022, the Prime Minister announced the decision.")
    assert not lent(days, "The attribution led to a swift and decisive response.")
    assert lent("Edi Rama announced it.", "Prime Minister Edi Rama spoke.")
