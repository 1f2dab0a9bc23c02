"""Summaries of repeated measurements (median, p95), ratios, peak memory and disk size."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import numpy as np

T = TypeVar("T")
Summary = dict[str, float | int]


def summary(samples: Sequence[float], digits: int = 4) -> Summary:
    """``{"median", "p95", "n"}`` of the samples (p95 by linear interpolation; one sample is both)."""
    if not samples:
        raise ValueError("no samples to summarise")
    values = np.asarray(samples, dtype=float)
    return {"median": round(float(np.median(values)), digits), "p95": round(float(np.percentile(values, 95)), digits),
            "n": len(values)}


def ratio(ours: Summary | None, baseline: Summary | None) -> float | None:
    """ours ÷ baseline of the medians (None when either is missing or the baseline is zero)."""
    if not ours or not baseline or not baseline["median"]:
        return None
    return round(float(ours["median"]) / float(baseline["median"]), 3)


def figure(unit: str, ours: Sequence[float] | None, baseline: Sequence[float] | None = None,
           better: str = "lower", note: str = "") -> dict[str, Any]:
    """One row of the report: our and the baseline's summaries, and their ratio (ours ÷ baseline)."""
    mine = summary(ours) if ours else None
    theirs = summary(baseline) if baseline else None
    return {"unit": unit, "better": better, "ours": mine, "baseline": theirs, "ratio": ratio(mine, theirs), "note": note}


def timed(fn: Callable[[], T]) -> tuple[T, float]:
    """``fn()`` and the seconds it took (wall clock)."""
    started = time.perf_counter()
    result = fn()
    return result, time.perf_counter() - started


def peak_rss_mb(pid: int | None = None) -> float | None:
    """Peak resident memory (VmHWM) of a running process in MB, from /proc; None where /proc has no such field."""
    status = Path(f"/proc/{pid or os.getpid()}/status")
    try:
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        return None
    return None


def dir_size_mb(folder: Path) -> float:
    """Bytes allocated on disk under a folder (sparse files count what they use), in MB."""
    total = 0
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            total += path.stat().st_blocks * 512
    return round(total / 1e6, 2)
