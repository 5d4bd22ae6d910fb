"""Seeded inputs for the autograd cases (one function per case name).

``v`` is a random cotangent: a backward pass seeded with it instead of ``.sum()``'s ones, so an
error that a sum would hide (a wrong sign on one element, a transposed gradient) shows.
"""

from __future__ import annotations

import numpy as np

from shared.data import pick


def _normal(rng: np.random.Generator, *shape: int) -> np.ndarray:
    return rng.standard_normal(shape).astype(np.float32)


def _uniform(rng: np.random.Generator, *shape: int) -> np.ndarray:
    """``torch.rand``'s distribution, which the lesson uses for its regressions."""
    return rng.random(shape, dtype=np.float32)


def _xyv(size: str, rng: np.random.Generator) -> dict:
    """The lesson's ``x = y = [1, 2, 3]`` at ``lesson`` size; random ones for tests."""
    if pick(size, test=False, lesson=True):
        x, y = np.array([1.0, 2.0, 3.0], np.float32), np.array([1.0, 2.0, 3.0], np.float32)
    else:
        x, y = _normal(rng, 3), _normal(rng, 3)
    return {"x": x, "y": y, "v": _normal(rng, 3)}


def _regression(size: str, rng: np.random.Generator) -> dict:
    """The lesson's linear regression: ``X`` (5, 10), ``w`` (10,), ``b`` (1,), all uniform."""
    n, k = pick(size, test=(5, 10), lesson=(5, 10))
    return {
        "X": _uniform(rng, n, k),
        "y": _uniform(rng, n),
        "w": _uniform(rng, k),
        "b": _uniform(rng, 1),
    }


def backward_basics(size: str, rng: np.random.Generator) -> dict:
    return _xyv(size, rng)


def requires_grad(size: str, rng: np.random.Generator) -> dict:
    xyv = _xyv(size, rng)
    return {"x": xyv["x"], "y": xyv["y"]}


def intermediate_grad(size: str, rng: np.random.Generator) -> dict:
    return _xyv(size, rng)


def graph_view(size: str, rng: np.random.Generator) -> dict:
    return _regression(size, rng)


def unsupported_op(size: str, rng: np.random.Generator) -> dict:
    """``Embedding(10, 10, dtype=complex128)``'s weight (N(0, 1) parts) and the lesson's ids."""
    num, dim = pick(size, test=(10, 10), lesson=(10, 10))
    weight = rng.standard_normal((num, dim)) + 1j * rng.standard_normal((num, dim))
    return {"weight": weight.astype(np.complex128), "idx": np.array([1, 2, 1, 3], np.int64)}


def custom_function(size: str, rng: np.random.Generator) -> dict:
    return _regression(size, rng)


def backward_inputs(size: str, rng: np.random.Generator) -> dict:
    """``calc_loss``'s inputs: ``cpu`` is what 2 cores time in seconds; ``lesson`` is for a GPU."""
    d, num_iters = pick(size, test=(4, 3), cpu=(500, 200), lesson=(500, 2000))
    return {
        "A": _uniform(rng, d, d),
        "B": _uniform(rng, d, d),
        "b": np.array(1.0, np.float32),
        "c": _uniform(rng, d, d),
        "q": 0.9,
        "num_iters": num_iters,
    }


def accumulation(size: str, rng: np.random.Generator) -> dict:
    """``x`` for the two-backward demo, and the big regression (lesson: 100 000 × 4 000)."""
    n, dim, chunks = pick(size, test=(12, 5, 3), lesson=(100_000, 4_000, 2))
    return {
        "x": _normal(rng, 3, 3),
        "X": _uniform(rng, n, dim),
        "y": _uniform(rng, n),
        "w": _uniform(rng, dim),
        "b": _uniform(rng, 1),
        "chunks": chunks,
    }


def inplace_error(size: str, rng: np.random.Generator) -> dict:
    shape = pick(size, test=(3, 3), lesson=(3, 3))
    return {"x": _normal(rng, *shape), "m": _uniform(rng, *shape), "v": _normal(rng, *shape)}


def clone_detach(size: str, rng: np.random.Generator) -> dict:
    n, d = pick(size, test=(3, 4), lesson=(3, 4))
    return {
        "x": _uniform(rng, n),
        "y": _uniform(rng, n),
        "v": _normal(rng, n),
        "p": _uniform(rng, d, d),
    }
