"""An answer's reading order (assistant.answer.reading_order): the run of adjacent sentences holding the best one
first, the rest in document order."""

from __future__ import annotations

from assistant.answer.reading_order import lead_first, runs
from assistant.schema import Sentence


def _s(start: int, end: int, source: str = "a.md", text: str = "") -> Sentence:
    return Sentence(source=source, start=start, end=end, id=f"{source}:{start}", text=text or "x" * (end - start))


def test_adjacent_spans_of_one_source_make_one_run() -> None:
    grouped = runs([_s(0, 10), _s(11, 20), _s(50, 60), _s(61, 70, "b.md")])
    assert [[s.start for s in run] for run in grouped] == [[0, 11], [50], [61]]


def test_the_run_holding_the_best_sentence_is_read_first() -> None:
    sentences = [_s(0, 10), _s(100, 110), _s(111, 120), _s(300, 310)]
    assert [s.start for s in lead_first(sentences, sentences[2])] == [111, 100, 0, 300]  # the best opens its run
    assert [s.start for s in lead_first(sentences, _s(305, 308))] == [300, 0, 100, 111]  # a span within a cited one
    assert lead_first(sentences, None) == sentences
    assert lead_first(sentences, _s(500, 510)) == sentences


def test_context_stays_before_a_best_sentence_that_points_back() -> None:
    before = _s(100, 110, text="The foundation can be traced back to 2014.")
    for text in ("It was in this year that Albania accepted the members.", "However, the move was geopolitical.",
                 "Albania accepted them that same year."):
        best = _s(111, 120, text=text)
        assert [s.start for s in lead_first([_s(0, 10), before, best], best)] == [100, 111, 0]
    plain = _s(111, 120, text="The group established a compound known as Ashraf 3.")
    assert [s.start for s in lead_first([_s(0, 10), before, plain], plain)] == [111, 100, 0]
