"""Countries as questions name them: a capital for its government ("what did Washington ask?"), a people for its
country ("the Americans", "Israelis") and a people's adjective ("Israeli"), each read as the country the documents
name (general English only)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from assistant.terms import CAPITALS, people_country, stem, words

if TYPE_CHECKING:
    from assistant.answer.matching import TermWeights

_DEMONYM_ENDINGS = (("ian", ("", "a", "ia", "y")), ("ean", ("", "e", "a")), ("ese", ("", "a")),
                    ("ish", ("", "ey", "y")), ("an", ("", "a")), ("i", ("",)), ("n", ("",)))
"""How a people's or country's adjective is formed from its name (general English): Israel-i, Iraq-i,
Albania-n, Iran-ian, Ital-ian / Ital-y, Chin-ese / Chin-a, Turk-ish / Turk-ey, Kore-an / Kore-a."""


def capitals_for_countries(question: str, weights: TermWeights) -> dict[str, str]:
    """The capitals ``question`` names for their governments (``terms.CAPITALS``) that the documents never name,
    while they do name the country ("what did washington get tirana to do?" over a text that says "the United
    States"), each with the country it stands for; not a capital named as a place (``_LOCATIVE``)."""
    tokens = words(question)
    return {w: country for i, w in enumerate(tokens) if (country := CAPITALS.get(w)) and not weights.known(stem(w))
            and all(weights.known(stem(p)) for p in country.split()) and not (i and tokens[i - 1] in _LOCATIVE)}


_LOCATIVE = frozenset("in at near inside outside around from to into".split())
"""Prepositions before a capital named as a place ("an embassy *in* jerusalem"), not as a government."""


def peoples_for_countries(question: str, weights: TermWeights) -> dict[str, str]:
    """The peoples ``question`` names that the documents never write ("the Americans", "an american"), while they
    name the country (``terms.people_country``), each with the country it stands for."""
    return {w: country for w in words(question) if (country := people_country(w))
            and not weights.known(stem(w)) and all(weights.known(stem(p)) for p in words(country))}


def demonym_place(name: str, weights: TermWeights) -> str | None:
    """The stem of the place a people's adjective (or its plural) the documents never use is formed from, when the
    documents name that place ("Israeli", "Israelis" → israel), else None."""
    word = name.lower()
    for form in (word, word[:-1]) if word.endswith("s") else (word,):
        for ending, restores in _DEMONYM_ENDINGS:
            if form.endswith(ending) and len(form) - len(ending) >= 3:
                for restore in restores:
                    if weights.known(place := stem(form[:-len(ending)] + restore)):
                        return place
    return None
