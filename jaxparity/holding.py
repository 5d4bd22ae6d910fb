"""Do one run's intervals hold another run's speed-ups? The figures ``jaxparity compare`` reports.

For every comparison timed in both runs: whether the two verdicts are alike, whether the first
run's 95 % interval holds the second run's speed-up and the other way round, and each run's
median interval width (``high / low``, as a factor). Honest intervals hold the other run's
speed-up about 83 % of the time (two runs' estimates differ by √2 of one's standard error);
intervals made wide enough to always hold would say nothing, hence the width beside it.

Within one run, its passes stand in for two runs (:func:`halves`): the first half of its
passes against the second, each half's speed-ups and intervals made from its own passes alone
(``jaxparity compare RUN``). With two passes each half has one, so its intervals come from its
rounds alone: this measures how far a pass's rounds speak for the next pass.
"""

from __future__ import annotations

import statistics
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import TypeVar

from jaxparity.paired import Ratio
from jaxparity.results import Results

K = TypeVar("K")


@dataclass(frozen=True)
class Holding:
    """(count, of) for each figure; widths as factors (``None`` with nothing to measure)."""

    verdicts: tuple[int, int]
    first_holds: tuple[int, int]
    second_holds: tuple[int, int]
    widths: tuple[float | None, float | None]


def holding(first: Mapping[K, Ratio], second: Mapping[K, Ratio]) -> Holding:
    """The figures over the comparisons both runs have."""
    both = first.keys() & second.keys()
    alike = sum(first[k].verdict == second[k].verdict for k in both)
    held = sum(first[k].holds(second[k].value) for k in both)
    back = sum(second[k].holds(first[k].value) for k in both)

    def width(run: Mapping[K, Ratio]) -> float | None:
        return statistics.median(run[k].width for k in both) if both else None

    n = len(both)
    return Holding((alike, n), (held, n), (back, n), (width(first), width(second)))


def share(pair: tuple[int, int]) -> float:
    """``count / of``; 1 when there is nothing to count."""
    return pair[0] / pair[1] if pair[1] else 1.0


def halves(res: Results) -> tuple[Results, Results] | None:
    """The run's first half of passes and its second half, as two runs of their own; ``None``
    for a run of one pass."""
    passes = sorted({r.get("pass", 1) for r in res.bench})
    if len(passes) < 2:
        return None
    cut = passes[: (len(passes) + 1) // 2]
    first = [r for r in res.bench if r.get("pass", 1) in cut]
    second = [r for r in res.bench if r.get("pass", 1) not in cut]
    return replace(res, bench=first), replace(res, bench=second)
