"""Index runs from the ``assistant`` command: each behind a progress bar, its summary printed after it.

``ensure_index`` builds a missing index before a subcommand that reads it; ``run_indexing`` and ``index_each`` run
the ``index``, ``add`` and ``remove`` subcommands' work and turn the report into an exit code (3 when something
was skipped).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from assistant.errors import EXIT_OK, EXIT_SKIPPED
from assistant.paths import corpus_folder
from assistant.terminal import print_report, progress_bar

if TYPE_CHECKING:
    from assistant.indexer import IndexReport
    from assistant.service import Assistant


def ensure_index(assistant: Assistant) -> None:
    """Build the index first when it is missing, with a progress bar."""
    if assistant.has_index():
        return
    corpus_folder(assistant.settings.paths.corpus_dir)  # no corpus: that error alone, not "building it first" before it
    print("No index yet: building it first.", file=sys.stderr)
    update, stop = progress_bar()
    try:
        report = assistant.ensure_index(update)
    finally:
        stop()
    if report:
        print_report(report)


def run_indexing(run: Callable[[Callable[[str, int, int], None]], IndexReport], whole_corpus: bool = False) -> int:
    """Run an index operation with a progress bar, print its summary; exit 3 when something was skipped."""
    update, stop = progress_bar()
    try:
        report = run(update)
    finally:
        stop()
    print_report(report)
    if whole_corpus and not report.chunks_total:
        print("note: the index is empty: the corpus folder (ASSISTANT_CORPUS_DIR) holds no readable documents; "
              "add some with: assistant add FILE", file=sys.stderr)
    return EXIT_SKIPPED if report.skipped else EXIT_OK


def index_each(items: list[str], run: Callable[[str, Callable[[str, int, int], None]], IndexReport]) -> int:
    """One index run per item, each with its own progress display; the worst exit code."""
    status = EXIT_OK
    for item in items:
        status = max(status, run_indexing(lambda progress, i=item: run(i, progress)))
    return status
