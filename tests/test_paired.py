"""Paired speed-ups: the median of per-round ratios, its bootstrap interval, the verdict."""

from __future__ import annotations

import math

import pytest

from jaxparity import paired


def _rounds(values: list[float]) -> dict[paired.Round, float]:
    return {(1, i + 1): v for i, v in enumerate(values)}


def test_a_drift_that_hits_both_sides_cancels() -> None:
    """The machine slows down 3× in the last rounds: both medians move, the ratio does not."""
    torch = _rounds([4.0, 4.0, 12.0, 12.0])
    jax = _rounds([1.0, 1.0, 3.0, 3.0])
    found = paired.ratio(torch, jax)
    assert found is not None
    assert (found.value, found.low, found.high, found.pairs) == (4.0, 4.0, 4.0, 4)
    assert found.verdict == "win"


def test_only_rounds_timed_on_both_sides_pair() -> None:
    found = paired.ratio({(1, 1): 2.0, (1, 2): 2.0, (2, 1): 9.0}, {(1, 1): 1.0, (2, 2): 1.0})
    assert found is not None and (found.value, found.pairs) == (2.0, 1)
    assert paired.ratio({(1, 1): 2.0}, {(1, 2): 1.0}) is None


def test_interval_contains_the_median_and_is_seeded() -> None:
    values = [0.9, 1.3, 1.1, 1.05, 1.25, 0.95, 1.4, 1.15]
    low, high = paired.interval(values)
    assert low <= sorted(values)[len(values) // 2] <= high
    assert (low, high) == paired.interval(values)  # the same report from the same results


@pytest.mark.parametrize(
    ("value", "low", "high", "verdict"),
    [
        (1.5, 1.2, 1.8, "win"),
        (1.5, 0.9, 1.8, "tie"),  # the interval reaches below 1×
        (1.15, 1.05, 1.25, "tie"),  # faster for sure, but maybe by less than 10 %
        (0.5, 0.4, 0.6, "loss"),
        (0.5, 0.4, 1.2, "tie"),
        (0.85, 0.8, 0.95, "tie"),
    ],
)
def test_verdict_needs_the_factor_and_the_interval(
    value: float, low: float, high: float, verdict: str
) -> None:
    assert paired.Ratio(value, low, high, 8).verdict == verdict


def test_geomean_and_share_of_lead() -> None:
    assert paired.geomean([2.0, 0.5]) == pytest.approx(1.0)
    assert paired.geomean([]) is None
    # 4× overall = 2× kernels × 2× compilation: half of the lead (log scale) is compilation.
    assert paired.share_of_lead(4.0, 2.0) == pytest.approx(0.5)
    assert paired.share_of_lead(0.8, 2.0) is None  # no lead to explain
    assert math.isclose(paired.share_of_lead(8.0, 8.0) or 0, 1.0)
