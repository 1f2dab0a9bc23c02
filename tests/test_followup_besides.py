""""What else ...?" with words of its own, read near the previous answer (issue 16j): a hand-built document, no
index."""

from __future__ import annotations

from assistant.followup_besides import holding, neighbourhood
from assistant.schema import Citation, Sentence
from assistant.terms import stem

PARTS = ["The plan has three parts.", "First, Tirana builds defences.", "Allies send experts.",
         "Second, Tirana will raise the issue abroad.", "Prices rose.", "Third, the base stays.", "Later news."]
TEXT = f"{PARTS[0]} {PARTS[1]} {PARTS[2]}\n\n{PARTS[3]} {PARTS[4]}\n\n{PARTS[5]}\n\n{PARTS[6]}\n"


def _sentences() -> list[Sentence]:
    out, at = [], 0
    for n, part in enumerate(PARTS):
        at = TEXT.index(part, at)
        out.append(Sentence(id=f"s{n}", source="doc.txt", start=at, end=at + len(part), text=part))
        at += len(part)
    return out


def _cited(sentence: Sentence, score: float) -> Citation:
    return Citation(n=1, source=sentence.source, start=sentence.start, end=sentence.end, quote=sentence.text,
                    score=score)


def test_the_neighbourhood_is_the_rest_of_the_answer_then_the_paragraphs_after_its_best_sentence() -> None:
    sentences = _sentences()
    best, other = _cited(sentences[1], 0.9), _cited(sentences[0], 0.1)
    near = neighbourhood(sentences, [other, best], best, TEXT, 1)
    assert [s.text for s in near] == [PARTS[0], PARTS[2], PARTS[3], PARTS[4]]  # not the third paragraph's
    assert [s.text for s in neighbourhood(sentences, [best], best, TEXT, 0)] == [PARTS[2]]


def test_the_sentences_holding_most_of_the_question_s_words_answer_it_in_document_order() -> None:
    sentences = _sentences()
    idf = {stem("tirana"): 2.0, stem("issue"): 3.0, stem("abroad"): 3.0}
    found = holding(sentences[2:], ["tirana", "issue", "abroad"], lambda key: idf.get(key, 0.0), 1)
    assert [s.text for s in found] == [PARTS[3]]
    both = holding(sentences, ["tirana", "issue"], lambda key: idf.get(key, 0.0), 2)
    assert [s.text for s in both] == [PARTS[1], PARTS[3]]
    assert holding(sentences, ["weather"], lambda key: idf.get(key, 0.0), 2) == []  # nothing holds it: searched


def test_of_equal_weight_the_sentence_nearest_the_answer_is_read() -> None:
    """"Anything else it says of Tirana?" after the first part: the second part, not the first sentence the answer
    also cited."""
    sentences = _sentences()
    weight = {stem("tirana"): 2.0}
    candidates = [sentences[1], sentences[3]]  # both hold "Tirana" once
    assert holding(candidates, ["tirana"], lambda key: weight.get(key, 0.0), 1, at=sentences[2].end) == [sentences[3]]
    assert holding(candidates, ["tirana"], lambda key: weight.get(key, 0.0), 1, at=0) == [sentences[1]]
