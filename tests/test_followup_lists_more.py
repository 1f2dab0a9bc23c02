"""'Anything else?' after an answer whose best sentence joins another thing to the one asked about: that sentence
leads what else the answer said (``followup_next.lists_more``). This file's own fixtures."""

from __future__ import annotations

from assistant.followup_next import lists_more, said_besides
from assistant.schema import Citation, Sentence

PARTS = ["The port will prioritise dredging its harbour and widening its trade with northern towns.",
         "The port reopened in May."]
ASKED = "will dredging the harbour be the port's priority?"


def _sentences() -> list[Sentence]:
    starts = [0, len(PARTS[0]) + 1]
    return [Sentence(id=f"s{n}", source="doc.txt", start=at, end=at + len(part), text=part)
            for n, (part, at) in enumerate(zip(PARTS, starts))]


def _cited(s: Sentence) -> Citation:
    return Citation(n=1, source=s.source, start=s.start, end=s.end, quote=s.text, score=1)


def test_a_conjunct_the_question_did_not_ask_about_is_more_to_tell() -> None:
    assert lists_more(PARTS[0], ASKED)  # "widening its trade" beside the asked "dredging its harbour"
    assert not lists_more(PARTS[0], "what will the port prioritise, dredging or trade?")  # both asked
    assert not lists_more(PARTS[1], ASKED)  # nothing joined
    assert not lists_more(PARTS[0], "")  # no question to compare with
    clause = "The board will keep its harbour open to trade, possibly seeking new routes for ferries."
    assert lists_more(clause, "will the board keep the harbour open?")  # an adverbial clause says more
    listed = "The importance of deep harbours, strong international alliances, and clear red lines in naval warfare " \
        "cannot be overstated."  # the parser makes "alliances" a subject of "overstated", not a conjunct
    assert lists_more(listed, "what does the ending say about deep harbours?")  # the commas still list it
    assert not lists_more(listed, "what does it say about harbours, alliances and red lines?")  # all asked


def test_the_best_sentence_listing_more_leads_what_else_the_answer_said() -> None:
    sentences = _sentences()
    best = _cited(sentences[0])
    cited = [best, _cited(sentences[1])]
    assert [s.text for s in said_besides(sentences, cited, best, ASKED)] == PARTS
    assert [s.text for s in said_besides(sentences, cited, best)] == PARTS[1:]  # no question: as before
