"""Re-indexing: incremental and correct (edit, remove, add), crash-safe under kill -9, queries during a run,
one index run at a time. Real files, real Chroma, real subprocesses; no fakes."""

from __future__ import annotations

import http.server
import json
import re
import shutil
import signal
import subprocess
import threading
import time
from pathlib import Path

import numpy as np
import pytest

from assistant.indexer import IndexBusy, index_lock
from assistant.service import Assistant
from assistant.settings import Settings
from assistant.store import load_snapshot

from reindex_helpers import PYTHON, ROOT, check_consistency, env_for, license_corpus, make_pdf, run_cli

ORCHARD = """# Orchard notes

The Zephyrine orchard was planted in 1987 by Marta Quillon on the northern slope above the river.
It grows four hundred apricot trees and a row of old walnut trees along the lane.
"""
ORCHARD_EDITED = """# Orchard notes

The Zephyrine orchard was planted in 1991 by Tobias Ferrand on the northern slope above the river.
It grows four hundred apricot trees and a row of old walnut trees along the lane.
"""
COMET = """# Comet log

The tail of the Vellamo comet glowed a pale turquoise when it passed the Pleiades in March.
Observers at the Kettering station measured the tail at eleven degrees across the sky.
"""


def _settings(tmp_path: Path, **extra: object) -> Settings:
    return Settings(corpus_dir=tmp_path / "corpus", index_dir=tmp_path / "index", **extra)


def _quotes_are_current(assistant: Assistant, answer) -> None:  # noqa: ANN001
    """Every citation quotes text that is in the corpus file as it is now."""
    for c in answer.citations:
        path = assistant.settings.paths.corpus_dir / c.source
        assert path.is_file(), f"cited a removed source: {c.source}"
        assert c.quote in path.read_text(encoding="utf-8"), f"cited text no longer in {c.source}: {c.quote!r}"


def test_edit_remove_and_unchanged_reindex(tmp_path: Path) -> None:
    settings = _settings(tmp_path)
    names = [p.name for p in license_corpus(settings.paths.corpus_dir, words_per_doc=250, limit=5)]
    (settings.paths.corpus_dir / "orchard.md").write_text(ORCHARD)
    assistant = Assistant(settings)
    first = assistant.index()
    assert sorted(first.added) == sorted([*names, "orchard.md"])
    assert first.chunks_embedded == first.chunks_total > 0 and assistant.check().ok

    again = Assistant(settings)  # a fresh process-like object: nothing loaded yet
    unchanged = again.index()
    assert unchanged.chunks_embedded == 0 and unchanged.sentences_embedded == 0
    assert sorted(unchanged.unchanged) == sorted([*names, "orchard.md"]) and not unchanged.changed
    assert again._embedder is None  # an unchanged corpus is only hashed: the embedder is never loaded

    answer = assistant.ask("Who planted the Zephyrine orchard?")
    assert "Marta Quillon" in answer.answer and {c.source for c in answer.citations} == {"orchard.md"}
    old_ids = set(load_snapshot(settings.paths.index_path).meta.documents["orchard.md"].chunk_ids)

    (settings.paths.corpus_dir / "orchard.md").write_text(ORCHARD_EDITED)
    edited = assistant.index()
    assert edited.updated == ["orchard.md"] and edited.chunks_embedded >= 1 and edited.chunks_deleted >= 1
    snapshot = load_snapshot(settings.paths.index_path)
    new_ids = set(snapshot.meta.documents["orchard.md"].chunk_ids)
    chroma = assistant.store.fresh().ids()
    assert old_ids - new_ids and not (old_ids - new_ids) & chroma and new_ids <= chroma
    assert "quillon" not in snapshot.bm25.vocab_dict and "ferrand" in snapshot.bm25.vocab_dict
    answer = assistant.ask("Who planted the Zephyrine orchard?")
    assert "Tobias Ferrand" in answer.answer and "Quillon" not in answer.answer
    _quotes_are_current(assistant, answer)
    assert assistant.check().ok

    removed = assistant.remove("orchard.md")
    assert removed.removed == ["orchard.md"] and not (settings.paths.corpus_dir / "orchard.md").exists()
    assert not new_ids & assistant.store.fresh().ids()
    answer = assistant.ask("Who planted the Zephyrine orchard?")
    assert "orchard.md" not in {c.source for c in answer.citations}
    _quotes_are_current(assistant, answer)

    (settings.paths.corpus_dir / names[0]).unlink()  # deleted behind the index's back
    gone = assistant.index()
    assert gone.removed == [names[0]] and gone.chunks_deleted > 0
    check = assistant.check()
    assert check.ok, check.problems
    assert check.chroma_rows == check.chunks == check.bm25_rows


def test_add_files_urls_and_index_paths(tmp_path: Path) -> None:
    settings = _settings(tmp_path)
    settings.paths.corpus_dir.mkdir()
    assistant = Assistant(settings)
    outside_a, outside_b = tmp_path / "a", tmp_path / "b"
    outside_a.mkdir(), outside_b.mkdir()
    (outside_a / "orchard notes.md").write_text(ORCHARD)
    (outside_b / "orchard notes.md").write_text(COMET)

    report = assistant.add(outside_a / "orchard notes.md")
    assert report.added == ["orchard-notes.md"]  # a sanitized name
    again = assistant.add(outside_a / "orchard notes.md")
    assert again.unchanged == ["orchard-notes.md"] and not again.added
    other = assistant.add(outside_b / "orchard notes.md")  # same name, other content: never overwritten
    assert other.added == ["orchard-notes-2.md"]
    assert (settings.paths.corpus_dir / "orchard-notes.md").read_text() == ORCHARD
    (outside_a / "orchard notes.md").write_text(ORCHARD_EDITED)  # re-adding from the same origin updates it
    assert assistant.add(outside_a / "orchard notes.md").updated == ["orchard-notes.md"]
    origins = {d.source: d.origin for d in assistant.sources()}
    assert origins == {"orchard-notes.md": str((outside_a / "orchard notes.md").resolve()),
                       "orchard-notes-2.md": str((outside_b / "orchard notes.md").resolve())}

    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4 truncated")
    bad = assistant.add(tmp_path / "broken.pdf")
    assert "broken.pdf" in bad.skipped and not (settings.paths.corpus_dir / "broken.pdf").exists()

    site = tmp_path / "site"
    site.mkdir()
    (site / "guide.html").write_text(
        "<html><head><title>Kite guide</title></head><body><nav>menu</nav><main>"
        "<p>The Halvard kite flies best in a steady wind of twenty knots.</p></main></body></html>")
    (site / "moon.pdf").write_bytes(make_pdf([["The crater Tycho is about 86 kilometres wide."]]))
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), lambda *a: http.server.SimpleHTTPRequestHandler(*a, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        fetched = assistant.add(f"{base}/guide.html")
        assert fetched.added == ["guide.html"]
        assert assistant.add(f"{base}/moon.pdf").added == ["moon.pdf"]
        missing = assistant.add(f"{base}/nothere.html")
        assert "could not fetch" in missing.skipped[f"{base}/nothere.html"]
    finally:
        server.shutdown()
    records = {d.source: d for d in assistant.sources()}
    assert records["guide.html"].origin == f"{base}/guide.html" and "menu" not in records["guide.html"].text
    answer = assistant.ask("What wind does the Halvard kite need?")
    assert {c.source for c in answer.citations} == {"guide.html"} and "twenty knots" in answer.answer
    assert json.loads((settings.paths.corpus_dir / ".sources.json").read_text())["moon.pdf"] == f"{base}/moon.pdf"

    # index PATH: only the given file is looked at, even though another one changed too
    (settings.paths.corpus_dir / "orchard-notes.md").write_text(ORCHARD)
    (settings.paths.corpus_dir / "orchard-notes-2.md").write_text(COMET.replace("eleven", "twelve"))
    only = assistant.index(paths=[settings.paths.corpus_dir / "orchard-notes.md"])
    assert only.updated == ["orchard-notes.md"] and "orchard-notes-2.md" not in only.unchanged
    rest = assistant.index()
    assert rest.updated == ["orchard-notes-2.md"]
    (outside_b / "kites.md").write_text("# Kites\n\nThe Halvard kite was designed by Ingrid Sæther in Bergen.\n")
    copied = assistant.index(paths=[outside_b / "kites.md"])  # a path outside the corpus is copied in, like add
    assert copied.added == ["kites.md"] and (settings.paths.corpus_dir / "kites.md").read_text().startswith("# Kites")
    assert assistant.check().ok


class _Indexer:
    """A real `python -m assistant index` subprocess whose progress lines (stderr) are collected as they come."""

    def __init__(self, env: dict[str, str], *args: str) -> None:
        self.lines: list[str] = []
        self.proc = subprocess.Popen([PYTHON, "-m", "assistant", "index", *args], env=env, cwd=ROOT,
                                     stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.append(line.rstrip("\n"))

    def wait_for(self, pattern: str, timeout: float = 240) -> re.Match[str] | None:
        """The first progress line matching ``pattern``; None if the run ended first."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for line in list(self.lines):
                found = re.search(pattern, line)
                if found:
                    return found
            if self.proc.poll() is not None:
                self._reader.join(5)
                return next((m for m in (re.search(pattern, x) for x in self.lines) if m), None)
            time.sleep(0.02)
        raise AssertionError(f"no progress line matched {pattern!r} in {timeout}s: {self.lines[-5:]}")

    def kill(self) -> bool:
        """SIGKILL the run; False when it had already finished."""
        finished = self.proc.poll() is not None
        if not finished:
            self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(30)
        self._reader.join(5)
        return not finished

    def finish(self) -> str:
        assert self.proc.wait(300) == 0, "\n".join(self.lines)
        self._reader.join(5)
        return "\n".join(self.lines)


def _recover(env: dict[str, str]) -> tuple[int, dict]:
    """Run `assistant index` to completion; returns (chunks embedded, consistency check)."""
    done = run_cli(["index"], env)
    assert done.returncode == 0, done.stdout + done.stderr
    embedded = int(re.search(r"\((\d+) embedded", done.stdout).group(1))
    check = check_consistency(env)
    assert check["ok"], check["problems"]
    assert check["chroma_rows"] == check["chunks"] == check["bm25_rows"] > 0
    return embedded, check


def test_kill_9_at_several_moments_then_recover(tmp_path: Path) -> None:
    corpus, index, pool = tmp_path / "corpus", tmp_path / "index", tmp_path / "pool"
    files = license_corpus(pool, words_per_doc=220, limit=20)
    corpus.mkdir()
    for f in files[:6]:
        shutil.copy(f, corpus)
    env = env_for(corpus, index, ASSISTANT_INDEX_BATCH_CHUNKS="4", ASSISTANT_EMBED_BATCH_SIZE="4")

    # 1. early: the very first build, killed before anything reached Chroma
    run = _Indexer(env)
    run.wait_for(r"chunks embedded 0/")
    assert run.kill()
    assert not (index / "CURRENT").exists()  # no snapshot was half-made current
    _recover(env)

    # 2. mid-way through the embedding steps: the old snapshot keeps serving; the next run reuses the rows
    for f in files[6:11]:
        shutil.copy(f, corpus)
    for victim in files[:2]:
        (corpus / victim.name).unlink()
    with (corpus / files[3].name).open("a") as handle:
        handle.write("\nThe Thornbury clause was added to this part in a later revision of the text.\n")
    before = load_snapshot(index).meta
    run = _Indexer(env)
    total = int(run.wait_for(r"chunks embedded 0/(\d+)").group(1))
    run.wait_for(r"chunks embedded ([89]|[1-9]\d+)/")  # two steps of 4 are in Chroma
    assert run.kill()
    served = [json.loads(line) for line in run_cli(["sources", "--json"], env).stdout.splitlines()]
    assert {d["source"] for d in served} == set(before.documents)  # the last good snapshot is still current
    embedded, check = _recover(env)
    assert embedded < total  # rows the killed run wrote were kept and reused
    assert check["documents"] == len(list(corpus.iterdir()))

    # 3. the sentence vectors and tags of the killed run's steps are reused: no sentence is embedded twice
    for f in files[11:16]:
        shutil.copy(f, corpus)
    run = _Indexer(env)
    run.wait_for(r"chunks embedded ([89]|[1-9]\d+)/")
    assert run.kill()
    saved = sum(len(np.load(step)["ids"]) for step in (index / "pending").glob("step-*.npz"))
    assert saved >= 8
    done = run_cli(["index"], env)
    assert done.returncode == 0, done.stdout + done.stderr
    added = {f.name for f in files[11:16]}
    needed = sum(1 for s in load_snapshot(index).meta.sentences if s.source in added)
    assert int(re.search(r"(\d+) sentences embedded", done.stdout).group(1)) == needed - saved
    assert not (index / "pending").exists() and check_consistency(env)["ok"]

    # 4. right after the new snapshot became current (before or while stale rows are deleted)
    for victim in sorted(corpus.iterdir())[:3]:
        victim.unlink()
    for f in files[16:20]:
        shutil.copy(f, corpus)
    current = (index / "CURRENT").read_text()
    run = _Indexer(env)
    deadline = time.monotonic() + 240
    while (index / "CURRENT").read_text() == current and run.proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)
    run.kill()
    _recover(env)

    unchanged = run_cli(["index"], env)
    assert "(0 embedded" in unchanged.stdout and "0 sentences embedded" in unchanged.stdout


def test_queries_while_another_process_indexes_and_one_run_at_a_time(tmp_path: Path) -> None:
    settings = _settings(tmp_path)
    license_corpus(settings.paths.corpus_dir, words_per_doc=220, limit=4)
    (settings.paths.corpus_dir / "orchard.md").write_text(ORCHARD)
    assistant = Assistant(settings)
    assistant.index()
    old_texts = {p.name: p.read_text() for p in settings.paths.corpus_dir.iterdir()}
    license_corpus(tmp_path / "more", words_per_doc=220, limit=12)
    for f in sorted((tmp_path / "more").iterdir())[4:12]:
        shutil.copy(f, settings.paths.corpus_dir)
    (settings.paths.corpus_dir / "comet.md").write_text(COMET)
    (settings.paths.corpus_dir / "orchard.md").write_text(ORCHARD_EDITED)
    new_texts = {p.name: p.read_text() for p in settings.paths.corpus_dir.iterdir()}

    answers, errors, stop = [], [], threading.Event()

    def ask_repeatedly() -> None:
        while not stop.is_set():
            try:
                answers.append(assistant.ask("Who planted the Zephyrine orchard?"))
            except Exception as exc:  # noqa: BLE001 - any exception fails the test below
                errors.append(exc)
            stop.wait(0.1)  # leave the two cores to the indexing process most of the time

    env = env_for(settings.paths.corpus_dir, settings.paths.index_dir, ASSISTANT_INDEX_BATCH_CHUNKS="8")
    run = _Indexer(env)
    asker = threading.Thread(target=ask_repeatedly)
    asker.start()
    try:
        run.wait_for(r"chunks embedded 0/")
        with pytest.raises(IndexBusy):  # a second run refuses while the other process holds the lock
            assistant.index()
        run.finish()
    finally:
        stop.set()
        asker.join(60)
    assert not errors, errors[:3]
    assert answers
    for answer in answers:  # each answer comes whole from the old or from the new snapshot
        assert answer.citations
        assert any(all(texts.get(c.source, "")[c.start:c.end] == c.quote for c in answer.citations)
                   for texts in (old_texts, new_texts)), answer.citations

    answer = assistant.ask("What colour was the tail of the Vellamo comet?")  # written by the other process
    assert "comet.md" in {c.source for c in answer.citations}
    vector = assistant.embedder.embed(["Vellamo comet tail turquoise"])[0]
    dense = assistant._retriever.dense_ranking(vector)
    assert load_snapshot(settings.paths.index_path).chunk_by_id[dense[0]].source == "comet.md"  # Chroma re-read
    answer = assistant.ask("Who planted the Zephyrine orchard?")
    assert "Tobias Ferrand" in answer.answer
    _quotes_are_current(assistant, answer)

    held, release, reports = threading.Event(), threading.Event(), []

    def hold_lock() -> None:  # what a running index run holds
        with index_lock(settings.paths.index_path):
            held.set()
            release.wait(120)

    holder = threading.Thread(target=hold_lock)
    holder.start()
    assert held.wait(10)
    try:
        busy = run_cli(["index"], env)
        assert busy.returncode == 1 and "another index run is in progress" in busy.stderr
        waiter = threading.Thread(target=lambda: reports.append(assistant.index(lock_wait=120)))
        waiter.start()
        time.sleep(0.5)
        assert waiter.is_alive() and not reports  # with lock_wait it waits instead of refusing
    finally:
        release.set()
        holder.join(30)
    waiter.join(120)
    assert reports and reports[0].chunks_embedded == 0 and assistant.check().ok
