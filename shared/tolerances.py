"""How close is close enough, per dtype, in one place, with the reason for each number.

A comparison passes when ``|actual - expected| <= atol + rtol * |expected|`` elementwise
(``numpy.allclose``'s rule). The two frameworks call different BLAS kernels and XLA reorders
and fuses floating-point work, so float results agree to rounding, not bit for bit.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Tolerance:
    rtol: float
    atol: float
    reason: str


EXACT = Tolerance(0.0, 0.0, "integers and booleans have no rounding: they must be equal")

BY_DTYPE: dict[str, Tolerance] = {
    "float16": Tolerance(1e-2, 1e-3, "10-bit mantissa (ε ≈ 1e-3), a few roundings"),
    "bfloat16": Tolerance(2e-2, 1e-2, "7-bit mantissa (ε ≈ 8e-3)"),
    "float32": Tolerance(
        2e-5,
        1e-6,
        "ε ≈ 1.2e-7; a dot product of length K accumulates up to ~√K·ε relative error in a "
        "different order per BLAS/XLA kernel (K ≤ 1000 in the cases), plus headroom for "
        "cancellation near zero",
    ),
    "float64": Tolerance(1e-10, 1e-12, "ε ≈ 2.2e-16 with the same √K growth; far below any bug"),
    "complex64": Tolerance(2e-5, 1e-6, "as float32, per component"),
    "complex128": Tolerance(1e-10, 1e-12, "as float64, per component"),
}

GRAD_FACTOR = 10.0
"""Gradients pass through one more chain of products than values (reverse-mode sums in a
different order), so their tolerance is this many times the value tolerance."""


def for_dtype(dtype: np.dtype | str, *, grad: bool = False) -> Tolerance:
    """The tolerance for results of ``dtype`` (gradients get ``GRAD_FACTOR`` more)."""
    dt = np.dtype(dtype)
    if dt.kind in "biu":
        return EXACT
    tol = BY_DTYPE[dt.name]
    if grad:
        return Tolerance(tol.rtol * GRAD_FACTOR, tol.atol * GRAD_FACTOR, tol.reason + "; gradient")
    return tol


def coarser(a: np.dtype | str, b: np.dtype | str) -> np.dtype:
    """The less precise of two dtypes: comparisons are as loose as the worse side needs."""
    da, db = np.dtype(a), np.dtype(b)
    if da.kind in "biu":
        return db
    if db.kind in "biu":
        return da
    return da if da.itemsize <= db.itemsize else db
