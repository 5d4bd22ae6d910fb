"""Seeded inputs for the tensors cases (one function per case name)."""

from __future__ import annotations

import numpy as np

from shared.data import pick


def _normal(rng: np.random.Generator, *shape: int) -> np.ndarray:
    return rng.standard_normal(shape).astype(np.float32)


def create(size: str, rng: np.random.Generator) -> dict:
    return {
        "shape": pick(size, test=(5, 7), lesson=(5, 7)),
        "sample_size": pick(size, test=200_000, lesson=1_000_000),
        "seed": int(rng.integers(2**31)),
    }


def basic_ops(size: str, rng: np.random.Generator) -> dict:
    m, n = pick(size, test=(3, 5), lesson=(3, 5))
    return {"a": _normal(rng, m, n), "b": _normal(rng, n, m)}


def to_numpy(size: str, rng: np.random.Generator) -> dict:
    pick(size, test=None, lesson=None)
    return {"w": np.array([1, 2, 3.0], dtype=np.float32)}


def from_numpy_copy(size: str, rng: np.random.Generator) -> dict:
    return {"v_np": np.arange(pick(size, test=10, lesson=10))}


def from_numpy_shared(size: str, rng: np.random.Generator) -> dict:
    return {"u_np": np.full(pick(size, test=(2, 3), lesson=(2, 3)), -1.0)}


def conversion_speed(size: str, rng: np.random.Generator) -> dict:
    return {"u_np": np.full(pick(size, test=(100, 100), lesson=(1000, 1000)), 317.0)}


def api_names(size: str, rng: np.random.Generator) -> dict:
    return {"a": _normal(rng, *pick(size, test=(3, 5), lesson=(3, 5)))}


def inplace(size: str, rng: np.random.Generator) -> dict:
    return {"a": _normal(rng, *pick(size, test=(3, 5), lesson=(3, 5)))}


def dtype_promotion(size: str, rng: np.random.Generator) -> dict:
    n = pick(size, test=10, lesson=10)
    return {"a32": np.zeros(n, np.float32), "b64": np.ones(n, np.float64)}


def useful_functions(size: str, rng: np.random.Generator) -> dict:
    m, n = pick(size, test=(4, 6), lesson=(4, 6))
    # Distinct values, so max/argmax/topk have one right answer in both frameworks.
    x = rng.permutation(10 * 3 * 2).reshape(10, 3, 2).astype(np.float32)
    return {"a": _normal(rng, m, n), "b": _normal(rng, m, n), "x": x}


def random_seeding(size: str, rng: np.random.Generator) -> dict:
    return {"seed": int(rng.integers(2**31)), "shape": pick(size, test=(3,), lesson=(5, 7))}
