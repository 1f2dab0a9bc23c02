"""``holds``: the one test of whether a set of stems holds a word (same stem, near form or synonym), shared by the
follow-up checks (followup_adds, followup_asked, followup_attached) and the answer's relevance (new_share)."""

from __future__ import annotations

from assistant.answer.matching import holds
from assistant.answer.relevance import new_share
from assistant.answer.support import Claim
from assistant.followup_asked import says
from assistant.nlp import syntax
from assistant.terms import stem

STEMS = frozenset({"albanian", "purchas", "harbour"})


def test_a_word_is_held_by_its_stem_a_near_form_or_a_synonym() -> None:
    assert holds("harbour", STEMS)  # the same stem
    assert holds("albania", STEMS)  # a near form: Albania / Albanian
    assert holds(stem("buy"), STEMS)  # a synonym: buy / purchase
    assert not holds("ferri", STEMS)
    assert not holds(stem("sell"), STEMS)


def test_a_yes_no_verb_is_said_by_a_synonym_or_its_opposite_but_not_by_another_verb() -> None:
    verb = next(t for t in syntax("did the council buy the ferry?").tokens if t.lemma == "buy")
    assert says(verb, ["The council purchased the ferry in 1998."])
    assert not says(verb, ["The council inspected the ferry in 1998."])


class _Even:
    """Every stem weighs the same."""

    def idf(self, term: str) -> float:
        return 1.0


def test_a_claim_s_words_held_by_the_question_through_a_synonym_are_not_new() -> None:
    question = "Did the council buy the ferry?"
    assert new_share(Claim.of("The council purchased the ferry."), question, _Even()) == 0.0  # type: ignore[arg-type]
    assert new_share(Claim.of("The council inspected the ferry."), question, _Even()) > 0.0  # type: ignore[arg-type]
