"""How many things an enumeration holds, read off its "Firstly ... Secondly ... Finally" items
(``answer/enumeration_count.py``), end to end on the indexed article."""

from __future__ import annotations


def test_how_many_lessons_counts_the_enumeration_s_items(assistant) -> None:
    """No sentence writes "three lessons": the count comes from the enumeration, its lead and items cited."""
    answer = assistant.ask("How many lessons does the article draw from the saga?")
    assert not answer.abstained and answer.answer.startswith("There are 3 lessons.")
    quotes = [c.quote for c in answer.citations]
    assert "several critical lessons" in quotes[0]
    assert [q.split(",")[0] for q in quotes[1:]] == ["Firstly", "Secondly", "Finally"]
    text = assistant.snapshot().meta.documents[answer.citations[0].source].text
    assert all(text[c.start:c.end] == c.quote for c in answer.citations)


def test_a_written_number_still_answers_and_a_follow_up_counts_too(assistant) -> None:
    """A count the document writes is answered as before; "how many?" after "what lessons ...?" is counted."""
    members = assistant.ask("how many members of the MEK did albania accept?")
    assert not members.abstained and "There are" not in members.answer
    counted = assistant.ask("how many?", history=["what lessons does the article draw from the saga?"])
    assert counted.answer.startswith("There are 3 lessons.")
