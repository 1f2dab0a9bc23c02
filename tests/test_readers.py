"""Readers: txt, md, html, pdf → extracted text whose offsets every chunk, sentence and citation point into;
unreadable files are skipped with a one-line reason and the run goes on (exit code 3)."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from assistant.chunking import chunk_document
from assistant.documents import SUPPORTED_SUFFIXES, UnreadableSource, read_document
from assistant.readers import read_bytes
from assistant.structure import split_blocks, word_count

from reindex_helpers import ARTICLE, LICENSES, env_for, make_pdf, run_cli, wrap_pages

PAGE = b"""<!doctype html><html><head><title>Tea Guide</title><style>.x { color: red }</style>
<script>var tracking = 'SCRIPTWORD';</script></head>
<body><header><nav><a href="/">Home</a> <a href="/about">NAVWORD about us</a></nav></header>
<div class="sidebar"><aside>ASIDEWORD related links</aside></div>
<main><article><header><h1>Green tea <a class="headerlink" href="#g">\xc2\xb6</a></h1></header>
<p>Green tea is made from unoxidized leaves. It is <b>less processed</b> than black tea and keeps more catechins.</p>
<h2>Brewing</h2>
<ul><li>Use water at 80 degrees Celsius and steep the leaves for two minutes.</li>
<li><p>Never use boiling water, because it scorches the leaves and turns the cup bitter.</p></li></ul>
<h3>Storage</h3>
<p>Keep the leaves in an airtight tin, away from light, and drink them within six months of opening.</p>
<table><tr><th>Grade</th><th>Price</th></tr><tr><td>Sencha</td><td>12 euros</td></tr></table>
<form>FORMWORD <input name="q"></form><noscript>NOSCRIPTWORD</noscript></article></main>
<footer>FOOTERWORD copyright 2024</footer></body></html>"""


def _spans_are_verbatim(doc) -> tuple[list, list]:  # noqa: ANN001
    chunks, sentences = chunk_document(doc)
    assert chunks and sentences
    for item in [*chunks, *sentences]:
        assert doc.text[item.start:item.end] == item.text
    return chunks, sentences


def test_supported_suffixes() -> None:
    assert {".txt", ".md", ".html", ".htm", ".pdf"} <= SUPPORTED_SUFFIXES


def test_markdown_headings_become_sections() -> None:
    text = "# Field guide\n\n## Owls\n\nBarn owls hunt at night over open fields and hedges.\n\n" \
           "## Herons\n\nGrey herons stand still in shallow water for a long time before striking.\n"
    doc = read_bytes(text.encode(), "birds.md", "x")
    assert doc.title == "Field guide"
    assert [name for _, name in doc.sections] == ["Field guide", "Owls", "Herons"]
    chunks, sentences = _spans_are_verbatim(doc)
    assert {s.section for s in sentences} == {"Owls", "Herons"}  # what a citation names
    assert {c.section for c in chunks} <= {"Owls", "Herons"}  # two short sections may share a chunk
    assert doc.text == text  # the document text of .txt/.md is the file's content


def test_html_main_text_only() -> None:
    doc = read_bytes(PAGE, "tea.html", "x")
    for dropped in ("SCRIPTWORD", "NAVWORD", "ASIDEWORD", "FORMWORD", "NOSCRIPTWORD", "FOOTERWORD", "color: red"):
        assert dropped not in doc.text
    assert doc.title == "Tea Guide"
    assert [name for _, name in doc.sections] == ["Green tea", "Brewing", "Storage"]
    assert "- Use water at 80 degrees Celsius" in doc.text and "Sencha | 12 euros" in doc.text
    chunks, sentences = _spans_are_verbatim(doc)
    assert any("scorches the leaves" in s.text for s in sentences)
    assert {s.section for s in sentences} >= {"Green tea", "Brewing", "Storage"}
    assert {c.section for c in chunks} <= {"Green tea", "Brewing", "Storage"}


def test_html_without_main_drops_page_chrome_and_takes_title_from_h1() -> None:
    page = b"<html><body><header>HEADERWORD site</header><nav>NAVWORD</nav><h1>Lighthouses</h1>" \
           b"<p>The Fastnet lighthouse stands on a rock off the south coast of Ireland.</p>" \
           b"<footer>FOOTERWORD</footer></body></html>"
    doc = read_bytes(page, "light.htm", "x")
    assert doc.title == "Lighthouses"
    assert "HEADERWORD" not in doc.text and "NAVWORD" not in doc.text and "FOOTERWORD" not in doc.text
    assert "Fastnet lighthouse" in doc.text


def test_pdf_text_per_page_with_page_numbers() -> None:
    paragraphs = [p for p in ARTICLE.read_text(encoding="utf-8").splitlines() if p.strip()]
    pages = wrap_pages(paragraphs)
    doc = read_bytes(make_pdf(pages, title="Albania and Iran"), "albania.pdf", "x")
    assert doc.title == "Albania and Iran"
    assert [n for _, n in doc.pages] == list(range(1, len(pages) + 1))
    chunks, sentences = _spans_are_verbatim(doc)
    # hard-wrapped PDF lines are joined into paragraphs: nearly all of the article's words are indexed
    assert sum(word_count(c.text) for c in chunks) >= 0.85 * word_count(ARTICLE.read_text(encoding="utf-8"))
    starts = [start for start, _ in doc.pages] + [len(doc.text)]
    for sentence in sentences:
        page = max(n for start, n in doc.pages if start <= sentence.start)
        assert starts[page - 1] <= sentence.start < starts[page]
        first_words = " ".join(sentence.text.split()[:4])
        assert first_words in " ".join(pages[page - 1]), (page, sentence.text)


def test_hard_wrapped_text_is_indexed_whole() -> None:
    """License files are wrapped at ~72 columns: their paragraphs must still become prose, not fragments."""
    text = (LICENSES / "Apache-2.0").read_text(encoding="utf-8")
    doc = read_bytes(text.encode(), "apache.txt", "x")
    chunks, _ = _spans_are_verbatim(doc)
    assert sum(word_count(c.text) for c in chunks) >= 0.9 * word_count(text)
    assert "Definitions." in [name for _, name in doc.sections]


def test_a_wrap_before_a_long_word_continues_the_sentence() -> None:
    """A man page wraps a line early when the next word (a path) is too long to fit: the sentence stays whole
    and its first line does not become a heading; a short title line above prose still does."""
    filler = "\n".join(f"       Line {i} of ordinary prose that fills most of the width of the page." for i in range(12))
    text = ("OPTIONS\n       clean clears out the local repository of retrieved package files.\n"
            "       It removes everything but the lock file from\n"
            "       /var/cache/apt/archives/ and /var/cache/apt/archives/partial/.\n\n" + filler + "\n")
    blocks = split_blocks(text)
    kinds = {b.text.split("\n")[0].strip(): b.kind for b in blocks}
    assert kinds["OPTIONS"] == "heading"
    assert kinds["It removes everything but the lock file from"] == "prose"
    whole = next(b.text for b in blocks if b.text.startswith("It removes"))
    assert whole.endswith("/var/cache/apt/archives/partial/.")


def test_a_sentence_ending_in_a_colon_is_indexed_with_what_it_introduces() -> None:
    """"... you can accomplish this using:" is a sentence, not a fragment: it and the command it introduces are
    indexed sentences (before, both were left out when the paragraph was short)."""
    text = ("## Error log\n\nThe error log holds the diagnostics of the server, one line per message.\n\n"
            "During testing, it is often useful to monitor the error log. You can accomplish this using:\n\n"
            "tail -f error_log\n\n## Access log\n\nThe access log records every request the server handled.\n")
    doc = read_bytes(text.encode(), "logs.md", "x")
    _, sentences = chunk_document(doc)
    indexed = [s.text for s in sentences]
    assert "You can accomplish this using:" in indexed and "tail -f error_log" in indexed


def test_a_number_that_ends_a_wrapped_sentence_opens_no_list_item() -> None:
    filler = "\n".join(f"       Line {i} of ordinary prose that fills most of the width of the page." for i in range(12))
    text = ("       Quiet; produces output suitable for logging, omitting progress\n"
            "       indicators. More q's will produce more quietness up to a maximum of\n"
            "       2. You can also use -q=# to set the quietness level.\n\n" + filler + "\n")
    first = split_blocks(text)[0]
    assert first.kind == "prose" and first.text.endswith("set the quietness level.")


@pytest.mark.parametrize(("name", "data", "reason"), [
    ("empty.txt", b"  \n\n", "empty file"),
    ("blob.txt", b"abc\x00\x01\x02" * 50, "binary content"),
    ("latin1.md", "caf\u00e9 cr\u00e8me br\u00fbl\u00e9e".encode("latin-1"), "not valid UTF-8"),
    ("photo.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "unsupported file type '.png'"),
    ("notes", b"plain words", "unsupported file type '(none)'"),
    ("broken.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 9 0 R >> endobj\ntrailer garbage", "PDF"),
    ("fake.pdf", b"this is not a pdf at all", "not a PDF"),
    ("blank.pdf", make_pdf([[]]), "no extractable text"),
    ("empty.html", b"<html><body><nav>only navigation</nav><script>x()</script></body></html>", "no text"),
])
def test_unreadable_sources_have_one_line_reasons(tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    (tmp_path / name).write_bytes(data)
    with pytest.raises(UnreadableSource) as info:
        read_document(tmp_path / name, tmp_path, max_mb=25)
    message = str(info.value)
    assert message.startswith(f"{name}: ") and reason in message and "\n" not in message


def test_formats_end_to_end(tmp_path: Path) -> None:
    """`assistant index` over txt, md, html, pdf and bad files: exit 3, one skip line each, answers cite the PDF
    with its page, and every citation's quote is the stored document text at its offsets."""
    corpus, index = tmp_path / "corpus", tmp_path / "index"
    corpus.mkdir()
    (corpus / "tea.html").write_bytes(PAGE)
    (corpus / "birds.md").write_text("# Birds\n\nThe kestrel hovers over motorway verges looking for voles.\n")
    (corpus / "ships.txt").write_text(textwrap.fill(
        "The steamship Norrland was launched at Gothenburg in 1903 and carried timber to Hull for thirty years. "
        "She was broken up in 1934 after a fire in her engine room.", 70) + "\n")
    pdf_pages = [["Moon survey report"], textwrap.wrap(
        "The second survey found that the crater Tycho is about 86 kilometres wide and roughly 108 million years old. "
        "Its rays of bright ejecta stretch across much of the near side of the Moon.", 85)]
    (corpus / "moon.pdf").write_bytes(make_pdf(pdf_pages, title="Moon survey"))
    (corpus / "empty.txt").write_text("")
    (corpus / "broken.pdf").write_bytes(b"%PDF-1.7\n%%EOF garbage")
    (corpus / "data.bin").write_bytes(b"\x00\x01\x02")
    (corpus / "bad.txt").write_bytes(b"\xff\xfe\xfa not utf-8 at all")
    env = env_for(corpus, index)
    done = run_cli(["index"], env)
    assert done.returncode == 3, done.stdout + done.stderr
    skipped = [line for line in done.stdout.splitlines() if line.startswith("skipped ")]
    assert sorted(line.split()[1].rstrip(":") for line in skipped) == ["bad.txt", "broken.pdf", "data.bin", "empty.txt"]
    listed = [json.loads(line) for line in run_cli(["sources", "--json"], env).stdout.splitlines()]
    assert {d["source"] for d in listed} == {"birds.md", "moon.pdf", "ships.txt", "tea.html"}
    assert next(d for d in listed if d["source"] == "moon.pdf")["pages"] == 2

    answer = json.loads(run_cli(["ask", "--json", "How wide is the crater Tycho?"], env).stdout)
    assert not answer["abstained"] and "86 kilometres" in answer["answer"]
    moon = [c for c in answer["citations"] if c["source"] == "moon.pdf"]
    assert moon and all(c["page"] == 2 for c in moon)
    text = run_cli(["ask", "How wide is the crater Tycho?"], env).stdout
    assert "moon.pdf [" in text and ", p. 2" in text

    from assistant.service import Assistant
    from assistant.settings import Settings

    assistant = Assistant(Settings(corpus_dir=corpus, index_dir=index))
    documents = assistant.snapshot().meta.documents
    norrland = assistant.ask("When was the steamship Norrland launched?")
    assert not norrland.abstained and "1903" in norrland.answer
    tea = assistant.ask("What temperature should the water be for green tea?")
    for c in [*norrland.citations, *tea.citations]:
        assert documents[c.source].text[c.start:c.end] == c.quote
    assert {c.source for c in tea.citations} == {"tea.html"}


def test_a_reference_entry_keeps_its_name_and_default_without_permalink_marks() -> None:
    page = (b"<html><body><main><h1>Configuration</h1><dl><dt><span>COOKIE_SECURE</span>"
            b"<a class='headerlink' href='#COOKIE_SECURE' title='Permalink'>\xc2\xb6</a></dt>"
            b"<dd><p>Browsers only send the cookie over HTTPS when it is marked secure.</p>"
            b"<p>Default: <code>False</code></p></dd></dl>"
            b"<p>See <a href='#COOKIE_SECURE'>the secure flag</a> for more.</p></main></body></html>")
    doc = read_bytes(page, "config.html", "x")
    assert "\u00b6" not in doc.text and "the secure flag" in doc.text  # a link with words stays
    _, sentences = _spans_are_verbatim(doc)
    default = next(s for s in sentences if s.text == "Default: False")
    assert default.answerable and default.section == "COOKIE_SECURE"


def test_a_console_line_and_what_it_printed_are_no_headings() -> None:
    """A doctest's output ("Locale('zh', ...)") followed by prose was taken for a title and renamed the section."""
    text = ("# Likely Subtags\n\nThe parser will attempt to resolve the most likely subtag:\n\n"
            ">>> Locale.parse('zh_TW')\n\nLocale('zh', territory='TW', script='Hant')\n\n"
            "This can also be used to find the most appropriate locale for a territory.\n\n"
            "Short title line\n\nA paragraph of prose below the title line.\n")
    kinds = {b.text: b.kind for b in split_blocks(text, markdown=True)}
    assert kinds["Locale('zh', territory='TW', script='Hant')"] == "fragment"
    assert kinds[">>> Locale.parse('zh_TW')"] == "fragment"
    assert kinds["Short title line"] == "heading"  # a bare line above prose still heads it
