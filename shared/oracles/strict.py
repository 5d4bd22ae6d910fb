"""Oracles for the strict cases (one function per case name), in float64: what the ordinary
Python function returns, computed by NumPy. Every way of running it that works — eager torch,
``torch.compile``, the JAX rewrites — must give this answer."""

from __future__ import annotations

import numpy as np

from shared.oracles import Summed


def _double_or_shift(x: np.ndarray) -> np.ndarray:
    return x * 2 if x.sum() > 0 else x - 1


def python_if(*, x: np.ndarray) -> dict:
    x = x.astype(np.float64)
    answer = np.stack([_double_or_shift(x), _double_or_shift(-x)])
    return {"answer": answer, "compiled_answer": answer, "cond_answer": answer}


def new_shapes(*, x: np.ndarray, backend: str) -> dict:
    x = x.astype(np.float64)
    answer = np.concatenate([x[:n] * 2 + 1 for n in range(2, len(x) + 1)])
    return {"answer": answer, "compiled_answer": answer, "jit_answer": answer}


def side_effect_print(*, xs: np.ndarray) -> dict:
    answer = xs.astype(np.float64) * 2
    return {"answer": answer, "compiled_answer": answer, "jit_answer": answer}


def side_effect_append(*, xs: np.ndarray) -> dict:
    xs = xs.astype(np.float64)
    sums = Summed(xs.sum(axis=1), np.abs(xs).sum(axis=1), xs.shape[1])
    return {"logged": sums, "compiled_logged": sums}


def inplace_update(*, x: np.ndarray) -> dict:
    answer = x.astype(np.float64)
    answer[0] = 0
    return {"answer": answer, "compiled_answer": answer}


def dynamic_shape(*, x: np.ndarray) -> dict:
    x = x.astype(np.float64)
    answer = x[x > 0]
    return {"answer": answer, "compiled_answer": answer, "where_answer": np.where(x > 0, x, 0)}
