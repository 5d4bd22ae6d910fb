"""One measurement of one network on one framework × mode, as ``profile.json`` keeps it, and
what both frameworks' sides share: tallies per class, shares, timing, typical calls.

A record's runtime per class is seconds per forward call, measured under the framework's
profiler; :data:`~jaxparity.profiling.classes.OTHER` also holds ``outside_s``, the part of
the call no op or kernel covers (Python, dispatch, argument handling, the profiler's own
cost), so the classes add up to the whole profiled call. ``wall_s`` is the same call timed
without the profiler (the median call), to say how much the profiler itself added.

Each profiled call is marked (a ``record_function`` / ``TraceAnnotation`` named
:data:`CALL`), and only the middle half of the calls by duration is kept (:func:`typical`):
on a shared machine a call now and then waits milliseconds for a thread another process
holds, and a handful of such calls would otherwise make a 40 µs network look like a
contraction taking 20 ms. Neutral: no torch or jax.
"""

from __future__ import annotations

import bisect
import math
import statistics
import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from jaxparity.profiling.classes import CLASSES, OTHER

PROFILE_S = 0.3
"""About how long each measurement (timed, then profiled) runs: enough calls to average a
tiny network's microseconds, a few calls of ResNet-101."""
MIN_CALLS, MAX_CALLS = 5, 2000
CALL = "jaxparity.forward"
"""The profiler annotation around each call."""


@dataclass
class PerClass:
    """Amounts (seconds or flops) per class; what no table knew goes to ``other`` and is kept
    by name in ``unknown``."""

    values: dict[str, float] = field(default_factory=lambda: dict.fromkeys(CLASSES, 0.0))
    unknown: dict[str, float] = field(default_factory=lambda: defaultdict(float))

    def add(self, cls: str | None, name: str, amount: float) -> None:
        if cls is None:
            self.unknown[name] += amount
        self.values[cls or OTHER] += amount


@dataclass(frozen=True)
class Span:
    """One op or kernel a profiler saw run: from ``start`` to ``end`` (seconds on the
    profiler's clock), ``seconds`` of it its own (torch: its self time, without the ops it
    called), what class it is (``None``: unknown, listed by ``name``), and for a contraction
    the (op, library) that ran it."""

    start: float
    end: float
    seconds: float
    cls: str | None
    name: str
    kernel: tuple[str, str] | None = None


def shares(values: dict[str, float]) -> dict[str, float]:
    """Each class's percentage of the total (all zero when the total is)."""
    total = sum(values.get(c, 0.0) for c in CLASSES)
    return {c: 100 * values.get(c, 0.0) / total if total else 0.0 for c in CLASSES}


def covered_s(intervals: Iterable[tuple[float, float]]) -> float:
    """The length of the union of ``(start, end)`` intervals: the time some op ran. Nested
    ops (torch's ``linear`` around ``addmm``) count once, and so do kernels running at once
    on several threads (XLA runs independent thunks concurrently)."""
    total, reach = 0.0, -math.inf
    for start, end in sorted(intervals):
        if end > reach:
            total += end - max(start, reach)
            reach = end
    return total


def warm(call: Callable[[], object]) -> float:
    """Call twice (the first call compiles op-by-op kernels, fills caches and allocators) and
    return the second call's seconds: the estimate :func:`calls_for` plans with."""
    call()
    start = time.perf_counter()
    call()
    return time.perf_counter() - start


def calls_for(seconds_per_call: float) -> int:
    """How many calls make about :data:`PROFILE_S` of work."""
    wanted = math.ceil(PROFILE_S / max(seconds_per_call, 1e-9))
    return max(MIN_CALLS, min(MAX_CALLS, wanted))


def median_s(call: Callable[[], object], n: int) -> float:
    """The median seconds of ``n`` calls (``call`` waits for its result)."""
    times = []
    for _ in range(n):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def typical(durations: list[float]) -> list[int]:
    """The middle half of the calls by duration (at least the median one): the indices of
    the calls a measurement keeps."""
    order = sorted(range(len(durations)), key=durations.__getitem__)
    cut = len(order) // 4
    return sorted(order[cut : len(order) - cut])


def record(network: str, framework: str, mode: str, **fields: Any) -> dict[str, Any]:
    """A ``profile.json`` record: ``status`` ``pass`` with the measurement's fields, or
    ``fail`` / ``skip`` with a one-line ``reason``."""
    return {
        "network": network,
        "framework": framework,
        "mode": mode,
        "status": "pass",
        "reason": None,
        **fields,
    }


def measurement(
    flops: PerClass,
    calls: list[tuple[float, float]],
    spans: list[Span],
    wall_s: float,
    method: str,
) -> dict[str, Any]:
    """A passing record's fields: the profiled ``calls`` (start, end) and the ``spans`` of
    ops or kernels in them, averaged over the :func:`typical` calls (a span belongs to the
    call it starts in); ``wall_s`` per call, timed without the profiler."""
    starts = [start for start, _ in calls]
    in_call: list[list[Span]] = [[] for _ in calls]
    for span in spans:
        i = bisect.bisect_right(starts, span.start) - 1
        if i >= 0 and span.start < calls[i][1]:
            in_call[i].append(span)
    kept = typical([end - start for start, end in calls])
    runtime, outside, kernels = PerClass(), 0.0, defaultdict(float)
    for i in kept:
        for span in in_call[i]:
            runtime.add(span.cls, span.name, span.seconds)
            if span.kernel is not None:
                kernels[span.kernel] += span.seconds
        start, end = calls[i]
        outside += max(0.0, end - start - covered_s((s.start, s.end) for s in in_call[i]))
    n = len(kept)
    per_call = {k: v / n for k, v in runtime.values.items()}
    per_call[OTHER] += outside / n
    # Every unknown name is listed, also one seen only in a call left out or in the flops.
    unknown = {s.name: 0.0 for s in spans if s.cls is None} | dict.fromkeys(flops.unknown, 0.0)
    unknown |= {name: s / n for name, s in runtime.unknown.items()}
    return {
        "flops": dict(flops.values),
        "runtime_s": per_call,
        "outside_s": outside / n,
        "profiled_s": sum(calls[i][1] - calls[i][0] for i in kept) / n,
        "wall_s": wall_s,
        "calls": len(calls),
        "kept": n,
        "unknown": dict(sorted(unknown.items(), key=lambda kv: -kv[1])),
        "kernels": [
            {"op": op, "library": library, "seconds": s / n}
            for (op, library), s in sorted(kernels.items(), key=lambda kv: -kv[1])
        ],
        "method": method,
    }
