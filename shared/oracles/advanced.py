"""Oracles for the advanced cases (one function per case name): closed forms in float64, and
for the DeepNetwork a loop over single samples of the hand-written backward pass.

Every way a framework computes a quantity must give the same answer, so each output
``<quantity>_<method>`` gets the same closed form, methods only one framework has (torch's
``autograd.functional``) included. Sums over the samples carry their forward-error bound
(:class:`~shared.oracles.Summed`).
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from shared.data.modules import linear_layers
from shared.oracles import Summed, dot
from shared.oracles.modules import forward_backward

BOTH_PER_SAMPLE = ("loop", "batched", "vmap_grad", "jacrev")
BOTH_HESSIAN = ("double_backward", "func", "jacfwd_jacrev")
TORCH_HESSIAN = ("functional", "functional_vectorized")
"""``torch.autograd.functional.hessian``, the lesson's own, without and with ``vectorize``."""
BOTH_HVP = ("forward_over_reverse", "reverse_over_reverse", "dense")


def _f64(*arrays: np.ndarray) -> list[np.ndarray]:
    return [a.astype(np.float64) for a in arrays]


def grad_mean(*, x: np.ndarray, w: np.ndarray) -> dict:
    (x,) = _f64(x)
    return {"grad": Summed(x.mean(axis=0), np.abs(x).mean(axis=0), len(x) + 1)}


def vjp(*, x: np.ndarray, w: np.ndarray, v: np.ndarray) -> dict:
    return {"grad": dot(v, x)}


def network_per_sample_grads(
    x: np.ndarray, labels: np.ndarray, weights: Mapping[str, np.ndarray], dims: tuple
) -> np.ndarray:
    """A per-sample loop over the hand-written backward pass of ``shared.oracles.modules``:
    row i is the gradient of sample i's cross-entropy, its parameters in the shared (torch)
    layout, concatenated in the order of their sorted names."""
    layers = linear_layers("deep", *dims)
    rows = []
    for i in range(len(x)):
        _, _, grads = forward_backward(layers, weights, x[i : i + 1], labels[i : i + 1])
        rows.append(np.concatenate([grads[name].ravel() for name in sorted(grads)]))
    return np.stack(rows)


def per_sample_grads(
    *,
    x: np.ndarray,
    w: np.ndarray,
    labels: np.ndarray,
    weights: Mapping[str, np.ndarray],
    dims: tuple,
) -> dict:
    mlp = network_per_sample_grads(x, labels, weights, dims)
    # d (x @ w)[i] / dw = x[i]: the per-sample gradients of X @ w are the rows of X.
    return {
        **{f"grads_{m}": x.astype(np.float64) for m in BOTH_PER_SAMPLE},
        **{f"grads_mlp_{m}": mlp for m in BOTH_PER_SAMPLE},
    }


def quadratic_hessian(x: np.ndarray) -> Summed:
    """The Hessian of ``S = w @ xᵀx @ w``: 2xᵀx, whatever ``w``; a sum over the n samples."""
    h = dot(x.T, x)
    return Summed(2 * h.value, 2 * h.magnitude, h.terms + 1)


def _times(h: Summed, v: np.ndarray) -> Summed:
    """``H @ v``: d more terms on top of H's own."""
    v = np.asarray(v, np.float64)
    return Summed(h.value @ v, h.magnitude @ np.abs(v), h.terms + len(v))


def hessian(*, x: np.ndarray, w: np.ndarray) -> dict:
    h = quadratic_hessian(x)
    return {
        "grad": _times(h, w),
        **{f"hessian_{m}": h for m in BOTH_HESSIAN + TORCH_HESSIAN},
    }


def jvp_hvp(*, x: np.ndarray, w: np.ndarray, v: np.ndarray) -> dict:
    hv = _times(quadratic_hessian(x), v)
    return {"jvp": dot(x, v), **{f"hvp_{m}": hv for m in BOTH_HVP}}
