"""Support on approximations: MiniLM closeness vouches for a reworded claim, not for words its span lacks, and a claim
without a number must be held by its spans mostly in its own words (a hand-built span and claim from the real model's
sentence of stop 29; no index, no model but spaCy's)."""

from __future__ import annotations

from assistant.answer.guard_params import GuardParams
from assistant.answer.matching import TermWeights
from assistant.answer.support import Claim, Facts, Match, match, paraphrases, supports
from assistant.terms import content_stems

WEIGHTS = TermWeights({"albania": 98, "iran": 90, "relat": 75, "cyber": 45, "internat": 35, "futur": 40, "warfar": 40}, 100)
PARAMS = GuardParams(full_coverage=0.6, soft_coverage=0.5, soft_similarity=0.65, one_word_coverage=0.4,
                     max_unmatched=2, unmatched_share=0.2, context_credit=0.5, literal_share=0.35)
SPAN = ("What began as simmering tensions escalated into an unprecedented diplomatic breakdown following a series "
        "of sophisticated cyberattacks. This pivotal moment, where a nation severed ties over digital aggression, has not only reshaped the "
        "immediate future of Albania Iran relations but also cast a stark light on the evolving nature of modern "
        "warfare and geopolitical alliances.")
MOVE = "This move was historic, the first time a nation has taken such a drastic step, severing diplomatic ties."
HEADING = "International relations and cyber warfare"
CLAIM = ("The sudden shift in the relationship from international diplomacy to cyber warfare has reshaped the future "
         "of Albania Iran relations.")


def test_closeness_does_not_vouch_for_words_outside_the_span():
    around = frozenset(content_stems(HEADING))
    m = match(Claim.of(CLAIM), Facts.of(SPAN), WEIGHTS, around, PARAMS.context_credit)
    assert len(m.missing_words) == 2 and m.credited and m.outside_span > m.unmatched_allowed(PARAMS)
    assert PARAMS.soft_coverage <= m.coverage < PARAMS.full_coverage
    assert not supports(m, 0.9, PARAMS)


def test_closeness_still_vouches_for_a_rewording_within_the_allowance():
    two_reworded = Match(0.55, (), ("prefer", "opt"), terms=8)
    assert two_reworded.outside_span == 2 and paraphrases(two_reworded, 0.7, PARAMS)
    assert supports(two_reworded, 0.7, PARAMS)
    assert not supports(two_reworded, 0.6, PARAMS)  # not close enough in meaning
    one_credited = Match(0.55, (), ("prefer", "opt"), ("relat",), terms=8)
    assert one_credited.outside_span == 3 and not supports(one_credited, 0.9, PARAMS)


def test_a_claim_met_mostly_by_synonyms_and_near_forms_is_not_supported():
    around = frozenset(content_stems(HEADING))
    m = match(Claim.of(CLAIM), Facts.of(SPAN) | Facts.of(MOVE), WEIGHTS, around, PARAMS.context_credit)
    assert len(m.missing_words) <= 1 and m.coverage >= PARAMS.one_word_coverage  # "shift" met by "move", a synonym
    assert m.literal < PARAMS.literal_share and not supports(m, 0.9, PARAMS)
    assert supports(m, 0.9, PARAMS.model_copy(update={"literal_share": 0.0}))
    own = match(Claim.of("The pivotal moment has reshaped the immediate future of Albania Iran relations."),
                Facts.of(SPAN), WEIGHTS)
    assert own.literal == 1.0 and supports(own, None, PARAMS)


def test_a_claim_with_a_number_is_held_by_its_number_not_its_wording():
    m = match(Claim.of("The default is 16 rounds, changeable with -a."),
              Facts.of("Specifies the number of KDF rounds; the default is 16."), WEIGHTS)
    assert m.literal == 1.0
