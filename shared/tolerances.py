"""How close is close enough, in one place, with the bound behind each number.

Two yardsticks, chosen by the arithmetic that produced an output (its oracle says which):

- **A few roundings** (elementwise operations, short sums, library functions such as ``exp``):
  ``|actual − expected| <= atol + rtol·|expected|`` elementwise (``numpy.allclose``'s rule),
  with ``rtol`` a few hundred units of roundoff of the dtype (:data:`BY_DTYPE`).
- **Long sums** (matmuls, reductions, gradients that sum over a batch): the standard forward
  error bound ``|actual − expected| <= γ(n)·magnitude`` with ``γ(n) = n·u / (1 − n·u)``
  (Higham, *Accuracy and Stability of Numerical Algorithms*, §3.1), where ``u`` is the unit
  roundoff, ``n`` the roundings along the longest chain and ``magnitude`` the same expression
  on absolute values (``shared.oracles.Summed``). It holds for any summation order, so for any
  BLAS or XLA kernel, and it does not fail where a sum nearly cancels.

- **Deep networks** (ResNet-101's logits): the worst-case bound grows by the fan-in at every
  layer and says nothing after a hundred of them, so the float32 error is measured on the
  network and input at hand by a third implementation, NumPy in float32
  (``shared.oracles.Deep``); a framework may stray :data:`DEEP_FACTOR` times as far.

Comparing the two frameworks with each other, both sides carry an error, so each bound counts
twice. Integers and booleans have no rounding: they must be equal.
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
    "float16": Tolerance(1e-2, 1e-3, "10-bit mantissa (u ≈ 4.9e-4), a few roundings"),
    "bfloat16": Tolerance(2e-2, 1e-2, "7-bit mantissa (u ≈ 3.9e-3), a few roundings"),
    "float32": Tolerance(
        2e-5,
        1e-6,
        "u ≈ 6e-8: a few roundings, each library's exp/log/tanh within a few ulp, and the "
        "cancellation of a short sum near zero (the absolute part)",
    ),
    "float64": Tolerance(1e-10, 1e-12, "u ≈ 1.1e-16 with the same headroom; far below any bug"),
    "complex64": Tolerance(2e-5, 1e-6, "as float32, per component"),
    "complex128": Tolerance(1e-10, 1e-12, "as float64, per component"),
}

UNIT_ROUNDOFF: dict[str, float] = {
    "float16": 2.0**-11,
    "bfloat16": 2.0**-8,
    "float32": 2.0**-24,
    "float64": 2.0**-53,
    "complex64": 2.0**-24,
    "complex128": 2.0**-53,
}
"""Half the distance from 1 to the next float: the largest relative error of one rounding."""

DEEP_FACTOR = 3.0
"""How much further than NumPy's float32 forward pass a framework's may stray from the float64
answer. Another float32 implementation of the same network makes an error of the same size,
not the same error: torch and JAX on the CPU strayed 0.7–1.2 times as far as NumPy
(ResNet-101, 64×64 images with seeds 0–2, 224×224 with seeds 0–1). A wrong weight, layout or
statistic moves logits by their own size, a thousand times the spread."""

DEEP_REASON = "float32 error measured on this network by NumPy's float32 forward pass"

SUMMED_REASON = (
    "forward-error bound of a long sum: |error| <= γ(n)·(the sum of absolute values), "
    "γ(n) = n·u/(1 − n·u), per side"
)


def for_dtype(dtype: np.dtype | str) -> Tolerance:
    """The few-roundings tolerance for results of ``dtype`` (exact for integers and bools)."""
    dt = np.dtype(dtype)
    if dt.kind in "biu":
        return EXACT
    return BY_DTYPE[dt.name]


def gamma(terms: int, dtype: np.dtype | str) -> float:
    """``γ(n) = n·u / (1 − n·u)``: the relative bound after ``terms`` roundings in ``dtype``."""
    dt = np.dtype(dtype)
    if dt.kind in "biu":
        return 0.0
    nu = terms * UNIT_ROUNDOFF[dt.name]
    if nu >= 1:
        raise ValueError(f"{terms} roundings in {dt.name}: the bound γ(n) needs n·u < 1")
    return nu / (1 - nu)


def coarser(a: np.dtype | str, b: np.dtype | str) -> np.dtype:
    """The less precise of two dtypes: comparisons are as loose as the worse side needs."""
    da, db = np.dtype(a), np.dtype(b)
    if da.kind in "biu":
        return db
    if db.kind in "biu":
        return da
    return da if da.itemsize <= db.itemsize else db
