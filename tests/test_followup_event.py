""""that" as the subject of a verb with no object stands for what the previous question said happened; as the
subject of a verb with an object it stays a thing (the real spaCy parser, no index)."""

from __future__ import annotations

from assistant.followup import resolve
from assistant.followup_ellipsis import happened_subject
from assistant.nlp import syntax


def test_a_subject_without_an_object_is_what_happened() -> None:
    parsed = syntax("why was that such a big deal?")
    assert happened_subject(parsed, next(t.i for t in parsed.tokens if t.text == "that"))
    parsed = syntax("can that replace full diplomatic relations?")
    assert not happened_subject(parsed, next(t.i for t in parsed.tokens if t.text == "that"))


def test_that_big_deal_is_the_previous_questions_event() -> None:
    searched = resolve("why was that such a big deal?", ["when did albania cut diplomatic relations with iran?"]).query
    assert "albania cutting diplomatic relations with iran" in searched.lower()


def test_that_with_an_object_is_not_made_an_event() -> None:
    searched = resolve("can that replace full diplomatic relations?",
                       ["why would iran want an interest section in albania?"]).query
    assert "wanting" not in searched.lower()
