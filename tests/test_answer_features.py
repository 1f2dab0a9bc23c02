"""Each candidate feature and refusal rule on hand-built fixtures (no index, no embedder, no spaCy model)."""

from __future__ import annotations

import pytest

from assistant.answer import features as F
from assistant.answer import refusal as R
from assistant.answer.extractive import Candidate
from assistant.answer.query import Query
from assistant.nlp import QuestionParse
from assistant.schema import Sentence, SentenceTags


def sentence(text: str, ents: list[str] | None = None, lemmas: list[str] | None = None, negated: bool = False,
             imperative: bool = False) -> Sentence:
    tags = SentenceTags(ents=ents or [], lemmas=lemmas or [], negated=negated, imperative=imperative)
    return Sentence(source="doc.txt", start=0, end=len(text), id=text[:12], text=text, tags=tags)


def question(text: str, kind: str = "other", lemmas: list[str] | None = None, focus: list[str] | None = None,
             ents: list[tuple[str, str]] | None = None, **flags: bool) -> F.QuestionView:
    query = Query(text=text, terms=[], kind=kind)  # type: ignore[arg-type]
    return F.QuestionView(query, QuestionParse(lemmas=lemmas or [], focus=focus or [], ents=ents or []), **flags)


def candidate(s: Sentence, rank: int = 1, coverage: float = 0.5, window: float = 0.5, dense: float = 0.4,
              typed: bool = False, window_lemmas: list[str] | None = None) -> F.CandidateView:
    lemmas = frozenset(s.tags.lemmas if s.tags else [])
    return F.CandidateView(s, rank, 5, coverage, window, dense, 0.0, typed, lemmas,
                           lemmas | frozenset(window_lemmas or []))


def test_chunk_rank_falls_from_one() -> None:
    s = sentence("Anything at all here.")
    assert F.ChunkRank()(question("q"), candidate(s, rank=1)) == 1.0
    assert F.ChunkRank()(question("q"), candidate(s, rank=5)) == pytest.approx(0.2)


def test_asked_kind_present_uses_entity_labels() -> None:
    how_many = question("How many bells does the clock have?", kind="number")
    assert F.AskedKindPresent()(how_many, candidate(sentence("The clock has fourteen bells.", ents=["CARDINAL"]))) == 1.0
    assert F.AskedKindPresent()(how_many, candidate(sentence("The clock is old.", ents=[]))) == -1.0
    assert F.AskedKindPresent()(question("what is it", kind="other"), candidate(sentence("x y z."))) == 0.0
    when = question("When was it built?", kind="date")
    dated = sentence("Built on the fifteenth of July 1887.", ents=["DATE"])
    assert F.AskedKindPresent()(when, candidate(dated, typed=True)) == 1.0
    lasted = sentence("It stood for 45 years.", ents=["DATE"])  # a duration: spaCy's DATE, but no "when"
    assert F.AskedKindPresent()(when, candidate(lasted, typed=False)) == -1.0
    meant = question("When is IdentitiesOnly meant to be used?", kind="date")  # present tense: a condition answers
    situation = sentence("This option is intended for situations where ssh-agent offers many identities.", ents=[])
    assert F.AskedKindPresent()(meant, candidate(situation)) == 1.0
    assert F.AskedKindPresent()(when, candidate(situation)) == -1.0  # "When was it built?" still wants a date


def test_a_date_question_naming_its_unit_needs_a_date_to_that_unit() -> None:
    season = question("In which season did the crisis erupt?", kind="date")
    summer = sentence("The crisis erupted in the summer of 2022.", ents=["DATE"])
    dated = sentence("On September 7, 2022, ties were cut.", ents=["DATE"])
    assert F.AskedKindPresent()(season, candidate(summer, typed=True)) == 1.0
    assert F.AskedKindPresent()(season, candidate(dated, typed=True)) == -1.0  # a date, but no season
    month = question("which month of 2022 was the attack?", kind="date")
    assert F.AskedKindPresent()(month, candidate(dated, typed=True)) == 1.0
    assert F.AskedKindPresent()(month, candidate(summer, typed=True)) == -1.0
    year = question("what yr was it?", kind="date")
    assert F.AskedKindPresent()(year, candidate(sentence("Released as version 2.0.1.", ents=[]), typed=True)) == -1.0
    assert F.AskedKindPresent()(question("When did it erupt?", kind="date"), candidate(dated, typed=True)) == 1.0


def test_which_country_asks_for_a_place_name() -> None:
    country = question("which country's laws govern disputes?", kind="entity")
    licence = sentence("Licensed under the Apache License, Version 2.0.", ents=["ORG", "LAW"])
    assert F.AskedKindPresent()(country, candidate(licence, typed=True)) == -1.0  # capitals, but no place
    assert F.AskedKindPresent()(country, candidate(sentence("Disputes go to courts in Ireland.", ents=["GPE"]))) == 1.0
    anyone = question("who governs disputes?", kind="entity")
    assert F.AskedKindPresent()(anyone, candidate(licence, typed=True)) == 1.0  # any named thing answers "who"


def test_a_duration_answers_how_long() -> None:
    how_long = question("For how long has the group been fighting?", kind="number")
    how_long.query.head = "long"
    since = sentence("It has been in conflict since the early 1980s.", ents=["DATE"])
    waits = sentence("It gives up after twenty minutes.", ents=["TIME"])
    assert F.AskedKindPresent()(how_long, candidate(since)) == 1.0
    assert F.AskedKindPresent()(how_long, candidate(waits)) == 1.0
    how_many = question("How many groups are fighting?", kind="number")
    assert F.AskedKindPresent()(how_many, candidate(since)) == -1.0  # a date is no count
    decades = question("About how many decades has the group been fighting?", kind="number")
    decades.query.head = "decades"
    assert F.AskedKindPresent()(decades, candidate(since)) == 1.0  # a length of time, in years or since a date
    hours = question("How many hours were the envoys given to leave?", kind="number")
    hours.query.head = "hours"
    assert F.AskedKindPresent()(hours, candidate(since)) == -1.0  # hours are stated, not read off a date


def test_a_length_of_time_counts_no_noun() -> None:
    from assistant.answer.counted import counted_head

    decades = question("About how many decades has the group been fighting?", kind="number")
    decades.query.head = "decades"
    assert counted_head(decades) is None
    bells = question("How many bells does the clock have?", kind="number")
    bells.query.head = "bells"
    assert counted_head(bells) == "bells"


def test_only_an_amount_of_money_answers_how_much_money() -> None:
    spent = question("how much did the us spend helping them?", kind="number")
    troops = sentence("The US sent 3,000 troops.", ents=["GPE", "CARDINAL"])
    assert F.AskedKindPresent()(spent, candidate(troops, typed=True)) == -1.0  # a number, but no money
    assert F.AskedKindPresent()(spent, candidate(sentence("Bob receives $100.00 from Alice."))) == 1.0  # by currency
    assert F.AskedKindPresent()(spent, candidate(sentence("It cost ten million.", ents=["MONEY"]))) == 1.0
    assert F.AskedKindPresent()(question("how much memory is used?", kind="number"), candidate(troops)) == 1.0


def test_a_size_is_not_answered_by_the_question_s_own_number() -> None:
    how_big = question("How big is Ashraf 3?", kind="number")
    how_big.query.head = "big"
    named = sentence("The group built a compound known as Ashraf 3.", ents=["CARDINAL"])
    assert F.AskedKindPresent()(how_big, candidate(named, typed=True)) == -1.0
    assert F.AskedKindPresent()(how_big, candidate(sentence("Ashraf 3 covers 34 hectares.", ents=["QUANTITY"]))) == 1.0


def test_lemma_coverage_and_focus_head() -> None:
    q = question("Which bells ring?", lemmas=["bell", "ring"], focus=["bell"])
    s = sentence("The bells rang.", lemmas=["bell", "ring"])
    assert F.LemmaCoverage()(q, candidate(s)) == 1.0
    assert F.FocusHead()(q, candidate(s)) == 1.0
    other = sentence("The tower stood.", lemmas=["tower", "stand"])
    assert F.FocusHead()(q, candidate(other, window_lemmas=["bell"])) == 0.5
    assert F.FocusHead()(q, candidate(other)) == 0.0


def test_reason_definition_instruction_negation() -> None:
    why = question("Why is it slow?", kind="reason")
    assert F.ReasonCue()(why, candidate(sentence("It is slow because the disk is full."))) == 1.0
    assert F.ReasonCue()(why, candidate(sentence("It is slow."))) == 0.0
    # a cause or a motive named by a noun phrase: "on the grounds of", "at the behest of", "stemming from"
    assert F.ReasonCue()(why, candidate(sentence("The town took them in on humanitarian grounds."))) == 1.0
    assert F.ReasonCue()(why, candidate(sentence("It acted at the behest of its ally."))) == 1.0
    assert F.ReasonCue()(why, candidate(sentence("A feud stemming from the old dispute."))) == 1.0
    define = question("What is a tuple?", focus=["tuple"], definitional=True)
    assert F.Definition()(define, candidate(sentence("A tuple is a sequence.", lemmas=["tuple", "sequence"]))) == 1.0
    assert F.Definition()(define, candidate(sentence("Lists are mutable.", lemmas=["list", "mutable"]))) == 0.0
    how = question("How do I install it?", instruction=True)
    assert F.Instruction()(how, candidate(sentence("Run the installer.", imperative=True))) == 1.0
    assert F.Instruction()(question("How old is it?"), candidate(sentence("Run the installer.", imperative=True))) == 0.0
    yes_no = question("Is it free?", yes_no=True)
    assert F.NegationAgreement()(yes_no, candidate(sentence("It is not free.", negated=True))) == 1.0
    assert F.NegationAgreement()(yes_no, candidate(sentence("It is free."))) == 0.0


def test_feature_names_are_unique_and_complete() -> None:
    rows = [F.feature_values(question("q"), candidate(sentence("A sentence of six words here."), dense=d))
            for d in (0.2, 0.6)]
    F.with_standings(rows)
    assert set(rows[0]) == set(F.FEATURE_NAMES)
    assert len(F.FEATURE_NAMES) == len(set(F.FEATURE_NAMES))


def test_standings_rank_and_gap() -> None:
    rows = [{"dense_similarity": 0.2}, {"dense_similarity": 0.6}, {"dense_similarity": 0.4}]
    F.Standing("dense_similarity", "rank").apply(rows)
    F.Standing("dense_similarity", "gap").apply(rows)
    assert [r["dense_similarity_rank"] for r in rows] == [1 / 3, 1.0, 0.5]
    assert [round(r["dense_similarity_gap"], 2) for r in rows] == [-0.4, 0.0, -0.2]


def test_retriever_rank() -> None:
    view = candidate(sentence("A sentence of six words here."))
    view.bm25_rank, view.dense_rank = 2, None
    assert F.RetrieverRank("bm25")(question("q"), view) == 0.5
    assert F.RetrieverRank("dense")(question("q"), view) == 0.0


def ranked(*views: F.CandidateView, kind_present: bool = False) -> list[Candidate]:
    out = []
    for v in views:
        c = Candidate(v, set(), frozenset(v.window_lemmas))
        c.features = {"asked_kind_present": 1.0 if kind_present else -1.0}
        out.append(c)
    return out


def test_asked_kind_absent_fires_only_without_a_value() -> None:
    q = question("How many bells?", kind="number")
    view = candidate(sentence("The clock has bells."), coverage=0.8, window=0.8)
    assert R.AskedKindAbsent()(q, ranked(view)) == 1.0
    assert R.AskedKindAbsent()(q, ranked(view, kind_present=True)) == 0.0
    assert R.AskedKindAbsent()(question("what is it"), ranked(view)) == 0.0


def test_focus_absent_and_entities_absent() -> None:
    q = question("Who owns the lighthouse in Brest?", focus=["lighthouse"], ents=[("Brest", "GPE")])
    near = candidate(sentence("The lighthouse was sold.", lemmas=["lighthouse", "sell"]))
    assert R.FocusAbsent()(q, ranked(near)) == 0.0
    assert R.FocusAbsent()(q, ranked(candidate(sentence("The port was sold.", lemmas=["port", "sell"])))) == 1.0
    cands = ranked(near)
    assert R.QuestionEntitiesAbsent()(q, cands) == 1.0
    cands[0].window = frozenset({"brest"})
    assert R.QuestionEntitiesAbsent()(q, cands) == 0.0


def test_an_abbreviation_is_found_by_its_full_form() -> None:
    q = question("Does the EU come up?", focus=["eu"], ents=[("the EU", "ORG")])
    union = candidate(sentence("It is a partner of the European Union.", lemmas=["partner", "european", "union"]))
    union.window = frozenset({"partner", "european", "union"})
    assert R.FocusAbsent()(q, ranked(union)) == 0.0 and R.QuestionEntitiesAbsent()(q, ranked(union)) == 0.0
    other = candidate(sentence("It is a partner of the Union.", lemmas=["partner", "union"]))
    other.window = frozenset({"partner", "union"})
    assert R.FocusAbsent()(q, ranked(other)) == 1.0 and R.QuestionEntitiesAbsent()(q, ranked(other)) == 1.0


def test_a_people_is_found_by_its_country() -> None:
    """"the Americans" are found where the United States is named; a people the passages never name is not."""
    q = question("Did the Americans send aid?", ents=[("Americans", "NORP")])
    states = candidate(sentence("The United States sent aid.", lemmas=["unit", "state", "sent", "aid"]))
    assert R.QuestionEntitiesAbsent()(q, ranked(states)) == 0.0
    israel = candidate(sentence("Israel sent aid.", lemmas=["israel", "sent", "aid"]))
    assert R.QuestionEntitiesAbsent()(q, ranked(israel)) == 1.0


def test_top_coverage_and_dense_read_the_first_three() -> None:
    cands = ranked(candidate(sentence("a b c d e f."), window=0.2, dense=0.1),
                   candidate(sentence("g h i j k l."), window=0.9, dense=0.7))
    assert R.TopCoverage()(question("q"), cands) == 0.9
    assert R.TopDense()(question("q"), cands) == 0.7


def test_contradicted_premise() -> None:
    q = question("Why did Albania escalate the attack to NATO?")
    q.query.terms.extend(["albania", "escal", "attack", "nato"])
    denial = candidate(sentence("While the attack could have been escalated to NATO, Albania decided against it."),
                       coverage=0.9)
    assert R.Contradicted()(q, ranked(denial)) == 1.0
    plain = candidate(sentence("Albania escalated the attack to NATO."), coverage=0.9)
    assert R.Contradicted()(q, ranked(plain)) == 0.0
    follow_up = question("so why did Albania escalate the attack to NATO?")  # a conversational opener first
    follow_up.query.terms.extend(["albania", "escal", "attack", "nato"])
    assert R.Contradicted()(follow_up, ranked(denial)) == 1.0


def test_a_choice_set_against_another_denies_only_what_follows_it() -> None:
    q = question("which licence versions can I just point to under common-licenses?")  # states no premise
    q.query.terms.extend(["licenc", "version", "point", "common", "licens"])
    refer = candidate(sentence("Packages under the GNU FDL (versions 1.2 or 1.3) should refer to the files under "
                               "/usr/share/common-licenses, rather than quoting them in the copyright file."),
                      coverage=0.9)
    assert R.Contradicted()(q, ranked(refer)) == 0.0  # what comes after "rather than" is not what is asked
    quoting = question("which licence versions can I quote in the copyright file?")
    quoting.query.terms.extend(["licenc", "version", "quot", "copyright", "file"])
    assert R.Contradicted()(quoting, ranked(refer)) == 1.0  # quoting is what the passage sets aside


def test_what_someone_says_is_not_contradicted_by_their_denial() -> None:
    said = question("what does Vestria say about the hacks?")
    said.query.terms.extend(["vestria", "hack"])
    denial = candidate(sentence("While Vestria denies any part in the hacks, the evidence points to it."), coverage=0.9)
    assert R.Contradicted()(said, ranked(denial)) == 0.0  # the denial is what Vestria says
    asked = question("what did Vestria gain from the hacks?")
    asked.query.terms.extend(["vestria", "hack"])
    assert R.Contradicted()(asked, ranked(denial)) == 1.0


def test_a_goal_the_question_names_is_not_taken_for_granted() -> None:
    """ "which library do I link to get unicode case?": that the engine lacks it by itself denies nothing asked."""
    q = question("which library do i have to link the engine with to get proper unicode case?")
    q.query.terms.extend(["librari", "link", "engin", "proper", "unicod", "case"])
    lacks = candidate(sentence("The engine does not know about unicode case for all characters."), coverage=0.9)
    assert R.Contradicted()(q, ranked(lacks)) == 0.0
    q = question("which library does the engine link to know unicode case?")  # no goal: the premise is denied
    q.query.terms.extend(["librari", "engin", "link", "know", "unicod", "case"])
    assert R.Contradicted()(q, ranked(lacks)) == 1.0
