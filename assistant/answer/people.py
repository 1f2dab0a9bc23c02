"""Nouns for people and for parties that act (general English): what a phrase names when it names no one by name.

A phrase headed by a person noun is what "he" or "she" can stand for (``followup_agree``), and a bare phrase without
a verb answers a "who" only when it names someone, by name or by such a noun (``bare_value.names_someone``).
"""

from __future__ import annotations

PERSON_NOUNS = frozenset("""
    person man woman boy girl child diplomat minister president premier chancellor leader official spokesman
    spokeswoman spokesperson ambassador envoy king queen prince princess emperor empress ruler monarch pope bishop
    priest author writer founder creator inventor developer maintainer programmer engineer scientist researcher
    professor teacher student user administrator admin analyst expert officer soldier general commander citizen
    judge lawyer owner member chairman chairwoman chair director manager secretary journalist reporter candidate
    senator governor mayor steward contributor sender recipient licensor licensee holder editor translator
    designer architect volunteer employee worker customer client speaker host guest
""".split())
"""Nouns that name a person (general English): a phrase headed by one is what "he" or "she" can stand for."""
PERSON_SUFFIXES = ("ist", "ician")
GROUP_NOUNS = frozenset({"group", "organisation", "organization", "movement"})
"""A bare "the group" names no group of its own: it points to the organisation the conversation is about."""
PARTY_NOUNS = frozenset({"country", "nation", "state", "government", "company", "party"})
"""Nouns (lemmas) for a party that acts, which "they" stands for once named ("which *country* offered aid?" + "when
did they offer it?"), general English."""


def person_noun(lemma: str) -> bool:
    """Whether a common noun names a person ("diplomat", "analyst", "politician")."""
    low = lemma.lower()
    return low in PERSON_NOUNS or (len(low) > 5 and low.endswith(PERSON_SUFFIXES))
