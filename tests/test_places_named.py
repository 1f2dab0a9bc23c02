"""A place the question names otherwise than the documents do: by its people's adjective ("Israeli"), by its people
("the Americans", "Israelis") or by its capital standing for its government ("washington")
(assistant/answer/countries.py, read by assistant/answer/query.py)."""

from __future__ import annotations

from assistant.answer.matching import TermWeights
from assistant.answer.query import analyse
from assistant.terms import stem


def test_a_peoples_adjective_is_searched_by_the_place_the_documents_name() -> None:
    """"Israeli", "Iranian" or "Turkish" where the documents say only "Israel", "Iran" or "Turkey": the place is
    searched for, and the adjective is no name the documents lack; an adjective of a place they never name is."""
    places = TermWeights.of_texts(["Albania has an embassy in Tel Aviv, and Israel has one in Tirana.",
                                   "Iran opened an interest section through Turkey."])
    query = analyse("In which Israeli city is Albania's embassy?", places)
    assert not query.unseen_names and "israel" in query.terms
    assert not analyse("What did the Turkish side offer?", places).unseen_names
    assert analyse("What did the Iranian minister say?", places).corrections.get(stem("iranian")) == stem("iran")
    assert analyse("Did the Canadian envoy comment?", places).unseen_names == ["Canadian"]


def test_a_capital_named_for_its_government_is_searched_as_its_country() -> None:
    """"what did washington get tirana to do?" over a text that says "the United States" and "Albania": the capitals
    stand for the governments, not for names the documents lack; a capital whose country the text never names is
    still unseen."""
    shelter = TermWeights.of_texts(["At the behest of the United States, Albania accepted the exiles in 2014."])
    query = analyse("what yr did washington get tirana to shelter the exiles", shelter)
    assert not query.out_of_corpus and "united states" in query.expansion
    assert analyse("what did moscow say about the exiles?", shelter).unseen_names == ["moscow"]
    assert analyse("why did albania put the exiles in washington?", shelter).out_of_corpus  # a place, not a government


def test_a_people_is_searched_as_its_country() -> None:
    """"was it the Americans or the Israelis who sent aid?" over a text that says "the United States" and "Israel":
    the peoples are the countries, in capitals or typed in lower case, and no name the documents lack; a people
    whose country the text never names is still unseen."""
    aid = TermWeights.of_texts(["Israel offered cyber aid to Albania.", "The United States backed the decision."])
    query = analyse("Was it the Americans or the Israelis who offered cyber aid?", aid)
    assert not query.out_of_corpus and "united states" in query.expansion.lower()
    assert query.corrections.get(stem("israelis")) == stem("israel")
    assert not analyse("did the americans send aid too?", aid).out_of_corpus
    assert analyse("Did the Canadians send aid?", aid).out_of_corpus
