"""The support check's rules for a claim's words and names, each on a hand-built claim and span (no index, no model
but spaCy's): which words need no support, how words and names are met, and when a name is missing."""

from __future__ import annotations

from assistant.answer.claim_rules import (
    HEDGES, LIGHT_WORDS, corrects_premise, initialisms, lemma_forms, lemma_stems, opening_name, spelled_initials,
    unbroken,
)
from assistant.answer.matching import TermWeights
from assistant.answer.name_forms import capitalised
from assistant.answer.support import Claim, Facts, match
from assistant.terms import stem

WEIGHTS = TermWeights({}, 100)


def test_hedges_need_no_support():
    assert {stem("roughly"), stem("usually")} <= HEDGES
    span = Facts.of("Debian ships keymaps for nearly two dozen keyboards.")
    m = match(Claim.of("Debian ships keymaps for roughly two dozen keyboards."), span, WEIGHTS)
    assert m.missing_words == () and m.coverage == 1.0


def test_lemma_forms_meet_irregular_inflections():
    assert (stem("led"), "lead") in lemma_forms("Albania led the talks.")  # "held" is stemmed as "hold" already
    span = Facts.of("Albania holds Iran responsible for the attack.")
    assert match(Claim.of("Albania held Iran responsible for the attack."), span, WEIGHTS).missing_words == ()
    assert stem("come") in lemma_stems(["come", "the"])


def test_line_end_hyphenation_is_undone_for_names():
    text = "maintained at the Network Infor‐\n       mation Control Center (NIC)"
    assert "Information" in unbroken(text)
    claim = Claim.of("It was maintained at the Network Information Control Center.")
    assert match(claim, Facts.of(text), WEIGHTS).facts_ok


def test_correcting_a_false_premise_is_not_a_bare_denial():
    question = "Why did Albania cut ties with Iran in 2014?"
    assert corrects_premise("Albania did not cut ties in 2014: it cut them on September 7, 2022.", question)
    assert not corrects_premise("Albania did not cut ties with Iran.", question)
    assert not corrects_premise("It did not happen in 2014, nor in 2014 again.", question)


def test_a_name_is_backed_only_by_a_word_the_span_capitalises():
    assert capitalised("the Regents of the University own the source code") == {"regents", "university"}
    span = Facts.of("Copyright the Regents of the University of California. Redistribution of source code is allowed.")
    assert match(Claim.of("The holder is the Regents of the University of California."), span, WEIGHTS).facts_ok
    assert "name source" in match(Claim.of("The holder is the Source of the University of California."), span,
                                  WEIGHTS).missing_facts


def test_a_name_ending_is_a_demonym_or_plural_not_another_word():
    span = Facts.of("Iran hosts it; the UserDir directive works on Unix systems since April 2004.")
    assert match(Claim.of("It angered the Iranians."), span, WEIGHTS).missing_facts == ()
    assert "name unixdir" in match(Claim.of("Set the UnixDir directive."), span, WEIGHTS).missing_facts
    assert "name april" in match(Claim.of("The April directive works on Unix."), span, WEIGHTS).missing_facts


def test_only_the_capitalised_parts_of_a_hyphenated_word_are_names():
    assert Claim.of("It lists the Debian-specific changes.").names == {"debian"}


def test_a_one_word_paraphrase_is_supported_at_the_one_word_coverage():
    from assistant.answer.guard_params import GuardParams
    from assistant.answer.support import Match, supports

    params = GuardParams(full_coverage=0.85, soft_coverage=0.5, soft_similarity=0.8, one_word_coverage=0.6)
    assert supports(Match(0.65, (), ("prefer",)), None, params)
    assert not supports(Match(0.65, (), ("prefer", "opt")), None, params)
    assert not supports(Match(0.55, (), ("prefer",)), None, params)
    assert not supports(Match(0.65, (), ("prefer",)), None, params.model_copy(update={"one_word_coverage": 1.0}))


def test_a_long_claim_may_leave_a_share_of_its_words_unmatched():
    from assistant.answer.guard_params import GuardParams
    from assistant.answer.support import Match, supports

    params = GuardParams(full_coverage=0.6, max_unmatched=2, unmatched_share=0.2)
    three = ("store", "unspecifi", "durat")
    assert supports(Match(0.8, (), three, terms=18), None, params)
    assert not supports(Match(0.8, (), three, terms=12), None, params)  # 0.2 of 12 rounds down to 2
    assert not supports(Match(0.8, (), three, terms=18), None, params.model_copy(update={"unmatched_share": 0.0}))
    assert not supports(Match(0.5, (), three, terms=18), None, params)  # coverage still decides
    span = Facts.of("The directory /var/tmp is made available for programs that require temporary files that are "
                    "preserved between system reboots; files there are kept longer than those in /tmp, which may be "
                    "deleted at boot.")
    claim = Claim.of("/var/tmp is for temporary files that programs require, preserved between system reboots and kept "
                     "longer than those in /tmp, which may be deleted at boot, stored for an unspecified duration.")
    m = match(claim, span, WEIGHTS)
    assert len(m.missing_words) == 3 and m.terms == len(claim.stems) >= 15
    assert supports(m, None, params)


def test_names_joined_by_and_need_no_order_between_them():
    span = Facts.of("AUTHORS Timo Rinne <tri@iki.fi> Tatu Ylonen <ylo@cs.hut.fi>")
    assert match(Claim.of("The authors are Tatu Ylonen and Timo Rinne."), span, WEIGHTS).facts_ok
    swapped = match(Claim.of("The authors are Tatu Rinne and Timo Ylonen."), span, WEIGHTS)
    assert "name order tatu rinne" in swapped.missing_facts


def test_light_words_need_no_support():
    assert {stem("case"), stem("lets"), stem("part"), stem("put")} <= LIGHT_WORDS
    span = Facts.of("The compound near Tirana and the embassy in Tirana.")
    assert match(Claim.of("Tirana in both cases."), span, WEIGHTS).coverage == 1.0


def test_connectives_need_no_support():
    span = Facts.of("The cache keeps old files. Turning it off frees the disk.")
    m = match(Claim.of("Turning it off frees the disk; otherwise the cache keeps old files, however."), span, WEIGHTS)
    assert m.missing_words == () and m.coverage == 1.0
    assert match(Claim.of("The cache deletes old files."), span, WEIGHTS).missing_words == ("delet",)


def test_a_word_the_passage_has_around_the_span_earns_part_credit():
    span = Facts.of("He accused Tehran of being the author of the massive cyberattack.")
    around = frozenset({stem("prime"), stem("minister"), stem("announced")})
    claim = Claim.of("The prime minister accused Tehran of the massive cyberattack.")
    alone, helped = match(claim, span, WEIGHTS), match(claim, span, WEIGHTS, around, 0.5)
    assert alone.missing_words == (stem("prime"), stem("minister")) and helped.missing_words == ()
    assert alone.coverage < helped.coverage < 1.0


def test_a_claim_whose_words_are_mostly_only_around_its_span_is_not_supported():
    from assistant.answer.guard_params import GuardParams
    from assistant.answer.support import supports

    span = Facts.of("Changed in version 1.0: LOGGER_NAME and LOGGER_HANDLER_POLICY were removed.")
    around = frozenset({stem("blueprints"), stem("new"), stem("version")})  # the next sentence, the question
    m = match(Claim.of("Blueprints are new in version 1."), span, WEIGHTS, around, 0.5)
    assert m.around_only == 2 and m.terms == 3
    params = GuardParams(context_credit=0.5, full_coverage=0.3)  # coverage alone would let it through
    assert not supports(m, None, params)
    counted = match(Claim.of("About three thousand (approximately 3,000)."),
                    Facts.of("Albania took in approximately 3,000 members."), WEIGHTS, frozenset({"three"}), 0.5)
    assert counted.around_only == 0  # a number word the span writes in digits is no word of the claim's topic


def test_a_name_opening_the_sentence_is_a_name_to_find():
    assert opening_name("Ean Debian's; Bruce Perens edited them.") == "ean"
    assert opening_name("Edi Rama announced the decision.") == "edi"
    assert opening_name("Albania cut ties.") is None  # one name: capitalised because it opens the sentence
    assert opening_name("Use SQLite instead.") is None  # a light word
    assert opening_name("Mujahedin-e Albania (MEK).") == "mujahedin"  # a name joined by a hyphen
    assert opening_name("split-logfile can post-process the log.") is None  # a program, not a name
    span = Facts.of("The exiled opposition group, the Mujahedin-e Khalq (MEK), came to Albania.")
    swapped = match(Claim.of("Mujahedin-e Albania (MEK)."), span, WEIGHTS)
    assert "name order mujahedin e albania" in swapped.missing_facts
    assert "ean" in Claim.of("Ean Debian's; Bruce Perens edited them.").names
    span = Facts.of("Ean Schuessler's idea; Bruce Perens edited them.")
    assert "name ean" in match(Claim.of("Ean Debian's; Bruce Perens edited them."),
                               Facts.of("Bruce Perens was the second leader of the Debian project."), WEIGHTS).missing_facts
    assert match(Claim.of("Ean Schuessler's; Bruce Perens edited them."), span, WEIGHTS).facts_ok


def test_an_option_letter_is_a_name_in_order():
    span = Facts.of("-B NUM, --before-context=NUM  Print NUM lines of leading context before matching lines.")
    assert match(Claim.of("-B NUM prints NUM lines of leading context."), span, WEIGHTS).facts_ok
    assert "name order num b" in match(Claim.of("NUM B prints lines of context."), span, WEIGHTS).missing_facts


def test_a_quoted_name_is_found_after_its_string_prefix():
    span = Facts.of(">>> locale.territories['US']\nu'Estados Unidos'\n>>> locale = Locale('en', 'US')")
    assert match(Claim.of("It returns u'Estados Unidos'."), span, WEIGHTS).facts_ok
    assert "name order estados locale" in match(Claim.of("It returns u'Estados Locale'."), span, WEIGHTS).missing_facts


def test_yes_opening_an_answer_and_quantifiers_are_light():
    assert {stem("yes"), stem("every"), stem("several")} <= LIGHT_WORDS
    assert Claim.of("It covers every other element.").stems == (stem("cover"), stem("element"))
    span = Facts.of("There are also right outer joins and full outer joins.")
    assert match(Claim.of("Yes, there are right outer joins and full outer joins."), span, WEIGHTS).coverage == 1.0


def test_an_initialism_is_met_by_the_words_it_spells():
    assert initialisms("Users obtain the OS and the IDs from the NOC.") == {"os", "id", "noc"}
    assert {"os", "ap"} <= spelled_initials("the operating system and the application packages")
    assert "ts" not in spelled_initials("the system of time")  # a stopword breaks a run
    span = Facts.of("Users often choose to obtain the operating system and the application packages.")
    m = match(Claim.of("Users obtain the OS and the packages."), span, WEIGHTS)
    assert m.facts_ok and m.coverage == 1.0, m
    wrong = match(Claim.of("Users obtain the DNS and the packages."), span, WEIGHTS)
    assert "name dns" in wrong.missing_facts and "dns" in wrong.missing_words


def test_an_initialism_may_stand_in_a_compound_name_for_the_words_it_spells():
    span = Facts.of("Around 08:00 CET the University of Twente Network Operations Center (NOC) caught fire.")
    assert match(Claim.of("The University of Twente NOC caught fire."), span, WEIGHTS).facts_ok
    assert "name abc" in match(Claim.of("The University of Twente ABC caught fire."), span, WEIGHTS).missing_facts


def test_the_documents_own_language_is_no_name_to_find():
    span = Facts.of("The group is the People's Mojahedin Organization of Iran (PMOI), known by its Farsi name, MEK.")
    claim = Claim.of("Its Farsi name is MEK; in English it is the People's Mojahedin Organization of Iran (PMOI).")
    assert "english" not in claim.names and match(claim, span, WEIGHTS).facts_ok
    assert "name german" in match(Claim.of("Its German name is MEK."), span, WEIGHTS).missing_facts
    assert "english" in Claim.of("The English and French armies met.").names
