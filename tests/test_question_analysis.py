"""Question analysis on hand-built fixtures (no index, no embedder): which of the question's words are searched, and
which count as names or nouns the corpus lacks (the hard unseen-terms refusal sign). The asked-for kind of value:
test_question_types.py."""

from __future__ import annotations

import pytest

from assistant.answer.matching import TermWeights
from assistant.answer.arithmetic import interval_unit
from assistant.answer.query import analyse, stand_ins
from assistant.terms import stem


CORPUS = TermWeights.of_texts([
    "The first version of the Social Contract said Debian Remain Free Software.",
    "Las Vegas lies at 2174 feet and Madison at 845 feet.",
    "The notice is 60 days; a cure within 30 days reinstates the licence.",
])


def test_a_capitalised_stopword_in_a_quoted_title_is_no_unseen_name() -> None:
    query = analyse("why did they remove the word 'software' from 'Debian Will Remain 100% Free Software'?", CORPUS)
    assert not query.out_of_corpus
    assert analyse("why did Debian Zorblax remain free?", CORPUS).out_of_corpus  # a real unknown name still counts


def test_a_comparative_or_apart_is_no_unseen_head_noun() -> None:
    assert not analyse("how much higher is Las Vegas than Madison?", CORPUS).out_of_corpus
    assert not analyse("what are the two deadlines and how many days apart are they?", CORPUS).out_of_corpus
    assert analyse("how many hectares does Madison cover?", CORPUS).out_of_corpus  # an unseen noun still counts


def test_an_adjective_of_the_asked_for_phrase_is_no_unseen_word() -> None:
    assert not analyse("what is the biggest possible notice?", CORPUS).out_of_corpus  # "biggest" describes
    assert not analyse("what is the right notice?", CORPUS).out_of_corpus
    assert analyse("what is the notice's hectare?", CORPUS).out_of_corpus  # an unseen noun still counts


def test_how_many_with_no_noun_counts_nothing_named() -> None:
    assert analyse("how many did Madison keep?", CORPUS).head is None  # not "madison"
    assert analyse("how many feet does Madison lie at?", CORPUS).head == "feet"


def test_a_joined_name_the_documents_lack_is_unseen() -> None:
    assert analyse("how do i set up wifi with wpa_supplicant?", CORPUS).out_of_corpus
    assert analyse("how do I enable unattended-upgrades for the notice?", CORPUS).out_of_corpus
    assert not analyse("is the notice one-off or repeated?", CORPUS).out_of_corpus  # short parts: common words
    assert not analyse("what does the social-contract say?", CORPUS).out_of_corpus  # every part is known


def test_a_hyphenated_adjective_is_no_joined_name() -> None:
    assert not analyse("is a notice of 60 days far-fetched?", CORPUS).out_of_corpus  # an adjective the tagger reads
    assert not analyse("when was the well-known notice given?", CORPUS).out_of_corpus  # a participle
    assert analyse("how do I enable unattended-upgrades for the notice?", CORPUS).out_of_corpus  # a name still counts


def test_a_verb_of_the_asked_for_phrase_or_a_vague_noun_is_no_unseen_word() -> None:
    assert not analyse("what's the name of the notice they drafted?", CORPUS).out_of_corpus  # "drafted" acts
    assert not analyse("what kind of stuff does the notice say?", CORPUS).out_of_corpus  # "stuff" names no thing


def test_a_rate_is_no_part_of_the_counted_noun() -> None:
    assert analyse("roughly how many mails a year come through the list?", CORPUS).head == "mails"
    assert analyse("how many packages per release?", CORPUS).head == "packages"


def test_a_version_written_short_is_searched_by_what_it_stands_for() -> None:
    words = TermWeights({"gpl": 3, "version": 4, "cgroup": 1}, 10)
    assert analyse("gpl v3 release date", words).terms[:2] == ["gpl", "version"]
    assert analyse("what does GPLv3 let me do?", words).terms[0] == "gpl"
    assert analyse("is cgroupsv2 on?", words).terms == ["cgroup"]


def test_a_clipped_word_the_documents_never_use_is_searched_by_the_full_word() -> None:
    words = TermWeights.of_texts(["The patterns are based on the LDML specification."])
    query = analyse("which spec are the patterns based on?", words)
    assert "specif" in query.terms and "spec" not in query.terms and not query.out_of_corpus
    spec = TermWeights.of_texts(["The spec and the specification differ."])
    assert "spec" in analyse("which spec are the patterns based on?", spec).terms  # the documents' own word is kept


def test_a_word_naming_the_sort_of_answer_is_no_unseen_word() -> None:
    assert not analyse("what range of days is the notice?", CORPUS).out_of_corpus  # "range" names the answer's sort
    assert not analyse("what minimum notice is there?", CORPUS).out_of_corpus
    assert analyse("what population does Madison have?", CORPUS).out_of_corpus  # a thing of its own still counts


@pytest.mark.parametrize("question", [
    "what domain does it use if i dont pass -D?",
    "What index method is used if I don't specify USING?",
    "which style applies when no format is given?",
    "what happens without specifying a port?",
])
def test_what_holds_when_nothing_is_set_asks_for_the_default(question: str) -> None:
    assert "default" in analyse(question, CORPUS).terms


def test_a_question_that_sets_something_asks_for_no_default() -> None:
    assert "default" not in analyse("what domain does it use if i pass -D?", CORPUS).terms


def test_a_version_in_a_yes_no_question_is_a_variant_not_a_number() -> None:
    assert analyse("Is there a version of autoremove that also purges?", CORPUS).kind != "number"
    assert analyse("which version of gzip added --rsyncable?", CORPUS).kind == "number"
    assert analyse("which version of gzip added --rsyncable?", CORPUS).asks_version
    assert not analyse("how many versions of gzip are there?", CORPUS).asks_version  # a count, not a version
    assert analyse("why is this the last release for i386?", CORPUS).kind == "reason"  # a why, not a version


def test_a_month_or_day_name_is_a_date_not_a_name_to_find() -> None:
    query = analyse("what happened on 2 March 2011 to the notice?", CORPUS)
    assert "March" not in query.unseen_names and "march" not in query.names


def test_a_word_the_corpus_never_uses_is_searched_by_its_synonym_the_corpus_uses() -> None:
    words = TermWeights({"option": 3, "requir": 2, "compulsori": 0}, 10)
    assert stand_ins(["mandatori", "option"], words) == ["requir"]  # "mandatory" -> "required"
    assert stand_ins(["requir", "option"], words) == []  # a word the corpus uses needs no stand-in
    assert "requir" in analyse("how do i make an option mandatory?", words).extra_stems


@pytest.mark.parametrize("question", ["what uid does root have?", "sed: what wrap length does it use if i don't pass -l?",
                                      "What is the default SizeLimit percentage before apt downloads the index?"])
def test_a_measure_asked_for_asks_for_a_number(question: str) -> None:
    assert analyse(question, CORPUS).kind == "number"


def test_a_noun_that_is_no_measure_asks_for_no_number() -> None:
    assert analyse("what license does the notice use?", CORPUS).kind == "other"
    assert analyse("what size options does the notice have?", CORPUS).kind == "other"  # "size" describes "options"


def test_whats_typed_without_its_apostrophe_still_names_the_asked_for_phrase() -> None:
    assert analyse("whats the default notice for a lease", CORPUS).head_phrase == analyse(
        "what's the default notice for a lease", CORPUS).head_phrase == ["default", "notice"]


AID = TermWeights.of_texts(["Israel offered cyber aid to Albania after the attack, whose motive was revenge."])


def test_an_asked_noun_the_documents_name_by_a_synonym_is_not_unseen() -> None:
    assert not analyse("what kind of help did israel give albania?", AID).out_of_corpus  # help ~ aid
    assert analyse("what kind of hectare did israel give albania?", AID).out_of_corpus  # no word for it
    assert not analyse("what was the payback motive behind the attack?", AID).out_of_corpus  # payback ~ revenge


def test_the_asked_phrase_ends_before_a_preposition() -> None:
    query = analyse("what was the supposed motive behind the attack?", AID)
    assert query.head == "motive" and not query.out_of_corpus  # not "behind", a word no document names


def test_the_noun_after_a_possessive_is_the_asked_phrase() -> None:
    query = analyse("whats that empire's capital?", AID)  # no "the" after "whats": the possessed noun is asked for
    assert query.head == "capital" and query.out_of_corpus  # a word no document uses: nothing can answer
    assert analyse("what was israel's motive, per the article?", AID).head_phrase == ["motive"]
    assert not analyse("what was israel's help?", AID).out_of_corpus  # help ~ aid


def test_the_asked_phrase_ends_before_a_pronoun_opening_a_relative_clause() -> None:
    query = analyse("what's the name of the base it set up near the city?", AID)
    assert query.head_phrase == ["base"]  # not "base set": "it set up" says which base


def test_a_noun_for_the_number_of_things_is_no_unseen_word() -> None:
    """"the headcount of X" asks how many X: a number answers it, and the documents need not write the word."""
    query = analyse("roughly what was the headcount of the exiles let in?", AID)
    assert not query.out_of_corpus and query.kind == "number"
    assert analyse("roughly what was the hectare of the exiles let in?", AID).out_of_corpus  # a thing of its own


def test_the_documents_own_language_before_a_name_is_no_term() -> None:
    """"the english name of X": the documents write the name in English without saying so."""
    assert "english" not in analyse("whats the english name of the notice?", CORPUS).terms
    assert "english" in analyse("is the notice sent in english or in french?", CORPUS).terms  # a language asked about


def test_the_documents_voice_as_subject_adds_no_terms() -> None:
    query = analyse("why does the writer bring up the attack at all?", AID)
    assert "writer" not in query.terms and "bring" not in query.terms and "attack" in query.terms
    assert "author" in analyse("who is the author of the attack?", AID).terms  # the author asked for, kept
    told = analyse("what does the author ask readers to share? why doesn't the article think it ended?", AID).terms
    assert "ask" not in told and "think" not in told and "share" in told  # its verb of telling adds none either
    assert "draw" in analyse("what lessons does the article draw?", AID).terms  # a verb of what is told stays
    assert "come" not in analyse("does the attack come up at all?", AID).terms  # "come up": mentioned
    assert "come" in analyse("what did they come up with?", AID).terms  # "come up with": devised


def test_a_kind_named_by_its_instances_is_no_unseen_word() -> None:
    # a newspaper, a language or a metaphor is named in the text without the word for its kind ("told Tirana Times")
    assert not analyse("which paper did the notice appear in?", CORPUS).out_of_corpus
    assert not analyse("what language is the Social Contract written in?", CORPUS).out_of_corpus
    assert not analyse("what metaphor describes the notice?", CORPUS).out_of_corpus
    assert analyse("what population does Madison have?", CORPUS).out_of_corpus  # a thing of its own still counts


def test_the_count_of_the_asked_for_things_is_no_term() -> None:
    # "what three things": the answer lists three things; it need not write "three"
    assert "three" not in analyse("what three things does the notice say?", CORPUS).terms
    assert "4" not in analyse("what are the 4 stages of the notice?", CORPUS).terms
    assert "three" in analyse("is the notice three days or sixty?", CORPUS).terms  # a value asked about still counts


def test_a_filler_word_of_the_question_is_never_an_unseen_word():
    assert not analyse("what happens once my notice is sent?", CORPUS).unseen_words  # "happens" asks, names nothing
    assert analyse("what is the velmora tidal clock made of?", CORPUS).unseen_words == ["velmora", "clock"]


def test_a_unit_of_time_to_compute_is_no_unseen_word() -> None:
    """"how many weeks between ...": the weeks are computed from dates, whatever unit the documents count in."""
    dated = TermWeights.of_texts(["The attack came on July 15, 2022.", "Ties were cut on September 7, 2022."])
    assert not analyse("how many weeks went by between the attack and cutting ties?", dated).unseen_words
    assert interval_unit("how many yrs between the attack and the cut?") == "years"


def test_a_likeness_or_a_classifier_is_no_unseen_word() -> None:
    """"libc-style libraries" asks about libraries like libc, which the documents may call "C-like"; "which kernel
    series" is answered by "the 5.x kernel" without the word "series". A name the documents lack still counts."""
    kernels = TermWeights.of_texts(["C-like libraries rarely have a priority above optional.",
                                    "The initrd image for the current 5.x Linux kernel is an initramfs image."])
    assert not analyse("why do libc-style libraries never get a higher priority?", kernels).out_of_corpus
    assert not analyse("for which kernel series is the initrd an initramfs?", kernels).out_of_corpus
    assert analyse("why do libc-compat libraries never get a higher priority?", kernels).out_of_corpus
    assert analyse("for which kernel flavour is the initrd an initramfs?", kernels).out_of_corpus


def test_a_word_for_a_span_of_time_is_no_unseen_word() -> None:
    """"over what timeframe?": documents give the time ("in the short to medium term") without the word."""
    outlook = TermWeights.of_texts(["The outlook remains bleak in the short to medium term."])
    assert not analyse("over what timeframe is the outlook bleak?", outlook).unseen_words
    assert analyse("over what distance is the outlook bleak?", outlook).unseen_words == ["distance"]


def test_the_form_asked_for_is_no_unseen_word() -> None:
    """"what spelling does it want?", "what wording ...": the form of the answer, which documents give without the
    word; a thing the documents lack still counts."""
    booleans = TermWeights.of_texts(["Only true and false, lowercase, are valid boolean values."])
    assert not analyse("what spelling does the boolean value want?", booleans).unseen_words
    assert not analyse("which wording of the boolean values is valid?", booleans).unseen_words
    assert analyse("what encoding does the boolean value want?", booleans).unseen_words == ["encoding"]


def test_a_short_misspelt_word_is_corrected_only_for_two_swapped_letters() -> None:
    from assistant.answer.typos import correct

    weights = TermWeights.of_texts(["Each line holds seven fields. Edit the file with the editor."])
    assert correct(stem("feilds"), weights) == stem("fields")  # five letters, two swapped
    assert correct("fiel", weights) == stem("file")
    assert correct("fild", weights) == "fild"  # a letter missing: too short to tell
    assert correct("lien", weights) == stem("line")
    assert correct("eidt", weights) == "edit"
    assert correct("ilne", weights) == "ilne"  # the first letter is taken as typed


def test_a_stopword_part_of_a_hyphenated_name_is_not_looked_for() -> None:
    words = TermWeights.of_texts(["APT checks the Valid-Until header of Release files."])
    assert not analyse("why does apt check Valid-Until on release files?", words).out_of_corpus  # "until": a stopword
    assert analyse("why does apt check Valid-Since-Epoch on release files?", words).out_of_corpus


def test_a_short_year_range_is_searched_as_the_documents_write_it() -> None:
    from assistant.answer.query import full_year_ranges

    assert full_year_ranges("the original 1992-93 copyright") == "the original 1992-1993 copyright"
    assert full_year_ranges("the 2019/20 season, 1998 - 99") == "the 2019-2020 season, 1998-1999"
    assert full_year_ranges("options -9 and 10-12") == "options -9 and 10-12"  # no year
    terms = analyse("who held the 1992-93 copyright?", CORPUS).terms
    assert "1993" in terms and "93" not in terms


def test_how_far_back_asks_a_time_with_none_of_its_own_words() -> None:
    query = analyse("how far back does the town's feud with the harbour go?", CORPUS)
    assert query.kind == "date"
    assert not {"far", "back", "go"} & set(query.terms)


def test_a_word_with_its_particle_is_english_not_an_unseen_name() -> None:
    """"hands-on", "built-in": an English compound the documents may not use, not a name joined by hyphens; a
    joined name the documents lack still is one."""
    aid = TermWeights.of_texts(["Velmora gave Tarsh diplomatic backing and practical assistance."])
    assert not analyse("who gave tarsh hands-on help?", aid).unseen_names
    assert analyse("what does quill-keygen do?", aid).unseen_names == ["quill-keygen"]


def test_an_informal_word_for_a_group_names_the_kind_asked_not_a_missing_term() -> None:
    """"which outfit ...?" asks for a group as "which group ...?" does: a document need not use the word."""
    feud = TermWeights.of_texts(["The Guild has been in conflict with the Republic since the early 1980s."])
    assert not analyse("which outfit has been in conflict with the republic since the eighties?", feud).out_of_corpus
    assert analyse("which lighthouse has been in conflict with the republic?", feud).out_of_corpus  # truly missing


def test_a_benefit_or_a_drawback_names_the_kind_asked_not_a_missing_term() -> None:
    """"what's the benefit of X?" asks for what X brings, as "what's the purpose of X?" does: a document that says
    what X avoids or allows need not use the word."""
    hashes = TermWeights.of_texts(["By-Hash fetches indexes by their hash, which avoids hashsum mismatches."])
    assert not analyse("whats the benefit of turning on by-hash?", hashes).out_of_corpus
    assert not analyse("what's the main drawback of by-hash?", hashes).out_of_corpus
    assert analyse("what's the latency of by-hash?", hashes).out_of_corpus  # truly missing


def test_a_name_typed_in_lower_case_that_no_text_holds_is_unseen() -> None:
    """"how did russia react ...?": a place the tagger reads as one, in no indexed text, is as absent as "Russia"; a
    lower-case word the documents use, or a misspelling of one, is not."""
    ties = TermWeights.of_texts(["Albania cut diplomatic ties with Iran in September.",
                                 "The government of Albania blamed Iran."])
    assert analyse("how did russia react when albania cut ties with iran?", ties).unseen_names == ["russia"]
    assert not analyse("what did the goverment of albnia do?", ties).unseen_names


def test_a_misspelt_or_misread_lower_case_word_is_no_unseen_name() -> None:
    """A verb the tagger reads as a person ("respond"), or a misspelt adverb it reads as a place ("automaticaly"),
    is no name the documents lack."""
    lines = TermWeights.of_texts(["The minister answered the announcement.", "sed prints lines automatically."])
    assert not analyse("how did the foreign minister respond?", lines).unseen_names
    assert not analyse("how do i stop sed from printing every line automaticaly?", lines).unseen_names


def test_a_misspelling_that_changes_the_stem_is_mended_letter_by_letter() -> None:
    """"automaticaly", "permanantly": the stem of the misspelt word is no near form of the corpus stem, so the word
    itself is edited once and the corpus stem of the edited form taken; a word with no such near form stays."""
    lines = TermWeights.of_texts(["The system updates itself automatically.", "Show the messages permanently."])
    assert analyse("can it update automaticaly?", lines).corrections == {stem("automaticaly"): stem("automatically")}
    assert stem("permanently") in analyse("how do i show them permanantly?", lines).terms
    assert not analyse("what is the velmora clock?", lines).corrections
    hacked = TermWeights.of_texts(["The servers were hacked in July."])
    assert not analyse("which hacker group did it?", hacked).corrections  # another form of the word, no typo
    breaches = TermWeights.of_texts(["The breaches were reported."])
    assert not analyse("which beaches are best?", breaches).corrections  # an English word of its own


def test_circumstances_and_shares_name_the_kind_asked_not_a_missing_term() -> None:
    """"under what circumstances ...?" asks for a condition and "what percentage ...?" for a share: a document that
    gives one need not use the word."""
    risk = TermWeights.of_texts(["This could change if the dispute escalates. The town remains 100% free of debt."])
    assert not analyse("under what circumstances could the dispute escalate?", risk).out_of_corpus
    assert not analyse("what percentage of the town is free of debt?", risk).out_of_corpus


def test_a_year_an_either_or_question_compares_against_is_no_unseen_name() -> None:
    """ "before or after 1950?": the asker's point of reference, which the documents need not state."""
    assert not analyse("was the first version of the Social Contract before or after 1950?", CORPUS).out_of_corpus
    assert analyse("what did the Social Contract say in 1950?", CORPUS).out_of_corpus  # a year relied on
    assert analyse("why did Debian wait until 1950 to write it?", CORPUS).out_of_corpus  # a premise, not a bound


def test_a_number_in_a_name_is_no_typo() -> None:
    words = TermWeights.of_texts(["The fourteenth DebConf, Debconf13, was held in Vaumarcus in 2013."])
    query = analyse("Where was DebConf22 held?", words)
    assert "debconf" not in query.terms and query.out_of_corpus  # not corrected to the conference it is not
    assert "debconf13" in analyse("where was debcomf13 held?", words).terms  # its letters mended


def test_a_word_is_found_in_a_name_that_numbers_it() -> None:
    from assistant.answer.matching import term_match

    assert term_match("trace", frozenset({"trace5"})) and not term_match("debconf22", frozenset({"debconf"}))


def test_chat_forms_parts_of_the_text_and_list_positions_name_nothing_to_find() -> None:
    years = TermWeights.of_texts(["The members stayed in the camp for ten years."])
    assert analyse("how many yrs did they stay?", years).terms[0] == "year"  # chat English, the documents' word
    closing = analyse("what does the closing para say about the last thing the notice needs?", CORPUS)
    assert "para" not in closing.terms and "last" not in closing.terms  # a part of the text; a list position
    assert not analyse("what is the notice period inside the licence?", CORPUS).out_of_corpus  # a preposition
