"""A disk that fills up while indexing, and an index folder that is read-only: one error line, nothing lost.

The full disk is a real tmpfs mount a little larger than the article's index; the read-only folder is a real
read-only bind mount of the index (as root; a non-root run uses ``chmod a-w`` instead, which root ignores). Mounting
needs root: without it these tests skip, saying so (CI runs as root).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from conftest import ARTICLE
from reindex_helpers import check_consistency, env_for, license_corpus, run_cli
from reliability_helpers import record, short
from ui_helpers import copy_index

QUESTION, FACT = "When did Albania recognize Israel?", "1949"


def _mount(*args: str) -> None:
    subprocess.run(["mount", *args], check=True, capture_output=True, text=True)


def _umount(folder: Path) -> None:
    subprocess.run(["umount", str(folder)], check=True, capture_output=True)


@pytest.fixture(scope="module")
def can_mount(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Skip (with the reason) where a tmpfs cannot be mounted: not root, or a container without the right."""
    probe = tmp_path_factory.mktemp("mount-probe")
    if os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root")
    try:
        _mount("-t", "tmpfs", "-o", "size=64k", "tmpfs", str(probe))
    except (OSError, subprocess.CalledProcessError) as exc:
        pytest.skip(f"cannot mount a tmpfs here: {exc}")
    _umount(probe)


@contextmanager
def small_disk(folder: Path, kilobytes: int) -> Iterator[Path]:
    """A tmpfs of ``kilobytes`` mounted on ``folder`` (unmounted afterwards)."""
    folder.mkdir(parents=True)
    _mount("-t", "tmpfs", "-o", f"size={kilobytes}k", "tmpfs", str(folder))
    try:
        yield folder
    finally:
        _umount(folder)


@contextmanager
def read_only(folder: Path) -> Iterator[Path]:
    """``folder`` made read-only: a read-only bind mount over itself as root, else ``chmod a-w`` of its tree."""
    if os.geteuid() == 0:
        _mount("--bind", str(folder), str(folder))
        try:
            _mount("-o", "remount,bind,ro", str(folder))
            yield folder
        finally:
            _umount(folder)
        return
    modes = {p: p.stat().st_mode for p in [folder, *folder.rglob("*")]}
    for path, mode in modes.items():
        path.chmod(mode & ~0o222)
    try:
        yield folder
    finally:
        for path, mode in modes.items():
            path.chmod(mode)


def folder_kb(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) // 1024


def one_error_line(done: subprocess.CompletedProcess[str], *words: str) -> bool:
    """Exit 1, exactly one ``error:`` line (progress lines may precede it) holding ``words``, no traceback."""
    errors = [line for line in done.stderr.splitlines() if line.startswith("error: ")]
    return (done.returncode == 1 and len(errors) == 1 and all(w in errors[0] for w in words)
            and "Traceback" not in done.stderr)


# 10 license parts add about 400 KB to Chroma (estimated at ~460 KB) and write a snapshot of about 600 KB: the first
# margin is refused before anything is written, the second fills up while the snapshot is written (ENOSPC)
@pytest.mark.parametrize("margin_kb", [150, 650], ids=["refused-before-writing", "fills-up-writing-the-snapshot"])
def test_a_full_disk_while_indexing_loses_nothing(can_mount, tmp_path: Path, article_settings, margin_kb: int) -> None:
    """The article is indexed on a tmpfs with ``margin_kb`` free; 10 more documents do not fit. The run fails
    with one line, the previous index still answers, and once there is room the next run completes it."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(ARTICLE, corpus / ARTICLE.name)
    license_corpus(corpus / "licenses", words_per_doc=450, limit=10)
    size = folder_kb(article_settings.paths.index_dir) + margin_kb
    with small_disk(tmp_path / "disk", size) as disk:
        index = copy_index(article_settings.paths.index_dir, disk / "index")
        env = env_for(corpus, index)
        full = run_cli(["index"], env)
        reason = "not enough space for the index" if margin_kb < 400 else "the disk is full"
        assert one_error_line(full, reason, "the previous index is unchanged", "free some space"), full.stderr[-800:]
        assert not list(index.glob("*.partial")), "a half-written snapshot was left taking space"
        asked = run_cli(["ask", QUESTION], env)
        assert asked.returncode == 0 and FACT in asked.stdout, asked.stderr
        listed = run_cli(["sources"], env)
        assert [line.split("\t")[0] for line in listed.stdout.splitlines()] == [ARTICLE.name]
        _mount("-o", "remount,size=64m", str(disk))
        again = run_cli(["index"], env)
        assert again.returncode == 0, again.stderr[-800:]
        check = check_consistency(env)
        assert check["ok"] and check["documents"] == 11, check
    error = next(line for line in full.stderr.splitlines() if line.startswith("error: "))
    record(f"disk-full-{margin_kb}", [
        {"case": f"index on a tmpfs {size} KB (article index + {margin_kb} KB free), 10 new documents",
         "exit": full.returncode, "printed": error},
        {"case": "then: ask", "exit": asked.returncode, "printed": short(asked.stdout, 80)},
        {"case": "then: remount 64 MB, index; check", "exit": again.returncode,
         "printed": f"{short(again.stdout, 120)}; check: {check['documents']} documents, ok={check['ok']}"},
    ])


def test_a_read_only_index_folder(can_mount, tmp_path: Path, article_settings) -> None:
    """Index runs and questions say the folder is read-only (Chroma writes even to answer) and what to do;
    ``sources`` (the snapshot alone) still works; ``add`` copies nothing into the corpus."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(ARTICLE, corpus / ARTICLE.name)
    (corpus / "ferry.md").write_text("# Ferry\n\nThe Skerrow ferry service was started in 1962 by a fisherman.\n")
    outside = tmp_path / "outside.md"
    outside.write_text("# Mill\n\nThe old mill at Berat was powered by the Osum river until 1965.\n")
    index = copy_index(article_settings.paths.index_dir, tmp_path / "index")
    env = env_for(corpus, index)
    words = ("cannot write the index", "make it writable") if os.geteuid() == 0 else ("permission denied",)
    rows = []
    with read_only(index):
        for args in (["index"], ["ask", QUESTION], ["add", str(outside)], ["check"]):
            done = run_cli(args, env)
            rows.append({"case": f"assistant {' '.join(args[:1])} (index folder read-only)", "exit": done.returncode,
                         "printed": next((x for x in done.stderr.splitlines() if x.startswith("error: ")), done.stderr)})
            assert one_error_line(done, *words), (args, done.stderr[-800:])
        listed = run_cli(["sources"], env)
        rows.append({"case": "assistant sources (index folder read-only)", "exit": listed.returncode,
                     "printed": short(listed.stdout, 80)})
        assert listed.returncode == 0 and listed.stdout.startswith(ARTICLE.name)
    assert not (corpus / "outside.md").exists(), "add copied a file in although the index could not be updated"
    record("disk-read-only", rows)
