"""Timing helpers: medians of repeated runs after a warm-up, and memory readings."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class Budget:
    """One row of DESIGN.md's quality bars and what was measured for it, per project size."""

    key: str
    name: str
    limit: float
    unit: str = "ms"
    measured: dict[int, float] = field(default_factory=dict)
    note: str = ""
    built: bool = True

    @property
    def headline(self) -> float | None:
        """The figure judged against the budget: the largest project measured."""
        return self.measured[max(self.measured)] if self.measured else None

    @property
    def status(self) -> str:
        if not self.built:
            return "not built"
        if self.headline is None:
            return "not measured"
        return "ok" if self.headline < self.limit else "over"


def median_ms(action: Callable[[], object], *, runs: int = 5, warmup: int = 1) -> float:
    """Median wall time of `action` in milliseconds."""
    for _ in range(warmup):
        action()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def median_timed(
    action: Callable[[], object], *, before: Callable[[], object], runs: int = 5
) -> float:
    """Median of `action` alone, with `before` run untimed ahead of each repetition."""
    times = []
    for _ in range(runs + 1):
        before()
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times[1:])
