"""A claim joined from several spans takes, of equally good spans, one that agrees with the others on the claim's
values (``nearby.agrees``; hand-built claim and spans, no index, no model but spaCy's)."""

from __future__ import annotations

from assistant.answer.nearby import agrees
from assistant.answer.support import Claim, Facts

CLAIM = ("Versions that belong to the target release get priority 990; versions that do not belong to the target "
         "release get priority 500.")
UNSET = ("If the target release has not been specified then APT simply assigns priority 100 to all installed "
         "package versions and priority 500 to all uninstalled package versions.")


def test_spans_giving_the_same_setting_another_value_disagree():
    belongs = Facts.of("priority 990: to the versions that belong to the target release.")
    outside = Facts.of("priority 500: to the versions that do not belong to the target release.")
    assert agrees(Claim.of(CLAIM), [belongs, outside])
    assert not agrees(Claim.of(CLAIM), [belongs, Facts.of(UNSET)])  # its priority 100 is no value of the claim

