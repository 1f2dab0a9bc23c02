"""Multi-part questions split into sub-questions (assistant.answer.query.question_parts), and each part's own answer
joining the whole one's (assistant.answer.pipeline.with_part)."""

from __future__ import annotations

from assistant.answer.draft import Draft
from assistant.answer.pipeline import with_part
from assistant.answer.query import question_parts
from assistant.answer.reading_order import overlaps
from assistant.followup_cues import refers_outside
from assistant.schema import Sentence


def test_two_questions_joined_by_and_are_two_parts() -> None:
    assert question_parts("Where does apt-get keep downloaded files, and where does it store the package lists?") == [
        "Where does apt-get keep downloaded files", "where does it store the package lists?"]
    assert question_parts("who is the prime minister and can he dissolve parliament?")[1] == "can he dissolve parliament?"


def test_a_preposition_may_lead_the_second_question() -> None:
    assert question_parts("When did Albania recognize Israel, and in which city is its embassy?") == [
        "When did Albania recognize Israel", "in which city is its embassy?"]


def test_a_short_second_part_is_asked_about_the_first_parts_topic() -> None:
    parts = question_parts("how many members did albania accept and in what year?")
    assert parts[0] == "how many members did albania accept"
    assert parts[1].startswith("in what year") and "albania" in parts[1] and "accept" in parts[1]


def test_single_questions_and_pairs_of_nouns_stay_whole() -> None:
    assert question_parts("what is the relation between albania and iran?") == []
    assert question_parts("what is X? thanks") == []  # the first part is too thin to stand alone
    assert question_parts("Who leads the group these days?") == []


def _sentence(start: int, end: int, source: str = "doc.md") -> Sentence:
    return Sentence(source=source, start=start, end=end, id=f"{source}:{start}", text="x" * (end - start))


def test_a_part_adds_its_best_sentence_in_document_order() -> None:
    whole = Draft([_sentence(100, 150)], False, scores={"doc.md:100": 0.9})
    part = Draft([_sentence(10, 40), _sentence(300, 350)], False, scores={"doc.md:10": 0.2, "doc.md:300": 0.8})
    joined = with_part(whole, part, 1)
    assert [s.start for s in joined.sentences] == [100, 300]  # the part's best, not its first
    assert [s.start for s in with_part(whole, part, 2).sentences] == [10, 100, 300]
    assert joined.scores["doc.md:300"] == 0.8 and not joined.abstained
    led = Draft(part.sentences, False, scores=part.scores, lead=part.sentences[0])  # the answerer's own first choice
    assert [s.start for s in with_part(whole, led, 1).sentences] == [10, 100]


def test_a_part_sentence_overlapping_the_answer_is_left_out() -> None:
    whole = Draft([_sentence(100, 150)], False, scores={"doc.md:100": 0.9})
    part = Draft([_sentence(90, 400), _sentence(500, 520)], False, scores={"doc.md:90": 0.9, "doc.md:500": 0.1})
    assert [s.start for s in with_part(whole, part, 1).sentences] == [100, 500]
    assert with_part(whole, Draft([_sentence(120, 130)], False), 1) is whole


def test_each_part_asked_alone_adds_what_the_whole_answer_lacks(assistant) -> None:
    question = "When did Albania recognize Israel, and where does Albania have its embassy in Israel?"
    pipeline = assistant.generation()[1]
    whole = pipeline.run_one(question)[1]
    joined = pipeline.run(question)[1]
    assert not joined.abstained and {s.id for s in whole.sentences} <= {s.id for s in joined.sentences}
    lacking = 0
    for part in question_parts(question):
        alone = pipeline.run_one(part)[1]
        new = [s for s in alone.sentences if not any(overlaps(s, o) for o in whole.sentences)]
        lacking += bool(new)
        assert not new or any(s.id in {j.id for j in joined.sentences} for s in new), part
    assert lacking  # the whole question's answer lacked a sentence some part finds alone


def test_a_part_pointing_at_the_other_is_not_asked_alone() -> None:
    assert refers_outside("which country would host it?")
    assert refers_outside("in which city is the Albanian embassy there?")
    assert refers_outside("ordered out")
    assert not refers_outside("default ssh port")  # short and verbless, but its own
    assert not refers_outside("what's the default quote character in CSV mode?")


def test_a_part_pointing_at_the_one_before_is_asked_as_its_follow_up(assistant) -> None:
    pipeline = assistant.generation()[1]
    first = "whats the full english name of the mek"
    alone = pipeline.standalone_part("which country did they come to albania from?", [first])
    assert alone is not None and "mek" in alone.lower()  # "they": the group the part before it names
    assert pipeline.standalone_part("which country did they come to albania from?", []) is None
    hits, draft = pipeline.run(f"{first} and which country did they come to albania from?")
    said = " ".join(s.text for s in draft.sentences)
    assert "People's Mojahedin Organization" in said and "Iraq" in said  # the second part's answer joins the first's


def test_a_question_asked_of_each_of_two_things_is_one_part_per_thing() -> None:
    assert question_parts("cp -d and cp -p - what is each one shorthand for?") == [
        "what is cp -d shorthand for?", "what is cp -p shorthand for?"]
    assert question_parts("what does each of -a and -b do?") == ["what does -a do?", "what does -b do?"]
    assert question_parts("what does each option do?") == []  # no two things named
