"""A name asked of someone the conversation only described: "who told Tirana Times ...?" (answered "a Western
diplomat") + "whats his name?". The pronoun stands for a description, not a name (a name in the previous answer
would have been taken first), so the documents name that person only if the new answer's sentences hold a
person's name the question does not already give; when they hold none, the follow-up is refused rather than
answered with the passage that only describes the person again."""

from __future__ import annotations

from collections.abc import Sequence

from assistant.followup import apostrophes
from assistant.nlp import Syntax, syntax

NAME_NOUNS = frozenset({"name", "names"})
"""Nouns that ask for a name when a pronoun owns them ("his name", "their names")."""
OWNERS = frozenset({"his", "her", "their"})
"""Possessive pronouns that can stand for a person."""


def asks_name(question: Syntax) -> bool:
    """Whether the question asks a pronoun's name ("whats his name?", "do we know their names?")."""
    toks = question.tokens
    return any(t.text.lower() in NAME_NOUNS and any(o.head == t.i and o.text.lower() in OWNERS for o in toks)
               for t in toks)


def person_names(parsed: Syntax) -> set[str]:
    """The persons' names the parser finds in a text, lower-cased (acronyms, which it often takes for persons,
    left out: "MEK")."""
    found = set()
    for start, end, label in parsed.ents:
        name = parsed.span(start, end)
        if label == "PERSON" and not (name.isupper() and name.replace(" ", "").isalpha()):
            found.add(name.lower())
    return found


def unnamed_answer(asked: str, searched: str, cited: Sequence[str]) -> bool:
    """True when ``asked`` asks the name of someone ``searched`` (its reading) only describes, and no ``cited``
    sentence of the answer names a person that ``searched`` does not: the name is not in the documents found."""
    if not asks_name(syntax(apostrophes(asked))) or person_names(syntax(searched)):
        return False
    given = {name for sentence in cited for name in person_names(syntax(sentence))}
    return not given
