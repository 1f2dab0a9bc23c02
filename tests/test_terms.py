"""Word-level text handling shared by BM25 and the answerer: hyphenated line breaks, contracted stopwords."""

from __future__ import annotations

from assistant.answer.matching import question_terms
from assistant.answer.qtypes import QUESTION_FILLER
from assistant.chunking import chunk_document
from assistant.schema import Document
from assistant.store import bm25_scores, build_bm25
from assistant.terms import content_stems, stem, words


def test_a_word_hyphenated_across_a_line_break_is_one_word() -> None:
    manual = "The de\u2010\n             fault is to disable forwarding after twenty minutes."
    assert words(manual)[:3] == ["the", "default", "is"]
    assert "default" in content_stems(manual)
    assert words("a well-known\nfact") == ["a", "well", "known", "fact"]  # an ordinary hyphen stays a break


def test_bm25_finds_a_word_the_manual_hyphenated() -> None:
    text = ("ForwardX11Timeout\n     The de\u2010\n     fault is to disable untrusted forwarding after twenty minutes.\n\n"
            "Compression\n     Specifies whether to use compression at all times.\n")
    chunks, _ = chunk_document(Document(source="ssh.1", title="ssh", text=text, sha256="x"), min_words=3, max_words=12)
    scores = bm25_scores(build_bm25(chunks), content_stems("what is the default"), len(chunks))
    assert scores.max() > 0 and "twenty minutes" in chunks[int(scores.argmax())].text


def test_contracted_stopwords_are_no_question_terms() -> None:
    assert question_terms("what can't be overstated?", QUESTION_FILLER) == ["overst"]
    assert question_terms("why isn't it running and they're idle", QUESTION_FILLER) == ["run", "idl"]
    assert question_terms("whats the second lesson the article draws", QUESTION_FILLER) == ["second", "lesson", "draw"]


def test_a_word_made_with_wise_is_its_own_word() -> None:
    assert question_terms("and europe-wise, what is it committed to?", QUESTION_FILLER) == ["europ", "commit"]
    assert "otherwis" in question_terms("what else is otherwise required?", QUESTION_FILLER)


def test_hedges_are_no_question_terms() -> None:
    assert question_terms("roughly how many mails a year?", QUESTION_FILLER) == ["mail"]
    assert question_terms("why not use egrep anymore", QUESTION_FILLER) == ["use", "egrep"]


def test_contractions_typed_without_apostrophe_are_no_question_terms() -> None:
    assert question_terms("how come Hayward doesnt show up", QUESTION_FILLER) == ["come", "hayward", "show"]


def test_a_command_line_option_is_a_token_of_its_own() -> None:
    assert words("ssh -N and ssh -n") == ["ssh", "-N", "and", "ssh", "-n"]  # a short option keeps its case
    assert words("cp --no-clobber") == ["cp", "--no-clobber", "no", "clobber"]  # a long one, then its words
    assert words("tar -xvf, find -print0") == ["tar", "-xvf", "find", "-print0"]
    assert words("re-index the e-mail in 2019-2020, -1 -- done") == ["re", "index", "the", "e", "mail", "in", "2019",
                                                                      "2020", "1", "done"]  # no option in a word


def test_bm25_tells_options_apart_by_case() -> None:
    text = ("-n\n     Redirects stdin from /dev/null.\n\n"
            "-N\n     Do not execute a remote command.\n\n"
            "-f\n     Requests ssh to go to background just before command execution.\n")
    chunks, _ = chunk_document(Document(source="ssh.1", title="ssh", text=text, sha256="x"), min_words=2, max_words=8)
    index = build_bm25(chunks)
    for option, meaning in (("-N", "remote command"), ("-n", "/dev/null")):
        scores = bm25_scores(index, content_stems(f"what does ssh {option} do"), len(chunks))
        assert meaning in chunks[int(scores.argmax())].text


def test_an_irregular_verb_form_is_stemmed_as_its_base_form() -> None:
    assert stem("frozen") == stem("froze") == stem("freeze")
    assert content_stems("The manual was written") == [stem("manual"), stem("write")]
    assert stem("left") != stem("leave")  # also a direction: left out of the table
