"""The chat UI's Gradio-free parts: escaping and highlighting, safe uploads, add/remove sources, eval figures."""

from __future__ import annotations

import html
import json
import re
import sys
import subprocess
from pathlib import Path

import pytest

from assistant.filenames import MAX_NAME_CHARS, safe_name
from assistant.schema import Answer, Citation
from assistant.ui import library
from assistant.ui.chat import Turn, messages, panel, respond
from assistant.ui.evalview import NO_REPORT, latest_report
from assistant.ui.render import answer_html, answer_tokens, esc, passage_html, turn_sources_html

from conftest import ARTICLE, ROOT

HOSTILE = '<script>window.__xss=1</script> <img src=x onerror="alert(1)"> *bold* $$x$$ [a](http://e.x) `c`'


def _answer(text: str = "Albania broke ties. [1]", abstained: bool = False, quote: str = "Albania broke ties.") -> Answer:
    citation = Citation(n=1, source="a.txt", start=10, end=10 + len(quote), quote=quote, score=1.0, section="S", title="T")
    return Answer(question="q?", answer=text, abstained=abstained, citations=[citation])


def test_escaped_text_has_no_markup_left() -> None:
    out = esc(HOSTILE)
    assert not re.search(r"[<>*$`\[\]()]", out)
    assert html.unescape(out) == HOSTILE


def test_passage_marks_exactly_the_cited_characters() -> None:
    text = ARTICLE.read_text(encoding="utf-8")
    start = text.index("On September 7, 2022")
    end = text.index(".", start) + 1
    out = passage_html(text, start, end)
    marked = re.search(r"<mark>(.*?)</mark>", out, re.S).group(1)
    assert html.unescape(marked) == text[start:end]
    assert len(html.unescape(re.sub(r"</?mark>", "", out))) <= (end - start) + 2 * 300 + 2


def test_hostile_document_text_is_escaped_in_the_sources_panel() -> None:
    doc = "Intro. " + HOSTILE + " The end."
    start = doc.index("<script>")
    answer = _answer(quote=doc[start:start + 30])
    answer.citations[0].start, answer.citations[0].end = start, start + 30
    out = turn_sources_html(answer, 0, {"a.txt": doc})
    assert "<script" not in out and "<img" not in out
    assert "&lt;script&gt;" in out


def test_answer_links_each_marker_and_refusals_look_different() -> None:
    tokens = answer_tokens(_answer(), 3)
    assert tokens[-1].startswith('<a class="cite" href="#cite-3-1"')
    assert 'class="answer"' in answer_html(_answer(), 3)
    refusal = _answer("The sources don't say. Nearest passages: \u201cx\u201d [1]", abstained=True)
    assert 'class="answer refusal"' in answer_html(refusal, 0)
    assert "Nearest passages" in turn_sources_html(refusal, 0, {})
    generating = answer_html(_answer(), 0, more=True)
    assert "Albania" in generating and 'class="cite"' in generating and "cursor" in generating
    assert "cursor" not in answer_html(_answer(), 0)


def test_safe_names_never_escape_the_corpus_folder() -> None:
    assert safe_name("../../etc/passwd") == "passwd"
    assert safe_name("..\\..\\win.ini") == "win.ini"
    assert safe_name("My Notes (v2).MD") == "My-Notes-v2.md"
    assert safe_name(".hidden.txt") == "hidden.txt"
    assert safe_name(".bashrc") == "bashrc"
    assert safe_name("r\u00e9sum\u00e9 \u2603.txt") == "resume.txt"
    assert safe_name("/") == "source"
    assert len(safe_name("x" * 500 + ".txt")) == MAX_NAME_CHARS and safe_name("x" * 500 + ".txt").endswith("x.txt")
    long_suffix = safe_name("a." + "b" * 500)
    assert len(long_suffix) <= MAX_NAME_CHARS and long_suffix.startswith("a.")


def test_unique_path_adds_a_number(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "a-2.txt").write_text("x")
    assert library.unique_path(tmp_path, "a.txt").name == "a-3.txt"
    assert library.unique_path(tmp_path, "b.txt").name == "b.txt"


def test_uploads_are_checked_for_type_and_size(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * (1024 * 1024 + 1))
    with pytest.raises(library.UploadRejected, match="over the 1 MB limit"):
        library.check_upload(big, "big.txt", max_mb=1)
    exe = tmp_path / "tool.exe"
    exe.write_bytes(b"MZ")
    with pytest.raises(library.UploadRejected, match="unsupported file type"):
        library.check_upload(exe, "tool.exe", max_mb=1)
    library.check_upload(big, "big.txt", max_mb=2)
    with pytest.raises(library.UploadRejected, match="the upload is gone"):  # the web server's cache was cleaned
        library.check_upload(tmp_path / "gone.txt", "gone.txt", max_mb=1)


def test_add_and_remove_sources(tmp_path: Path) -> None:
    """Real index in a temp folder: an upload is copied under a safe, unused name, indexed, answered from, removed."""
    from assistant.service import Assistant
    from assistant.settings import Settings

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "glass.txt").write_text("Old notes about glass.\n", encoding="utf-8")
    assistant = Assistant(Settings(corpus_dir=corpus, index_dir=tmp_path / "index"))
    assistant.index()
    upload = tmp_path / "in" / "glass.txt"
    upload.parent.mkdir()
    upload.write_text("The glass flute was invented by Mira Kodra in Vlore in 1911.\n", encoding="utf-8")
    bad = tmp_path / "in" / "x.exe"
    bad.write_bytes(b"MZ")
    shown: list[tuple[tuple[int, int], str]] = []
    result = library.add_files(assistant, [(upload, "../glass.txt"), (bad, "x.exe")],
                               library.index_progress(lambda value, line: shown.append((value, line))))
    assert result.placed == ["glass-2.txt"]
    # the upload's progress reads like the CLI's: documents read, then chunks embedded, counted to the end
    assert shown[0] == ((0, 1), "documents read 0/1 · estimating time left")
    assert shown[-1] == ((1, 1), "documents read 1/1 · chunks embedded 1/1")
    assert "x.exe" in result.refused
    assert (corpus / "glass.txt").read_text(encoding="utf-8") == "Old notes about glass.\n"
    answer = assistant.ask("Who invented the glass flute?")
    assert not answer.abstained and "Mira Kodra" in answer.answer
    assert answer.citations[0].source == "glass-2.txt"
    with pytest.raises(library.UploadRejected):
        library.remove_source(assistant, "../outside.txt")
    library.remove_source(assistant, "glass-2.txt")
    assert not (corpus / "glass-2.txt").exists()
    assert [d.source for d in assistant.sources()] == ["glass.txt"]


def test_turns_render_to_chat_messages_and_panel(assistant) -> None:
    steps = list(respond(assistant, "When did Albania recognize Israel?", []))
    assert steps[0].chat[-1]["content"].startswith('<div class="answer pending"')
    assert len(steps) == 2, "pending, then the extractive answer whole: no replay of a finished answer"
    done = steps[1].turns
    assert done and isinstance(done[0], Turn)
    assert messages(done)[-1]["content"] == steps[-1].chat[-1]["content"]
    card = re.search(r'id="cite-0-1".*?<mark>(.*?)</mark>', panel(done), re.S).group(1)
    assert html.unescape(card) == done[0].answer.citations[0].quote


def test_the_ui_reads_cited_texts_through_the_service(assistant) -> None:
    """``Assistant.document_texts``: the stored text of the named indexed sources, once each; unknown ones left out."""
    article = ARTICLE.name
    texts = assistant.document_texts([article, "gone.txt", article])
    assert texts == {article: assistant.snapshot().meta.documents[article].text}
    assert "Albania" in texts[article] and assistant.document_texts() == texts


def test_generated_sentences_are_shown_as_they_arrive(assistant) -> None:
    """A stand-in for a generative backend's ``ask_stream`` (no model server runs in the default suite): one
    sentence delta, then the final answer; each delta is shown with its link and card at once."""
    from assistant.answer.llm_answer import AnswerDelta

    final = assistant.ask("When did Albania recognize Israel?")

    class Generating:
        def __init__(self) -> None:
            self.settings = assistant.settings

        def document_texts(self, sources):  # noqa: ANN001, ANN202
            return assistant.document_texts(sources)

        def ask_stream(self, question: str, history: list[str] | None = None):  # noqa: ANN202
            yield AnswerDelta(text=final.citations[0].quote + " [1]", citations=final.citations[:1])
            yield final

    steps = list(respond(Generating(), final.question, []))
    delta = steps[1]
    assert 'href="#cite-0-1"' in delta.chat[-1]["content"] and "cursor" in delta.chat[-1]["content"]
    assert 'id="cite-0-1"' in (delta.panel or "")
    assert "cursor" not in steps[-1].chat[-1]["content"] and steps[-1].turns


def test_eval_view_reads_the_latest_report(tmp_path: Path) -> None:
    assert latest_report(tmp_path) == (NO_REPORT, None)
    report = {"set": {"path": "evals/questions.jsonl", "questions": 3}, "started": "2026-01-01T00:00:00",
              "systems": {"ours": {"figures": {"accuracy": 0.5, "latency_p50_ms": 12}}}}
    (tmp_path / "report.json").write_text(json.dumps(report), encoding="utf-8")
    figures, png = latest_report(tmp_path)
    assert "0.50" in figures and "3 questions" in figures and png is None


def test_cli_ask_path_does_not_import_gradio(article_settings) -> None:
    code = ("import sys; from assistant.cli import main; main(['ask', 'When did Albania recognize Israel?']); "
            "assert 'gradio' not in sys.modules, 'gradio imported'")
    paths = article_settings.paths
    env = {"ASSISTANT_CORPUS_DIR": str(paths.corpus_dir), "ASSISTANT_INDEX_DIR": str(paths.index_dir),
           "PATH": "/usr/bin:/bin", "HF_HUB_OFFLINE": "1"}
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert "1949" in done.stdout


def test_serve_subcommand_takes_host_and_port() -> None:
    from assistant.cli import build_parser

    args = build_parser().parse_args(["serve", "--host", "0.0.0.0", "--port", "8001"])
    assert (args.host, args.port) == ("0.0.0.0", 8001)
    assert build_parser().parse_args(["serve"]).port is None  # falls back to settings.ui.port (7860)
