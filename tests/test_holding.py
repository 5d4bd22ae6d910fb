"""Whether one run's intervals hold another's speed-ups: the figures ``jaxparity compare``
decides on, and a run's passes split into two runs."""

from __future__ import annotations

import pytest

from jaxparity import holding
from jaxparity.paired import Ratio
from jaxparity.results import Results


def test_figures_count_both_directions_and_the_widths() -> None:
    first = {
        "a": Ratio(2.0, 1.8, 2.2, 8),  # holds the second's 2.1
        "b": Ratio(1.0, 0.95, 1.05, 8),  # a tie; misses the second's 1.2
        "c": Ratio(0.5, 0.4, 0.6, 8),  # only in the first run
    }
    second = {"a": Ratio(2.1, 1.5, 2.9, 8), "b": Ratio(1.2, 1.15, 1.25, 8)}  # b: a win
    found = holding.holding(first, second)
    assert found.verdicts == (1, 2)
    assert found.first_holds == (1, 2)
    assert found.second_holds == (1, 2)  # a's 2.0 lies in [1.5, 2.9]; b's 1.0 does not
    assert found.widths[0] == pytest.approx((2.2 / 1.8 + 1.05 / 0.95) / 2)
    assert holding.share((0, 0)) == 1.0
    assert holding.holding({}, {}).widths == (None, None)


def test_halves_split_a_runs_passes() -> None:
    bench = [{"pass": p, "block": 1} for p in (1, 2, 3, 1)]
    res = Results(folder=None, bench=bench)  # type: ignore[arg-type]
    split = holding.halves(res)
    assert split is not None
    first, second = split
    assert [r["pass"] for r in first.bench] == [1, 2, 1] and [r["pass"] for r in second.bench] == [
        3
    ]
    assert holding.halves(Results(folder=None, bench=bench[:1])) is None  # type: ignore[arg-type]
