"""A value the question takes for granted that a passage states otherwise."""

from assistant.answer.value_conflict import ValueConflict, amounts

IDF = {"2048": 6.0, "bit": 5.5, "dsa": 5.0, "key": 2.0, "ssh-keygen": 4.0, "pass": 1.0}  # the amount's words rarest
CONFLICT = ValueConflict()


def conflicts(question: str, idf: dict[str, float], sentence: str) -> bool:
    stated = CONFLICT.stated(question, idf)
    return stated is not None and CONFLICT.denies(stated, sentence)


def test_amounts_read_a_unit_written_either_way() -> None:
    assert amounts("a 2048-bit key") == amounts("2048 bits") == {("2048", "bit")}
    assert amounts("up to 1,000 characters, 5 chars min") == {("1000", "character"), ("5", "character")}
    assert amounts("VARCHAR(50) and version 3") == set()


def test_another_amount_about_the_same_thing_conflicts() -> None:
    question = "How do I pass -b to ssh-keygen to create a 2048-bit DSA key?"
    assert conflicts(question, IDF, "DSA keys must be exactly 1024 bits as specified by FIPS 186-2.")
    assert not conflicts(question, IDF, "DSA keys of 1024 or 2048 bits are accepted.")  # states it too
    assert not conflicts(question, IDF, "RSA moduli are at least 1024 bits.")  # about another thing
    assert not conflicts(question, IDF, "DSA keys are signed with SHA-1.")  # no amount in that unit


def test_a_yes_no_question_takes_no_amount_for_granted() -> None:
    assert not conflicts("Can I create a 2048-bit DSA key?", IDF, "DSA keys must be exactly 1024 bits.")


def test_a_default_or_minimum_leaves_a_how_to_amount_open() -> None:
    question = "How do I create a 4096-bit RSA key?"
    idf = {"rsa": 5.0, "key": 2.0, "creat": 1.0}
    assert not conflicts(question, idf, "For RSA keys, the minimum is 1024 bits and the default 3072 bits.")
    assert conflicts(question, idf, "RSA keys are always 2048 bits.")
    assert conflicts("Why does SQLite cut my strings to 50 characters?", {"sqlite": 3.0, "string": 2.0},
                              "SQLite lets you store a 2000-character string into a VARCHAR(10).")


def test_a_count_of_things_conflicts_with_another_count_of_the_same_things() -> None:
    assert amounts("why did they take in 30,000 exiled members?") == {("30000", "member")}
    assert amounts("in 2014 members came") == set()  # a year, not a count
    question = "why did the town take in 30,000 refugee families?"
    idf = {"town": 4.0, "refugee": 5.0, "famili": 3.0}
    assert conflicts(question, idf, "In 2014 the town took in about 3,000 families of refugees.")
    assert not conflicts(question, idf, "In 2014 the town took in about 30,000 families of refugees.")
    assert not conflicts(question, idf, "The town has 3,000 houses.")  # counts another thing


def test_an_amount_in_a_leading_clause_is_taken_for_granted() -> None:
    idf = {"isol": 5.0, "town": 4.0, "ferri": 3.0}
    question = "After 30 years of isolation, which ferry did the town bring back?"
    assert conflicts(question, idf, "After 45 years of isolation, the town brought back the night ferry.")
    assert not conflicts(question, idf, "After 30 years of isolation, the town brought back the night ferry.")
    assert not conflicts("which ferry ran after 30 years of isolation?", idf,
                         "After 45 years of isolation, the town brought back the night ferry.")  # asked, not granted
