"""The guard's checks of one supported sentence that need no state of the reply: does it answer the question
asked (not restate it, not answer yes/no or why unasked), does it keep its spans' facts in their places, and does
it give the kind of value asked for. ``Guard.answers`` runs them with what it has learnt of the reply so far."""

from __future__ import annotations

from collections.abc import Callable

from assistant.answer.asked_forms import (
    asked_grain, asks_circumstance, asks_condition, gives_condition, gives_file_place, gives_grain, main_question,
)
from assistant.answer.attachment import attached_elsewhere, echoes_question, preposition_unasked
from assistant.answer.bare_value import (
    bare_value_kind, bare_value_unasked, fewer_than_asked, names_nothing, time_phrase_unasked, wrong_kind_in_spans,
)
from assistant.answer.frames import substituted_name
from assistant.answer.guard_params import GuardParams
from assistant.answer.matching import TermWeights
from assistant.answer.name_kinds import lacks_person_name, modifier_as_name, swapped_modifier, wrong_kind_name
from assistant.answer.polarity import polarity_unasked, reasons_unasked
from assistant.answer.qtypes import AnswerType, has_value
from assistant.answer.relevance import (
    gives_no_reason, instructs, names_only, narrates, restates, swapped_name, swapped_subject,
)
from assistant.answer.support import Claim
from assistant.answer.text_values import NAMED_RELEASE, without_named_numbers
from assistant.answer.value_binding import (
    count_as_time, counts_another_thing, counts_unasked, rival_value, unbound_value,
)

NameCheck = Callable[[str, str], bool]


def off_question(text: str, claim: str, question: str, weights: TermWeights, params: GuardParams, *,
                 why_open: bool, how_open: bool, first: bool = False, kind: str = "other") -> bool:
    """The sentence says no more than the question (``restates``), opens with "No"/"Yes" or "Because" unasked
    (``polarity_unasked``, ``reasons_unasked``), or, as the reply's ``first`` sentence, is a phrase after a
    preposition where a thing is asked (``preposition_unasked``; ``kind``: the question's ``expected_type``) or a
    bare noun phrase where circumstances are (``asks_circumstance``, ``names_only``), or,
    while a why-question is still open (``why_open``), gives no reason, an instruction or a bare name or value
    (``gives_no_reason``, ``instructs``, ``names_only``), or, while a how-to is open, only what happened
    (``narrates``)."""
    return (restates(Claim.of(claim or text), question, weights) or polarity_unasked(text, question)
            or reasons_unasked(text, question)
            or first and (preposition_unasked(text, question, kind) or asks_circumstance(question) and names_only(text))
            or why_open and (gives_no_reason(text, question, weights, params.reason_share) or instructs(text)
                             or names_only(text))
            or how_open and narrates(text))


def misplaces_facts(text: str, span_texts: list[str], span_words: frozenset[str], question: str,
                    held: list[tuple[str, str]]) -> bool:
    """The sentence swaps its spans' doer and done-to or their names (``swapped_subject``, ``swapped_name``,
    ``substituted_name``, ``swapped_modifier``, ``modifier_as_name``), attaches a bare answer after another
    preposition than the question's (``attached_elsewhere``) or puts the question's own name after it
    (``echoes_question``), gives a value of something else than its spans say
    (``unbound_value``, ``rival_value`` against ``held``, the sentences the spans hold), a count where a year goes
    (``count_as_time``) or of another thing (``counts_another_thing``), only amounts of another kind than the
    question counts (``counts_unasked``), or a bare name the spans tag as another kind than the one asked
    (``wrong_kind_in_spans``)."""
    return (swapped_subject(text, span_texts) or swapped_name(text, span_texts) or substituted_name(text, span_texts)
            or swapped_modifier(text, span_texts) or attached_elsewhere(text, question, span_texts)
            or echoes_question(text, question)
            or modifier_as_name(text, span_texts, span_words) or unbound_value(text, held) or rival_value(text, held)
            or count_as_time(text) or counts_another_thing(text, span_texts)
            or counts_unasked(text, question, span_texts)
            or wrong_kind_in_spans(text, question, span_texts))


def wrong_value_kind(text: str, question: str, names: NameCheck | None, value_kinds: frozenset[str]) -> bool:
    """The sentence lacks the name the question asks for (``names``, while none has been given), gives a bare value
    of a kind not asked (``bare_value_unasked``), only when something happened where a thing or reason is asked
    (``time_phrase_unasked``) or no name at all (``names_nothing``), a new name of the wrong kind
    (``wrong_kind_name``), no person's name where one is asked by role (``lacks_person_name``), or one value where
    several are asked (``fewer_than_asked``)."""
    return (names is not None and not names(text, question) or bare_value_unasked(text, value_kinds, question)
            or time_phrase_unasked(text, value_kinds)
            or names_nothing(text, question) or wrong_kind_name(text, question) or lacks_person_name(text, question)
            or fewer_than_asked(text, question))


def gives_asked(text: str, needs: AnswerType, question: str) -> bool:
    """Whether a sentence holds the value asked for: a date, quantity, name or path (``has_value``; a number that is
    part of a name, "Ashraf 3", is none), a release for a date ("It was removed in Flask 2.2": technical documents
    date changes by release), the condition a present-tense "when" asks for (``gives_condition``), a place in a
    file system, or a bare name for a place or an entity ("Iraq.", whose only capital opens it); a date at the
    grain asked ("which month ...?" is no year alone: ``gives_grain``)."""
    if needs == "date" and not gives_grain(text, asked_grain(main_question(question))):
        return False
    if has_value(without_named_numbers(text), needs):
        return True
    if needs in ("place", "entity") and bare_value_kind(text) == "name":  # "Iraq.": a name, its capital the first
        return True
    if needs == "date":
        return bool(NAMED_RELEASE.search(text)) or asks_condition(main_question(question)) and gives_condition(text)
    return needs == "place" and gives_file_place(text)
