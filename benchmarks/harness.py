"""A small benchmark harness: medians, ratios to a baseline measured in the same run, memory.

Each `benchmarks/bench_*.py` module exposes `run(report: Report) -> None` and records its
measurements with `report.measure(...)`; `python -m benchmarks [NAME…]` runs them all (or the
named ones) and prints one table.
"""

from __future__ import annotations

import gc
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from rich.console import Console
from rich.table import Table

__all__ = ["Measurement", "Report", "measure", "measure_interleaved"]


@dataclass(frozen=True)
class Measurement:
    group: str
    name: str
    median_s: float
    p95_s: float
    runs: int
    peak_bytes: int | None
    extra: dict[str, str] = field(default_factory=dict)


def measure(
    fn: Callable[[], Any], *, runs: int = 7, warmup: int = 1, trace_memory: bool = True
) -> tuple[float, float, int | None]:
    """Median and p95 wall time of `fn()` over `runs`, and its peak traced allocation."""
    ((median, p95),) = measure_interleaved([fn], runs=runs, warmup=warmup)
    return median, p95, trace_peak(fn) if trace_memory else None


def measure_interleaved(
    fns: list[Callable[[], Any]], *, runs: int = 15, warmup: int = 1
) -> list[tuple[float, float]]:
    """Median and p95 wall time of each of `fns`, run in turn (a, b, c, a, b, c, ...).

    On a machine shared with other work the load changes from second to second; running the
    cases in turn gives each the same share of it, so that their ratios hold even where the
    absolute times drift.

    Garbage is collected once, before the runs, not before each call: a collection walks the
    whole heap and leaves the caches cold, which added about 0.5 ms to every timed call here
    (a third of the reader's floor) and so flattered every ratio to a short baseline.
    """
    for fn in fns:
        for _ in range(warmup):
            fn()
    gc.collect()
    times: list[list[float]] = [[] for _ in fns]
    for _ in range(runs):
        for i, fn in enumerate(fns):
            t0 = time.perf_counter()
            fn()
            times[i].append(time.perf_counter() - t0)
    result = []
    for series in times:
        series.sort()
        p95 = series[min(len(series) - 1, round(0.95 * (len(series) - 1)))]
        result.append((statistics.median(series), p95))
    return result


def trace_peak(fn: Callable[[], Any]) -> int:
    """Peak traced allocation of one call of `fn`."""
    gc.collect()
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


class Report:
    """Collects measurements and prints them with ratios to each group's baseline."""

    def __init__(self) -> None:
        self.rows: list[Measurement] = []
        self.baselines: dict[str, str] = {}

    def measure(
        self,
        group: str,
        name: str,
        fn: Callable[[], Any],
        *,
        baseline: bool = False,
        runs: int = 7,
        warmup: int = 1,
        trace_memory: bool = True,
        extra: dict[str, str] | None = None,
    ) -> Measurement:
        median, p95, peak = measure(fn, runs=runs, warmup=warmup, trace_memory=trace_memory)
        row = Measurement(group, name, median, p95, runs, peak, extra or {})
        self.rows.append(row)
        if baseline:
            self.baselines[group] = name
        return row

    def measure_interleaved(
        self,
        group: str,
        cases: list[tuple[str, Callable[[], Any]]],
        *,
        runs: int = 15,
        warmup: int = 1,
    ) -> list[Measurement]:
        """Measure `cases` in turn (see `measure_interleaved`); the first is the baseline."""
        timings = measure_interleaved([fn for _, fn in cases], runs=runs, warmup=warmup)
        rows: list[Measurement] = []
        for (name, fn), (median, p95) in zip(cases, timings, strict=True):
            row = Measurement(group, name, median, p95, runs, trace_peak(fn))
            self.add(row, baseline=not rows)
            rows.append(row)
        return rows

    def add(self, row: Measurement, *, baseline: bool = False) -> None:
        """Record a measurement taken elsewhere (a subprocess, a load generator)."""
        self.rows.append(row)
        if baseline:
            self.baselines[row.group] = row.name

    def ratio(self, row: Measurement) -> float | None:
        base_name = self.baselines.get(row.group)
        base = next((r for r in self.rows if r.group == row.group and r.name == base_name), None)
        if base is None or base.median_s == 0:
            return None
        return row.median_s / base.median_s

    def print(self, console: Console | None = None) -> None:
        # a pipe or a CI log has no width of its own: do not squeeze the table into 80 columns
        console = console or Console(width=None if sys.stdout.isatty() else 160)
        table = Table(title="hrdialogue benchmarks")
        for col in ("group", "case", "median", "p95", "× baseline", "peak memory", "notes"):
            table.add_column(col)
        for row in self.rows:
            ratio = self.ratio(row)
            table.add_row(
                row.group,
                row.name + (" (baseline)" if self.baselines.get(row.group) == row.name else ""),
                _fmt_time(row.median_s),
                _fmt_time(row.p95_s),
                "" if ratio is None else f"{ratio:.2f}",
                "" if row.peak_bytes is None else f"{row.peak_bytes / 2**20:.1f} MiB",
                ", ".join(f"{k}={v}" for k, v in row.extra.items()),
            )
        console.print(table)


def _fmt_time(seconds: float) -> str:
    if seconds < 1e-3:
        return f"{seconds * 1e6:.0f} µs"
    if seconds < 1:
        return f"{seconds * 1e3:.2f} ms"
    return f"{seconds:.2f} s"
