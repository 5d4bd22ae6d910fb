"""The lesson's ``X @ w``: its inputs, and the closed forms of its second derivatives."""

from __future__ import annotations

import numpy as np

from shared.answers import Summed, dot
from shared.cases.draws import normal
from shared.cases.model import Arg

LINEAR = {"x": Arg(("n", "d")), "w": Arg(("d",))}


def linear_inputs(rng: np.random.Generator, n: int, d: int) -> dict:
    """The lesson's ``X = torch.randn(n, d)`` and ``w = torch.randn(d)``."""
    return {"x": normal(rng, n, d), "w": normal(rng, d)}


def quadratic_hessian(x: np.ndarray) -> Summed:
    """The Hessian of ``S = w @ xᵀx @ w``: 2xᵀx, whatever ``w``; a sum over the n samples."""
    h = dot(x.T, x)
    return Summed(2 * h.value, 2 * h.magnitude, h.terms + 1)


def times_vector(h: Summed, v: np.ndarray) -> Summed:
    """``H @ v``: d more terms on top of H's own."""
    v = np.asarray(v, np.float64)
    return Summed(h.value @ v, h.magnitude @ np.abs(v), h.terms + len(v))
