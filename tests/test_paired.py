"""Paired speed-ups: the median of per-round ratios, an interval built on passes and rounds and
moderated by the run, the verdict."""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy import stats

from jaxparity import paired


def _rounds(values: list[float], number: int = 1) -> dict[paired.Round, float]:
    return {(number, i + 1): v for i, v in enumerate(values)}


def _logs(*passes: list[float]) -> paired.Paired:
    return paired.Paired(
        {(p, b): v for p, values in enumerate(passes, 1) for b, v in enumerate(values, 1)}
    )


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


def test_one_pass_is_a_t_interval_on_its_rounds() -> None:
    """Without a run to moderate it: the median ± t(n−1) · √(κ·s²/n), κ the median's own
    variance over the mean's."""
    logs = [0.1, 0.3, 0.2, 0.25]
    found = _logs(logs).ratio()
    n, s2 = len(logs), np.var(logs, ddof=1)
    half = stats.t.ppf(0.975, n - 1) * math.sqrt(paired._median_variance(n) * s2 / n)
    centre = float(np.median(logs))
    assert found.value == pytest.approx(math.exp(centre))
    assert found.low == pytest.approx(math.exp(centre - half))
    assert found.high == pytest.approx(math.exp(centre + half))
    assert found.width == pytest.approx(math.exp(2 * half))
    assert found.holds(found.value) and not found.holds(found.high * 1.01)


def test_passes_that_drift_apart_widen_the_interval() -> None:
    """Two processes, each steady within itself, at levels 20 % apart: the rounds alone would
    say ±1 %, the passes say the next run may land anywhere between them."""
    steady = [0.0, 0.01, -0.01, 0.005]
    drifted = _logs(steady, [x + math.log(1.2) for x in steady])
    alone = _logs(steady + [x + 0.0001 for x in steady])  # the same rounds, no drift
    assert drifted.ratio().width > 1.2 > 1.05 > alone.ratio().width
    assert drifted.spread(paired.PASSES) == pytest.approx((math.log(1.2) ** 2 / 2, 1))


def test_a_comparison_that_scatters_keeps_its_wide_interval() -> None:
    """Moderation pulls each spread toward the run's, but a comparison whose own rounds
    scatter widely is never given a narrow interval by its calm neighbours."""
    rng = np.random.default_rng(0)
    calm = {i: _logs(*(list(rng.normal(0, 0.02, 4)) for _ in range(2))) for i in range(20)}
    wild = _logs(list(rng.normal(0, 0.5, 4)), list(rng.normal(0, 0.5, 4)))
    found = paired.ratios({**calm, "wild": wild})
    assert found["wild"].width > 2 > 1.2 > max(found[i].width for i in calm)


def test_the_run_lends_degrees_of_freedom() -> None:
    """With two passes a comparison alone has one degree of freedom (t = 12.7); in a run of
    comparisons that spread alike it borrows the run's, and its interval narrows."""
    rng = np.random.default_rng(1)
    run = {i: _logs(*(list(rng.normal(0, 0.1, 4)) for _ in range(2))) for i in range(30)}
    moderated = paired.ratios(run)
    alone = {i: p.ratio() for i, p in run.items()}
    assert np.median([moderated[i].width for i in run]) < np.median([alone[i].width for i in run])


def test_prior_recovers_a_known_spread() -> None:
    """Variances drawn from s0² = 0.04 with d0 = 8 around them, each seen with 3 degrees of
    freedom: limma's moment fit finds them again (roughly: 200 draws)."""
    rng = np.random.default_rng(2)
    truth = 0.04 * 8 / rng.chisquare(8, 200)  # scaled inverse-χ²: each comparison's variance
    seen = truth * rng.chisquare(3, 200) / 3
    prior = paired.fit((float(v), 3) for v in seen)
    assert prior is not None
    assert prior.var == pytest.approx(0.04, rel=0.3) and 3 < prior.df < 30
    assert paired.fit([(0.1, 1)] * (paired.PRIOR_FROM - 1)) is None  # too few to fit
    same = paired.fit([(0.1, 6)] * 10)  # no spread at all beyond sampling: infinite d0
    assert same is not None and math.isinf(same.df) and same.var > 0


def test_interval_is_the_same_from_the_same_results() -> None:
    run = {i: _logs([0.1 * i, 0.2, 0.15], [0.12, 0.18 * i, 0.1]) for i in range(6)}
    assert paired.ratios(run) == paired.ratios(run)


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
