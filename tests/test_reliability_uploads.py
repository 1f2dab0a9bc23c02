"""Uploads and hostile file names: the Sources tab's real handlers, Gradio's upload endpoint, and Chromium.

Upload names are reduced to safe base names inside the corpus folder (no traversal, nothing hidden, nothing
overwritten); only supported types up to ``max_upload_mb`` are taken; the uploaded bytes are kept only in the
corpus (Gradio's cached copy is deleted once handled). A file whose *name* is HTML (in ``shared_app``'s corpus) shows as text everywhere.
"""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from assistant.filenames import safe_name
from assistant.service import Assistant
from assistant.settings import Settings
from assistant.ui import library

from reliability_helpers import record, short
from test_ui_browser import ask, browser, browser_test, open_page, shot  # noqa: F401 - browser is a fixture
from ui_helpers import HOSTILE_NAME, App

TRAVERSALS = ["../../escape-a.txt", "/etc/escape-b.txt", "..\\..\\escape-c.md", "....//....//escape-d.txt",
              "sub/dir/../../escape-e.md", "%2e%2e%2fescape-f.txt", "nul\x00byte.txt", ".hidden-g.txt"]


def files_under(folder: Path) -> set[Path]:
    return {p for p in folder.rglob("*") if p.is_file()}


@pytest.fixture
def library_assistant(tmp_path: Path) -> tuple[Assistant, Path]:
    """A real index over a corpus nested two folders deep, so anything escaping it would land beside it."""
    corpus = tmp_path / "outer" / "inner" / "corpus"
    corpus.mkdir(parents=True)
    (corpus / "notes.txt").write_text("The first notes say the bridge opened in 1922.\n", encoding="utf-8")
    assistant = Assistant(Settings(corpus_dir=corpus, index_dir=tmp_path / "index", max_upload_mb=1))
    assistant.index()
    return assistant, corpus


def stage(folder: Path, name: str, content: bytes) -> Path:
    """A file as Gradio hands it to the handler: a temp path (the original name travels separately)."""
    path = folder / f"upload-{len(list(folder.iterdir()))}"
    path.write_bytes(content)
    return path


def test_upload_names_are_sanitised_and_never_overwrite(library_assistant, tmp_path: Path) -> None:
    assistant, corpus = library_assistant
    outer = corpus.parents[1]
    before = files_under(outer)
    incoming = tmp_path / "incoming"
    incoming.mkdir()
    uploads = [(stage(incoming, n, f"Upload {i} says the ferry left at {i} o'clock.\n".encode()), n)
               for i, n in enumerate(TRAVERSALS)]
    uploads += [(stage(incoming, "notes.txt", b"Other notes say the bridge closed in 1999.\n"), "notes.txt"),
                (stage(incoming, "notes.txt", b"Third notes say the bridge was painted in 2005.\n"), "notes.txt")]
    result = library.add_files(assistant, uploads)
    assert result.refused == {}
    placed = set(result.placed)
    expected = {name: safe_name(name) for name in TRAVERSALS}
    rows = [{"case": f"upload named {name!r}", "channel": "Sources tab handler (library.add_files)",
             "expected": "safe base name inside corpus/", "actual": f"stored as corpus/{stored}"}
            for name, stored in expected.items()]
    new = files_under(outer) - before
    assert all(corpus in p.parents for p in new), [p for p in new if corpus not in p.parents]
    assert set(expected.values()) <= placed and all((corpus / name).is_file() for name in placed)
    assert all("/" not in name and not name.startswith(".") and "\x00" not in name for name in placed)
    assert {"escape-a.txt", "escape-b.txt", "escape-c.md", "escape-d.txt", "escape-e.md", "hidden-g.txt"} <= placed
    assert (corpus / "notes.txt").read_text() == "The first notes say the bridge opened in 1922.\n"
    notes = {p.name: p.read_text() for p in corpus.glob("notes*.txt")}
    assert len(notes) == 3 and any("1999" in t for t in notes.values()) and any("2005" in t for t in notes.values())
    rows.append({"case": "two uploads named notes.txt (one already in corpus/)", "channel": "library.add_files",
                 "expected": "no overwrite", "actual": f"original kept; stored as {', '.join(sorted(set(notes) - {'notes.txt'}))}"})
    assert "1922" in assistant.ask("When did the bridge open?").answer
    record("uploads-names", rows)


def test_upload_types_and_sizes_are_checked(library_assistant, tmp_path: Path) -> None:
    assistant, corpus = library_assistant
    before = files_under(corpus)
    incoming = tmp_path / "incoming"
    incoming.mkdir()
    cases = {
        "tool.exe": (b"MZ\x90\x00", "unsupported file type"), "run.sh": (b"#!/bin/sh\nrm -rf ~\n", "unsupported file type"),
        "page.svg": (b"<svg onload=alert(1)>", "unsupported file type"), "notes.txt.exe": (b"text", "unsupported file type"),
        "README": (b"no suffix", "unsupported file type"), ".bashrc": (b"alias ls=rm", "unsupported file type"),
        "big.txt": (b"a " * 600_000, "over the 1 MB limit"), "empty.md": (b"", "empty file"),
        "binary.txt": (b"\x7fELF\x02\x01\x01\x00" + bytes(200), "binary content"),
        "latin1.txt": ("caf\u00e9".encode("latin-1"), "not valid UTF-8"),
    }
    uploads = [(stage(incoming, name, data), name) for name, (data, _) in cases.items()]
    result = library.add_files(assistant, uploads)
    assert result.placed == []
    rows = []
    for name, (_, words) in cases.items():
        reason = result.refused.get(name, "")
        rows.append({"case": f"upload {name}", "channel": "library.add_files", "expected": f"refused ({words})",
                     "actual": f"refused: {short(reason, 70)}" if reason else "ACCEPTED"})
        assert words in reason, (name, reason)
    assert files_under(corpus) == before
    record("uploads-refused", rows)


def test_upload_endpoint_enforces_the_size_limit_and_keeps_files_in_its_cache(shared_app: App) -> None:
    """Gradio's own /upload endpoint (what the browser posts to): over the limit → 413; a traversal name stays
    inside Gradio's cache folder."""
    endpoint = f"{shared_app.url}/gradio_api/upload"
    big = httpx.post(endpoint, files={"files": ("big.txt", b"a" * (1024 * 1024 + 10), "text/plain")}, timeout=60)
    assert big.status_code == 413
    small = httpx.post(endpoint, files={"files": ("../../../escape-h.txt", b"The ferry left at noon.\n", "text/plain")},
                       timeout=60)
    assert small.status_code == 200
    stored = Path(small.json()[0]).resolve()
    cache = (shared_app.work / "gradio").resolve()
    assert cache in stored.parents and stored.name == "escape-h.txt"
    assert [p for p in shared_app.work.rglob("escape-h*") if cache not in p.resolve().parents] == []
    record("uploads-endpoint", [
        {"case": "POST /gradio_api/upload, 1 MB + 10 bytes, limit 1 MB", "channel": "httpx", "expected": "rejected",
         "actual": f"HTTP {big.status_code}: {short(big.text, 60)}"},
        {"case": "POST /gradio_api/upload named ../../../escape-h.txt", "channel": "httpx",
         "expected": "kept inside Gradio's cache", "actual": f"stored as <cache>/{stored.parent.name[:8]}\u2026/{stored.name}"}])


@browser_test
def test_browser_upload_with_hostile_names(browser, shared_app: App) -> None:  # noqa: F811
    page = open_page(browser, shared_app.url)
    page.get_by_role("tab", name="Sources").click()
    files = [{"name": "<svg onload=window.__xss=7>.md", "mimeType": "text/markdown",
              "buffer": b"# Ferry\n\nThe Vlore ferry sails to Brindisi every Tuesday.\n"},
             {"name": "../../escape-i.txt", "mimeType": "text/plain", "buffer": b"The tunnel was dug in 1977.\n"}]
    page.locator("#upload input[type=file]").set_input_files(files)
    page.wait_for_selector("#upload :text('escape-i')")
    page.locator("#add-sources").click()
    page.wait_for_selector("#sources-status :text('Added')", timeout=120_000)
    status = page.locator("#sources-status").inner_text()
    shot(page, "reliability-upload-hostile-names")
    assert "svg-onload-window.__xss-7.md" in status and "escape-i.txt" in status, status
    corpus = shared_app.work / "corpus"
    assert (corpus / "svg-onload-window.__xss-7.md").is_file() and (corpus / "escape-i.txt").is_file()
    kept = (corpus, shared_app.work / "index")  # the file, and the index made from it
    left = [p for p in shared_app.work.rglob("*") if p.is_file() and not any(k in p.parents for k in kept)
            and b"dug in 1977" in p.read_bytes()]
    assert left == [], f"uploaded content left outside the corpus folder (Gradio's cache?): {left}"
    assert page.evaluate("window.__xss") is None and page.outside == []
    record("uploads-browser", [{"case": "browser upload of '<svg onload=...>.md' and '../../escape-i.txt'",
                                "channel": "Chromium, Sources tab", "expected": "safe names, only in corpus/",
                                "actual": short(status, 90)}])


@browser_test
def test_file_name_with_html_shows_as_text(browser, shared_app: App) -> None:  # noqa: F811
    page = open_page(browser, shared_app.url)
    row = ask(page, "What powered the old mill at Berat?")
    assert "Osum" in row.inner_text()
    row.locator("a.cite").first.click()
    card = page.locator(".cite-card.focused")
    card.wait_for()
    assert HOSTILE_NAME in card.inner_text()
    assert page.locator("#sources-panel img, #chat img, #sources-panel svg[onload]").count() == 0
    page.get_by_role("tab", name="Sources").click()
    page.wait_for_function("(name) => document.querySelector('#sources-table').innerText.includes(name)",
                           arg=HOSTILE_NAME)
    assert HOSTILE_NAME in page.locator("#sources-table").inner_text()
    assert page.locator("#sources-table img").count() == 0
    shot(page, "reliability-hostile-file-name")
    assert page.evaluate("window.__xss") is None and page.outside == []
    record("escaping-browser", [{"case": f"source file named {HOSTILE_NAME!r}", "channel": "Chromium: citation card, "
                                 "Sources table", "expected": "shown as text, no script runs",
                                 "actual": "name shown verbatim as text; no <img>; window.__xss undefined"}])


def test_discard_uploads_deletes_only_inside_the_cache(tmp_path: Path) -> None:
    cache, elsewhere = tmp_path / "cache", tmp_path / "elsewhere"
    (cache / "abc123").mkdir(parents=True)
    elsewhere.mkdir()
    cached, outside = cache / "abc123" / "notes.txt", elsewhere / "notes.txt"
    cached.write_text("x")
    outside.write_text("y")
    library.discard_uploads([(cached, "notes.txt"), (outside, "notes.txt")], cache)
    assert not cached.exists() and not cached.parent.exists() and outside.read_text() == "y"
