"""The lesson's linear regression and its mean squared error: inputs and closed-form gradients.

Every gradient here is derived by hand and computed in float64 NumPy, so both frameworks are
judged against the mathematics, not only against each other.
"""

from __future__ import annotations

import numpy as np

from shared.answers import Summed, f64
from shared.cases.draws import uniform
from shared.cases.model import Arg
from shared.names import pick

REGRESSION = {"w": Arg(("d",)), "b": Arg((1,)), "y": Arg(("n",)), "X": Arg(("n", "d"))}
"""The regression's shapes follow from its parameters: ``X`` is (len(y), len(w))."""


def regression_inputs(size: str, rng: np.random.Generator) -> dict:
    """The lesson's linear regression: ``X`` (5, 10), ``w`` (10,), ``b`` (1,), all uniform."""
    n, k = pick(size, test=(5, 10), lesson=(5, 10))
    return {
        "X": uniform(rng, n, k),
        "y": uniform(rng, n),
        "w": uniform(rng, k),
        "b": uniform(rng, 1),
    }


def regression_grads(X: np.ndarray, y: np.ndarray, w: np.ndarray, b: np.ndarray) -> dict:
    """loss = mean(r²), r = y − (Xw + b): ∂/∂w = −2Xᵀr/n, ∂/∂b = −2·mean(r).

    Sums over the d features, then over the n samples: ``r`` is off by at most
    ``γ(d + 2)·R`` with ``R = |y| + |X||w| + |b|``; each output sums ``n`` of those (its
    magnitude is the formula on ``R``), one rounding per step along the way.
    """
    X, y, w, b = f64(X, y, w, b)
    (n, d), r = X.shape, y - (X @ w + b)
    R = np.abs(y) + np.abs(X) @ np.abs(w) + np.abs(b)
    terms = d + n + 4
    return {
        "loss": Summed(np.mean(r**2), np.mean(2 * np.abs(r) * R + r**2), terms, np.mean(R**2)),
        "grad_w": Summed(-2 * X.T @ r / n, 4 * np.abs(X).T @ R / n, terms),
        "grad_b": Summed(np.array([-2 * r.mean()]), np.array([4 * R.mean()]), terms),
    }
