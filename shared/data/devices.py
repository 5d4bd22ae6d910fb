"""Seeded inputs for the devices cases (one function per case name)."""

from __future__ import annotations

import numpy as np

from shared.data import pick


def _normal(rng: np.random.Generator, *shape: int) -> np.ndarray:
    return rng.standard_normal(shape).astype(np.float32)


def inspect(size: str, rng: np.random.Generator) -> dict:
    return {"a": _normal(rng, *pick(size, test=(3, 5), lesson=(3, 5)))}


def transfer(size: str, rng: np.random.Generator) -> dict:
    return {"a": _normal(rng, *pick(size, test=(3, 5), lesson=(3, 5)))}


def cross_device_error(size: str, rng: np.random.Generator) -> dict:
    return {"a": _normal(rng, *pick(size, test=(3, 5), lesson=(3, 5)))}


def copy_on_transfer(size: str, rng: np.random.Generator) -> dict:
    return {"p": rng.random(pick(size, test=10, lesson=10)).astype(np.float32)}


def layer(size: str, rng: np.random.Generator) -> dict:
    n = pick(size, test=64, lesson=1000)
    return {"a": _normal(rng, n, n), "b": _normal(rng, n, n)}


def layer_flops(inputs: dict) -> float:
    """A (n×k)@(k×m) matmul is 2nkm FLOPs; the square adds nm (counted: it is real work)."""
    (n, k), m = inputs["a"].shape, inputs["b"].shape[1]
    return 2.0 * n * k * m + n * m
