"""Verbs glued to a pronoun, written in full once the pronoun is replaced by what it stands for."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from assistant.nlp import Token

_CLITICS = {"re": "are", "ve": "have", "ll": "will", "d": "would", "s": "is"}
"""A verb glued to a pronoun ("they're", "theyre", "they'd", "it's"; looked up without its apostrophe), written in
full once the pronoun is replaced by what it stands for ("'d" as "had" where tagged a past tense, "'s" only where
tagged a verb: ``clitic_verb``)."""


def clitic_verb(tokens: list[Token], i: int) -> str | None:
    """The verb the clitic ``tokens[i]`` stands for (``_CLITICS``), or None: "'d" before a participle is "had"
    ("they'd left"), a possessive "'s" is none."""
    token = tokens[i]
    clitic = token.text.lower().lstrip("'’")
    if clitic == "s" and token.tag != "VBZ" or clitic not in _CLITICS:
        return None
    past = token.tag == "VBD" or i + 1 < len(tokens) and tokens[i + 1].tag == "VBN"
    return "had" if clitic == "d" and past else _CLITICS[clitic]
