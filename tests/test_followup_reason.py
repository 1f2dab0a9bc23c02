"""A lone "why?" asks why the previous answer's claim holds (issue 16j): hand-built question, answer and weights, the
real spaCy parser, no index."""

from __future__ import annotations

from assistant.followup import PARAMS, resolve
from assistant.followup_reason import claim_name, claim_sentence, claim_terms
from assistant.terms import stem

QUESTION = "how does the report rate the harvest this year?"
ANSWER = ("The report covers the region's farms in detail. [1] The harvest this year is rated poor after the long "
          "drought. [2] Prices rose in the spring. [3]")
RARE = {"drought": 5.0, "poor": 4.0, "harvest": 3.0, "rate": 1.0, "long": 0.5, "report": 2.0, "region": 1.0,
        "farm": 1.0, "detail": 1.0, "price": 1.0, "rose": 1.0, "spring": 1.0, "year": 0.5}


def weight(word: str) -> float:
    """idf of a word in a made-up corpus (0: not in it)."""
    return next((w for k, w in RARE.items() if stem(k) == stem(word)), 0.0)


def test_the_claim_is_the_answer_sentence_sharing_the_question_s_telling_words() -> None:
    assert claim_sentence(QUESTION, ANSWER, weight) == "The harvest this year is rated poor after the long drought."
    assert claim_sentence("what about tariffs?", ANSWER, weight) == ""  # nothing shared: no claim


def test_the_claim_s_words_the_question_lacks_come_rarest_first() -> None:
    assert claim_terms(QUESTION, ANSWER, weight, 2) == ["drought", "poor"]
    assert claim_terms(QUESTION, ANSWER, weight, 1) == ["drought"]


def test_a_lone_why_carries_the_claim_a_why_after_a_why_does_not() -> None:
    searched = resolve("how come?", [QUESTION], lambda _: ANSWER, PARAMS, weight).searched
    assert searched == "Why does the report rate the harvest this year (drought)?"
    after_why = resolve("how come?", ["why was the harvest poor this year?"], lambda _: ANSWER, PARAMS, weight)
    assert after_why.searched == "Why was the harvest poor this year?"  # the answer is its reason, not a claim


CAPITALS = "which city is the region's largest port?"
PORT_ANSWER = ("Trade grew along the coast after the war. [1] Marseille is perhaps the region's largest port since the "
               "old harbour was rebuilt. [2]")


def test_the_claim_s_name_is_the_one_the_question_did_not_give() -> None:
    assert claim_name(CAPITALS, PORT_ANSWER, lambda w: {"port": 3.0, "largest": 2.0, "region": 1.0}.get(w, 0.5)) == \
        "Marseille"
    assert claim_name("which city is Marseille's largest port?", PORT_ANSWER, lambda w: 1.0) is None  # given already
    # a people's adjective of a place the question names is given too ("Kenyan" after "kenya-uganda")
    border = "The border dispute ended in a Kenyan concession. [1]"
    assert claim_name("how did kenya-uganda border talks end?", border, lambda w: 1.0) is None
    assert claim_name("how did the border talks end?", border, lambda w: 1.0) == "Kenyan"


def test_the_claim_s_name_is_of_the_kind_asked() -> None:
    """"Which alliance ...?" is answered by an organisation's name, not by the first new name of the claim."""
    answer = ("Madrid will likely keep pressing the town, though an attack on a NATO member remains unlikely. [1] "
              "Trade grew. [2]")
    weights = {"alliance": 3.0, "member": 2.0, "town": 1.0}.get
    assert claim_name("Which alliance is the town a member of?", answer, lambda w: weights(w, 0.5)) == "NATO"
    assert claim_name("Which town is a member?", answer, lambda w: weights(w, 0.5)) == "Madrid"  # the first one


def test_it_after_which_x_is_the_name_the_answer_gave_when_no_phrase_is_headed_by_x() -> None:
    searched = resolve("since when has it been that big?", [CAPITALS], lambda _: PORT_ANSWER, PARAMS,
                       lambda w: {"port": 3.0, "largest": 2.0, "region": 1.0}.get(w, 0.5)).searched
    assert searched == "Since when has Marseille been that big?"
