"""The refusal rules added for unseen documents, on hand-built fixtures (no index, no embedder; spaCy's parser only
where a rule reads a question's syntax), and the leave-one-collection-out threshold of the refusal model."""

from __future__ import annotations

import dataclasses
import re

import numpy as np

from assistant.answer import counted as C
from assistant.answer import refusal as R
from assistant.answer.fit import best_threshold
from assistant.answer.premise import same_contrast
from assistant.answer.qtypes import has_value
from assistant.answer.query import Query
from test_answer_features import candidate, question, ranked, sentence


def test_typed_gap_measures_how_far_the_best_value_trails() -> None:
    q = question("How many bells does the clock have?", kind="number", focus=["bell"])
    plain = candidate(sentence("The clock has bells in its tower."))
    counted = candidate(sentence("The clock has fourteen bells."))
    cands = ranked(plain, counted)
    cands[0].logit, cands[1].logit = 2.0, 0.5
    cands[1].features["asked_kind_present"] = 1.0
    assert R.TypedGap()(q, cands) == 1.5
    cands[1].features["asked_kind_present"] = -1.0
    assert R.TypedGap()(q, cands) == R.TypedGap().cap  # no candidate holds a number
    assert R.TypedGap()(question("What is the clock?"), cands) == 0.0  # no kind asked for


def test_a_version_asked_for_needs_a_version_not_any_number() -> None:
    """"which release added X?": "Currently two options are supported." holds a number, but no version."""
    q = question("which release added the websafe option?", kind="number")
    q.query.asks_version = True
    two = ranked(candidate(sentence("Currently two options are supported: websafe and pkcs11.")))
    two[0].features["asked_kind_present"] = 1.0
    assert R.TypedGap()(q, two) == R.TypedGap().cap
    assert not R.holds_asked_kind(q, two[0])
    for text in ("The websafe option was added in OpenSSH 9.0.", "It requires python3.10 or higher.",
                 "Since glibc 2.26 the option is on.", "Debian 7 added the option."):
        added = ranked(candidate(sentence(text)))[0]
        added.features["asked_kind_present"] = 1.0
        assert R.holds_asked_kind(q, added), text
    count = question("how many options are supported?", kind="number")
    assert R.holds_asked_kind(count, two[0])  # a count asked for: the count holds it


def test_between_makes_a_value_computed_only_in_a_span_asked_for() -> None:
    dated = candidate(sentence("The bridge between the towns opened in the spring."))
    cands = ranked(dated)
    cands[0].features["asked_kind_present"] = -1.0
    season = question("In which season did things boil over between the two towns?", kind="date", focus=["thing"])
    assert R.TypedGap()(season, cands) == R.TypedGap().cap  # "between the two towns": no span to compute
    span = question("How many days passed between the flood and the fire?", kind="number", focus=["day"])
    assert R.TypedGap()(span, cands) == 0.0  # a span between two events: computed from their dates


def test_counted_head() -> None:
    bells = question("How many bells does it have?", kind="number", focus=["bell"])
    bells.query.head = "bells"  # as the question analysis finds it after "how many"
    assert C.counted_head(bells) == "bells"
    assert C.counted_head(question("how much does gzip shrink text?", kind="number", focus=["gzip"])) is None
    assert C.counted_head(question("which version added it?", kind="number", focus=["version"])) is None
    assert C.counted_head(question("who rang the bells?", kind="entity", focus=["bell"])) is None
    keymaps = question("how many keyboard keymaps ship with it?", kind="number", focus=["keyboard", "keymap"])
    keymaps.query.head, keymaps.query.head_phrase = "ship", ["keyboard", "keymaps", "ship"]  # a verb ends the phrase
    assert C.counted_head(keymaps) == "keymap"  # the parser's noun within the phrase wins
    money = question("how much money does alice send?", kind="number", focus=["money"])
    money.query.head = "money"
    assert C.counted_head(money) is None  # a mass noun: "$100.00" answers without sitting by "money"
    share = question("how large a share counts as control?", kind="number", focus=[])
    share.query.head = "large"
    assert C.counted_head(share) is None  # a size: "fifty percent (50%)" answers without sitting by "large"
    headcount = question("what was the headcount of the exiles?", kind="number", focus=["headcount"])
    assert C.counted_head(headcount) is None  # a noun for the number itself: any number of them answers
    setting = question("how much maintenance_work_mem does each worker need?", kind="number", focus=["worker"])
    setting.query.head = "maintenance"  # the first word of the setting's name
    assert C.counted_head(setting) is None  # "at least a 32MB share of the total maintenance_work_mem" answers
    minutes = question("how many minutes long was the speech?", kind="number", focus=["speech"])
    minutes.query.head, minutes.query.head_phrase = "long", ["minutes", "long"]
    assert C.counted_head(minutes) == "minutes"  # the unit before "long": a date gives no minutes
    span = question("How long was the country cut off under communism?", kind="number", focus=["country"])
    assert C.counted_head(span) is None  # a span of time: "after 45 years of isolation, the country ..." answers


def test_a_size_or_a_number_of_things_counts_no_noun() -> None:
    big = question("how big is a pipe buffer by default?", kind="number", focus=["pipe", "buffer"])
    big.query.head = "big"
    assert C.counted_head(big) is None  # a size: "16 pages (65,536 bytes)" answers without sitting by "buffer"
    for text, focus in (("max number of nameserver lines it will use?", ["max", "number"]),
                        ("size of the fixed header in bytes?", ["size"])):
        asked = question(text, kind="number", focus=focus)
        assert C.counted_head(asked) is None, text
    typo = question("how many paramters does it take?", kind="number", focus=["paramters"])
    typo.query.head, typo.query.corrections = "paramters", {"paramt": "paramet"}  # as the analysis corrects it
    assert C.counted_head(typo) == "paramet"  # the corpus's word, to be found beside a number


def test_kinds_count_types_and_stopwords_sit_between_a_number_and_its_noun() -> None:
    assert C.value_near("There are two types of packages:", "kinds", "how many kinds of packages are there", "number")
    assert not C.value_near("There are packages of many sorts.", "kinds", "how many kinds of packages", "number")
    uploads = "Typically, a dozen or more new packages are uploaded every week."
    assert C.value_near(uploads, "packages", "how many new packages are uploaded per week?", "number")
    assert not C.value_near("A dozen volunteers look after the new, tested and signed packages.", "packages",
                            "how many new packages are uploaded per week?", "number")


def test_a_number_may_sit_a_clause_after_the_counted_noun() -> None:
    q = question("How many connections can write at the same time?", kind="number", focus=["connection"])
    q.query.head = "connections"
    near = candidate(sentence("Readers come from separate database connections, possibly in separate threads or "
                              "processes, but only one simultaneous write transaction."))
    far = candidate(sentence("Readers come from separate database connections, possibly in separate threads or "
                             "processes of the host system, of any user, and then later exactly one writes."))
    assert C.beside_counted_head(q, [near, far]) == [near]  # "one" 11 words after the noun; 17 is too far


def test_a_second_look_passes_over_a_number_that_counts_another_noun() -> None:
    q = question("How many Iranian diplomats were there?", kind="number", focus=["iranian", "diplomat"])
    q.query.head = "diplomats"
    other = candidate(sentence("The decision strained the diplomatic ties between the two countries."))
    own = candidate(sentence("Albania expelled the diplomats, some 45 Iranian staff members in all."))
    assert C.beside_counted_head(q, [other, own]) == [other, own]  # first look: any number by the noun
    deeper = dataclasses.replace(q, strict=True)
    assert C.beside_counted_head(deeper, [other, own]) == [own]  # "two countries" counts countries; "45 ... members" may
    assert C.counts_another(" countries in the region", "diplomat")
    assert not C.counts_another(" Iranian diplomats left", "diplomat")  # the counted noun within reach
    assert not C.counts_another(" were expelled", "diplomat")  # a function word: nothing else counted
    assert not C.counts_another(" people in all", "diplomat")  # a noun that counts anything


def test_a_share_asked_is_met_by_a_percentage_anywhere_in_the_sentence() -> None:
    """"what percentage ...?" is answered by "100% free", which holds no word "percentage"; a sentence with numbers
    but no share does not answer it."""
    q = question("whats the percentage of free software debian promises?", kind="number", focus=["percentage"])
    for text, gap in (("Debian will remain 100% free.", 0.0), ("Debian ships 1000 free packages.", R.TypedGap().cap)):
        cands = ranked(candidate(sentence(text)))
        cands[0].features["asked_kind_present"] = 1.0
        assert R.TypedGap()(q, cands) == gap


def test_qualifier_unmatched() -> None:
    q = question("what's the default port of the cache?")
    talks = ranked(candidate(sentence("The cache listens on a port you choose.")))
    states = ranked(candidate(sentence("By default the cache listens on port 3142.")))
    assert R.QualifierUnmatched()(q, talks) == 1.0
    assert R.QualifierUnmatched()(q, states) == 0.0
    assert R.QualifierUnmatched()(question("what does current_date print?"), talks) == 0.0  # an identifier
    assert R.QualifierUnmatched()(question("how do I extract into a directory instead of the current one?"),
                                  talks) == 0.0  # a contrast asks for another one, not for the current one
    assert R.QualifierUnmatched()(question("why did the cache take the port in the first place?"),
                                  talks) == 0.0  # an idiom: "in the first place" asks for no first one
    justified = ranked(candidate(sentence("Up               to  three  caches  may be               listed.")))
    assert R.QualifierUnmatched()(question("max number of caches listed?"), justified) == 0.0  # a manual's spacing
    assert R.QualifierUnmatched()(question("which port did the cache take first?"), talks) == 1.0
    assert R.QualifierUnmatched()(question("when did the cache first take a port?"), talks) == 0.0  # of the act
    assert R.QualifierUnmatched()(question("which release first added the port option?"), talks) == 1.0  # "added"
    assert R.QualifierUnmatched()(question("if I restart it, will the cache ask me to confirm first?"),
                                  talks) == 0.0  # "first" after a yes/no question's verb: beforehand
    assert R.QualifierUnmatched()(question("what does the dispute teach us about diplomacy today?"), ranked(
        candidate(sentence("The ongoing dispute is a reminder of the challenges facing modern diplomacy.")))) == 0.0
    assert R.QualifierUnmatched()(question("what does the dispute teach us about diplomacy today?"), ranked(
        candidate(sentence("The dispute is a reminder of the challenges facing diplomacy.")))) == 1.0
    assert R.QualifierUnmatched()(question("maximum length of a name?"),
                                  ranked(candidate(sentence("Names are limited to 64 bytes.")))) == 0.0
    assert R.QualifierUnmatched()(question("what minimum version must the tool conform to?"), ranked(
        candidate(sentence("The tool must conform to the specification, version 2 or higher.")))) == 0.0
    assert R.QualifierUnmatched()(question("what's the max rowid once the table is full?"), ranked(
        candidate(sentence("If the largest possible ROWID has been used, a random one is picked.")))) == 0.0
    assert R.QualifierUnmatched()(question("what's the minimum docutils version?"), ranked(
        candidate(sentence('docutils = importorskip("docutils", minversion="0.3")')))) == 0.0  # a bound's identifier
    assert R.QualifierUnmatched()(question("what are typical uses of a skip?"), ranked(
        candidate(sentence("Common examples are skipping tests on other platforms.")))) == 0.0
    assert R.QualifierUnmatched()(question("is the office open yet?"), talks) == 1.0  # how things stand now
    assert R.QualifierUnmatched()(question("i set the cache path to a folder that doesn't exist yet, what happens?"),
                                  talks) == 0.0  # "yet" of a negated relative clause describes the folder
    assert R.QualifierUnmatched()(question("which caches still run today?"), ranked(
        candidate(sentence("Two caches are still in service.")))) == 0.0
    assert R.QualifierUnmatched()(question("what is the minimum wait?"), ranked(
        candidate(sentence("Wait a minute before you retry.")))) == 1.0  # "minute" states no minimum



def test_a_qualifier_of_another_noun_is_not_asked_for() -> None:
    talks = ranked(candidate(sentence("The cache gives each new row a rowid.")))
    row = question("what rowid does the very first row get?")
    row.query.head_phrase.append("rowid")
    assert R.QualifierUnmatched()(row, talks) == 0.0  # "first" qualifies the row, the rowid is asked for
    port = question("what port does the cache use by default?")
    port.query.head_phrase.append("port")
    assert R.QualifierUnmatched()(port, talks) == 1.0  # an adverbial qualifies the asked-for value
    first = question("what is the first rowid?")
    first.query.head_phrase.extend(["first", "rowid"])
    assert R.QualifierUnmatched()(first, talks) == 1.0
    manual = ranked(candidate(sentence("The de\u2010\n     fault is to disable forwarding after twenty minutes.")))
    assert R.QualifierUnmatched()(question("how long does forwarding stay on by default?"), manual) == 0.0


def test_the_current_folder_is_where_one_works_not_a_time() -> None:
    """"the current folder", "the current user": where or as whom one works, which a passage names another way;
    "the current ambassador" asks how things stand now."""
    scans = ranked(candidate(sentence("Directories are scanned upwards from the directory you call the tool from.")))
    assert R.QualifierUnmatched()(question("does the tool only look in the current folder?"), scans) == 0.0
    assert R.QualifierUnmatched()(question("who is the current ambassador?"), scans) == 1.0


def test_first_of_two_alternatives_asks_an_order_not_a_first() -> None:
    """"which is popped first - A or B?" asks which comes before the other: "pops A then B" states it."""
    pops = ranked(candidate(sentence("When the task ends it pops the inner frame then the outer frame.")))
    two = question("which gets popped first - the inner frame or the outer frame?")
    assert R.QualifierUnmatched()(two, pops) == 0.0
    assert R.QualifierUnmatched()(question("which frame is popped first?"), pops) == 1.0  # a first, asked alone


def test_a_qualifier_the_next_sentence_states_is_matched() -> None:
    """"CONTINUE IDENTITY: keep the counters. This is the default.": the candidate's neighbourhood states it."""
    keep = sentence("Keep the counters as they are.", lemmas=["keep", "counter"])
    asked = question("does wipe reset the counters by default?")
    assert R.QualifierUnmatched()(asked, ranked(candidate(keep))) == 1.0
    assert R.QualifierUnmatched()(asked, ranked(candidate(keep, window_lemmas=["default"]))) == 0.0


def test_a_role_named_without_a_person_is_no_name() -> None:
    """The passages name the foreign minister but no person: the minister's name is not there to give."""
    asked = question("what is the name of the foreign minister who spoke?")
    asked.query.head_phrase.extend(["foreign", "minister"])
    role = sentence("The foreign minister spoke on Monday.", ents=["DATE"], lemmas=["foreign", "minister", "speak"])
    named = sentence("Foreign Minister Ann Lee spoke.", ents=["PERSON"], lemmas=["foreign", "minister", "ann", "lee"])
    weather = sentence("The weather was fine.", lemmas=["weather", "fine"])
    assert R.PersonNameAbsent()(asked, ranked(candidate(role), candidate(weather))) == 1.0
    assert R.PersonNameAbsent()(asked, ranked(candidate(role), candidate(named))) == 0.0
    assert R.PersonNameAbsent()(asked, ranked(candidate(weather))) == 0.0  # the role is not named: not this rule
    leads = question("who leads the club these days?")
    led = sentence("The club was led by its founders.", lemmas=["club", "lead", "founder"])
    assert R.PersonNameAbsent()(leads, ranked(candidate(led), candidate(weather))) == 1.0
    assert R.PersonNameAbsent()(leads, ranked(candidate(led), candidate(named))) == 1.0  # the minister leads nothing
    port = question("what is the name of the port?")
    port.query.head_phrase.append("port")
    assert R.PersonNameAbsent()(port, ranked(candidate(weather))) == 0.0  # no person's role


def test_takes_for_granted() -> None:
    cands = ranked(candidate(sentence("Anything.")))
    assert R.TakesForGranted()(question("Why does gzip follow symlinks?"), cands) == 0.0  # asks why: AsksWhy
    assert R.TakesForGranted()(question("Since COPY FREEZE works on partitions, what is the syntax?"), cands) == 1.0
    assert R.TakesForGranted()(question("tar --delete works on .tar.gz, right?"), cands) == 1.0
    assert R.TakesForGranted()(question("What does gzip do with symlinks?"), cands) == 0.0
    assert R.TakesForGranted()(question("gzip deletes the input, so what keeps it?"), cands) == 1.0
    assert R.TakesForGranted()(question("since what version has the format been used?"), cands) == 0.0  # a time
    # an opening "as" or "since" with no comma to close its premise: nothing to read, and so nothing to doubt
    assert R.TakesForGranted()(question("as a nato member is albania just watching from the sidelines?"), cands) == 0.0
    assert R.TakesForGranted()(question("as a nato member, is albania just watching from the sidelines?"), cands) == 1.0
    assert R.TakesForGranted()(question("ssh -C compresses with zstd right? how do i switch it to lz4"), cands) == 1.0
    # a scene set by a prepositional phrase states nothing; a clause before the comma does
    assert R.TakesForGranted()(question("In the manifesto, what programs are examples?"), cands) == 0.0
    assert R.TakesForGranted()(question("After the archive was hacked, how long did the rebuild take?"), cands) == 1.0
    # a topic phrase with no verb of its own, or a hypothesis, before the comma asserts nothing
    assert R.TakesForGranted()(question("the worst attack, what day?"), cands) == 0.0
    assert R.TakesForGranted()(question("apart from the mek issue, what else angers tehran?"), cands) == 0.0
    assert R.TakesForGranted()(question("If a warning matches two filters, which one wins?"), cands) == 0.0
    # a time the question is set in frames it, as a condition does; "after X" still states X
    assert R.TakesForGranted()(question("once the probe was done, which body did they blame?"), cands) == 0.0
    assert R.TakesForGranted()(question("before any hacking started, what was behind it?"), cands) == 0.0
    assert R.TakesForGranted()(question("how does the guide sum it up, what kind of example is it?"), cands) == 0.0
    assert R.TakesForGranted()(question("whats the point of a virtualenv, what does it solve?"), cands) == 0.0
    assert R.TakesForGranted()(question("scp -p 2222 isnt connecting, what's the right flag?"), cands) == 1.0
    # the asker's own situation, told in the first person, is no claim about the documents' subject
    assert R.TakesForGranted()(question("scp -p 2222 isnt connecting to my port, what's the right flag?"), cands) == 0.0
    # ... or with the "I" left out, as in chat: a clause opening on its past-tense verb, with no subject
    assert R.TakesForGranted()(question("added mozc as an input source, what key switches sources?"), cands) == 0.0
    assert R.TakesForGranted()(question("gzip added a suffix, what key switches it off?"), cands) == 1.0
    assert R.TakesForGranted()(question("udev isnt loading my modules, what could be the cause?"), cands) == 0.0


def test_a_premise_a_first_candidate_states_in_full_is_not_in_doubt() -> None:
    q = question("after integer values are read off disk into memory, what type does sqlite use for them?")
    states = sentence("As soon as INTEGER values are read off of disk and into memory for processing, they are "
                      "converted to the most general datatype.")
    assert R.TakesForGranted()(q, ranked(candidate(states))) == 0.0
    other = sentence("This makes a difference on disk.")
    assert R.TakesForGranted()(q, ranked(candidate(other))) == 1.0
    later = [candidate(sentence(f"Filler {n}.")) for n in range(R.TakesForGranted().first)]
    assert R.TakesForGranted()(q, ranked(*later, candidate(states))) == 1.0  # only the first ones count


def test_asks_why() -> None:
    cands = ranked(candidate(sentence("Anything.")))
    assert R.AsksWhy()(question("Why does gzip follow symlinks?"), cands) == 1.0
    assert R.AsksWhy()(question("so why does gzip follow symlinks?"), cands) == 1.0  # an opener first
    assert R.AsksWhy()(question("how come gzip follows symlinks?"), cands) == 1.0
    assert R.AsksWhy()(question("Since COPY FREEZE works on partitions, what is the syntax?"), cands) == 0.0
    assert R.AsksWhy()(question("What does gzip do with symlinks?"), cands) == 0.0
    # a motive asked for the asker's own choice asserts nothing; a third party's act is still taken for granted
    assert R.AsksWhy()(question("why would i want single-request in resolv.conf"), cands) == 0.0
    assert R.AsksWhy()(question("Why should I use click.echo rather than print()?"), cands) == 0.0
    assert R.AsksWhy()(question("why would iran hack albania in the first place?"), cands) == 1.0
    assert R.AsksWhy()(question("why would somebody building a custom distro use debian?"), cands) == 0.0  # anyone's


def test_versions_and_paths_are_values() -> None:
    assert has_value("New in version 3.8.", "date")
    assert has_value("Since glibc 2.26, the list is unlimited.", "date")
    assert not has_value("The list is unlimited.", "date")
    assert has_value("This syntax pre-dates the JOIN/ON syntax, which was introduced in SQL-92.", "date")  # a standard
    assert not has_value("Files are read as UTF-16 on port-80.", "date")  # an encoding, a name: no year
    assert has_value("Info documents should be installed in /usr/share/info.", "place")
    assert not has_value("Use the and/or form.", "place")


def test_threshold_keeps_false_refusals_under_the_cap() -> None:
    probs = np.array([0.9, 0.8, 0.5, 0.45, 0.6, 0.4, 0.3, 0.2, 0.1])
    labels = np.array([1, 1, 1, 1, 0, 0, 0, 0, 0], float)
    assert 0.6 < best_threshold(probs, labels, max_false=0.0) <= 0.8  # half the refusals, no false one
    assert 0.4 < best_threshold(probs, labels, max_false=0.2) <= 0.45  # every refusal, one answerable in five


def test_name_absent_wants_a_person_for_a_role() -> None:
    q = question("Who's the opposition group's leader?", kind="entity", focus=["opposition", "group", "leader"])
    plain = sentence("The group's leader spoke from Tirana to supporters in Paris.", ents=["GPE"])
    named = sentence("The group's leader Maryam Rajavi spoke in Paris.", ents=["PERSON", "GPE"])
    window = ["opposit", "group", "leader"]
    assert R.NameAbsent()(q, ranked(candidate(plain, window_lemmas=window))) == 1.0  # a place is no leader's name
    assert R.NameAbsent()(q, ranked(candidate(named, window_lemmas=window))) == 0.0
    diplomat = question("What's the diplomat's name?", focus=["diplomat", "name"])
    told = sentence("As a diplomat told the Tirana Times, it was a time bomb.", ents=["ORG"])
    assert R.NameAbsent()(diplomat, ranked(candidate(told, window_lemmas=["diplomat"]))) == 1.0
    assert R.NameAbsent()(question("What's the capital?", focus=["capital"]),
                          ranked(candidate(told, window_lemmas=["diplomat"]))) == 0.0  # no name asked for


def test_an_instead_of_that_sets_aside_what_the_question_does_denies_nothing() -> None:
    q = "Why do mail clients send via port 587 rather than the usual SMTP port 25?"
    agree = "It is popular to use new message submission port 587 instead of traditional SMTP port 25."
    turned = "It is popular to use SMTP port 25 instead of the new submission port 587."
    assert same_contrast(q, agree, re.search("instead of", agree))
    assert not same_contrast(q, turned, re.search("instead of", turned))  # the question's choice set aside
    plain = "Why do mail clients send via port 587?"
    assert not same_contrast(plain, agree, re.search("instead of", agree))  # no contrast asked: a denial word
    paste = "Which licenses can I point to in common-licenses instead of pasting the text?"
    refer = "Such packages should refer to the files under /usr/share/common-licenses, rather than quoting them."
    assert same_contrast(paste, refer, re.search("rather than", refer))  # set aside in other words: no reversal


def test_the_form_a_question_is_put_in() -> None:
    """How-to, yes/no and definition questions are priors the model weighs: each rule reads its form's flag, and the
    answerer sets the flags from the wording. A yes/no question counts only when it asks for nothing else."""
    from assistant.answer.extractive import ExtractiveAnswerer
    from assistant.answer.refusal_premise import AsksDefinition, AsksHowTo, AsksYesNo

    class NoWeights:
        def idf(self, term: str) -> float:
            return 1.0

    answerer = ExtractiveAnswerer.__new__(ExtractiveAnswerer)
    answerer.weights = NoWeights()  # type: ignore[assignment]
    cands = ranked(candidate(sentence("Anything.")))
    forms = {"how do i keep temp dirs only for failed tests?": (1.0, 0.0, 0.0),
             "which option turns off the warnings summary": (1.0, 0.0, 0.0),
             "is the monkeypatch fixture thread-safe?": (0.0, 1.0, 0.0),
             # a choice between two claims, or a value asked after the yes/no part: not only a yes or a no
             "is it ok to write my postinst in bash or does it have to be plain /bin/sh?": (0.0, 0.0, 0.0),
             "can i put a man page into section 0? what range of sections is ok": (0.0, 0.0, 0.0),
             "can i do non blocking io on a pipe? how": (0.0, 0.0, 0.0),
             "What does NOCASE mean?": (0.0, 0.0, 1.0),
             "When was the attack?": (0.0, 0.0, 0.0)}
    for text, expected in forms.items():
        view = answerer.question_view(Query(text=text, terms=[], kind="other"))  # type: ignore[arg-type]
        got = tuple(rule(view, cands) for rule in (AsksHowTo(), AsksYesNo(), AsksDefinition()))
        assert got == expected, text
    assert {"asks_how_to", "asks_yes_no", "asks_definition"} <= set(R.REFUSAL_NAMES)
