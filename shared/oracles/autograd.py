"""Oracles for the autograd cases (one function per case name): closed-form gradients.

Every gradient here is derived by hand and computed in float64 NumPy, so both frameworks are
judged against the mathematics, not only against each other.
"""

from __future__ import annotations

import numpy as np

from shared.oracles import Summed


def _f64(*arrays: np.ndarray) -> list[np.ndarray]:
    return [np.asarray(a, np.float64) for a in arrays]


def _z(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    return 3 * x**3 - y**2


def _regression_grads(X: np.ndarray, y: np.ndarray, w: np.ndarray, b: np.ndarray) -> dict:
    """loss = mean(r²), r = y − (Xw + b): ∂/∂w = −2Xᵀr/n, ∂/∂b = −2·mean(r).

    Sums over the d features, then over the n samples: ``r`` is off by at most
    ``γ(d + 2)·R`` with ``R = |y| + |X||w| + |b|``; each output sums ``n`` of those (its
    magnitude is the formula on ``R``), one rounding per step along the way.
    """
    X, y, w, b = _f64(X, y, w, b)
    (n, d), r = X.shape, y - (X @ w + b)
    R = np.abs(y) + np.abs(X) @ np.abs(w) + np.abs(b)
    terms = d + n + 4
    return {
        "loss": Summed(np.mean(r**2), np.mean(2 * np.abs(r) * R + r**2), terms, np.mean(R**2)),
        "grad_w": Summed(-2 * X.T @ r / n, 4 * np.abs(X).T @ R / n, terms),
        "grad_b": Summed(np.array([-2 * r.mean()]), np.array([4 * R.mean()]), terms),
    }


def backward_basics(*, x: np.ndarray, y: np.ndarray, v: np.ndarray) -> dict:
    x, y, v = _f64(x, y, v)
    return {
        "z": _z(x, y),
        "grad_x": 9 * x**2,
        "grad_y": -2 * y,
        "vjp_grad_x": 9 * x**2 * v,
        "vjp_grad_y": -2 * y * v,
    }


def requires_grad(*, x: np.ndarray, y: np.ndarray) -> dict:
    return {"z": _z(*_f64(x, y))}


def intermediate_grad(*, x: np.ndarray, y: np.ndarray, v: np.ndarray) -> dict:
    x, v = _f64(x, v)
    return {"grad_z": np.ones_like(x), "vjp_grad_z": v, "vjp_grad_x": 9 * x**2 * v}


def graph_view(*, X: np.ndarray, y: np.ndarray, w: np.ndarray, b: np.ndarray) -> dict:
    return _regression_grads(X, y, w, b)


def unsupported_op(*, weight: np.ndarray, idx: np.ndarray) -> dict:
    """loss = ‖W[idx]‖: ∂/∂W[r] = count(r)·W[r]/loss as torch reports it for complex W
    (the steepest-ascent direction, ``∂/∂Re + i·∂/∂Im``)."""
    weight = np.asarray(weight, np.complex128)
    loss = np.linalg.norm(weight[idx])
    counts = np.bincount(idx, minlength=len(weight))[:, None]
    grad = counts * weight / loss
    return {"loss": loss, "grad_weight": grad, "jax_grad_weight": np.conj(grad)}


def custom_function(*, X: np.ndarray, y: np.ndarray, w: np.ndarray, b: np.ndarray) -> dict:
    """ŷ = u², u = Xw + b, loss = mean((y − ŷ)²): ∂loss/∂u = −4(y − ŷ)u/n."""
    X, y, w, b = _f64(X, y, w, b)
    u = X @ w + b
    du = -4 * (y - u**2) * u / len(y)
    grads = {"grad_w": X.T @ du, "grad_b": [du.sum()]}
    return {
        "loss": np.mean((y - u**2) ** 2),
        **grads,
        **{f"builtin_{k}": g for k, g in grads.items()},
    }


def backward_inputs(
    *, A: np.ndarray, B: np.ndarray, b: np.ndarray, c: np.ndarray, q: float, num_iters: int
) -> dict:
    """C₀ = A + AB + B, Cₖ = qCₖ₋₁ + AB + b, loss = mean(C_N) unrolls to
    C_N = qᴺC₀ + s(AB + b), s = 1 + q + … + qᴺ⁻¹. With J the all-ones matrix over d²:
    ∂/∂A = (qᴺJ + (qᴺ + s)JBᵀ)/d², ∂/∂B = (qᴺJ + (qᴺ + s)AᵀJ)/d², ∂/∂b = s."""
    A, B = _f64(A, B)
    d, qn = A.shape[0], q**num_iters
    s = sum(q**k for k in range(num_iters))
    J = np.ones((d, d))
    # Backward through the loop: one product by q per step, d-term matmuls, the steps' sum;
    # b's gradient sums all d² entries of every step. |·| changes nothing (A, B, q ≥ 0 here,
    # and |·| of the formula bounds it otherwise).
    mag_A = (qn * J + (qn + s) * J @ np.abs(B).T) / d**2
    mag_B = (qn * J + (qn + s) * np.abs(A).T @ J) / d**2
    grad_A = Summed((qn * J + (qn + s) * J @ B.T) / d**2, mag_A, 2 * num_iters + d + 3)
    grad_B = Summed((qn * J + (qn + s) * A.T @ J) / d**2, mag_B, 2 * num_iters + d + 3)
    grad_b = Summed(np.float64(s), np.float64(abs(s)), d * d + 2 * num_iters)
    return {
        "grad_A": grad_A,
        "grad_B": grad_B,
        "grad_b": grad_b,
        "A_only_grad_A": grad_A,
        "b_only_grad_b": grad_b,
    }


def accumulation(
    *, x: np.ndarray, X: np.ndarray, y: np.ndarray, w: np.ndarray, b: np.ndarray, chunks: int
) -> dict:
    """∂Σx²/∂x = 2x, then ∂Σ2x/∂x = 2 is added; chunks must add up to the full batch."""
    (x,) = _f64(x)
    full = _regression_grads(X, y, w, b)
    return {
        "first_grad": 2 * x,
        "accumulated_grad": 2 * x + 2,
        "after_reset_grad": np.full_like(x, 2.0),
        "full_grad_w": full["grad_w"],
        "full_grad_b": full["grad_b"],
        "chunked_grad_w": full["grad_w"],
        "chunked_grad_b": full["grad_b"],
    }


def inplace_error(*, x: np.ndarray, m: np.ndarray, v: np.ndarray) -> dict:
    """``where(m > 0.5, 0, m)`` passes gradient where it kept ``m``; z = (2x)² has ∂z/∂x = 8x."""
    x, m, v = _f64(x, m, v)
    return {
        "where": np.where(m > 0.5, 0.0, m),
        "masked_copy": np.where(m > 0.5, 0.0, m),
        "where_grad": v * (m <= 0.5),
        "out_of_place_grad": 8 * x * v,
    }


def clone_detach(*, x: np.ndarray, y: np.ndarray, v: np.ndarray, p: np.ndarray) -> dict:
    """x + x.clone() + y.detach(): the clone is a second path to x (2), y gets nothing."""
    x, v, p = _f64(x, v, p)
    return {"grad_x": 2 * np.ones_like(x), "vjp_grad_x": 2 * v, "clone_grad": 10 * np.ones_like(p)}
