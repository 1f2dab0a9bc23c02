"""Continuations and parallel fragments: this file's own fixtures, not the conversation dev sets under evals/.

The word similarity passed to ``parallel_swap`` here is a stand-in (shared letters) so the rule is tested on its
own; the real one (MiniLM embeddings) runs in the Assistant test at the end, over the article's real index.
"""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from assistant.followup_next import (ContinuationParams, continuation, continuing_cue, following, next_dated,
                                    read_from, said_besides, says_more)
from assistant.store import document_rows
from assistant.followup_swap import entity_swap, parallel_swap
from assistant.schema import Citation, Sentence, SentenceTags

TEXT = ("Conditions follow. (a) Give a copy.\n\n(b) Mark changed files. It matters.\n\n(c) Keep notices.\n\n"
        "(d) Include NOTICE.\n")


def _sentences(text: str) -> list[Sentence]:
    out, at = [], 0
    for n, part in enumerate(["Conditions follow.", "(a) Give a copy.", "(b) Mark changed files.", "It matters.",
                              "(c) Keep notices.", "(d) Include NOTICE."]):
        at = text.index(part, at)
        out.append(Sentence(id=f"s{n}", source="doc.txt", start=at, end=at + len(part), text=part))
        at += len(part)
    return out


def _cited(sentence: Sentence) -> Citation:
    return Citation(n=1, source=sentence.source, start=sentence.start, end=sentence.end, quote=sentence.text, score=1)


@pytest.mark.parametrize("question, count, each", [
    ("anything else?", 2, None), ("the other two?", 2, None), ("and the other one?", 1, None),
    ("what comes next?", 2, 2), ("and the one after that?", 2, 2), ("what happened next?", 2, 2),
    ("and the next two?", 2, None), ("and the next step they took?", 2, 2), ("what's their next move?", 2, 2),
    ("and what followed that?", 2, 2), ("what came next?", 2, 2), ("then what happened?", 2, 2), ("then what?", 2, 2)])
def test_continuations_are_recognised_with_how_many_they_ask_for(question: str, count: int, each: int | None) -> None:
    """A singular continuation ("what happened next?") reads two sentences of each paragraph, not one; "step", "move"
    and "take" ask nothing new beside "next"."""
    found = continuation(question, ["What must I do when I redistribute the work?"])
    assert found is not None and (found.count, found.each) == (count, each)


@pytest.mark.parametrize("question", ["keep going", "go on, please", "ok continue"])
def test_asking_to_go_on_asks_for_more(question: str) -> None:
    found = continuation(question, ["What must I do when I redistribute the work?"])
    assert continuing_cue(question) == "more" and found is not None and found.besides


def test_going_on_with_something_is_no_bare_go_on() -> None:
    assert continuing_cue("does the licence continue to apply?") is None
    assert continuation("why did they keep going after the attack?", ["Who attacked?"]) is None


@pytest.mark.parametrize("question", ["What is the NOTICE file?", "and what flag opens the other end of it?",
                                      "which other projects fund it?", "when was it released?",
                                      "so whats next for the work?",  # its future, not what the text says next
                                      "then what does it give them?"])  # a question of its own after "then"
def test_questions_of_their_own_are_no_continuations(question: str) -> None:
    assert continuation(question, ["What must I do when I redistribute the work?"]) is None


def test_else_with_words_of_its_own_looks_for_them_near_the_answer() -> None:
    """ "who else funds the project?": more of the same, carrying the words the previous question lacks; switched
    off (no paragraphs to read), a question of its own as before."""
    found = continuation("who else funds the project?", ["Who pays for the project's servers?", "A grant does."])
    assert found is not None and found.besides and found.terms == ("funds",)
    off = ContinuationParams(near_paragraphs=0)
    assert continuation("who else funds the project?", ["Who pays for the project's servers?"], off) is None


def test_what_it_says_looks_for_the_rest_of_the_question_near_the_answer() -> None:
    """ "what does it say is needed?" after an answer: the words after "say", looked for near that answer."""
    previous = ["What is the first rule of the harbour?", "Firstly, every ship must register."]
    found = continuation("what does it say is urgently needed because of that?", previous)
    assert found is not None and found.cue == "says" and found.terms == ("urgently", "needed")
    assert continuation("what does the guide say about ships?", previous) is None  # names what it asks about
    assert continuation("and what does it say?", previous) is None  # nothing to look for


@pytest.mark.parametrize(("question", "terms"), [("demonstrating what?", ("demonstrating",)),
                                                ("to deepen what?", ("deepen",)), ("and caused by what?", ("caused",)),
                                                ("providing what exactly?", ("providing",))])
def test_a_fragment_echoed_with_what_looks_for_its_words_near_the_answer(question: str, terms: tuple[str, ...]) -> None:
    """ "demonstrating what?": the rest of the sentence that holds the echoed words, near the previous answer."""
    found = continuation(question, ["How big was the attack?", "It was massive."])
    assert found is not None and found.cue == "echo" and found.terms == terms


@pytest.mark.parametrize("question", ["so what?", "and then what?", "what?", "which one is what?"])
def test_no_echo_without_a_word_to_look_for(question: str) -> None:
    found = continuation(question, ["How big was the attack?", "It was massive."])
    assert found is None or found.cue != "echo"


def test_an_ordinal_continues_only_after_the_one_before_it() -> None:
    found = continuation("and the second?", ["What is the first condition of redistribution?"])
    assert found is not None and found.count == 1 and found.cue == "second"
    assert continuation("what's the second condition?", ["What is the first condition of redistribution?"]) is not None
    assert continuation("and the second?", ["What must I do when I redistribute the work?"]) is None
    assert continuation("and the third?", ["What is the first condition of redistribution?"]) is None


def test_words_of_the_previous_turn_do_not_make_a_question_new() -> None:
    assert continuing_cue("who else is a reliable partner?") == "else"
    assert continuation("who else is a reliable partner?", ["Albania is a reliable partner for NATO."]) is not None


def test_a_time_of_its_own_makes_a_question_new() -> None:
    previous = ["and in july 2022?"]
    assert continuation("and then in 2023?", previous) is None  # what happened in 2023, not what followed
    assert continuation("and then?", previous) is not None
    assert continuation("and then in 2022?", previous) is not None  # the previous turn's own year: go on
    assert continuation("and the next two?", previous) is not None


def test_a_question_with_words_enough_is_its_own_even_when_the_previous_turn_holds_them() -> None:
    previous = ["What is the first condition the licence sets on redistributing modified source files?"]
    assert continuation("and the second?", previous) is not None
    assert continuation("what is the second condition the licence sets on redistributing modified source files?",
                        previous) is None
    assert continuation("what's the second condition?", previous) is not None
    assert continuation("what's the second condition?", previous, ContinuationParams(question_words=1)) is None


def test_following_reads_the_next_paragraphs_first_sentences() -> None:
    sentences = _sentences(TEXT)
    after_b = following(sentences, [_cited(sentences[2])], 2, TEXT)
    assert [s.text for s in after_b] == ["(c) Keep notices.", "(d) Include NOTICE."]


def test_a_singular_continuation_reads_further_into_the_next_paragraph_after_the_given_citation() -> None:
    sentences = _sentences(TEXT)
    cited = [_cited(sentences[1]), _cited(sentences[4])]  # (a) answered best; (c) cited too
    after_a = following(sentences, cited, 1, TEXT, each=2, after=cited[0])
    assert [s.text for s in after_a] == ["(b) Mark changed files.", "It matters."]


def test_what_the_answer_said_besides_its_best_sentence_is_the_rest_of_its_citations() -> None:
    """ "anything else?" after an answer citing (a), (b) and (c), (a) the best: (b) and (c), in document order; a
    citation in another document is not read."""
    sentences = _sentences(TEXT)
    best = _cited(sentences[1])
    elsewhere = _cited(sentences[3]).model_copy(update={"source": "other.txt"})
    cited = [_cited(sentences[4]), best, _cited(sentences[2]), elsewhere]
    assert [s.text for s in said_besides(sentences, cited, best)] == ["(b) Mark changed files.", "(c) Keep notices."]
    assert said_besides(sentences, [best], best) == []


def test_a_best_sentence_saying_two_things_leads_what_else_it_said() -> None:
    """ "anything else?" after an answer whose best sentence says "not only ... but also ...": that sentence holds
    the second thing, so it leads; a best sentence saying one thing does not."""
    parts = ["The ban not only closed the port but also cut the line.", "The port reopened."]
    starts = [0, len(parts[0]) + 1]
    sentences = [Sentence(id=f"s{n}", source="doc.txt", start=at, end=at + len(part), text=part)
                 for n, (part, at) in enumerate(zip(parts, starts))]
    assert says_more(sentences[0].text) and not says_more(sentences[1].text)
    best = _cited(sentences[0])
    assert [s.text for s in said_besides(sentences, [best, _cited(sentences[1])], best)] == \
        [sentences[0].text, sentences[1].text]
    assert said_besides(sentences, [_cited(sentences[1])], _cited(sentences[1])) == []


@pytest.mark.parametrize("question, besides", [("anything else?", True), ("the other two?", True),
                                               ("what happened next?", False), ("and the one after that?", False)])
def test_only_what_was_left_out_asks_past_the_answer_s_best_sentence(question: str, besides: bool) -> None:
    found = continuation(question, ["What must I do when I redistribute the work?"])
    assert found is not None and found.besides is besides
    ordinal = continuation("and the second?", ["What is the first condition?"])
    assert ordinal is not None and ordinal.besides is False


def test_a_text_of_long_lines_has_a_paragraph_a_line() -> None:
    text = TEXT.replace("\n\n", " " * 100 + "\n")
    sentences = _sentences(text)
    assert [s.text for s in following(sentences, [_cited(sentences[1])], 1, text)] == ["(b) Mark changed files."]


def test_following_by_sentence_reads_the_rest_of_the_paragraph_too() -> None:
    sentences = _sentences(TEXT)
    params = ContinuationParams(by_paragraph=False)
    assert [s.text for s in following(sentences, [_cited(sentences[2])], 2, TEXT, params)] == [
        "It matters.", "(c) Keep notices."]
    assert following(sentences, [], 2, TEXT) == []


def test_following_reads_only_the_cited_documents_sentences_after_the_citation() -> None:
    ours = _sentences(TEXT)
    before = [s.model_copy(update={"id": f"b{s.id}", "source": "before.txt"}) for s in ours[:2]]
    after = [s.model_copy(update={"id": f"a{s.id}", "source": "after.txt"}) for s in ours]
    index = [*before, *ours, *after]  # the index's sentences: each document's consecutive, in document order
    rows = document_rows(index)
    assert rows == {"before.txt": range(0, 2), "doc.txt": range(2, 8), "after.txt": range(8, 14)}
    document = index[rows["doc.txt"].start:rows["doc.txt"].stop]
    assert following(document, [_cited(ours[2])], 5, TEXT) == ours[4:]


NEAR = {("attempts", "timeout"): 0.6, ("attempts", "default"): 0.3}


def _near(phrase: str, options: Sequence[str]) -> list[float]:
    """Stand-in similarity: a small table of how near two words are (0 when not listed)."""
    return [NEAR.get((phrase, o), 0.0) for o in options]


def test_a_fragment_takes_the_place_of_the_word_it_parallels() -> None:
    swapped = parallel_swap("attempts", "what's the default timeout in resolv.conf?", _near)
    assert swapped == "what's the default attempts in resolv.conf"


def test_a_fragment_led_by_a_preposition_takes_the_place_of_the_one_before_the_word() -> None:
    def nearest_israel(phrase: str, options: Sequence[str]) -> list[float]:  # stand-in: the country is nearest
        return [float(o == "israel") for o in options]

    swapped = parallel_swap("with the americans", "what's albania's relationship with israel like?", nearest_israel)
    assert swapped == "what's albania's relationship with the americans like"
    assert parallel_swap("in tirana", "who lives at albania?", _near) == "who lives in tirana"


def test_a_compound_fragment_takes_the_place_of_the_whole_compound_it_parallels() -> None:
    def nearest_ssh(phrase: str, options: Sequence[str]) -> list[float]:  # stand-in: a lone word would win
        return [float(o == "ssh") + 0.5 * float("prompts" in o) for o in options]

    previous = "how many password prompts does ssh give before giving up?"  # "attempts" parses as a verb here
    assert parallel_swap("connection attempts", previous, nearest_ssh) == \
        "how many connection attempts does ssh give before giving up"
    assert parallel_swap("log files", "where does apache keep its config file?", _near) == \
        "where does apache keep its log files"


def test_a_fragment_with_a_verb_is_not_swapped() -> None:
    assert parallel_swap("does it retry", "what's the default timeout?", _near) is None


def test_a_continuation_reads_on_from_the_previous_answer(assistant) -> None:
    first = assistant.ask("When did Albania cut diplomatic relations with Iran?")
    assert not first.abstained and first.citations
    more = assistant.ask("anything else?", history=[first])
    assert not more.abstained and more.searched and "what follows" in more.searched
    best = max(first.citations, key=lambda c: c.score)  # read on from the citation that answered best
    said = {(c.start, c.end) for c in first.citations if c.source == best.source} - {(best.start, best.end)}
    spans = {(c.start, c.end) for c in more.citations}
    assert said <= spans and (best.start, best.end) not in spans  # the rest of the answer first, not its best
    assert all(c.source == best.source and c.start >= best.end for c in more.citations if (c.start, c.end) not in said)
    assert len(spans - said) >= 1  # and something it had not said


def test_what_the_first_lesson_says_is_needed_over_the_article(assistant) -> None:
    """End to end: the first lesson asked, then what it says is needed: the sentence of that lesson which says so."""
    first = assistant.ask("whats the first lesson the article draws?")
    assert not first.abstained
    said = assistant.ask("and what does it say is needed because of it?", history=[first])
    assert not said.abstained and "international norms" in said.answer
    assert all(c.start >= min(f.start for f in first.citations) for c in said.citations)  # near the lesson


def test_an_echoed_fragment_is_answered_by_the_sentence_near_the_answer_that_holds_it(assistant) -> None:
    """End to end: how big the attack was, then "demonstrating what?": the sentence that says what it demonstrated."""
    first = assistant.ask("how big was the july 2022 cyberattack on albania?")
    assert not first.abstained
    echoed = assistant.ask("demonstrating what?", history=[first])
    assert not echoed.abstained and "digital backbone" in echoed.answer


def test_a_continuation_of_a_continuation_reads_on_from_what_the_user_was_shown(assistant) -> None:
    """With plain-string history, the earlier continuation is recomputed as a continuation, not searched again."""
    history = ["When did Albania cut diplomatic relations with Iran?", "what happened next?"]
    second = assistant.ask(history[1], history=history[:1])
    assert second.searched and "what follows" in second.searched and second.citations
    third = assistant.ask("anything else?", history=history)
    assert third.searched and "what follows" in third.searched and third.citations
    best = max(second.citations, key=lambda c: c.score)
    said = {(c.start, c.end) for c in second.citations} - {(best.start, best.end)}
    new = [c for c in third.citations if (c.start, c.end) not in said]
    assert new and all(c.start >= best.end for c in new)
    assert (best.start, best.end) not in {(c.start, c.end) for c in new}


def test_items_of_an_enumeration_chain_through_the_answers(assistant) -> None:
    """The first question names no ordinal; its answer shows the enumeration ("Firstly, ..." after "several critical
    lessons"), so "the second one" asks for the second lesson and "what else?" for the whole list
    (``assistant.followup_items``)."""
    history = ["Which lesson does the article name first?", "and the second one?"]
    second = assistant.ask(history[1], history=history[:1])
    assert second.searched and "the second lesson" in second.searched and "Secondly" in second.answer
    third = assistant.ask("what else?", history=history)
    assert "Finally" in third.answer


STORY = "On May 1 the talks began. They were tense. On May 3 the envoy left.\n\nOn May 9 a deal was signed.\n"


def _story() -> list[Sentence]:
    """A story told in dates, two paragraphs; the first, third and fourth sentences name a date."""
    parts = ["On May 1 the talks began.", "They were tense.", "On May 3 the envoy left.", "On May 9 a deal was signed."]
    out, at = [], 0
    for n, part in enumerate(parts):
        at = STORY.index(part, at)
        tags = SentenceTags(ents=["DATE"] if part.startswith("On May") else [])
        out.append(Sentence(id=f"s{n}", source="doc.txt", start=at, end=at + len(part), text=part, tags=tags))
        at += len(part)
    return out


def test_a_dated_answer_goes_on_at_the_next_date_of_its_paragraph() -> None:
    """After "On May 1 the talks began." the next step is "On May 3 ...", past the undated sentence, whether or not
    the answer cited it; an undated best sentence has no dated step, nor does the last dated one of its paragraph
    (the next date is in another paragraph)."""
    sentences = _story()
    assert next_dated(sentences, _cited(sentences[0]), STORY) == sentences[2]
    assert next_dated(sentences, _cited(sentences[1]), STORY) is None
    assert next_dated(sentences, _cited(sentences[2]), STORY) is None


def test_an_undated_step_reads_the_rest_of_its_paragraph_first() -> None:
    """After "They were tense." the story goes on in "On May 3 the envoy left." (shown or not), and no further than
    its paragraph."""
    from assistant.followup_next import rest_of_paragraph

    sentences = _story()
    assert rest_of_paragraph(sentences, _cited(sentences[1]), STORY, 2) == [sentences[2]]
    assert rest_of_paragraph(sentences, _cited(sentences[0]), STORY, 1) == [sentences[1]]
    assert rest_of_paragraph(sentences, _cited(sentences[2]), STORY, 2) == []  # its paragraph's last


def test_only_a_singular_continuation_asks_for_a_step() -> None:
    step = continuation("what happened next?")
    besides = continuation("anything else?")
    assert step is not None and step.step
    assert besides is not None and not besides.step


def test_a_subject_of_its_own_asks_what_another_did_not_for_more() -> None:
    previous = ["What did Portugal do after the raid was traced to Spain?"]
    assert continuation("and what did spain do after that?", previous) is None
    assert continuation("and after that, did spain respond?", previous) is None
    assert continuation("what did portugal do next?", previous) is not None  # the same subject: more of its story
    assert continuation("what did it do after that?", previous) is not None  # a pronoun: the same
    assert continuation("and the next step portugal took?", ["when did the raid hit portugal?"]) is not None


def test_a_noun_fragment_nearest_an_adjective_has_no_counterpart() -> None:
    def nearest_direct(phrase: str, options: Sequence[str]) -> list[float]:  # stand-in: the adjective is nearest
        return [float(o == "direct") for o in options]

    previous = "How strong has Spain's reaction been in terms of direct military confrontation?"
    assert parallel_swap("outlook", previous, nearest_direct) is None
    assert parallel_swap("indirect", previous, nearest_direct) == \
        "How strong has Spain's reaction been in terms of indirect military confrontation"


def test_the_previous_questions_own_entity_is_no_other_one_to_swap_in() -> None:
    from assistant.nlp import syntax

    previous = syntax("where did the KLF set up its camp in Portugal?")
    assert entity_swap(previous, syntax("KLF's name")) is None
    assert entity_swap(previous, syntax("and Spain?")) == "where did the KLF set up its camp in Spain ?"


def test_a_name_typed_without_an_article_takes_the_place_of_one_with_it() -> None:
    from assistant.nlp import syntax

    previous = syntax("how close is Portugal to the US?")
    assert entity_swap(previous, syntax("and Spain?")) == "how close is Portugal to Spain ?"


def test_a_fragment_with_modifiers_of_its_own_replaces_the_modifiers_of_the_same_noun() -> None:
    """"and the english name?" after "what's the farsi name of the velmor?": the same noun named otherwise, so
    "english name" takes the place of "farsi name", not of "name" alone ("farsi english name")."""
    def nearest_name(phrase: str, options: Sequence[str]) -> list[float]:  # stand-in: the noun is nearest
        return [float(o == "name") for o in options]

    swapped = parallel_swap("the english name", "what's the farsi name of the velmor?", nearest_name)
    assert swapped == "what's the english name of the velmor"


def test_what_followed_a_named_thing_is_no_continuation() -> None:
    """"what followed?" asks for the next step of the previous answer; "what followed the attack?" names its own."""
    assert continuation("what followed the attack?", ["What happened on July 15?"]) is None


def test_a_continuation_reads_on_from_the_best_citation_or_from_the_item_asked_for() -> None:
    """After "whats the first lesson?" the answer opens with the item it found by its place, however it scored."""
    item = Citation(n=1, source="doc.txt", start=0, end=10, quote="Firstly, x.", score=0.01)
    other = Citation(n=2, source="doc.txt", start=50, end=60, quote="Lessons matter.", score=0.9)
    assert read_from([item, other], "whats the first lesson?", from_best=True) is item
    assert read_from([item, other], "what lessons does it draw?", from_best=True) is other
    assert read_from([item, other], "whats the first lesson?", from_best=False) is None
