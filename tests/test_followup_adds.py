"""What a follow-up adds, looked for in its answer and near the previous answer (issue 16r), on made-up sentences:
the real spaCy parser, no index."""

from __future__ import annotations

from assistant.followup_adds import added_words, adds_unanswered, found_near
from assistant.followup_params import ADDED
from sentence_helpers import consecutive_sentences

HISTORY = ["do the harbour's ferries need a licence?"]
FERRY_SAID = ["Every ferry of the harbour needs a licence from the port authority."]
VOCABULARY = {"ferri", "harbour", "licenc", "port", "author", "captain", "insur", "cheaper", "recommend", "fee", "year",
              "role", "articl", "play"}


def known(term: str) -> bool:
    """The made-up corpus's vocabulary (stems)."""
    return term in VOCABULARY


def test_the_words_a_follow_up_adds_leave_out_the_history_s_and_light_verbs() -> None:
    assert added_words("which insurance do they need for that?", HISTORY, ADDED.refuse_parts) == ["insur"]
    assert added_words("and the ferries' captains?", HISTORY, ADDED.refuse_parts) == ["captain"]  # ferries: said
    assert added_words("why is that recommended?", HISTORY, ADDED.found_parts) == ["recommend"]
    assert added_words("does it make that happen?", HISTORY, ADDED.found_parts) == []  # light verbs only


def test_an_answer_holding_none_of_the_added_nouns_is_refused() -> None:
    asked = "which insurance do they need for that?"
    assert adds_unanswered(asked, HISTORY, FERRY_SAID, known)  # the licence again, no insurance
    assert adds_unanswered(asked, HISTORY, ["Each ferry must be insured against fire.", *FERRY_SAID], known) is None
    assert adds_unanswered("how much cheaper is it?", HISTORY, FERRY_SAID, known)  # an adjective it adds


def test_a_choice_is_answered_by_one_alternative() -> None:
    said = ["The port authority grants every ferry its licence immediately, for one year."]
    assert adds_unanswered("right away or only after a fee?", HISTORY, said, known) is None  # "right away" adds no noun
    assert adds_unanswered("for a fee or for a year?", HISTORY, said, known) is None  # the year is held
    assert adds_unanswered("for a fee or for an insurance?", HISTORY, said, known)  # neither alternative held


def test_words_the_corpus_never_uses_and_questions_adding_nothing_pass() -> None:
    assert adds_unanswered("and for a yacht?", HISTORY, FERRY_SAID, known) is None  # "yacht": not in the corpus
    assert adds_unanswered("does it need one?", HISTORY, FERRY_SAID, known) is None  # adds no noun


def test_the_noun_naming_an_asked_value_s_kind_need_not_be_said() -> None:
    dated = ["The port authority has issued ferry licences since 1998."]
    assert adds_unanswered("what year?", HISTORY, dated, known) is None  # "1998" answers "what year"
    assert adds_unanswered("what year?", HISTORY, FERRY_SAID, known) is None  # no date: left to the date checks
    assert adds_unanswered("which captain's year?", HISTORY, dated, known)  # a captain is no value's kind


def test_the_kind_of_answer_asked_and_the_document_itself_are_no_topic_added() -> None:
    """ "what role does it play?": the answer tells the role without the word; "according to the article" names
    the document. A topic noun the answer lacks is still refused."""
    assert adds_unanswered("what role does it play for them?", HISTORY, FERRY_SAID, known) is None
    assert adds_unanswered("what does it need according to the article?", HISTORY, FERRY_SAID, known) is None
    assert adds_unanswered("what role do the captains play?", HISTORY, FERRY_SAID, known)  # "captains": a topic
    assert adds_unanswered("what did they say when it invoked article 5?", HISTORY, FERRY_SAID, known)  # a name


def test_a_refused_follow_up_is_answered_from_the_sentence_near_the_previous_answer_holding_what_it_adds() -> None:
    near = consecutive_sentences("The port authority issues it within a week.",
                                 "However, a licence is not recommended for small boats, since the fee is high.",
                                 "Small boats register with the harbour master instead.",
                                 "The harbour master keeps the register.")
    found = found_near("why isn't that recommended?", HISTORY, near, known)
    assert [s.id for s in found] == ["s1", "s2"]  # the sentence and the one after it
    assert found_near("why is that cheaper?", HISTORY, near, known) == []  # no sentence holds "cheaper"
    assert found_near("why is that recommended by captains?", HISTORY, near, known) == []  # not all it adds
    assert found_near("why isn't a yacht recommended?", HISTORY, near, known) == []  # "yacht": not in the corpus


def test_a_noun_asking_for_a_reason_is_no_topic_added() -> None:
    """ "for what reasons?": a reason is seldom called one ("acting on humanitarian grounds"); a topic noun added
    beside it is still looked for."""
    assert adds_unanswered("for what reasons?", HISTORY, FERRY_SAID, lambda t: t in VOCABULARY | {"reason"}) is None
    assert adds_unanswered("for what reasons do captains need it?", HISTORY, FERRY_SAID,
                           lambda t: t in VOCABULARY | {"reason"})


def test_an_adjective_qualifying_the_kind_of_answer_asked_is_no_topic_added() -> None:
    """ "what was its official role?" asks which role, as "what role" does; an adjective on a topic noun still
    counts ("which cheaper captains?")."""
    with_official = VOCABULARY | {"offici"}
    assert adds_unanswered("what official role does it play?", HISTORY, FERRY_SAID, with_official.__contains__) is None
    assert adds_unanswered("what role do the official captains play?", HISTORY, FERRY_SAID,
                           with_official.__contains__)


def test_a_refused_follow_up_is_answered_from_the_previous_answer_s_best_sentence(assistant) -> None:
    answer = assistant.ask("in the face of what?", history=["what does the final paragraph say albania has drawn?"])
    assert not answer.abstained and "evolving global threats" in answer.answer
