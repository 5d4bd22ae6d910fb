"""Seeded inputs for the advanced cases (one function per case name).

Sizes: ``test`` (tiny, for CI), ``lesson``/``small`` (the lesson's X of 5×10) and ``large`` (a
batch big enough for the methods' costs to separate: 256×1000 per-sample, 500×200 Hessian,
500×1000 Hessian-vector products, where forming H is the expensive way).
"""

from __future__ import annotations

import numpy as np

from shared.data import pick
from shared.data.modules import init_weights, linear_layers


def _normal(rng: np.random.Generator, *shape: int) -> np.ndarray:
    return rng.standard_normal(shape).astype(np.float32)


def _linear(rng: np.random.Generator, n: int, d: int) -> dict:
    """The lesson's ``X = torch.randn(n, d)`` and ``w = torch.randn(d)``."""
    return {"x": _normal(rng, n, d), "w": _normal(rng, d)}


def network(rng: np.random.Generator, *dims: int) -> dict:
    """The lesson's ``DeepNetwork(*dims)``, dims = (input_dim, hidden_dim, num_classes,
    num_layers), with weights in the shared format of ``shared.data.modules``."""
    return {"weights": init_weights(linear_layers("deep", *dims), rng), "dims": dims}


def grad_mean(size: str, rng: np.random.Generator) -> dict:
    return _linear(rng, *pick(size, test=(4, 6), lesson=(5, 10)))


def vjp(size: str, rng: np.random.Generator) -> dict:
    n, d = pick(size, test=(4, 6), lesson=(5, 10))
    return {**_linear(rng, n, d), "v": _normal(rng, n)}


def per_sample_grads(size: str, rng: np.random.Generator) -> dict:
    """X @ w, and a DeepNetwork taking the same X: (n, d, hidden, classes, hidden layers)."""
    n, d, h, c, depth = pick(
        size, test=(4, 6, 8, 3, 2), small=(5, 10, 16, 2, 2), large=(256, 1000, 64, 2, 2)
    )
    labels = rng.integers(0, c, n).astype(np.int32)
    return {**_linear(rng, n, d), "labels": labels, **network(rng, d, h, c, depth)}


def hessian(size: str, rng: np.random.Generator) -> dict:
    return _linear(rng, *pick(size, test=(4, 6), small=(5, 10), large=(500, 200)))


def jvp_hvp(size: str, rng: np.random.Generator) -> dict:
    n, d = pick(size, test=(4, 6), small=(5, 10), large=(500, 1000))
    return {**_linear(rng, n, d), "v": _normal(rng, d)}
