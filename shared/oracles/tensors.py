"""Oracles for the tensors cases (one function per case name), in NumPy."""

from __future__ import annotations

import numpy as np

from shared.oracles import Stat


def create(*, shape: tuple[int, ...], sample_size: int, seed: int) -> dict:
    se = 1 / np.sqrt(sample_size)
    return {
        "zeros": np.zeros(shape, np.float32),
        "ones": np.ones(shape, np.int32),
        # 6 standard errors: a correct generator fails this about once in 10⁹ seeds.
        "sample_mean": Stat(0.0, 6 * se, "mean of N(0,1) draws, 6 standard errors"),
        "sample_std": Stat(1.0, 6 * se / np.sqrt(2), "std of N(0,1) draws, 6 standard errors"),
    }


def basic_ops(*, a: np.ndarray, b: np.ndarray) -> dict:
    return {"add_transposed": a + b.T, "matmul": a @ b, "sum": a.sum(), "prod": b.prod()}


def to_numpy(*, w: np.ndarray) -> dict:
    return {"values": w}


def from_numpy_copy(*, v_np: np.ndarray) -> dict:
    return {"array": v_np}  # the values before `v_np += 1`


def conversion_speed(*, u_np: np.ndarray) -> dict:
    return {"share": u_np, "copy": u_np, "on_device": u_np}


def api_names(*, a: np.ndarray) -> dict:
    m, n = a.shape
    return {
        "sum_axis0": a.sum(axis=0),
        "view": a.reshape(n, m),
        "reshape": a.T.reshape(m * n),
        "as_float64": a.astype(np.float64),
        "as_int32": a.astype(np.int32),  # truncation toward zero in all three libraries
    }


def inplace(*, a: np.ndarray) -> dict:
    row_added = a.copy()
    row_added[1] += row_added[2]
    return {"row_added": row_added, "zeroed": np.zeros_like(a), "exp": np.ones_like(a)}


def dtype_promotion(*, a32: np.ndarray, b64: np.ndarray) -> dict:
    return {"add": a32 + b64, "cast_matmul": a32.astype(np.float64) @ b64}


def useful_functions(*, a: np.ndarray, b: np.ndarray, x: np.ndarray) -> dict:
    flat = x.ravel()
    top = np.argsort(flat)[::-1][:3]
    return {
        "cat": np.concatenate([a, b], axis=0),
        "stack": np.stack([a, b], axis=0),
        "unsqueeze": a[:, None],
        "squeeze": a,
        "chunks_rejoined": x,
        "transpose": a.T,
        "permute": a.reshape(2, -1, a.shape[1]).transpose(2, 0, 1),
        "tile": np.tile(a, (2, 1)),
        "repeat_interleave": np.repeat(a, 2, axis=0),
        "max_values": a.max(axis=1),
        "max_indices": a.argmax(axis=1),
        "maximum": np.maximum(a, b),
        "ravel": a.ravel(),
        "flatten": x.reshape(x.shape[0], -1),
        "topk_values": flat[top],
        "topk_indices": top,
    }
