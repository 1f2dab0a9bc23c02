"""A claim joined from several spans takes, of equally good spans, one that agrees with the others on the claim's
values (``nearby.agrees``), and no span may lend it only a name in another name's place (``nearby.borrowed_name``;
hand-built claims and spans, no index, no model but spaCy's)."""

from __future__ import annotations

from assistant.answer.matching import TermWeights
from assistant.answer.nearby import agrees, borrowed_name, name_places
from assistant.answer.support import Claim, Facts, match

CLAIM = ("Versions that belong to the target release get priority 990; versions that do not belong to the target "
         "release get priority 500.")
UNSET = ("If the target release has not been specified then APT simply assigns priority 100 to all installed "
         "package versions and priority 500 to all uninstalled package versions.")


def test_spans_giving_the_same_setting_another_value_disagree():
    belongs = Facts.of("priority 990: to the versions that belong to the target release.")
    outside = Facts.of("priority 500: to the versions that do not belong to the target release.")
    assert agrees(Claim.of(CLAIM), [belongs, outside])
    assert not agrees(Claim.of(CLAIM), [belongs, Facts.of(UNSET)])  # its priority 100 is no value of the claim



def borrowed(claim_text: str, rest: str, giving: str) -> bool:
    claim = Claim.of(claim_text)
    stems = Facts.of(rest).stems | Facts.of(giving).stems
    return borrowed_name(claim, match(claim, Facts.of(rest), TermWeights({}, 100)), name_places([rest, giving]), stems)


def test_a_span_lending_only_a_name_in_another_names_place_is_borrowed():
    partner = ("After years of isolation, Norway re-established relations with the West, particularly Canada, which it "
               "now considers its closest partner in the region.")
    farsi = "The group, also known by its Farsi name, the Mujahedin-e Khalq, arrived in 2014."
    assert borrowed("It is the Khalq, which Norway considers its closest partner in the region.", partner, farsi)
    assert not borrowed("The current Policy Editors are Ann Lee and Bo Kim.", "The current Policy Editors are:",
                        "Ann Lee and Bo Kim")  # a list under its heading: the names are the answer
