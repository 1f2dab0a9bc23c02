"""The grounding guard on hand-written model replies, over the real article index (no model needed)."""

from __future__ import annotations

import re

import pytest

from assistant.answer.guard import UNSUPPORTED, Guard, guard_answer
from assistant.answer.reply import SentenceStream, split_answer
from assistant.answer.matching import TermWeights
from assistant.answer.prompts import Passage, answer_prompt
from assistant.schema import Hit, Span

MARKER = re.compile(r"\[(\d+)\]")


@pytest.fixture(scope="module")
def snapshot(assistant):
    return assistant.snapshot()


@pytest.fixture(scope="module")
def passages(snapshot):
    """Three passages as a prompt would number them: [1] MEK arrival, [2] the break of ties, [3] the attack."""

    def chunk_with(text: str):
        return next(c for c in snapshot.meta.chunks if text in c.text)

    needles = ("accepted approximately 3,000", "On September 7, 2022", "The most significant incident occurred")
    return tuple(Passage(i, Hit(chunk=chunk_with(t), score=1.0), chunk_with(t).text) for i, t in enumerate(needles, 1))


@pytest.fixture
def guard(assistant, snapshot, passages):
    def make(keep_unsupported: bool = False, question: str = "") -> Guard:
        weights = TermWeights.of_bm25(snapshot.bm25, len(snapshot.meta.chunks))
        return Guard(passages, snapshot, weights, assistant.embedder.embed, keep_unsupported, question)

    return make


def check_contract(result, snapshot) -> None:
    """Every marker resolves, every citation is used, every quote is the document's text at its offsets."""
    used = {int(n) for n in MARKER.findall(result.text)}
    assert used == {c.n for c in result.citations}
    assert [c.n for c in result.citations] == list(range(1, len(result.citations) + 1))
    for c in result.citations:
        assert c.quote == snapshot.meta.documents[c.source].text[c.start:c.end]


def inside(citation, passage: Passage) -> bool:
    chunk = passage.hit.chunk
    return citation.source == chunk.source and chunk.start <= citation.start < citation.end <= chunk.end


def test_supported_sentence_gets_a_verbatim_citation(guard, snapshot, passages):
    reply = "On September 7, 2022, Prime Minister Edi Rama announced that Albania was cutting off diplomatic relations with Iran [2]."
    result = guard_answer(reply, guard())
    assert not result.abstained and result.dropped == []
    assert len(result.citations) == 1 and inside(result.citations[0], passages[1])
    assert "September 7, 2022" in result.citations[0].quote
    assert result.text.endswith("[1]")
    check_contract(result, snapshot)


def test_partly_supported_answer_keeps_only_the_supported_sentence(guard, snapshot):
    reply = ("Albania cut diplomatic ties with Iran on September 7, 2022 [2]. "
             "The decision was approved by the Albanian parliament in a vote of 120 to 5 [2].")
    result = guard_answer(reply, guard())
    assert not result.abstained
    assert "parliament" not in result.text and "September 7, 2022" in result.text
    assert result.dropped == ["The decision was approved by the Albanian parliament in a vote of 120 to 5."]
    check_contract(result, snapshot)


def test_invented_number_is_dropped_and_the_true_one_kept(guard, snapshot):
    g = guard()
    wrong = split_answer("Albania accepted approximately 5,000 members of the MEK [1].")[0]
    alignment = g.align(wrong)
    assert alignment.spans == [] and "number 5000" in alignment.match.missing_facts
    assert guard_answer("Albania accepted approximately 5,000 members of the MEK [1].", guard()).abstained
    right = guard_answer("Albania accepted approximately 3,000 members of the MEK [1].", guard())
    assert not right.abstained and "3,000" in right.citations[0].quote
    check_contract(right, snapshot)


def test_added_clause_is_a_new_claim(guard):
    reply = ("Albania accepted approximately 3,000 members of the MEK at the behest of the United States "
             "and later paid for their housing and medical care [1].")
    result = guard_answer(reply, guard())
    assert result.abstained and len(result.dropped) == 1


def test_invented_date_is_dropped(guard):
    result = guard_answer("The massive cyberattack hit Albania on July 15, 2021 [3].", guard())
    assert result.abstained and result.dropped


def test_wrong_citation_number_is_realigned(guard, snapshot, passages):
    reply = "Edi Rama announced the decision in a video message [1]."  # passage 1 is about the MEK, not the video
    result = guard_answer(reply, guard())
    assert not result.abstained
    assert inside(result.citations[0], passages[1]) and "video message" in result.citations[0].quote
    check_contract(result, snapshot)


def test_sentence_joining_two_facts_cites_both_spans(guard, snapshot, passages):
    reply = "The cyberattack happened on July 15, 2022, and Albania cut ties with Iran on September 7, 2022."
    result = guard_answer(reply, guard())
    assert not result.abstained and len(result.citations) == 2
    assert result.text.endswith("[1][2]")
    quotes = " ".join(c.quote for c in result.citations)
    assert "July 15, 2022" in quotes and "September 7, 2022" in quotes
    check_contract(result, snapshot)


def test_negation_the_source_lacks_is_unsupported(guard):
    assert guard_answer("Albania is not a member of NATO [2].", guard()).abstained


def test_nothing_supported_abstains(guard):
    result = guard_answer("Albania and Iran signed a peace treaty in Geneva in 2019 [1]. It was celebrated.", guard())
    assert result.abstained and result.citations == [] and len(result.dropped) == 2


def test_refusal_abstains_without_counting_a_dropped_claim(guard):
    result = guard_answer("Answer: I don't know.", guard())
    assert result.abstained and result.dropped == []


def test_keep_unsupported_marks_instead_of_dropping(guard, snapshot):
    reply = "Albania cut ties with Iran on September 7, 2022 [2]. The embassy was then sold for $4 million [1]."
    result = guard_answer(reply, guard(keep_unsupported=True))
    assert not result.abstained
    assert result.text.endswith(f"The embassy was then sold for $4 million. {UNSUPPORTED}")
    assert len(result.dropped) == 1
    check_contract(result, snapshot)
    assert guard_answer("The embassy was sold for $4 million.", guard(keep_unsupported=True)).abstained


def test_repeated_span_reuses_its_number(guard, snapshot):
    reply = "Albania accepted about 3,000 MEK members [2]. They were accepted at the behest of the United States [3]."
    result = guard_answer(reply, guard())
    assert len(result.citations) == 1 and MARKER.findall(result.text) == ["1", "1"]
    check_contract(result, snapshot)


def test_split_moves_trailing_markers_and_strips_prefix():
    units = split_answer("Answer: Albania cut ties [2, 3]. [4] Iran denied it (Passage 1).\n- A list item [5]\n"
                         "The answer is 2014. The answer is that it did.")
    assert [u.text for u in units] == ["Albania cut ties.", "Iran denied it.", "A list item", "2014.", "The answer is that it did."]
    assert [u.hints for u in units] == [(2, 3, 4), (1,), (5,), (), ()]


def test_split_keeps_the_space_before_a_file_name():
    """A marker's leftover space before punctuation goes; the space before ".deb" or ".profile" is the sentence's."""
    units = split_answer("It builds a binary .deb [1]. So rm * will not remove .profile [2] .")
    assert [u.text for u in units] == ["It builds a binary .deb.", "So rm * will not remove .profile."]


def test_stream_yields_the_same_sentences_as_the_whole_reply():
    reply = "Answer: Albania cut ties on September 7, 2022. [2] Iran denied it [1]. It opened an interest section."
    stream, got = SentenceStream(), []
    for i in range(0, len(reply), 3):
        got.extend(stream.feed(reply[i:i + 3]))
    assert len(got) == 2  # the last sentence is complete only when the reply ends
    got.extend(stream.close())
    assert got == split_answer(reply)


def test_prompt_puts_everything_in_the_user_message_ending_with_answer(passages):
    prompt = answer_prompt("When were ties cut?", passages)
    assert [m.role for m in prompt.messages] == ["user"]
    assert prompt.user.endswith("Question: When were ties cut?\nAnswer:")
    assert "\n\n[2] " in prompt.user and "[n]" not in prompt.user


def test_generated_citation_on_a_pdf_keeps_its_page(tmp_path):
    """The guard builds citations as the extractive answer does: a quote on page 2 of a PDF says page 2."""
    from assistant.service import Assistant
    from assistant.settings import Settings

    from reindex_helpers import make_pdf

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    second = ["The second survey found that the crater Tycho is about 86 kilometres wide.",
              "Its rays of bright ejecta stretch across much of the near side of the Moon."]
    (corpus / "moon.pdf").write_bytes(make_pdf([["Moon survey report"], second], title="Moon survey"))
    pdf = Assistant(Settings(corpus_dir=corpus, index_dir=tmp_path / "index"))
    pdf.index()
    snapshot = pdf.snapshot()
    chunk = next(c for c in snapshot.meta.chunks if "Tycho" in c.text)
    weights = TermWeights.of_bm25(snapshot.bm25, len(snapshot.meta.chunks))
    guard = Guard((Passage(1, Hit(chunk=chunk, score=1.0), chunk.text),), snapshot, weights, pdf.embedder.embed)
    result = guard_answer("The crater Tycho is about 86 kilometres wide [1].", guard)
    assert not result.abstained and [c.page for c in result.citations] == [2]
    extractive = pdf.ask("How wide is the crater Tycho?")
    assert extractive.citations and all(c.page == 2 for c in extractive.citations)
    assert result.citations[0].model_dump(exclude={"score"}) == extractive.citations[0].model_dump(exclude={"score"})


# Accepted in other words: values computed from cited values, facts joined from two passages, reasons, premises.

def test_interval_computed_from_two_cited_dates_is_kept(guard, snapshot):
    question = "How many days separated the July cyberattack from Rama's announcement cutting ties?"
    result = guard_answer("54 days (July 15 to September 7, 2022) [3].", guard(question=question))
    assert not result.abstained, result.dropped
    quotes = " ".join(c.quote for c in result.citations)
    assert "July 15, 2022" in quotes and "September 7, 2022" in quotes
    check_contract(result, snapshot)
    assert guard_answer("57 days (July 15 to September 7, 2022) [3].", guard(question=question)).abstained


def test_about_n_years_between_cited_years_is_kept(guard, snapshot):
    reply = "About 8 years: the MEK members were accepted in 2014 and diplomatic ties were cut on September 7, 2022."
    result = guard_answer(reply, guard(question="How many years passed between Albania taking in the MEK and the break of ties?"))
    assert not result.abstained, result.dropped
    check_contract(result, snapshot)


def test_reason_stated_with_because_is_kept(guard, snapshot):
    reply = "Because the Albanian government blamed the Iranian Foreign Ministry for the massive cyberattack on its digital infrastructure [3]."
    result = guard_answer(reply, guard(question="Why did Albania cut off diplomatic relations with Iran?"))
    assert not result.abstained, result.dropped
    check_contract(result, snapshot)


def test_answer_correcting_a_false_premise_is_kept(guard, snapshot):
    question = "Why did Albania cut ties with Iran in 2014?"
    reply = "Albania did not cut ties in 2014: it accepted about 3,000 MEK members that year, and cut ties on September 7, 2022."
    result = guard_answer(reply, guard(question=question))
    assert not result.abstained, result.dropped
    check_contract(result, snapshot)


def test_bare_no_stands_in_front_of_a_kept_sentence(guard, snapshot):
    reply = "No. Iran denies direct involvement in the cyberattacks [3]."
    g = guard(question="Does Iran admit carrying out the cyberattack?")
    result = guard_answer(reply, g)
    assert result.text.startswith("No. ") or result.abstained  # never "No." on its own
    assert guard_answer("No.", guard(question="Does Iran admit carrying out the cyberattack?")).abstained


# Dropped: contradictions, values on the wrong subject, true sentences that do not answer the question.

def test_true_sentence_that_does_not_answer_a_when_question_is_dropped(guard):
    question = "When did Albania agree to take in members of the MEK?"
    off = "The group established a sprawling compound near Tirana, known as Ashraf 3 [1]."
    result = guard_answer(off, guard(question=question))
    assert result.abstained and result.dropped
    kept = guard_answer("In 2014, at the behest of the United States [1].", guard(question=question))
    assert not kept.abstained, kept.dropped


def test_sentence_about_another_question_is_dropped(guard):
    question = "Who announced that Albania was cutting diplomatic relations with Iran?"
    result = guard_answer("The attack caused widespread disruption to government services and online systems [3].",
                          guard(question=question))
    assert result.abstained and result.dropped


def test_name_attached_to_the_wrong_subject_is_dropped(guard):
    result = guard_answer("Its Farsi name is the Mujahedin-e Albania (MEK) [1].", guard(question="What is the Farsi name of the PMOI?"))
    assert result.abstained and result.dropped
    right = guard_answer("Its Farsi name is the Mujahedin-e Khalq (MEK) [1].", guard(question="What is the Farsi name of the PMOI?"))
    assert not right.abstained, right.dropped


def test_flipped_boolean_contradicts_its_span():
    from assistant.answer.support import Claim, Facts, match

    facts = Facts.of("issubclass(bool, int) returns True: bool is a subclass of int.")
    weights = TermWeights({}, 10)
    assert "boolean false" in match(Claim.of("issubclass(bool, int) is False."), facts, weights).missing_facts
    assert match(Claim.of("issubclass(bool, int) is True."), facts, weights).facts_ok


@pytest.mark.parametrize("reply", ["For example, [1]", "[3]", "For example,"])
def test_reply_with_no_content_is_not_an_answer(guard, reply):
    result = guard_answer(reply, guard(question="When did the cyberattack hit Albania?"))
    assert result.abstained and result.citations == []


def test_an_off_topic_question_is_not_answered_from_the_sentences_nearest_to_it(assistant, snapshot, passages):
    """The extractive answerer's nearest sentences to a question the corpus knows none of the words of are near
    nothing: a true sentence of the article cited there does not answer it."""
    weights = TermWeights.of_bm25(snapshot.bm25, len(snapshot.meta.chunks))
    anchors = tuple(Span(source=c.source, start=c.start, end=c.end) for c in (p.hit.chunk for p in passages))
    guard = Guard(passages, snapshot, weights, assistant.embedder.embed, False, "How do I reverse a list in Python?",
                  anchors=anchors)
    assert guard_answer("On September 7, 2022, Albania cut off diplomatic relations with Iran [2].", guard).abstained


def test_a_span_that_points_back_is_about_the_sentence_before_it(assistant, snapshot):
    """"This statement ..." answers a question about what the sentence before it says (the diplomat's remark)."""
    whole = next(c for c in snapshot.meta.chunks if "succinctly captures" in c.text)
    ids = [i for i in whole.sentence_ids if "succinctly captures" in snapshot.meta.sentences[snapshot.sentence_row[i]].text]
    chunk = whole.model_copy(update={"sentence_ids": ids})  # the sentence alone: no pair with the one before
    weights = TermWeights.of_bm25(snapshot.bm25, len(snapshot.meta.chunks))
    passages = (Passage(1, Hit(chunk=chunk, score=1.0), chunk.text),)

    def guard(question: str) -> Guard:
        return Guard(passages, snapshot, weights, None, False, question)

    reply = "The statement succinctly captures the inherent risk Albania undertook [1]."
    assert not guard_answer(reply, guard("What about the geopolitical time bomb remark?")).abstained
    assert guard_answer(reply, guard("Which malware families were used in the July 2022 attack?")).abstained


def test_a_sentence_citing_the_span_after_a_kept_one_goes_on_with_the_answer(snapshot, passages):
    """The second sentence meets none of the question's terms; it cites the sentence after the first one's span, so
    within ``continuation_reach`` it continues the answer (no embedder: meaning alone cannot keep it)."""
    from assistant.answer.guard_params import load_guard_params

    weights = TermWeights.of_bm25(snapshot.bm25, len(snapshot.meta.chunks))
    question = "Who announced the decision?"
    reply = ("Prime Minister Edi Rama announced the decision on September 7, 2022 [2]. "
             "This move was historic, believed to be the first time a nation took such a drastic step [2].")

    def run(reach: int):
        params = load_guard_params().model_copy(update={"continuation_reach": reach, "anchor_reach": 0})
        return guard_answer(reply, Guard(passages, snapshot, weights, None, False, question, params))

    assert run(0).dropped == ["This move was historic, believed to be the first time a nation took such a drastic step."]
    kept = run(300)
    assert kept.dropped == [] and len(kept.citations) == 2
    check_contract(kept, snapshot)
