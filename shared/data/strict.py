"""Seeded inputs for the strict cases (one function per case name): a few float32 numbers,
since what is shown is what each framework does with the code, not how fast."""

from __future__ import annotations

import numpy as np

from shared.cases.strict import CALLS, LENGTH
from shared.data import pick


def _vector(size: str, rng: np.random.Generator) -> np.ndarray:
    return rng.standard_normal(pick(size, test=6, lesson=6), dtype=np.float32)


def python_if(size: str, rng: np.random.Generator) -> dict:
    """A sum above zero: ``x`` takes the ``if`` branch and ``-x`` the other one."""
    x = _vector(size, rng)
    return {"x": x if x.sum() > 0 else -x}


def new_shapes(size: str, rng: np.random.Generator) -> dict:
    """``torch.compile``'s backend: at ``test`` Dynamo's ``eager`` (its decisions, no code
    generated: milliseconds), at ``lesson`` Inductor, the default (seconds: the main job's)."""
    return {
        "x": rng.standard_normal(LENGTH, dtype=np.float32),
        "backend": pick(size, test="eager", lesson="inductor"),
    }


def side_effect_print(size: str, rng: np.random.Generator) -> dict:
    n = pick(size, test=4, lesson=4)
    return {"xs": rng.standard_normal((CALLS, n), dtype=np.float32)}


def side_effect_append(size: str, rng: np.random.Generator) -> dict:
    n = pick(size, test=4, lesson=4)
    return {"xs": rng.standard_normal((CALLS, n), dtype=np.float32)}


def inplace_update(size: str, rng: np.random.Generator) -> dict:
    return {"x": _vector(size, rng)}


def dynamic_shape(size: str, rng: np.random.Generator) -> dict:
    """Numbers of both signs, so that ``x[x > 0]`` is shorter than ``x`` and not empty."""
    x = _vector(size, rng)
    x[:2] = np.abs(x[:2]) * np.array([1, -1], np.float32)
    return {"x": x}
