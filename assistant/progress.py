"""Index-run progress a person can read: documents and chunks done, the rate, and the time left.

The indexer reports ``(stage, newly done, total)``; ``RunProgress`` keeps the counts and turns them into one line
that the CLI (rich, or plain lines in logs) and the chat UI's upload progress both show. The rate is measured over
the last ``window_s`` seconds, so it follows the work as it speeds up or slows down; the time left is the rest of
the current stage at that rate, and is only shown once the rate has been measured for ``settle_s`` seconds.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field

UNITS = {"documents": "documents read", "chunks": "chunks embedded"}


@dataclass
class StageState:
    """Counts of one stage, with (time, done) samples for its rate."""

    total: int
    started: float
    done: int = 0
    samples: deque[tuple[float, int]] = field(default_factory=deque)


def duration(seconds: float) -> str:
    """``42 s``, ``3 min 05 s``, ``1 h 07 min``."""
    seconds = max(0, round(seconds))
    if seconds < 60:
        return f"{seconds} s"
    if seconds < 3600:
        return f"{seconds // 60} min {seconds % 60:02d} s"
    return f"{seconds // 3600} h {seconds % 3600 // 60:02d} min"


class RunProgress:
    """The state of an index run's stages, fed by the indexer's progress callback (``update``)."""

    def __init__(self, clock: Callable[[], float] = time.monotonic, window_s: float = 30.0, settle_s: float = 2.0):
        self.clock, self.window_s, self.settle_s = clock, window_s, settle_s
        self.stages: dict[str, StageState] = {}
        self.current: str | None = None

    def update(self, stage: str, newly_done: int, total: int) -> None:
        """The indexer's callback: ``newly_done`` items of ``stage`` (of ``total``) finished since its last call."""
        now = self.clock()
        state = self.stages.get(stage)
        if state is None or state.total != total:
            state = self.stages[stage] = StageState(total, now)
            state.samples.append((now, 0))
        state.done = min(total, state.done + newly_done)
        state.samples.append((now, state.done))
        while len(state.samples) > 2 and state.samples[1][0] < now - self.window_s:
            state.samples.popleft()
        self.current = stage

    def rate(self, stage: str) -> float | None:
        """Items per second over the recent window; None until it has been measured for ``settle_s``."""
        state = self.stages[stage]
        (t0, d0), (t1, d1) = state.samples[0], state.samples[-1]
        if t1 - state.started < self.settle_s or t1 <= t0 or d1 <= d0:
            return None
        return (d1 - d0) / (t1 - t0)

    def seconds_left(self, stage: str) -> float | None:
        """Time to finish ``stage`` at the recent rate (None while unknown)."""
        state, rate = self.stages[stage], self.rate(stage)
        if state.done >= state.total:
            return 0.0
        return None if rate is None else (state.total - state.done) / rate

    def line(self, stage: str | None = None) -> str:
        """E.g. ``chunks embedded 1,200/23,308 · 41.3/s · 9 min 12 s left`` (``stage``: the current one)."""
        stage = stage or self.current
        return "starting" if stage is None else f"{UNITS.get(stage, stage)} {self.status(stage)}"

    def status(self, stage: str) -> str:
        """``line`` without the stage's name: ``1,200/23,308 · 41.3/s · 9 min 12 s left``."""
        state = self.stages[stage]
        parts = [f"{state.done:,}/{state.total:,}"]
        rate, left = self.rate(stage), self.seconds_left(stage)
        if rate is not None:
            parts.append(f"{rate:,.1f}/s")
        if state.done < state.total:
            parts.append("estimating time left" if left is None else f"{duration(left)} left")
        return " · ".join(parts)

    def summary(self) -> str:
        """Every stage seen so far, current last: ``documents read 527/527 · chunks embedded 1,200/23,308 · ...``."""
        done = [f"{UNITS.get(s, s)} {st.done:,}/{st.total:,}" for s, st in self.stages.items() if s != self.current]
        return " · ".join([*done, self.line()])
