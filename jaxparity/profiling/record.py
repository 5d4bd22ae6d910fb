"""One measurement of one network on one framework × mode, as ``profile.json`` keeps it, and
the arithmetic both frameworks' sides share: tallies per class, shares, covered time.

A record's runtime per class is seconds per forward call, measured under the framework's
profiler; :data:`~jaxparity.profiling.classes.OTHER` also holds ``outside_s``, the part of
the call no op or kernel covers (Python, dispatch, argument handling, the profiler's own
cost), so the classes add up to the whole profiled call. ``wall_s`` is the same call timed
without the profiler, to say how much the profiler itself added. Neutral: no torch or jax.
"""

from __future__ import annotations

import math
import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from jaxparity.profiling.classes import CLASSES, OTHER

PROFILE_S = 0.3
"""About how long each measurement (timed, then profiled) runs: enough calls to average a
tiny network's microseconds, a few calls of ResNet-101."""
MIN_CALLS, MAX_CALLS = 3, 2000


@dataclass
class Tally:
    """Amounts (seconds or flops) per class; what no table knew goes to ``other`` and is kept
    by name in ``unknown``."""

    values: dict[str, float] = field(default_factory=lambda: dict.fromkeys(CLASSES, 0.0))
    unknown: dict[str, float] = field(default_factory=lambda: defaultdict(float))

    def add(self, cls: str | None, name: str, amount: float) -> None:
        if cls is None:
            self.unknown[name] += amount
        self.values[cls or OTHER] += amount

    def per(self, n: int) -> dict[str, float]:
        """The values divided by ``n`` (calls)."""
        return {k: v / n for k, v in self.values.items()}


def shares(values: dict[str, float]) -> dict[str, float]:
    """Each class's percentage of the total (all zero when the total is)."""
    total = sum(values.get(c, 0.0) for c in CLASSES)
    return {c: 100 * values.get(c, 0.0) / total if total else 0.0 for c in CLASSES}


def covered_s(intervals: Iterable[tuple[float, float]]) -> float:
    """The length of the union of ``(start, end)`` intervals: the time some kernel ran, when
    kernels may run at once on several threads (XLA runs independent thunks concurrently)."""
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


def timed(call: Callable[[], object], n: int) -> float:
    """Seconds for ``n`` calls in a row (``call`` waits for its result)."""
    start = time.perf_counter()
    for _ in range(n):
        call()
    return time.perf_counter() - start


def calls_for(seconds_per_call: float) -> int:
    """How many calls make about :data:`PROFILE_S` of work."""
    wanted = math.ceil(PROFILE_S / max(seconds_per_call, 1e-9))
    return max(MIN_CALLS, min(MAX_CALLS, wanted))


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
    flops: Tally,
    runtime: Tally,
    calls: int,
    profiled_s: float,
    outside_s: float,
    wall_s: float,
    kernels: dict[tuple[str, str], float],
    method: str,
) -> dict[str, Any]:
    """A passing record's fields from what a side measured over ``calls`` profiled calls:
    ``runtime`` in ops or kernels, ``outside_s`` of the calls' ``profiled_s`` that no op
    covers (added to ``other``), ``kernels`` as (op, library) → seconds, all over every call;
    ``wall_s`` per call, timed without the profiler."""
    per_call = runtime.per(calls)
    per_call[OTHER] += outside_s / calls
    unknown = {name: s / calls for name, s in runtime.unknown.items()}
    unknown |= {name: unknown.get(name, 0.0) for name in flops.unknown}
    return {
        "flops": dict(flops.values),
        "runtime_s": per_call,
        "outside_s": outside_s / calls,
        "profiled_s": profiled_s / calls,
        "wall_s": wall_s,
        "calls": calls,
        "unknown": dict(sorted(unknown.items(), key=lambda kv: -kv[1])),
        "kernels": [
            {"op": op, "library": library, "seconds": s / calls}
            for (op, library), s in sorted(kernels.items(), key=lambda kv: -kv[1])
        ],
        "method": method,
    }
