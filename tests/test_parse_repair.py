"""The parse repair for a verb the tagger read as a noun after "do"-support (assistant.parse_repair)."""

from spacy.lang.en import English
from spacy.tokens import Doc

from assistant import nlp
from assistant.parse_repair import do_support_verb


_LEMMAS = {"did": "do", "does": "do", "has": "have"}


def _doc(rows: list[tuple[str, str, str, str, int]]) -> Doc:
    """A hand-built parse: (word, pos, tag, dep, head index) per token, as the small English model gave it."""
    words, pos, tags, deps, heads = (list(column) for column in zip(*rows))
    return Doc(English().vocab, words=words, pos=pos, tags=tags, deps=deps, heads=heads,
               lemmas=[_LEMMAS.get(w.lower(), w.lower()) for w in words])


# "what did a western diplomat compare hosting the MEK to?" as the model parses it: "diplomat compare" one noun
DIPLOMAT = [("what", "PRON", "WP", "dobj", 5), ("did", "AUX", "VBD", "aux", 5), ("a", "DET", "DT", "det", 4),
            ("western", "ADJ", "JJ", "amod", 4), ("diplomat", "NOUN", "NN", "compound", 5),
            ("compare", "NOUN", "NN", "ROOT", 5), ("hosting", "VERB", "VBG", "acl", 5), ("the", "DET", "DT", "det", 8),
            ("MEK", "PROPN", "NNP", "dobj", 6), ("to", "PART", "TO", "prep", 6), ("?", "PUNCT", ".", "punct", 5)]


def test_the_root_noun_after_do_support_becomes_the_verb_and_the_compound_its_subject() -> None:
    doc = do_support_verb(_doc(DIPLOMAT))
    assert (doc[5].pos_, doc[5].tag_, doc[5].dep_) == ("VERB", "VB", "ROOT")
    assert doc[4].dep_ == "nsubj" and doc[4].head.i == 5
    assert "a western diplomat" in [chunk.text for chunk in doc.noun_chunks]


def test_words_of_the_subject_hung_on_the_root_move_back_to_the_subject() -> None:
    # "what did the july 2022 cyberattack hit?": "the" and "july" were the root noun's
    doc = do_support_verb(_doc([
        ("what", "PRON", "WP", "dobj", 6), ("did", "AUX", "VBD", "aux", 6), ("the", "DET", "DT", "det", 6),
        ("july", "PROPN", "NNP", "nmod", 6), ("2022", "NUM", "CD", "nummod", 3),
        ("cyberattack", "NOUN", "NN", "compound", 6), ("hit", "NOUN", "NN", "ROOT", 6),
        ("?", "PUNCT", ".", "punct", 6)]))
    assert doc[2].head.i == 5 and doc[3].head.i == 5
    assert "the july 2022 cyberattack" in [chunk.text for chunk in doc.noun_chunks]


def test_no_repair_when_a_modifier_or_a_bare_verb_follows_the_root() -> None:
    # "what does the echoes section open by ...": the verb is the adjective after the noun
    echoes = [("what", "PRON", "WP", "dobj", 4), ("does", "AUX", "VBZ", "aux", 4), ("the", "DET", "DT", "det", 3),
              ("echoes", "NOUN", "NNS", "compound", 4), ("section", "NOUN", "NN", "ROOT", 4),
              ("open", "ADJ", "JJ", "amod", 4), ("?", "PUNCT", ".", "punct", 4)]
    # "what did the police officer in the photo stand in front of": "stand" is the verb
    officer = [("what", "PRON", "WP", "dobj", 4), ("did", "AUX", "VBD", "aux", 4), ("the", "DET", "DT", "det", 4),
               ("police", "NOUN", "NN", "compound", 4), ("officer", "NOUN", "NN", "ROOT", 4),
               ("in", "ADP", "IN", "prep", 4), ("the", "DET", "DT", "det", 7), ("photo", "NOUN", "NN", "compound", 8),
               ("stand", "VERB", "VB", "pobj", 5), ("?", "PUNCT", ".", "punct", 4)]
    for rows in (echoes, officer):
        before = [(t.pos_, t.dep_, t.head.i) for t in _doc(rows)]
        assert [(t.pos_, t.dep_, t.head.i) for t in do_support_verb(_doc(rows))] == before


def test_no_repair_without_do_support() -> None:
    rows = [(w, p, t, "aux" if w == "did" else d, h) for w, p, t, d, h in DIPLOMAT]
    rows[1] = ("has", "AUX", "VBZ", "aux", 5)  # not "do": "has" needs a participle, not a bare verb
    doc = do_support_verb(_doc(rows))
    assert doc[5].pos_ == "NOUN" and doc[4].dep_ == "compound"


def test_questions_are_parsed_with_the_repair() -> None:
    tokens = {t.text: t for t in nlp.syntax("what did a western diplomat compare hosting the MEK to?").tokens}
    assert (tokens["compare"].pos, tokens["diplomat"].dep) == ("VERB", "nsubj")
    # the focus phrase is the subject's: the model's parse made the verb its head and found none
    assert nlp.parse("what did the july 2022 cyberattack hit?").focus == ["july", "2022", "cyberattack"]


def test_a_wh_word_taken_for_a_second_subject_becomes_the_object() -> None:
    # "who did the council blame?": the model hangs "who" on "did" as a subject, beside "council blame"
    doc = do_support_verb(_doc([
        ("who", "PRON", "WP", "nsubj", 1), ("did", "AUX", "VBD", "aux", 4), ("the", "DET", "DT", "det", 4),
        ("council", "NOUN", "NN", "compound", 4), ("blame", "NOUN", "NN", "ROOT", 4), ("?", "PUNCT", ".", "punct", 4)]))
    assert (doc[0].dep_, doc[0].head.i) == ("dobj", 4)
    assert (doc[3].dep_, doc[4].pos_) == ("nsubj", "VERB")
