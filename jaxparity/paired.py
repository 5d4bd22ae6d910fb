"""Speed-ups from paired blocks: how much faster, within what interval, and the verdict.

Two targets of one comparison group (``bench/harness.py``) are timed in alternating blocks, so
each round gives a pair of block medians taken seconds apart. A speed-up is the median of the
rounds' ratios, and its 95 % interval a percentile bootstrap of that median (pyperf reports
the spread of many processes; criterion.rs bootstraps its estimates; Google Benchmark
interleaves repetitions at random for the same reason: a drift of the machine then lands on
both sides of a ratio instead of one).
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import numpy as np

TIE = 1.10
"""A win needs the whole ``CONFIDENCE`` interval at or above this factor (a loss: at or
below its inverse); anything else is a tie. Measured on two pairs of back-to-back default
runs here, this kept 94 and 92 of 95 verdicts alike, where "median ≥ 1.10 and interval above
1" kept 92 and 88: speed-ups near 1.1× (matmul-bound cases) flipped between win and tie."""
CONFIDENCE = 0.95
RESAMPLES = 4000
SEED = 0
"""The bootstrap is seeded: the same saved results always give the same report."""

Round = tuple[int, int]
"""(pass, block): where one block was timed."""


@dataclass(frozen=True)
class Ratio:
    """``value`` = median over rounds of base time / other time (> 1: the other is faster)."""

    value: float
    low: float
    high: float
    pairs: int

    @property
    def verdict(self) -> str:
        """``win``: the other is at least ``TIE`` times faster with ``CONFIDENCE``; ``loss``:
        at least ``TIE`` times slower; else ``tie``."""
        if self.low >= TIE:
            return "win"
        if self.high <= 1 / TIE:
            return "loss"
        return "tie"

    def inverse(self) -> Ratio:
        return Ratio(1 / self.value, 1 / self.high, 1 / self.low, self.pairs)


def ratio(base: Mapping[Round, float], other: Mapping[Round, float]) -> Ratio | None:
    """The paired speed-up of ``other`` over ``base`` from their block medians per round;
    ``None`` when they share no round."""
    rounds = sorted(base.keys() & other.keys())
    values = [base[r] / other[r] for r in rounds if base[r] > 0 and other[r] > 0]
    if not values:
        return None
    low, high = interval(values)
    return Ratio(statistics.median(values), low, high, len(values))


def interval(values: list[float]) -> tuple[float, float]:
    """Percentile bootstrap interval of the median of ``values``."""
    if len(values) == 1:
        return values[0], values[0]
    data = np.asarray(values)
    picks = np.random.default_rng(SEED).integers(0, len(data), (RESAMPLES, len(data)))
    medians = np.median(data[picks], axis=1)
    tail = 100 * (1 - CONFIDENCE) / 2
    low, high = np.percentile(medians, [tail, 100 - tail])
    return float(low), float(high)


def geomean(values: Iterable[float]) -> float | None:
    """The geometric mean: the right average of ratios (a 2× and a 0.5× average to 1×)."""
    logs = [math.log(v) for v in values if v > 0]
    return math.exp(sum(logs) / len(logs)) if logs else None


def share_of_lead(total: float, compilation: float) -> float | None:
    """What part of a speed-up ``total`` the factor ``compilation`` explains, on a log scale
    (``total`` = kernel-and-dispatch factor × compilation factor); ``None`` when there is no
    lead to explain."""
    if total <= 1:
        return None
    return math.log(compilation) / math.log(total)
