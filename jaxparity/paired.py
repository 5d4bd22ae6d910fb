"""Speed-ups from paired blocks: how much faster, within what interval, and the verdict.

Two targets of one comparison group (``bench/harness.py``) are timed in alternating blocks, so
each round gives a pair of block medians taken seconds apart, and a drift of the shared
machine lands on both sides of their ratio (pyperf reports the spread of many processes;
Google Benchmark interleaves repetitions at random for the same reason). A speed-up is the
median of the rounds' ratios.

Its interval must hold for the next run, not only for this one's rounds. The rounds of one
pass (one process) scatter around that pass's own level, and the passes' levels drift apart
as much as two runs do: a process keeps a state for its life (a thread pool's placement, an
allocator's layout, a bimodal kernel choice), and the machine's other tenants come and go
over minutes. Pooling all rounds as if independent ignored that drift: on the three committed
default runs of 2026-12-03 (commits c4b8660, d9c8dbe, 45155f5 of ``bench/results/
cpu-zen4-2core``), a run's 95 % interval held the other run's speed-up for only 49–75 % of the
comparisons, where an honest one holds about 83 % (two runs' estimates differ by √2 standard
errors).

So the interval is the wider of two t intervals around the speed-up:

* one on the **passes**: the spread of the passes' median ratios, how far processes drift;
* one on the **rounds**: their spread around their own pass's level (times how much more a
  median varies than a mean), how far this comparison scatters within a process.

Two passes tell one comparison's drift poorly (one degree of freedom), so each spread is
*moderated* toward the run's typical spread of that kind — the empirical Bayes of limma
(Smyth 2004, "Linear models and empirical Bayes methods for assessing differential expression
in microarray experiments"), made for many quantities measured a few times each: the run's
spreads fit a scaled inverse-χ² prior (``d0`` degrees of freedom around ``s0²``), a
comparison's variance becomes ``(d0·s0² + d·s²) / (d0 + d)`` and its t quantile has ``d0 + d``
degrees of freedom. The passes alone would give every comparison about the run's typical
width (with one degree of freedom each, their spreads look alike); the rounds keep a
comparison that scatters widely from being given a narrow interval. A run of one pass has
only the rounds' interval: it says nothing of the drift between processes.

On the same three runs, pair by pair: verdicts alike 97–100 % (before: 95–99 %), each run's
interval holding the other's speed-up 73–93 % (before: 49–75 %), median width ×1.36–1.47
(before: ×1.25–1.38); within each run, first pass against second (``jaxparity compare RUN``):
76–83 % held (before: 52–67 %). ``jaxparity compare`` reports these figures for any two runs.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import TypeVar

import numpy as np
from scipy import special, stats

TIE = 1.10
"""A win needs the whole ``CONFIDENCE`` interval at or above this factor (a loss: at or
below its inverse); anything else is a tie. Measured on two pairs of back-to-back default
runs here, this kept 94 and 92 of 95 verdicts alike, where "median ≥ 1.10 and interval above
1" kept 92 and 88: speed-ups near 1.1× (matmul-bound cases) flipped between win and tie."""
CONFIDENCE = 0.95
PRIOR_FROM = 5
"""The fewest comparisons with a spread that a run's prior is fitted from; with fewer, each
comparison's interval stands on its own rounds and passes alone."""
PASSES = "passes"
ROUNDS = "rounds"
SPREADS = (PASSES, ROUNDS)
"""The two spreads an interval is built from: of the passes' medians, of rounds within a pass."""

Round = tuple[int, int]
"""(pass, block): where one block was timed."""
Spread = tuple[float, int]
"""A variance and its degrees of freedom."""
K = TypeVar("K")


@dataclass(frozen=True)
class Ratio:
    """``value`` = median over rounds of base time / other time (> 1: the other is faster),
    within ``[low, high]``; ``pairs``: the rounds it comes from."""

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

    @property
    def width(self) -> float:
        """How far apart the interval's ends are, as a factor (``high / low``)."""
        return self.high / self.low

    def holds(self, value: float) -> bool:
        """Whether ``value`` lies within the interval."""
        return self.low <= value <= self.high

    def inverse(self) -> Ratio:
        return Ratio(1 / self.value, 1 / self.high, 1 / self.low, self.pairs)


@dataclass(frozen=True)
class Prior:
    """A run's typical spread: ``var`` (s0²) with ``df`` (d0) degrees of freedom; ``df`` is
    infinite when the comparisons spread no more than sampling explains."""

    df: float
    var: float

    def moderate(self, own: Spread | None) -> Spread:
        """A comparison's spread pulled toward the run's: ``(d0·s0² + d·s²) / (d0 + d)``."""
        var, df = own if own is not None else (0.0, 0)
        if math.isinf(self.df):
            return self.var, math.inf
        return (self.df * self.var + df * var) / (self.df + df), self.df + df


@dataclass(frozen=True)
class Paired:
    """One comparison's log ratios (base over other) by round."""

    logs: Mapping[Round, float]

    @property
    def passes(self) -> list[list[float]]:
        """The log ratios of each pass, in pass order."""
        by_pass: dict[int, list[float]] = {}
        for (number, _), value in sorted(self.logs.items()):
            by_pass.setdefault(number, []).append(value)
        return list(by_pass.values())

    def spread(self, kind: str) -> Spread | None:
        """``passes``: the variance of the passes' medians; ``rounds``: the rounds' variance
        around their own pass's mean, pooled; ``None`` without a degree of freedom."""
        passes = self.passes
        if kind == PASSES:
            if len(passes) < 2:
                return None
            return statistics.variance(statistics.median(p) for p in passes), len(passes) - 1
        df = sum(len(p) - 1 for p in passes)
        if df == 0:
            return None
        squares = sum(sum((x - statistics.fmean(p)) ** 2 for x in p) for p in passes)
        return squares / df, df

    def ratio(self, priors: Mapping[str, Prior | None] | None = None) -> Ratio:
        """The speed-up, within the wider of two t intervals: one on the passes' medians (how
        far the passes drift apart), one on the rounds (how far this comparison's rounds
        scatter within a pass), each spread moderated by its run's prior."""
        centre = statistics.median(self.logs.values())
        n = len(self.logs)
        halves = [0.0]
        for kind, count, scale in (
            (PASSES, len(self.passes), 1.0),
            (ROUNDS, n, _median_variance(n)),
        ):
            prior = (priors or {}).get(kind)
            var, df = prior.moderate(self.spread(kind)) if prior else self.spread(kind) or (0, 0)
            if df > 0:
                halves.append(_quantile(df) * math.sqrt(scale * var / count))
        half = max(halves)
        low, high = centre - half, centre + half
        return Ratio(math.exp(centre), math.exp(low), math.exp(high), n)


def _quantile(df: float) -> float:
    """The t quantile of a two-sided ``CONFIDENCE`` interval (normal at infinite ``df``)."""
    tail = (1 + CONFIDENCE) / 2
    return float(stats.norm.ppf(tail) if math.isinf(df) else stats.t.ppf(tail, df))


@cache
def _median_variance(n: int) -> float:
    """How much more the median of ``n`` normal values varies than their mean (1 for n ≤ 2,
    π/2 for many), by a seeded simulation: the rounds' interval is around their median."""
    if n <= 2:
        return 1.0
    draws = np.random.default_rng(SEED).standard_normal((SIMULATED, n))
    return float(np.median(draws, axis=1).var() * n)


SEED = 0
SIMULATED = 100_000
"""Draws behind ``_median_variance``: seeded, so the same results give the same report."""


def pair(base: Mapping[Round, float], other: Mapping[Round, float]) -> Paired | None:
    """The rounds ``base`` and ``other`` share, as log ratios; ``None`` when none."""
    rounds = sorted(base.keys() & other.keys())
    logs = {r: math.log(base[r] / other[r]) for r in rounds if base[r] > 0 and other[r] > 0}
    return Paired(logs) if logs else None


def fit(spreads: Iterable[Spread]) -> Prior | None:
    """limma's ``fitFDist``: the scaled inverse-χ² prior that a run's variances (each with its
    degrees of freedom) are drawn from, by the moments of their logarithms; ``None`` from
    fewer than ``PRIOR_FROM`` positive variances."""
    found = [(v, d) for v, d in spreads if v > 0 and d > 0]
    if len(found) < PRIOR_FROM:
        return None
    var, dof = (np.array(x, dtype=float) for x in zip(*found, strict=True))
    half = dof / 2
    e = np.log(var) - special.digamma(half) + np.log(half)
    mean = float(e.mean())
    excess = float(e.var(ddof=1) - special.polygamma(1, half).mean())
    if excess <= 0:  # no more spread than sampling alone explains
        return Prior(math.inf, math.exp(mean))
    d0 = 2 * _trigamma_inverse(excess)
    return Prior(d0, math.exp(mean + special.digamma(d0 / 2) - math.log(d0 / 2)))


def _trigamma_inverse(y: float) -> float:
    """The x > 0 with trigamma(x) = y (trigamma falls from +∞ to 0), by bisection in logs."""
    low, high = 1e-8, 1e8
    for _ in range(200):
        mid = math.sqrt(low * high)
        if special.polygamma(1, mid) > y:
            low = mid
        else:
            high = mid
    return math.sqrt(low * high)


def priors(found: Iterable[Paired]) -> dict[str, Prior | None]:
    """The run's prior for each spread, from every comparison that has one."""
    listed = list(found)
    return {kind: fit(s for p in listed if (s := p.spread(kind)) is not None) for kind in SPREADS}


def ratios(found: Mapping[K, Paired]) -> dict[K, Ratio]:
    """Every comparison's speed-up and interval, each moderated by its run's priors."""
    fitted = priors(found.values())
    return {key: p.ratio(fitted) for key, p in found.items()}


def ratio(base: Mapping[Round, float], other: Mapping[Round, float]) -> Ratio | None:
    """One comparison on its own (no run to moderate it): the paired speed-up of ``other``
    over ``base`` from their block medians per round; ``None`` when they share no round."""
    found = pair(base, other)
    return None if found is None else found.ratio()


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
