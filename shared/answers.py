"""The kinds of answer an oracle gives, each judged by its own yardstick (``shared.parity``).

A case module's ``oracle(**inputs)`` returns, per output, a NumPy array (exact values of a few
roundings, compared within ``shared.tolerances``' per-dtype tolerance, with the other framework
too), a :class:`Summed` (a result of long sums, judged by the forward-error bound of its
arithmetic), a :class:`Deep` (a deep network's output, judged by the float32 error measured on
it), a :class:`Stat` (a statistic of random draws, compared with its own bound, since the two
frameworks' random streams differ) or a :class:`Count` (whole numbers decided by comparing
floats, each allowed a stated slack). A leaf module: the case modules import it, and
``shared.oracles`` (which finds them through the registry) re-exports it.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Stat:
    """A statistic of random draws that must lie within ``atol`` of ``value``."""

    value: float
    atol: float
    reason: str


@dataclass(frozen=True)
class Count:
    """Whole numbers decided by comparing floats (test images classified right): each may be
    ``atol`` off ``value`` for the stated ``reason``, and the two frameworks ``2·atol`` apart
    (each carries its own slack). Anything further is a bug, not rounding."""

    value: np.ndarray
    atol: int
    reason: str


@dataclass(frozen=True)
class Summed:
    """A result of long sums: its error scales with what was summed, not with its own size.

    Judged by the standard forward-error bound ``|computed − value| ≤ γ(terms)·magnitude``
    (``shared.tolerances.gamma``). For ``a @ b`` with reduction length K, ``magnitude`` is
    ``|a| @ |b|`` and ``terms`` is K: where the sum nearly cancels, the result is tiny while
    its rounding error is not, so a tolerance relative to the result fails a correct kernel.
    ``terms`` counts the roundings along the longest chain (sums, then the few operations
    after them), ``magnitude`` the same expression evaluated on absolute values. A function
    of a sum that is not linear in it (a square) adds ``γ(terms)²·second_order``: the error of
    the error, which is all that is left where the sum cancels to zero.
    """

    value: np.ndarray
    magnitude: np.ndarray
    terms: int
    second_order: np.ndarray | float = 0.0


@dataclass(frozen=True)
class Deep:
    """The output of a deep network, judged by the float32 error such a network makes.

    The worst-case bound of :class:`Summed`, carried through a network, multiplies at every
    layer by the absolute values of its weights: after ResNet-101's 104 convolutions it
    exceeds the logits by hundreds of orders of magnitude and would accept anything. What
    rounding does to *this* network on *this* input is measured instead, by a third float32
    implementation: ``float32`` is the same NumPy forward pass as ``value`` (float64), run in
    float32. A framework may stray from ``value`` by ``shared.tolerances.DEEP_FACTOR`` times
    the largest ``|float32 − value|`` of the output.
    """

    value: np.ndarray
    float32: np.ndarray

    @property
    def spread(self) -> float:
        """How far NumPy's float32 pass strayed, at most, over the whole output."""
        return float(np.abs(np.asarray(self.float32, np.float64) - self.value).max(initial=0.0))


def dot(a: np.ndarray, b: np.ndarray) -> Summed:
    """``a @ b`` in float64 with its bound: magnitude ``|a| @ |b|``, one term per product."""
    a, b = np.asarray(a, np.float64), np.asarray(b, np.float64)
    return Summed(a @ b, np.abs(a) @ np.abs(b), a.shape[-1])


def f64(*arrays: np.ndarray) -> list[np.ndarray]:
    """The arrays in float64: an oracle computes the mathematics, not a float32 kernel."""
    return [np.asarray(a, np.float64) for a in arrays]


Expected = dict[str, np.ndarray | Summed | Deep | Stat | Count]
"""An oracle's answer: output name → its value and how it is judged."""
