"""A question's stated premise and the passages that deny it (assistant.answer.premise), on hand-built text."""

from __future__ import annotations

from assistant.answer import refusal as R
from assistant.answer.premise import (
    PremiseDenial, affirmed_light_words, affirmed_terms, denied_words, premise_terms, refusal_terms,
)
from assistant.terms import stem
from test_answer_features import candidate, question, ranked, sentence


def test_premise_is_the_clause_taken_for_granted() -> None:
    assert premise_terms("Since COPY FREEZE works on partitioned tables, what's the syntax?") == [
        "copi", "freez", "work", "partit", "tabl"]
    assert premise_terms("why does dpkg run the prerm script?")[:3] == ["dpkg", "run", "prerm"]
    assert premise_terms("gzip keeps the original file, right?") == ["gzip", "keep", "origin", "file"]
    assert premise_terms("what is the default port?") == []  # asks, takes nothing for granted


def test_a_statement_before_the_question_is_its_premise() -> None:
    assert premise_terms("GPLv3 lets me sublicense the code - what's the procedure?") == [
        "gplv3", "let", "sublicens", "code"]
    assert premise_terms("click documents my arguments in help; how can I hide one?")[:3] == ["click", "document", "argument"]
    assert premise_terms("flask reloads templates, so how do I turn that off?")[:2] == ["flask", "reload"]
    # the question asks about the statement itself, or only sets the scene: nothing taken for granted
    assert premise_terms("copy into a table with row security enabled - does that work?") == []
    assert premise_terms("In the tutorial, what does the join return?") == []
    assert premise_terms("how do I list files; what about hidden ones?") == []
    denial = "GPLv3 does not let you sublicense the code; section 10 makes it unnecessary."
    assert PremiseDenial().denies(premise_terms("GPLv3 lets me sublicense the code - what's the procedure?"), denial)


def test_a_past_event_asked_about_is_taken_for_granted() -> None:
    premise = affirmed_terms("when did the city expel the guild from the harbour?")
    assert premise == ["citi", "expel", "guild", "harbour"]
    assert PremiseDenial().opposes(premise, "The city welcomed the guild to the harbour in 1620.")
    assert premise_terms("how did the council respond to the flood?")[:2] == ["council", "respond"]
    assert premise_terms("when does the ferry leave?") == []  # the present tense: no event taken for granted


def test_negative_premises_and_hypotheticals_are_left_out() -> None:
    assert premise_terms("why can't hard links point to directories?") == []
    assert premise_terms("why doesnt debian ship qmail?") == []  # the apostrophe left out
    assert premise_terms("why is it forbidden to tag a library essential?") == []
    assert premise_terms("why did debian drop the port?") == []  # a removal: a denial would agree
    assert affirmed_terms("why did debian drop the port?") == ["debian", "drop", "port"]
    assert "cut" not in premise_terms("why would Iran keep an interest section if relations are cut?")
    assert premise_terms("why does the client want a password?")[:2] == ["client", "want"]  # "-nt" words are no negation
    assert premise_terms("Since TRUNCATE fires the triggers for every removed row, how do I speed it up?")[:3] == [
        "truncat", "fire", "trigger"]  # "removed" only describes the rows: the premise states no removal
    # "nothing", "none", "nobody" deny as "not" does: "shows nothing" agrees with a passage's "not available"
    assert premise_terms("New laptop and the frob command shows nothing - which package do I need?") == []
    assert affirmed_terms("the log lists none of the jobs; what flag do I need?") == []
    assert premise_terms("New laptop and the frob command shows garbage - which package do I need?")[:2] == [
        "new", "laptop"]


def test_a_premise_turned_off_or_set_aside() -> None:
    assert premise_terms("Why is foreign key enforcement turned off by default?") == []  # a removal, like "disabled"
    assert refusal_terms("Why is foreign key enforcement turned off by default?") == frozenset({"off"})
    denial = "Foreign key constraints are not enforced by default."
    assert not PremiseDenial().denies(affirmed_terms("Why is foreign key enforcement turned off by default?"), denial,
                                      refusal=refusal_terms("Why is foreign key enforcement turned off by default?"))
    assert refusal_terms("Why does the server offer two ports?") == frozenset()  # "offer" is no "off"
    assert "25" not in premise_terms("Why do clients send via port 587 rather than port 25?")  # set aside: not stated


def test_denied_words_are_the_clause_a_stated_denial_governs() -> None:
    assert denied_words("It is currently not possible to perform a COPY FREEZE on a partitioned table.") >= {
        "copi", "freez", "partit"}
    assert denied_words("Packages do not have their prerm called, because dpkg doesn't know.") == {"prerm", "call"}
    assert denied_words("The name is usually similar to, but not necessarily the same as, the file name.") is None
    assert denied_words("Packages must not require files in /usr/share/doc.") is None  # a rule, not a denial
    assert denied_words("Mark them so that their problems will not be attributed to others.") is None
    assert denied_words("The archive is served over HTTP.") is None
    assert denied_words("Packages that are not Debian-native must contain a changelog.") is None  # restricts a noun
    assert denied_words("Files that don't exist are skipped.") is None
    assert denied_words("Note that this is not possible.") == {"possibl"}  # "that" opening a clause: stated
    # a quoted denial governs the quoted words only: what the sentence says outside the quotes is not denied
    assert denied_words('Reports are public: the project promised it by stating "We will not hide problems" in its '
                        'Social Contract.') == {"hide", "problem"}
    assert denied_words("He said “it does not run on Debian” and left.") == {"run", "debian"}


def test_an_almost_never_is_how_often_not_a_denial() -> None:
    """"is almost never done" says how rarely, and denies nothing; "is never done" does."""
    rarely = ("Packages may assume that functionality provided by essential packages is always available without "
              "declaring explicit dependencies, which means that removing functionality from the Essential set is very "
              "difficult and is almost never done.")
    assert denied_words(rarely) is None and denied_words(rarely.replace("almost ", "")) is not None
    q = question("Why does policy tell maintainers to be so cautious about adding new programs or features to an "
                 "essential package?")
    q.query.terms.extend(["polici", "maintain", "cautious", "add", "new", "program", "featur", "essenti", "packag"])
    paragraph = ["maintain", "add", "program", "essenti", "packag", "function"]  # its neighbours' words too
    assert R.Contradicted()(q, ranked(candidate(sentence(rarely), coverage=0.9, window_lemmas=paragraph))) == 0.0
    never = sentence(rarely.replace("almost ", ""))
    assert R.Contradicted()(q, ranked(candidate(never, coverage=0.9, window_lemmas=paragraph))) == 1.0


def test_a_denial_must_meet_the_premise() -> None:
    premise = premise_terms("Since COPY FREEZE works on partitioned tables, what's the syntax?")
    assert PremiseDenial().denies(premise, "It is currently not possible to perform a COPY FREEZE on a partitioned table.")
    assert not PremiseDenial().denies(premise, "COPY FREEZE works on partitioned tables since version 17.")
    # a denial elsewhere in the sentence, of something the premise does not say
    assert not PremiseDenial().denies(premise, "COPY FREEZE on partitioned tables does not need a superuser.")


def test_a_premise_word_turned_into_its_opposite() -> None:
    premise = affirmed_terms("why did debian 2.0 drop support for the motorola 68000?")
    assert PremiseDenial().opposes(premise, "This release of Debian added support for the Motorola 68000.")
    assert not PremiseDenial().opposes(premise, "This release of Debian dropped support for the Motorola 68000.")
    assert not PremiseDenial().opposes(premise, "Debian added a new installer.")  # too few of the other words


def test_contradicted_finds_the_denying_candidate_among_the_first_eight() -> None:
    q = question("Since table inheritance is integrated with unique constraints, can I enforce them?")
    denial = sentence("Inheritance has not been integrated with unique constraints, which limits its usefulness.")
    filler = [candidate(sentence(f"Unrelated sentence number {i}."), coverage=0.9) for i in range(3)]
    found = R.Contradicted().find(q, ranked(*filler, candidate(denial, coverage=0.2)))
    assert found is not None and found.sentence is denial
    assert R.Contradicted()(q, ranked(*filler)) == 0.0


def test_a_denial_below_a_candidate_stating_the_whole_premise_is_of_something_else() -> None:
    """The best candidate says the fixture resets the filters; a later one denies resetting *all* filters: the
    premise holds, the later denial is about another thing."""
    q = question("why does the capture fixture reset the warning filters when the test ends?")
    states = sentence("The capture fixture resets the warning filters at the end of the test, so no state leaks.")
    denial = sentence("The runner does not reset all warning filters because it might break suites.")
    assert R.Contradicted().find(q, ranked(candidate(denial, coverage=0.6))) is not None
    assert R.Contradicted().find(q, ranked(candidate(states, coverage=1.0), candidate(denial, coverage=0.6))) is None
    assert PremiseDenial().affirms(premise_terms(q.query.text), states.text)
    assert not PremiseDenial().affirms(premise_terms(q.query.text), denial.text)


def test_an_instead_of_setting_aside_something_else_agrees() -> None:
    """"you can use X instead of Y" agrees with "why is X still supported?"; "Y is used instead of X" denies it."""
    q = question("why are condition strings still supported if booleans are recommended?")
    q.query.terms.extend(stem(w) for w in ("condition", "strings", "supported", "booleans", "recommended"))
    agree = sentence("You can use condition strings instead of booleans, but they are kept for old code.")
    deny = sentence("Tests now use booleans instead of condition strings, which are gone.")
    assert R.Contradicted()(q, ranked(candidate(agree, coverage=0.9))) == 0.0
    assert R.Contradicted()(q, ranked(candidate(deny, coverage=0.9))) == 1.0


def test_advice_is_no_denial() -> None:
    assert denied_words("Do not play with boot loaders without rescue media.") is None
    assert denied_words("Don't run the daemon as root.") is None
    assert {"run", "root"} <= denied_words("The daemon does not run as root.")  # a statement still denies


def test_a_denial_in_a_condition_is_not_stated_even_after_an_option() -> None:
    assert denied_words("If --version was not eager and --foo was required, you would need to pass it.") is None


def test_a_denial_of_a_pro_form_denies_what_its_paragraph_says() -> None:
    premise = premise_terms("Why does link() on Linux dereference oldpath when it is a symbolic link?")
    paragraph = frozenset({"posix", "specifi", "link", "derefer", "oldpath", "symbol", "linux"})
    assert PremiseDenial().denies(premise, "However, Linux does not do this.", paragraph)
    assert not PremiseDenial().denies(premise, "However, Linux does not do this.", frozenset({"linux", "solari"}))


def test_an_opposite_may_be_a_light_word() -> None:
    premise = affirmed_terms("Why does an EXCLUSIVE transaction behave differently from an IMMEDIATE one?")
    assert PremiseDenial().opposes(premise, "EXCLUSIVE and IMMEDIATE are the same in WAL mode.")
    assert not PremiseDenial().opposes(premise, "EXCLUSIVE and IMMEDIATE differ in WAL mode.")


def test_a_premise_may_turn_on_a_light_word() -> None:
    question = "since tide patterns are the same as almanac codes, can I pass one to the clock?"
    premise, light = affirmed_terms(question), affirmed_light_words(question)
    assert light == ["same"]
    denying = "The clock uses different tide patterns compared to the almanac codes."
    assert PremiseDenial().opposes(premise, denying, light)
    assert not PremiseDenial().opposes(premise, denying)  # without its light words, nothing in the premise turns
    assert not PremiseDenial().opposes(premise, "Tide patterns are the same as almanac codes, not different.", light)
    assert affirmed_light_words("why are tide patterns not the same as almanac codes?") == []  # a negated premise


def test_a_refusal_premise_is_denied_only_by_denying_the_refusal() -> None:
    question = "Why does an XPASS fail my whole test suite?"
    premise, refusal = affirmed_terms(question), refusal_terms(question)
    assert refusal == frozenset({"fail"})
    assert PremiseDenial().denies(premise, "An XPASS does not fail the test suite by default.", refusal=refusal)
    # a denial of the refused thing agrees with the premise
    forbidden = "why is it forbidden to tag a library essential?"
    assert not PremiseDenial().denies(affirmed_terms(forbidden), "A library must never be tagged essential, as "
                                      "it can not be removed.", refusal=refusal_terms(forbidden))
    # the question holds a denial of its own: the passage's may be that one
    assert refusal_terms("why can dist-upgrade remove packages when upgrade doesnt?") == frozenset()


def test_an_opposite_restricted_by_only_agrees_with_the_premise() -> None:
    premise = affirmed_terms("Why are window functions forbidden in GROUP BY and WHERE?")
    assert not PremiseDenial().opposes(premise, "Window functions are permitted only in the SELECT list.")
    assert PremiseDenial().opposes(premise, "Window functions are permitted in the GROUP BY clause.")
