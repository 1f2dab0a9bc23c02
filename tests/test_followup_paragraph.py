"""'And the next paragraph?': the first sentences of the paragraph after the one the previous answer's best
citation is in, past a heading between them."""

from __future__ import annotations

from assistant.followup_next import NEXT_PARAGRAPH, next_paragraph
from assistant.schema import Sentence


def test_the_next_paragraph_is_read_past_a_heading() -> None:
    text = ("The port grew fast. It had three piers.\n\nTrade\n\nShips came from Genoa. They carried salt. "
            "Prices fell.\n\nThe war ended it.")
    spans = ["The port grew fast.", "It had three piers.", "Trade", "Ships came from Genoa.", "They carried salt.",
             "Prices fell.", "The war ended it."]
    sentences = [Sentence(id=str(i), source="port.txt", start=text.index(s), end=text.index(s) + len(s), text=s,
                          answerable=s != "Trade") for i, s in enumerate(spans)]
    best = sentences[0]
    assert [s.text for s in next_paragraph(sentences, best, text, 2)] == ["Ships came from Genoa.",
                                                                          "They carried salt."]
    assert [s.text for s in next_paragraph(sentences, sentences[5], text, 2)] == ["The war ended it."]
    assert next_paragraph(sentences, sentences[6], text, 2) == []
    assert NEXT_PARAGRAPH.search("and the next paragraph?") and not NEXT_PARAGRAPH.search("what happened next?")
